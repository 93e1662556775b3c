// Event Grid delivers ACS's IncomingCall events to Trygg's webhook, with ?secret= (ACS_INCOMING_SECRET, read
// from Key Vault by the deployment). Event Grid checks the endpoint when the subscription is created (the
// app answers the validation handshake), so the app must be up first. Retries are short: a call rings for
// about a minute, and Trygg answers 503 when it cannot take a call now, so Event Grid delivers it again.
param communicationServiceName string
param endpoint string
@secure()
param incomingSecret string

resource acs 'Microsoft.Communication/communicationServices@2023-04-01' existing = {
  name: communicationServiceName
}

resource topic 'Microsoft.EventGrid/systemTopics@2022-06-15' = {
  name: '${communicationServiceName}-events'
  location: 'global'
  properties: {
    source: acs.id
    topicType: 'Microsoft.Communication.CommunicationServices'
  }
}

resource incomingCalls 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2022-06-15' = {
  parent: topic
  name: 'trygg-incoming-calls'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: '${endpoint}?secret=${incomingSecret}'
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    filter: { includedEventTypes: ['Microsoft.Communication.IncomingCall'] }
    eventDeliverySchema: 'EventGridSchema'
    retryPolicy: { maxDeliveryAttempts: 30, eventTimeToLiveInMinutes: 1 }
  }
}
