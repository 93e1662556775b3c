// Parameters for main.bicep. The secrets are read from the deploying shell's environment (never written
// here): export them first, as the guide says (deploy/azure/README.md, step 2).
using 'main.bicep'

param name = 'trygg'
param location = 'swedencentral'
param webchatOrigins = ['https://www.mkb.se']
param teamsAdminIds = []
param phoneLine = true
param incomingCallSubscription = false
param databasePassword = readEnvironmentVariable('TRYGG_DATABASE_PASSWORD')
param auditHmacKey = readEnvironmentVariable('TRYGG_AUDIT_HMAC_KEY')
param acsIncomingSecret = readEnvironmentVariable('TRYGG_ACS_INCOMING_SECRET')
