// Trygg on Azure, in the shape of Microsoft's bot deployment templates (an App Service for the bot's code, an
// Azure Bot resource for its channels), hardened:
// - the Azure Bot authenticates with a user-assigned managed identity (MicrosoftAppType=UserAssignedMSI): no
//   app password exists anywhere;
// - HTTPS only (TLS 1.2 or later), no FTP or basic publishing credentials;
// - the Azure Bot and its Direct Line in the European region, the app and PostgreSQL in an EU region;
// - every secret in Key Vault (RBAC), read by the app through Key Vault references with its own identity;
// - the Event Grid subscription for incoming calls, its ?secret= from Key Vault.
// Step-by-step guide: deploy/azure/README.md. Every app setting it writes is one src/config.ts knows
// (test/deploy/azure.test.ts), besides App Service's own WEBSITES_* settings.
targetScope = 'resourceGroup'

@description('Prefix of every resource name (letters and digits, 3 to 12).')
@minLength(3)
@maxLength(12)
param name string = 'trygg'

@description('Where the app, its registry, Key Vault and the speech resource run: an EU region.')
@allowed(['swedencentral', 'northeurope', 'westeurope', 'germanywestcentral', 'francecentral'])
param location string = 'swedencentral'

@description('Where PostgreSQL keeps the data: an EU region (the app\'s, unless capacity says otherwise).')
@allowed(['swedencentral', 'northeurope', 'westeurope', 'germanywestcentral', 'francecentral'])
param databaseLocation string = location

@description('The Azure Bot resource\'s region: regional in Europe, so Direct Line and the bot\'s data stay in the EU.')
@allowed(['westeurope'])
param azureBotRegion string = 'westeurope'

@description('The globally unique, immutable id of the Azure Bot resource.')
param azureBotId string = '${name}-bot-${uniqueString(resourceGroup().id)}'

@description('The Azure Bot\'s pricing tier: S1 for production (F0 has a message cap).')
@allowed(['F0', 'S1'])
param azureBotSku string = 'S1'

@description('App Service plan: two or more instances share the work (and a deploy or a scale-in drains one at a time).')
param appServicePlanSku string = 'P0v3'
@minValue(2)
param instanceCount int = 2

@description('The image to run, as pushed to this deployment\'s registry (az acr build -t trygg:<tag> .).')
param imageTag string = 'latest'

@description('The sites that may embed the web chat (https://www.mkb.se, …): Direct Line\'s trusted origins and WEBCHAT_ALLOWED_ORIGINS.')
param webchatOrigins array

@description('Entra object ids of the staff who may register channels and add shifts in Teams (TEAMS_ADMIN_IDS).')
param teamsAdminIds array = []

@description('Turn on the phone line: Azure Communication Services (data in Europe) and a speech resource.')
param phoneLine bool = true

@description('Create the Event Grid subscription for incoming calls. Event Grid checks the endpoint when it is created, so turn this on in a second run, once the app answers /readyz.')
param incomingCallSubscription bool = false

@secure()
@minLength(16)
@description('The PostgreSQL administrator\'s password (kept in Key Vault inside DATABASE_URL).')
param databasePassword string

@secure()
@minLength(32)
@description('AUDIT_HMAC_KEY: the audit log\'s hash key (openssl rand -hex 32). Shared by every instance.')
param auditHmacKey string

@secure()
@minLength(16)
@description('ACS_INCOMING_SECRET: what Event Grid sends as ?secret= (openssl rand -hex 24).')
param acsIncomingSecret string

var suffix = uniqueString(resourceGroup().id)
var appServiceName = '${name}-app-${suffix}'
var appHost = '${appServiceName}.azurewebsites.net'
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${name}-id-${suffix}'
  location: location
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-${name}-${take(suffix, 8)}'
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    // The Event Grid subscription's ?secret= is read from here at deployment (getSecret below).
    enabledForTemplateDeployment: true
  }
}

// The same vault, as the deployment reads it (getSecret needs a reference to an existing vault).
resource vaultAtDeployment 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: vault.name
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, identity.id, keyVaultSecretsUser)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

module database 'modules/database.bicep' = {
  name: 'database'
  params: {
    name: name
    suffix: suffix
    location: databaseLocation
    password: databasePassword
  }
}

resource databaseUrl 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'database-url'
  properties: {
    value: 'postgres://trygg:${uriComponent(databasePassword)}@${database.outputs.host}:5432/trygg?sslmode=verify-full'
  }
}

resource auditKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'audit-hmac-key'
  properties: { value: auditHmacKey }
}

resource incomingSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'acs-incoming-secret'
  properties: { value: acsIncomingSecret }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    azureBotId: azureBotId
    azureBotRegion: azureBotRegion
    azureBotSku: azureBotSku
    botEndpoint: 'https://${appHost}/api/messages'
    identityName: identity.name
    webchatOrigins: webchatOrigins
    keyVaultName: vault.name
  }
}

module phone 'modules/phone.bicep' = if (phoneLine) {
  name: 'phone'
  params: {
    name: name
    suffix: suffix
    location: location
    keyVaultName: vault.name
  }
}

module app 'modules/app.bicep' = {
  name: 'app'
  params: {
    name: name
    suffix: suffix
    location: location
    appServiceName: appServiceName
    appServicePlanSku: appServicePlanSku
    instanceCount: instanceCount
    imageTag: imageTag
    identityName: identity.name
    // Each secret by its Key Vault URI: App Service reads it with the identity (Key Vault reference).
    appSettings: union(
      {
        MicrosoftAppType: 'UserAssignedMSI'
        MicrosoftAppId: identity.properties.clientId
        MicrosoftAppTenantId: tenant().tenantId
        DATABASE_URL: '@Microsoft.KeyVault(SecretUri=${databaseUrl.properties.secretUri})'
        AUDIT_HMAC_KEY: '@Microsoft.KeyVault(SecretUri=${auditKey.properties.secretUri})'
        PUBLIC_BASE_URL: 'https://${appHost}'
        TEAMS_ALLOWED_TENANT_ID: tenant().tenantId
        TEAMS_ADMIN_IDS: join(teamsAdminIds, ',')
        DIRECT_LINE_SECRET: '@Microsoft.KeyVault(SecretUri=${bot.outputs.directLineSecretUri})'
        WEBCHAT_ALLOWED_ORIGINS: join(webchatOrigins, ',')
        // App Service's front end is the one proxy in front of the app (client addresses for the token limit).
        TRUSTED_PROXY_HOPS: '1'
        SHUTDOWN_GRACE_SECONDS: '20'
        LOG_LEVEL: 'info'
      },
      phoneLine
        ? {
            ACS_CONNECTION_STRING: '@Microsoft.KeyVault(SecretUri=${phone!.outputs.connectionStringUri})'
            ACS_COGNITIVE_SERVICES_ENDPOINT: phone!.outputs.speechEndpoint
            ACS_INCOMING_SECRET: '@Microsoft.KeyVault(SecretUri=${incomingSecret.properties.secretUri})'
          }
        : {}
    )
  }
  dependsOn: [secretsUser]
}

// Only the app's outbound addresses may reach PostgreSQL.
module firewall 'modules/database-firewall.bicep' = {
  name: 'database-firewall'
  params: {
    serverName: database.outputs.serverName
    addresses: split(app.outputs.outboundAddresses, ',')
  }
}

module incomingCalls 'modules/incoming-calls.bicep' = if (phoneLine && incomingCallSubscription) {
  name: 'incoming-calls'
  params: {
    communicationServiceName: phone!.outputs.communicationServiceName
    endpoint: 'https://${appHost}/api/calls/incoming'
    // Read from Key Vault at deployment, never written into the template or its outputs.
    incomingSecret: vaultAtDeployment.getSecret(incomingSecret.name)
  }
  dependsOn: [app]
}

output appUrl string = 'https://${appHost}'
output messagingEndpoint string = 'https://${appHost}/api/messages'
output microsoftAppId string = identity.properties.clientId
output azureBotId string = azureBotId
output registry string = app.outputs.registry
output keyVault string = vault.name
