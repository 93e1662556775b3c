// The Azure Bot resource, as in Microsoft's template-AzureBot-with-rg (azureBotId, azureBotSku,
// azureBotRegion, botEndpoint, appType, appId, UMSIName, tenantId), with appType fixed to UserAssignedMSI
// (no app password), regional in Europe, and the channels Trygg uses: Direct Line for the web chat (enhanced
// authentication: tokens only from the trusted origins) and Microsoft Teams for staff. The Direct Line key
// goes to Key Vault, never to an output.
param azureBotId string
param azureBotRegion string
param azureBotSku string
param botEndpoint string
param identityName string
param webchatOrigins array
param keyVaultName string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: identityName
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: azureBotId
  location: azureBotRegion
  kind: 'azurebot'
  sku: { name: azureBotSku }
  properties: {
    displayName: 'Trygg'
    endpoint: botEndpoint
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: tenant().tenantId
  }
}

resource directLine 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: azureBotRegion
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        {
          siteName: 'Trygg web chat'
          isEnabled: true
          isV1Enabled: false
          isV3Enabled: true
          isSecureSiteEnabled: true
          trustedOrigins: webchatOrigins
        }
      ]
    }
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: azureBotRegion
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource directLineSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'direct-line-secret'
  properties: { value: directLine.listChannelWithKeys().setting.sites[0].key }
}

output directLineSecretUri string = directLineSecret.properties.secretUri
