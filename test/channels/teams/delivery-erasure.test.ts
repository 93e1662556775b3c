// A case erased while its card is on its way to Teams: the card that arrives anyway becomes a stub at once,
// since the store could not queue a redaction for a card it did not know about yet.
import { describe, expect, it } from 'vitest';
import { createDeliver } from '../../../src/channels/teams/delivery.ts';
import { RegistrationStore } from '../../../src/channels/teams/registrations.ts';
import { loadPolicy } from '../../../src/routing/policy.ts';
import { openMemoryStore } from '../../../src/store/index.ts';
import { sampleCase } from '../../store/contract/context.ts';

describe('a card posted for a case erased meanwhile', () => {
  it('is turned into a stub right after it was posted', async () => {
    const store = await openMemoryStore();
    const registrations = new RegistrationStore(store.state);
    await registrations.register('trygghetsjour', {
      channelId: '19:c@thread.tacv2',
      teamId: '19:t@thread.tacv2',
      tenantId: 't',
      serviceUrl: 'http://127.0.0.1:9/',
      registeredBy: 'aad-anna',
      registeredAt: new Date().toISOString(),
    });
    const kase = await store.cases.create(sampleCase({ contact: { phone: '0701234567', address: 'Storgatan 5' } }));
    const updates: { conversation: string; activity: Record<string, unknown> }[] = [];
    const CONNECTOR = Symbol('connector');
    const connector = {
      conversations: {
        // Teams takes the card; meanwhile the tenant's number is forgotten.
        async createConversation() {
          await store.forgetPhone('070-123 45 67');
          return { id: '19:c@thread.tacv2;messageid=42' };
        },
      },
    };
    const adapter = {
      ConnectorClientKey: CONNECTOR,
      async continueConversationAsync(
        _appId: string,
        ref: { conversation: { id: string } },
        logic: (t: unknown) => Promise<void>,
      ) {
        await logic({
          adapter,
          turnState: new Map([[CONNECTOR, connector]]),
          updateActivity: async (activity: Record<string, unknown>) =>
            void updates.push({ conversation: ref.conversation.id, activity }),
          deleteActivity: async () => undefined,
        });
      },
    };
    const deliver = createDeliver({ adapter: adapter as never, appId: '', store, policy: loadPolicy(), registrations });
    const [item] = await store.outbox.enqueue([
      { kind: 'staff.card', key: `card:${kase.id}`, caseId: kase.id, payload: { caseId: kase.id } },
    ]);
    await deliver((await store.outbox.get(item!))!, new AbortController().signal);

    expect(updates).toHaveLength(1);
    expect(updates[0]!.conversation).toBe('19:c@thread.tacv2;messageid=42');
    expect(updates[0]!.activity.id).toBe('42');
    const stub = JSON.stringify(updates[0]!.activity);
    expect(stub).toMatch(/uppgifterna är raderade/);
    expect(stub).not.toMatch(/Storgatan|0701234567/);
    await store.close();
  });
});
