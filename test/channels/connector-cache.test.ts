/**
 * The adapter's connector clients are built once per app id, serviceUrl and audience, not on every turn
 * (`CachingBotFrameworkAuthentication` in src/channels/adapter.ts), and the replies still reach the right
 * serviceUrl.
 */
import { CloudAdapter, ConfigurationServiceClientCredentialFactory, TurnContext, type Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONNECTOR_CACHE_SIZE, CachingBotFrameworkAuthentication } from '../../src/channels/adapter.ts';
import { startConnectorSink, type ConnectorSink } from './connector-sink.ts';

const settings = {
  MicrosoftAppId: '',
  MicrosoftAppPassword: '',
  MicrosoftAppType: 'MultiTenant',
  MicrosoftAppTenantId: '',
};
const auth = () =>
  new CachingBotFrameworkAuthentication(settings, new ConfigurationServiceClientCredentialFactory(settings));
type Identity = Parameters<CachingBotFrameworkAuthentication['createConnectorFactory']>[0];
// The identity of an unauthenticated request (local mode), as botbuilder makes it; and one for a given app id.
const local = await auth().authenticateRequest({ channelId: 'webchat' } as Activity, '');
const anonymous = (): Identity => local.claimsIdentity;
const ClaimsIdentity = local.claimsIdentity.constructor as new (
  claims: { type: string; value: string }[],
  authenticated: boolean,
) => Identity;
const identityFor = (appId: string) => new ClaimsIdentity([{ type: 'aud', value: appId }], true);

describe('connector clients are kept, not rebuilt on every turn', () => {
  it('one client per serviceUrl and audience, the same one on every request', async () => {
    const a = auth();
    const first = await a.createConnectorFactory(anonymous()).create('http://127.0.0.1:9/', 'aud-1');
    const again = await a.createConnectorFactory(anonymous()).create('http://127.0.0.1:9/', 'aud-1');
    expect(again).toBe(first);
    expect(await a.createConnectorFactory(anonymous()).create('http://127.0.0.2:9/', 'aud-1')).not.toBe(first);
    expect(await a.createConnectorFactory(anonymous()).create('http://127.0.0.1:9/', 'aud-2')).not.toBe(first);
    expect(a.cachedClients).toBe(3);
  });

  it('kept per app id: a request for another bot gets its own client', async () => {
    const a = auth();
    const one = await a.createConnectorFactory(identityFor('app-1')).create('http://127.0.0.1:9/');
    const two = await a.createConnectorFactory(identityFor('app-2')).create('http://127.0.0.1:9/');
    expect(two).not.toBe(one);
    expect(await a.createConnectorFactory(identityFor('app-1')).create('http://127.0.0.1:9/')).toBe(one);
  });

  it(`at most ${CONNECTOR_CACHE_SIZE} are kept, the least recently used dropped first`, async () => {
    const a = auth();
    const factory = a.createConnectorFactory(anonymous());
    const kept = await factory.create('http://127.0.0.1:1/');
    for (let i = 2; i <= CONNECTOR_CACHE_SIZE + 10; i++) {
      await factory.create(`http://127.0.0.1:${i}/`);
      // Used all along, so never the least recently used.
      await factory.create('http://127.0.0.1:1/');
    }
    expect(a.cachedClients).toBe(CONNECTOR_CACHE_SIZE);
    expect(await factory.create('http://127.0.0.1:1/')).toBe(kept);
  });

  it('the user token client is built once per app id', async () => {
    const a = auth();
    expect(await a.createUserTokenClient(anonymous())).toBe(await a.createUserTokenClient(anonymous()));
  });

  describe('through the adapter', () => {
    let sink: ConnectorSink;
    beforeAll(async () => {
      sink = await startConnectorSink();
    });
    afterAll(async () => {
      await sink.close();
    });

    it('turns on different serviceUrls reuse their own client and reply to their own serviceUrl', async () => {
      const a = auth();
      const adapter = new CloudAdapter(a);
      const other = await startConnectorSink();
      try {
        const activity = (serviceUrl: string, n: number): Partial<Activity> => ({
          type: 'message',
          id: `m${n}`,
          channelId: 'webchat',
          serviceUrl,
          conversation: { id: `c${n}`, isGroup: false, conversationType: 'personal', name: '' },
          from: { id: 'tenant', name: '' },
          recipient: { id: 'bot', name: '' },
          text: 'hej',
        });
        const clients = new Set<unknown>();
        const turn = async (ctx: TurnContext) => {
          clients.add(ctx.turnState.get(adapter.ConnectorClientKey));
          await ctx.sendActivity(`svar ${ctx.activity.id}`);
        };
        for (let n = 0; n < 4; n++) {
          // As a request comes in: authenticated (local mode: anonymously), then the turn.
          await adapter.processActivityDirect('', activity(n % 2 ? other.url : sink.url, n) as Activity, turn);
        }
        expect(clients.size).toBe(2);
        expect(a.cachedClients).toBe(2);
        expect(sink.messages().map((m) => m.text)).toEqual(['svar m0', 'svar m2']);
        expect(other.messages().map((m) => m.text)).toEqual(['svar m1', 'svar m3']);
      } finally {
        await other.close();
      }
    });
  });
});
