// User-assigned managed identity of the function app. Using a user-assigned identity (rather
// than system-assigned) lets the role assignments exist before the app starts, and lets the
// same identity be named in AzureWebJobsStorage__clientId, AZURE_CLIENT_ID and the
// Application Insights authentication string.

param name string
param location string = resourceGroup().location
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
