// Optional Azure AI resources: Azure AI Speech (transcription) and Azure OpenAI (evaluation).
// Both are created with a custom subdomain (required for Microsoft Entra ID authentication)
// and with local (key) authentication disabled, so the function app's managed identity is the
// only way in. The data-plane roles are granted in infra/app/rbac.bicep.

param location string = resourceGroup().location
param tags object = {}

@description('Create an Azure AI Speech account (kind SpeechServices).')
param deploySpeech bool = true

@description('Speech account name; also used as its custom subdomain (globally unique).')
param speechAccountName string

@allowed([
  'F0'
  'S0'
])
param speechSkuName string = 'S0'

@description('Create an Azure OpenAI account (kind OpenAI) with one model deployment.')
param deployOpenAi bool = true

@description('Azure OpenAI account name; also used as its custom subdomain (globally unique).')
param openAiAccountName string

@description('Name of the model deployment the app calls (AZURE_OPENAI_DEPLOYMENT).')
param openAiDeploymentName string

@description('Model to deploy. Check model availability and retirement dates for your region before changing.')
param openAiModelName string

param openAiModelVersion string

@description('Deployment type, e.g. GlobalStandard, DataZoneStandard or Standard.')
param openAiDeploymentSkuName string

@description('Deployment capacity in units of 1,000 tokens per minute.')
@minValue(1)
param openAiDeploymentCapacity int

resource speech 'Microsoft.CognitiveServices/accounts@2024-10-01' = if (deploySpeech) {
  name: speechAccountName
  location: location
  tags: tags
  kind: 'SpeechServices'
  sku: {
    name: speechSkuName
  }
  properties: {
    customSubDomainName: speechAccountName
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

resource openAi 'Microsoft.CognitiveServices/accounts@2024-10-01' = if (deployOpenAi) {
  name: openAiAccountName
  location: location
  tags: tags
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: openAiAccountName
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

resource openAiDeployment 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = if (deployOpenAi) {
  parent: openAi
  name: openAiDeploymentName
  sku: {
    name: openAiDeploymentSkuName
    capacity: openAiDeploymentCapacity
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: openAiModelName
      version: openAiModelVersion
    }
    versionUpgradeOption: 'OnceCurrentVersionExpired'
  }
}

output speechAccountName string = deploySpeech ? speech.name : ''
output speechEndpoint string = deploySpeech ? speech.properties.endpoint : ''
output openAiAccountName string = deployOpenAi ? openAi.name : ''
output openAiEndpoint string = deployOpenAi ? openAi.properties.endpoint : ''
output openAiDeploymentName string = deployOpenAi ? openAiDeployment.name : ''
