// With more open cases than any one page (a flood, a long night): the re-alert reaches every stale case,
// a staff reply in the oldest case's thread reaches its tenant, and `status` counts them all. Before, each
// took the newest 500 (or 1,000) and lost the rest.
import { afterEach, describe, expect, it } from 'vitest';
import type { Case } from '../../../src/store/index.ts';
import { sampleCase } from '../../store/contract/context.ts';
import { startHarness, until, type Harness } from './outbox-harness.ts';

let h: Harness;
afterEach(async () => {
  await h.close();
});

async function openCases(n: number): Promise<Case[]> {
  const made: Case[] = [];
  for (let i = 0; i < n; i++) made.push(await h.app.store.cases.create(sampleCase()));
  return made;
}

describe('more open cases than one page', () => {
  it('the re-alert job reaches every stale case, the oldest too', async () => {
    h = await startHarness();
    const [oldest] = await openCases(620);
    h.clock.advance(11 * 60_000);
    expect(await h.app.desk.remindUnclaimed()).toBe(620);
    const items = await h.app.store.outbox.list({ caseId: oldest!.id });
    expect(items.map((i) => i.key).sort()).toEqual([`realert:${oldest!.id}`, `unclaimed:${oldest!.id}`]);
  });

  it('a staff reply in the oldest case’s thread reaches its tenant, and status counts every open case', async () => {
    h = await startHarness();
    const [oldest] = await openCases(1_001);
    const thread = '19:channel@thread.tacv2;messageid=42';
    await h.app.store.cards.record({ subject: oldest!.id, kind: 'case', threadId: thread, messageId: '42' });
    await h.teamsMessage('register trygghetsjour');

    await h.teamsMessage('Vi kommer om en kvart.', thread);
    const reply = await until(async () =>
      (await h.app.store.outbox.list({ caseId: oldest!.id })).find((i) => i.kind === 'tenant.message'),
    );
    expect(reply.payload).toMatchObject({ key: 'staff.reply', staffText: 'Vi kommer om en kvart.' });
    expect((await h.app.store.cases.get(oldest!.id))!.status).toBe('claimed');

    await h.teamsMessage('status');
    expect(h.teams.messages().at(-1)?.text).toMatch(/Öppna ärenden: 1001/);
  });
});
