// PostgreSQL flexible server in an EU region: TLS required (the server's default), password login only for
// the app's user (the password lives in Key Vault inside DATABASE_URL), backups kept 14 days. Firewall rules
// for the app's outbound addresses are added by database-firewall.bicep once the app exists.
param name string
param suffix string
param location string
@secure()
param password string

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: '${name}-pg-${suffix}'
  location: location
  // B2s allows about 400 connections; each instance holds up to 30 (10 for queries, 20 for conversation locks).
  sku: { name: 'Standard_B2s', tier: 'Burstable' }
  properties: {
    version: '16'
    administratorLogin: 'trygg'
    administratorLoginPassword: password
    storage: { storageSizeGB: 32, autoGrow: 'Enabled' }
    backup: { backupRetentionDays: 14, geoRedundantBackup: 'Disabled' }
    highAvailability: { mode: 'Disabled' }
    authConfig: { passwordAuth: 'Enabled', activeDirectoryAuth: 'Disabled' }
    network: { publicNetworkAccess: 'Enabled' }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: server
  name: 'trygg'
  properties: { charset: 'UTF8', collation: 'en_US.utf8' }
}

output serverName string = server.name
output host string = server.properties.fullyQualifiedDomainName
