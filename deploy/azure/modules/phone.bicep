// The phone line: Azure Communication Services with its data in Europe, and an Azure AI services resource in
// the app's EU region that ACS speaks and listens with (ACS's own identity may use it). The connection string
// goes to Key Vault. The Swedish phone number is bought in the portal (see the guide).
param name string
param suffix string
param location string
param keyVaultName string

var cognitiveServicesUser = 'a97b65f3-24c7-4388-baec-2e87135dc908'

resource acs 'Microsoft.Communication/communicationServices@2023-04-01' = {
  name: '${name}-acs-${suffix}'
  location: 'global'
  identity: { type: 'SystemAssigned' }
  properties: { dataLocation: 'Europe' }
}

resource speech 'Microsoft.CognitiveServices/accounts@2023-05-01' = {
  name: '${name}-ai-${suffix}'
  location: location
  kind: 'CognitiveServices'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: '${name}-ai-${suffix}'
    publicNetworkAccess: 'Enabled'
  }
}

resource acsUsesSpeech 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: speech
  name: guid(speech.id, acs.id, cognitiveServicesUser)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', cognitiveServicesUser)
    principalId: acs.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource connectionString 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'acs-connection-string'
  properties: { value: acs.listKeys().primaryConnectionString }
}

output communicationServiceName string = acs.name
output connectionStringUri string = connectionString.properties.secretUri
output speechEndpoint string = speech.properties.endpoint
