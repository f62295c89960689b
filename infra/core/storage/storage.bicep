// Storage account for the Audio Files service. It is both the Functions host storage
// (AzureWebJobsStorage, identity-based) and the application data store:
//   blob containers  audio, transcripts, analyses, scorecards, policies, redacted-audio, backtests
//                    (+ the Flex deployment container)
//   queues           transcription, evaluation, webhooks, backtests (+ their -poison queues)
//   tables           AudioFiles (records, listing index rows and stage deadlines), Scorecards, WebhookSubscriptions,
//                    WebhookDeliveries, Reviews (reviewers' verdicts and their agreement index), Backtests
// Shared keys are disabled: every caller (the function app, the deploying developer, browsers
// holding a user delegation SAS) is authorised through Microsoft Entra ID.

@description('Storage account name (3-24 lowercase letters and digits, globally unique).')
@minLength(3)
@maxLength(24)
param name string

param location string = resourceGroup().location
param tags object = {}

@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_RAGRS'
  'Standard_GZRS'
  'Standard_RAGZRS'
])
param skuName string = 'Standard_LRS'

@description('Blob containers the application uses.')
param containerNames array = [
  'audio'
  'transcripts'
  'analyses'
  'scorecards'
  'policies'
  'redacted-audio'
  'backtests'
]

@description('Name of the blob container the Flex Consumption plan deploys the app package from.')
param deploymentContainerName string

@description('Queues the application uses, including the poison queues the Functions host moves failed messages to.')
param queueNames array = [
  'transcription'
  'transcription-poison'
  'redaction'
  'redaction-poison'
  'evaluation'
  'evaluation-poison'
  'webhooks'
  'webhooks-poison'
  'backtests'
  'backtests-poison'
]

@description('Tables the application uses: AudioFiles holds the records, their listing index rows and the stage deadlines.')
param tableNames array = [
  'AudioFiles'
  'WebhookSubscriptions'
  'WebhookDeliveries'
  'Scorecards'
  'Reviews'
  'Backtests'
]

@description('Origins allowed to call the Blob service from a browser (uploads/downloads with SAS URLs). Use your web app origins in production; ["*"] allows any origin (a SAS is still required).')
param allowedCorsOrigins array = [
  '*'
]

@description('Days a deleted blob / container can be restored (soft delete).')
@minValue(1)
@maxValue(365)
param softDeleteRetentionDays int = 7

@description('Move audio blobs to the Cool tier after this many days without modification; 0 disables the lifecycle rule.')
@minValue(0)
param audioCoolTierAfterDays int = 0

resource storageAccount 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    dnsEndpointType: 'Standard'
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storageAccount
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: softDeleteRetentionDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: softDeleteRetentionDays
    }
    cors: {
      corsRules: [
        {
          // Browser PUT/GET on a user delegation SAS URL (direct upload and download).
          allowedOrigins: allowedCorsOrigins
          allowedMethods: [
            'PUT'
            'GET'
            'HEAD'
            'OPTIONS'
          ]
          allowedHeaders: [
            'x-ms-blob-type'
            'content-type'
            'x-ms-*'
          ]
          exposedHeaders: [
            'x-ms-*'
            'etag'
            'content-length'
            'content-type'
            'last-modified'
          ]
          maxAgeInSeconds: 3600
        }
      ]
    }
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [for containerName in union(containerNames, [deploymentContainerName]): {
  parent: blobService
  name: containerName
  properties: {
    publicAccess: 'None'
  }
}]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storageAccount
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [for queueName in queueNames: {
  parent: queueService
  name: queueName
}]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storageAccount
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [for tableName in tableNames: {
  parent: tableService
  name: tableName
}]

// Optional cost rule: recordings are rarely read after they have been transcribed and scored.
resource lifecyclePolicy 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = if (audioCoolTierAfterDays > 0) {
  parent: storageAccount
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          enabled: true
          name: 'audio-to-cool'
          type: 'Lifecycle'
          definition: {
            actions: {
              baseBlob: {
                tierToCool: {
                  daysAfterModificationGreaterThan: audioCoolTierAfterDays
                }
              }
            }
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                'audio/'
              ]
            }
          }
        }
      ]
    }
  }
}

output id string = storageAccount.id
output name string = storageAccount.name
output primaryBlobEndpoint string = storageAccount.properties.primaryEndpoints.blob
output primaryQueueEndpoint string = storageAccount.properties.primaryEndpoints.queue
output primaryTableEndpoint string = storageAccount.properties.primaryEndpoints.table
output containerNames array = containerNames
output queueNames array = queueNames
output tableNames array = tableNames
