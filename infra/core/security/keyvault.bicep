// Key Vault holding the RSA key that wraps webhook signing secrets at rest (shared/webhooks/sealing.py).
// Access is by Azure RBAC only (the app's identity gets Key Vault Crypto Service Encryption User in
// infra/app/rbac.bicep: get, wrapKey and unwrapKey on keys, nothing else). The private half of the
// key never leaves the vault; the app wraps with the public half and asks the vault to unwrap.
//
// Losing the key makes every stored webhook secret unreadable (receivers would need new secrets), so
// soft delete keeps a deleted vault or key recoverable. Purge protection is a parameter because it
// cannot be turned off again and stops `azd down --purge` from freeing the vault name.

param name string
param location string = resourceGroup().location
param tags object = {}

@description('Name of the RSA key that wraps webhook secrets.')
param keyName string = 'webhook-secrets'

@description('Forbid purging the vault and its keys during the soft-delete retention (irreversible).')
param enablePurgeProtection bool = false

@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int = 7

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    // The property accepts only true or absent.
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

// RSA 2048: wrap and unwrap bill as standard operations. A new key version (rotation) leaves older
// versions enabled, and each stored secret names the version that wrapped it.
resource key 'Microsoft.KeyVault/vaults/keys@2023-07-01' = {
  parent: vault
  name: keyName
  properties: {
    kty: 'RSA'
    keySize: 2048
    keyOps: [
      'wrapKey'
      'unwrapKey'
    ]
    attributes: {
      enabled: true
    }
  }
}

output name string = vault.name
// Without a version: the app wraps with the key's current version.
output keyUri string = key.properties.keyUri
