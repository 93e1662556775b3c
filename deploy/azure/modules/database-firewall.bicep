// Only the app's possible outbound addresses may reach PostgreSQL (no "allow all Azure services").
param serverName string
param addresses array

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' existing = {
  name: serverName
}

@batchSize(1)
resource rules 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = [
  for (address, i) in addresses: {
    parent: server
    name: 'app-${i}'
    properties: { startIpAddress: address, endIpAddress: address }
  }
]
