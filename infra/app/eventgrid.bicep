// Event Grid delivery of "blob created" events for the audio container to the function app's
// blob trigger (source: EventGrid). An Event Grid system topic is created on the storage
// account, and an event subscription pushes Microsoft.Storage.BlobCreated events whose subject
// begins with /blobServices/default/containers/audio/ to the blobs extension webhook:
//
//   https://<default host name>/runtime/webhooks/blobs?functionName=Host.Functions.<function>&code=<blobs_extension key>
//
// The blobs_extension system key only exists after code containing an Event Grid blob trigger
// has been deployed and the host has started once. `azd up` provisions before it deploys, so
// the subscription is created on a second provisioning pass: createSubscription is false on the
// first `azd provision`, and the postdeploy hook (infra/hooks/postdeploy.*) sets
// CREATE_BLOB_EVENT_SUBSCRIPTION=true and provisions again. Event Grid validates the endpoint
// when the subscription is created (the blobs extension answers the validation handshake).

param location string = resourceGroup().location
param tags object = {}

@description('Name of the Event Grid system topic on the storage account.')
param systemTopicName string

@description('Storage account whose blob events are published.')
param storageAccountName string

@description('Function app hosting the Event Grid blob trigger.')
param functionAppName string

@description('Name of the blob-triggered function (the Python function name or its @app.function_name).')
param blobTriggerFunctionName string

@description('Container whose new blobs trigger processing.')
param containerName string = 'audio'

@description('Create the event subscription. Requires the code to be deployed already (see above).')
param createSubscription bool = false

@description('Event subscription name.')
param subscriptionName string = 'audio-blob-created'

resource storageAccount 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2022-06-15' = {
  name: systemTopicName
  location: location
  tags: tags
  properties: {
    source: storageAccount.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

// listKeys is a runtime function: ARM may evaluate it even for a resource whose condition is
// false, so it is additionally guarded by the same condition (ARM's if() is evaluated lazily).
var webhookBase = 'https://${functionApp.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${blobTriggerFunctionName}'
var webhookUrl = createSubscription ? '${webhookBase}&code=${listKeys('${functionApp.id}/host/default', '2023-12-01').systemKeys.blobs_extension}' : ''

resource blobCreatedSubscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2022-06-15' = if (createSubscription) {
  parent: systemTopic
  name: subscriptionName
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: webhookUrl
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      subjectBeginsWith: '/blobServices/default/containers/${containerName}/'
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}

output systemTopicName string = systemTopic.name
output subscriptionName string = createSubscription ? subscriptionName : ''
