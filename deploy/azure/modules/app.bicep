// The bot's code: a Linux App Service running the container image (Dockerfile) from this deployment's
// registry, pulled with the user-assigned identity; HTTPS only, TLS 1.2, no FTP or basic publishing
// credentials; /readyz as App Service's health check (an instance that drains or cannot reach the database
// is taken out of the rotation; App Service never takes out more than half of them).
param name string
param suffix string
param location string
param appServiceName string
param appServicePlanSku string
param instanceCount int
param imageTag string
param identityName string

@description('Trygg\'s own settings (src/config.ts), secrets as Key Vault references.')
param appSettings object

var acrPull = '7f951dda-4ed3-4680-a7ca-43fe172d538d'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: identityName
}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: '${name}acr${suffix}'
  location: location
  sku: { name: 'Basic' }
  properties: { adminUserEnabled: false }
}

resource pull 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: registry
  name: guid(registry.id, identity.id, acrPull)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', acrPull)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan-${suffix}'
  location: location
  kind: 'linux'
  sku: { name: appServicePlanSku, capacity: instanceCount }
  properties: { reserved: true }
}

// App Service's own settings: the container's port, no shared storage (the store is PostgreSQL).
var platformSettings = {
  WEBSITES_PORT: '3978'
  WEBSITES_ENABLE_APP_SERVICE_STORAGE: 'false'
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: appServiceName
  location: location
  kind: 'app,linux,container'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'DOCKER|${registry.properties.loginServer}/trygg:${imageTag}'
      acrUseManagedIdentityCreds: true
      acrUserManagedIdentityID: identity.properties.clientId
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/readyz'
      appSettings: [for s in items(union(platformSettings, appSettings)): { name: s.key, value: s.value }]
    }
  }
  dependsOn: [pull]
}

resource noFtp 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: site
  name: 'ftp'
  properties: { allow: false }
}

resource noBasicScm 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: site
  name: 'scm'
  properties: { allow: false }
}

output registry string = registry.properties.loginServer
output outboundAddresses string = site.properties.possibleOutboundIpAddresses
