// Every role assignment of the deployment, in one place.
//
// Principals:
//   - the function app's user-assigned managed identity (principalType ServicePrincipal);
//   - optionally the deploying developer (azd's AZURE_PRINCIPAL_ID, principalType User by
//     default) so they can inspect blobs, queues and tables and call the AI services locally.
//
// Assignment names are guid(scope id, principal id, role id): deterministic, so re-provisioning
// is idempotent. Role ids are the built-in role GUIDs from the "Azure built-in roles" reference
// (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles); each is
// commented with the role's name.

@description('Storage account holding host storage and application data.')
param storageAccountName string

@description('Application Insights component (local auth disabled, so publishing needs a role).')
param applicationInsightsName string

@description('Azure AI Speech account created by this deployment; empty when none was created.')
param speechAccountName string = ''

@description('Azure OpenAI account created by this deployment; empty when none was created.')
param openAiAccountName string = ''

@description('Key Vault holding the key that wraps webhook signing secrets.')
param keyVaultName string

@description('Principal (object) id of the function app\'s user-assigned managed identity.')
param managedIdentityPrincipalId string

@description('Object id of the deploying user or CI principal; empty to skip developer access.')
param userPrincipalId string = ''

@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param userPrincipalType string = 'User'

// ---------------------------------------------------------------------------------------------
// Role sets
// ---------------------------------------------------------------------------------------------

// Function app on the storage account.
//  - Blob Data Owner: the Functions host (AzureWebJobsStorage: leases, secrets, blob trigger
//    receipts) and the Flex Consumption deployment container; also the app's own containers.
//  - Blob Delegator: getUserDelegationKey, used to sign the upload/download user delegation SAS.
//    (Owner already contains that action; the explicit role documents the intent and survives a
//    later downgrade of Owner to Contributor.)
//  - Queue Data Contributor: queue triggers and output, poison queues, blob trigger internals.
//  - Table Data Contributor: AudioFiles, Scorecards, WebhookSubscriptions, WebhookDeliveries, Reviews, Backtests.
var appStorageRoleIds = [
  'b7e6dc6d-f1e8-4753-8033-0f276bb0955b' // Storage Blob Data Owner
  'db58b8e5-c6ad-4a2a-8342-4190687cbf4a' // Storage Blob Delegator
  '974c5e8b-45b9-4653-ba55-5f855dd0fb88' // Storage Queue Data Contributor
  '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' // Storage Table Data Contributor
]

// Developer on the storage account: read/write data, mint user delegation SAS locally.
var userStorageRoleIds = [
  'ba92f5b4-2d11-453d-a403-e96b0029c9fe' // Storage Blob Data Contributor
  'db58b8e5-c6ad-4a2a-8342-4190687cbf4a' // Storage Blob Delegator
  '974c5e8b-45b9-4653-ba55-5f855dd0fb88' // Storage Queue Data Contributor
  '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' // Storage Table Data Contributor
]

// Application Insights with DisableLocalAuth: telemetry is sent with an Entra token.
var monitoringRoleIds = [
  '3913510d-42f4-4e42-8a64-420c390055eb' // Monitoring Metrics Publisher
]

// Azure AI Speech: real-time, fast and batch transcription with an Entra token.
var speechRoleIds = [
  'f2dc8367-1007-4938-bd23-fe263f013447' // Cognitive Services Speech User
]

// Azure OpenAI: chat completions against the model deployment with an Entra token.
var openAiRoleIds = [
  '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd' // Cognitive Services OpenAI User
]

// Key Vault: wrap and unwrap webhook signing secrets with the vault's key (keys/get, wrapKey,
// unwrapKey; no encrypt, decrypt or sign, and no access to secrets). App identity only.
var keyVaultRoleIds = [
  'e147488a-f6f5-4113-8e2d-b22465e65bf6' // Key Vault Crypto Service Encryption User
]

// ---------------------------------------------------------------------------------------------
// Assignment lists: { roleId, principalId, principalType }
// ---------------------------------------------------------------------------------------------

var hasUser = !empty(userPrincipalId)

var appStorageAssignments = map(appStorageRoleIds, roleId => {
  roleId: roleId
  principalId: managedIdentityPrincipalId
  principalType: 'ServicePrincipal'
})
var userStorageAssignments = map(userStorageRoleIds, roleId => {
  roleId: roleId
  principalId: userPrincipalId
  principalType: userPrincipalType
})
var storageAssignments = concat(appStorageAssignments, hasUser ? userStorageAssignments : [])

var appMonitoringAssignments = map(monitoringRoleIds, roleId => {
  roleId: roleId
  principalId: managedIdentityPrincipalId
  principalType: 'ServicePrincipal'
})
var userMonitoringAssignments = map(monitoringRoleIds, roleId => {
  roleId: roleId
  principalId: userPrincipalId
  principalType: userPrincipalType
})
var monitoringAssignments = concat(appMonitoringAssignments, hasUser ? userMonitoringAssignments : [])

var appSpeechAssignments = map(speechRoleIds, roleId => {
  roleId: roleId
  principalId: managedIdentityPrincipalId
  principalType: 'ServicePrincipal'
})
var userSpeechAssignments = map(speechRoleIds, roleId => {
  roleId: roleId
  principalId: userPrincipalId
  principalType: userPrincipalType
})
var speechAssignments = empty(speechAccountName) ? [] : concat(appSpeechAssignments, hasUser ? userSpeechAssignments : [])

var appOpenAiAssignments = map(openAiRoleIds, roleId => {
  roleId: roleId
  principalId: managedIdentityPrincipalId
  principalType: 'ServicePrincipal'
})
var userOpenAiAssignments = map(openAiRoleIds, roleId => {
  roleId: roleId
  principalId: userPrincipalId
  principalType: userPrincipalType
})
var openAiAssignments = empty(openAiAccountName) ? [] : concat(appOpenAiAssignments, hasUser ? userOpenAiAssignments : [])

var keyVaultAssignments = map(keyVaultRoleIds, roleId => {
  roleId: roleId
  principalId: managedIdentityPrincipalId
  principalType: 'ServicePrincipal'
})

// ---------------------------------------------------------------------------------------------
// Scopes
// ---------------------------------------------------------------------------------------------

resource storageAccount 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

// The AI accounts are optional; when one was not created its assignment list above is empty and
// the reference below is skipped, so the placeholder name is never looked up.
resource speechAccount 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = if (!empty(speechAccountName)) {
  name: empty(speechAccountName) ? 'no-speech-account' : speechAccountName
}

resource openAiAccount 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = if (!empty(openAiAccountName)) {
  name: empty(openAiAccountName) ? 'no-openai-account' : openAiAccountName
}

// ---------------------------------------------------------------------------------------------
// Assignments
// ---------------------------------------------------------------------------------------------

resource storageRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for a in storageAssignments: {
  name: guid(storageAccount.id, a.principalId, a.roleId)
  scope: storageAccount
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', a.roleId)
    principalId: a.principalId
    principalType: a.principalType
  }
}]

resource monitoringRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for a in monitoringAssignments: {
  name: guid(applicationInsights.id, a.principalId, a.roleId)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', a.roleId)
    principalId: a.principalId
    principalType: a.principalType
  }
}]

resource speechRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for a in speechAssignments: {
  name: guid(speechAccount.id, a.principalId, a.roleId)
  scope: speechAccount
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', a.roleId)
    principalId: a.principalId
    principalType: a.principalType
  }
}]

resource openAiRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for a in openAiAssignments: {
  name: guid(openAiAccount.id, a.principalId, a.roleId)
  scope: openAiAccount
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', a.roleId)
    principalId: a.principalId
    principalType: a.principalType
  }
}]

resource keyVaultRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for a in keyVaultAssignments: {
  name: guid(keyVault.id, a.principalId, a.roleId)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', a.roleId)
    principalId: a.principalId
    principalType: a.principalType
  }
}]

output storageRoleAssignmentCount int = length(storageAssignments)
output monitoringRoleAssignmentCount int = length(monitoringAssignments)
output speechRoleAssignmentCount int = length(speechAssignments)
output openAiRoleAssignmentCount int = length(openAiAssignments)
output keyVaultRoleAssignmentCount int = length(keyVaultAssignments)
