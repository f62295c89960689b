// Audio Files service: infrastructure for `azd up`.
//
// Subscription-scoped: creates the resource group and deploys one module per concern into it:
//   app/identity.bicep          user-assigned managed identity of the function app
//   core/monitor/monitoring     Log Analytics workspace + Application Insights (Entra-only ingestion)
//   core/storage/storage        storage account, containers, queues, tables, CORS, soft delete
//   app/ai.bicep                optional Azure AI Speech + Azure OpenAI (keys disabled)
//   app/rbac.bicep              every role assignment (app identity + deploying developer)
//   app/function-app.bicep      Flex Consumption plan + Python 3.11 function app + app settings
//   app/eventgrid.bicep         Event Grid system topic + blob-created subscription to the app
//
// See docs/deploy.md for the workflow and docs/entra-id.md for the API's app registration.

targetScope = 'subscription'

// ---------------------------------------------------------------------------------------------
// azd-provided parameters
// ---------------------------------------------------------------------------------------------

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; used in the resource group name, tags and the resource token.')
param environmentName string

@minLength(1)
@description('Primary location for all resources (must offer the Flex Consumption plan).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the deploying principal (azd sets AZURE_PRINCIPAL_ID). Gets data-plane roles so a developer can inspect data; leave empty to skip.')
param principalId string = ''

@description('Type of principalId: User when a person runs azd, ServicePrincipal in CI.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param principalType string = 'User'

@description('Optional explicit resource group name; defaults to rg-<environmentName>.')
param resourceGroupName string = ''

// ---------------------------------------------------------------------------------------------
// API authentication (Microsoft Entra ID; see docs/entra-id.md)
// ---------------------------------------------------------------------------------------------

@description('Tenant that issues the API\'s access tokens. Empty means the subscription\'s tenant, subscription().tenantId.')
param authTenantId string = ''

@minLength(1)
@description('Accepted "aud" values of access tokens, comma-separated. The API app registration uses accessTokenAcceptedVersion 2, and in v2.0 tokens "aud" is the API\'s application (client) id GUID; api://<client-id> may be listed too. Set with: azd env set AUTH_AUDIENCE "<client-id>,api://<client-id>".')
param authAudience string

// ---------------------------------------------------------------------------------------------
// Application behaviour
// ---------------------------------------------------------------------------------------------

@description('Largest accepted upload, in bytes (default 500 MiB).')
@minValue(1)
param maxUploadBytes int = 524288000

@description('Locale passed to Azure AI Speech.')
param speechLocale string = 'en-US'

@description('Directory with a local Whisper model; only used when transcription falls back to whisper. Empty lets the engine use its default.')
param whisperModelDir string = ''

@description('Directory with the evaluation\'s word-order-aware encoder (all-MiniLM-L6-v2, as make model provisions it) the instances can read. Empty lets the engine use its default; without a verified encoder the intent layer runs on WordLlama alone.')
param evaluationEncoderDir string = ''

@description('Speaker labels for the channels of a stereo recording, in channel order.')
param channelSpeakers string = 'agent,customer'

@description('ISO 639-1 code pinning the Whisper engine\'s language; empty: detected per call')
param transcriptionLanguage string = ''

@description('Voices the offline engines tell apart on a mono recording (2 up to this many); 1 turns diarization off')
@minValue(1)
@maxValue(8)
param maxSpeakers int = 2

@description('Origins allowed to call the API and to PUT/GET SAS URLs from a browser. Use your web front-end origins in production, and the Function App\'s own origin for the console at /console.')
param allowedCorsOrigins array = [
  '*'
]

@description('Move audio blobs to the Cool tier after this many days; 0 disables the lifecycle rule.')
@minValue(0)
param audioCoolTierAfterDays int = 0

// ---------------------------------------------------------------------------------------------
// Function app sizing
// ---------------------------------------------------------------------------------------------

@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Upper bound on Flex Consumption scale-out.')
@maxValue(1000)
param maximumInstanceCount int = 100

// ---------------------------------------------------------------------------------------------
// Event Grid blob trigger
// ---------------------------------------------------------------------------------------------

@description('Name of the Event Grid blob-triggered function that processes new audio (Host.Functions.<name>).')
param blobTriggerFunctionName string = 'upload_arrived'

@description('Create the Event Grid subscription to the blob trigger. Only possible once the code is deployed; the postdeploy hook turns this on (CREATE_BLOB_EVENT_SUBSCRIPTION).')
param createBlobEventSubscription bool = false

// ---------------------------------------------------------------------------------------------
// Optional AI services. Either let this template create them, or point at existing endpoints
// (then grant the function identity the roles yourself, see docs/deploy.md).
// ---------------------------------------------------------------------------------------------

@description('Region for the AI accounts (model availability differs by region); empty = location.')
param aiLocation string = ''

@description('Create an Azure AI Speech account (used when no existing endpoint is given).')
param deploySpeech bool = true

@description('Endpoint of an existing Speech resource with a custom subdomain (https://<name>.cognitiveservices.azure.com/). Overrides deploySpeech.')
param existingSpeechEndpoint string = ''

@description('Create an Azure OpenAI account and model deployment (used when no existing endpoint is given).')
param deployOpenAi bool = true

@description('Endpoint of an existing Azure OpenAI resource (https://<name>.openai.azure.com/). Overrides deployOpenAi.')
param existingOpenAiEndpoint string = ''

@description('Deployment name to call on the existing Azure OpenAI resource, or the name to give the new one.')
param openAiDeploymentName string = 'evaluation'

param openAiModelName string = 'gpt-4.1-mini'
param openAiModelVersion string = '2025-04-14'
param openAiDeploymentSkuName string = 'GlobalStandard'

@description('Model deployment capacity, in thousands of tokens per minute.')
@minValue(1)
param openAiDeploymentCapacity int = 30

@description('Azure OpenAI data-plane API version the app uses.')
param openAiApiVersion string = '2024-10-21'

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}

var functionAppName = 'func-api-${resourceToken}'
var deploymentContainerName = 'app-package-${take(functionAppName, 32)}-${take(resourceToken, 7)}'
var effectiveAiLocation = empty(aiLocation) ? location : aiLocation

var useExistingSpeech = !empty(existingSpeechEndpoint)
var createSpeech = deploySpeech && !useExistingSpeech
var useExistingOpenAi = !empty(existingOpenAiEndpoint)
var createOpenAi = deployOpenAi && !useExistingOpenAi

// azd passes an empty string when AUTH_TENANT_ID is unset, so the default is applied here.
var tenantId = empty(authTenantId) ? subscription().tenantId : authTenantId
// environment().authentication.loginEndpoint is https://login.microsoftonline.com/ in the public
// cloud, so these are https://login.microsoftonline.com/<tenantId>/v2.0 and
// https://login.microsoftonline.com/<tenantId>/discovery/v2.0/keys.
var authIssuer = '${environment().authentication.loginEndpoint}${tenantId}/v2.0'
var authJwksUrl = '${environment().authentication.loginEndpoint}${tenantId}/discovery/v2.0/keys'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : 'rg-${environmentName}'
  location: location
  tags: tags
}

// ---------------------------------------------------------------------------------------------
// Modules
// ---------------------------------------------------------------------------------------------

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-api-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'core/monitor/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'core/storage/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
    allowedCorsOrigins: allowedCorsOrigins
    audioCoolTierAfterDays: audioCoolTierAfterDays
  }
}

module ai 'app/ai.bicep' = {
  name: 'ai'
  scope: rg
  params: {
    location: effectiveAiLocation
    tags: tags
    deploySpeech: createSpeech
    speechAccountName: 'spch-${resourceToken}'
    deployOpenAi: createOpenAi
    openAiAccountName: 'oai-${resourceToken}'
    openAiDeploymentName: openAiDeploymentName
    openAiModelName: openAiModelName
    openAiModelVersion: openAiModelVersion
    openAiDeploymentSkuName: openAiDeploymentSkuName
    openAiDeploymentCapacity: openAiDeploymentCapacity
  }
}

module keyVault 'core/security/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: 'kv-${resourceToken}'
    location: location
    tags: tags
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    speechAccountName: ai.outputs.speechAccountName
    openAiAccountName: ai.outputs.openAiAccountName
    keyVaultName: keyVault.outputs.name
    managedIdentityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
}

var speechEndpoint = useExistingSpeech ? existingSpeechEndpoint : ai.outputs.speechEndpoint
var openAiEndpoint = useExistingOpenAi ? existingOpenAiEndpoint : ai.outputs.openAiEndpoint
var speechEnabled = useExistingSpeech || createSpeech
var openAiEnabled = useExistingOpenAi || createOpenAi

// Every setting the application code reads. Deliberately absent: the development-only HMAC token
// secret (that mode must never be available in Azure) and the Speech / OpenAI keys (key auth is
// disabled on the accounts; the app uses its managed identity).
var appSettings = {
  AZURE_CLIENT_ID: identity.outputs.clientId

  AUTH_MODE: 'entra'
  AUTH_ISSUER: authIssuer
  AUTH_AUDIENCE: authAudience
  AUTH_JWKS_URL: authJwksUrl
  AUTH_TENANT_CLAIM: 'tid'

  BLOB_TRIGGER_SOURCE: 'EventGrid'

  MAX_UPLOAD_BYTES: string(maxUploadBytes)
  MAX_AUDIO_MINUTES: '240'
  UPLOAD_URL_TTL_MINUTES: '15'
  DOWNLOAD_URL_TTL_MINUTES: '15'
  UPLOAD_EXPIRY_HOURS: '24'
  STAGE_DEADLINE_MINUTES: '45'
  // Storage that hangs costs an API call seconds (then 503 with Retry-After), not the SDKs' minutes.
  STORAGE_CONNECT_TIMEOUT_SECONDS: '2'
  STORAGE_READ_TIMEOUT_SECONDS: '4'
  STORAGE_RETRY_TOTAL: '1'
  STORAGE_RETRY_BACKOFF_SECONDS: '0.5'

  TRANSCRIPTION_ENGINE: speechEnabled ? 'azure-speech' : 'whisper'
  AZURE_SPEECH_ENDPOINT: speechEndpoint
  AZURE_SPEECH_LOCALE: speechLocale
  WHISPER_MODEL_DIR: whisperModelDir
  EVALUATION_ENCODER_DIR: evaluationEncoderDir
  // Without Speech, Whisper fetches its pinned, hash-checked model on first use (Azure reaches the hub).
  WHISPER_DOWNLOAD_ON_FIRST_USE: speechEnabled ? 'false' : 'true'

  EVALUATION_ENGINE: openAiEnabled ? 'azure-openai' : 'rules'
  AZURE_OPENAI_ENDPOINT: openAiEndpoint
  AZURE_OPENAI_DEPLOYMENT: openAiEnabled ? openAiDeploymentName : ''
  AZURE_OPENAI_API_VERSION: openAiApiVersion

  WEBHOOK_ALLOW_LOOPBACK: 'false'
  // Webhook signing secrets are stored wrapped with this key, never in plain text.
  WEBHOOK_SECRET_KEY_ID: keyVault.outputs.keyUri
  CHANNEL_SPEAKERS: channelSpeakers
  TRANSCRIPTION_LANGUAGE: transcriptionLanguage
  MAX_SPEAKERS: string(maxSpeakers)
}

module api 'app/function-app.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: functionAppName
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    pythonVersion: '3.11'
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    allowedCorsOrigins: allowedCorsOrigins
    appSettings: appSettings
  }
  // Roles first, so the host can reach storage and the deployment container on first start.
  dependsOn: [
    rbac
  ]
}

module eventGrid 'app/eventgrid.bicep' = {
  name: 'eventgrid'
  scope: rg
  params: {
    location: location
    tags: tags
    systemTopicName: 'evgt-${resourceToken}'
    storageAccountName: storage.outputs.name
    functionAppName: api.outputs.name
    blobTriggerFunctionName: blobTriggerFunctionName
    containerName: 'audio'
    createSubscription: createBlobEventSubscription
  }
}

// ---------------------------------------------------------------------------------------------
// Outputs (azd stores them in .azure/<env>/.env)
// ---------------------------------------------------------------------------------------------

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output API_BASE_URL string = '${api.outputs.uri}/api/v1'
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.primaryBlobEndpoint
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.connectionString
output AZURE_FUNCTION_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_FUNCTION_IDENTITY_PRINCIPAL_ID string = identity.outputs.principalId
output AZURE_SPEECH_ENDPOINT string = speechEndpoint
output AZURE_OPENAI_ENDPOINT string = openAiEndpoint
output AZURE_OPENAI_DEPLOYMENT string = openAiEnabled ? openAiDeploymentName : ''
output AUTH_ISSUER string = authIssuer
output AUTH_AUDIENCE string = authAudience
output EVENT_GRID_SYSTEM_TOPIC_NAME string = eventGrid.outputs.systemTopicName
output BLOB_EVENT_SUBSCRIPTION_NAME string = eventGrid.outputs.subscriptionName
