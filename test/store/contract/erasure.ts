/**
 * Data-subject requests and erasure in depth: a number however it was written, the audit rows of the
 * number's conversations (keyed hashes, legacy hashes rekeyed), Teams cards queued for redaction, and the
 * staff audit.
 */
import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import type { NewCase } from '../../../src/store/index.ts';
import { type ContractContext, sampleCase } from './context.ts';

const DAY = 24 * 60 * 60 * 1000;
const PHONE = '+46701234567';
const KEY = 'contract-test-audit-key-0123456789abcdef';

const webchat = (id: string): NewCase['conversation'] => ({
  channelId: 'webchat',
  serviceUrl: 'https://webchat.botframework.com/',
  conversation: { id, isGroup: false, conversationType: 'personal', name: '' },
  user: { id: `user-${id}`, name: '' },
  bot: { id: 'trygg', name: 'Trygg' },
});

const decision = (at: Date, conversationHash: string) => ({
  at,
  route: 'trygghetsjour' as const,
  rule: 'onDuty',
  category: 'disturbance' as const,
  danger: null,
  channelId: 'sms',
  language: 'sv' as const,
  conversationHash,
});

export function erasureContract(ctx: ContractContext): void {
  it('finds the number written with spaces, dashes, a country code or 00, and only the whole number', async () => {
    const s = ctx.store;
    const matches = [
      'Ring mig på 070-123 45 67 efter tio',
      'nummer: +46 70 123 45 67.',
      'tel 0046 70-123 45 67',
      '+46 (0)70 123 45 67',
      'lgh 1102 070-1234567',
    ];
    const others = ['070-123 45 678', '10701234567', '070-123 45 68', 'lgh 0701, port 234567'];
    const hit: string[] = [];
    for (const text of matches)
      hit.push((await s.cases.create(sampleCase({ transcript: [{ from: 'tenant', text }] }))).id);
    for (const text of others) await s.cases.create(sampleCase({ transcript: [{ from: 'tenant', text }] }));
    const byAddress = await s.cases.create(sampleCase({ contact: { address: 'Storgatan 1, tel 070 123 45 67' } }));
    await s.state.write({
      'webchat/users/spaced': { profile: { note: 'nås på 070 - 123 45 67' } },
      'webchat/users/other': { profile: { note: 'nås på 070 - 123 45 68' } },
    });
    await s.outbox.enqueue([
      { kind: 'k', key: 'spaced', payload: { text: 'Ring 0046 70 123 45 67' } },
      { kind: 'k', key: 'other', payload: { text: 'Ring 0046 70 123 45 69' } },
    ]);

    const found = await s.findByPhone('070-123 45 67');
    expect(found.cases.map((c) => c.id).sort()).toEqual([...hit, byAddress.id].sort());
    expect(Object.keys(found.state)).toEqual(['webchat/users/spaced']);
    expect(found.outbox.map((i) => i.key)).toEqual(['spaced']);

    const counts = await s.forgetPhone('+46 70 123 45 67');
    expect(counts).toMatchObject({ cases: 6, state: 1, outbox: 1 });
    expect(await s.cases.list()).toHaveLength(others.length);
    expect((await s.outbox.list()).map((i) => i.key)).toEqual(['other']);
  });

  it('keys the audit hash, and forget erases the hashes of the number’s conversations', async () => {
    const s = await ctx.open({ auditKey: KEY });
    const same = await ctx.open({ auditKey: KEY });
    const other = await ctx.open({ auditKey: `${KEY}-other` });
    const smsHash = s.audit.hashConversation(PHONE);
    // Not the reversible SHA-256 of the number; the same under the same key, however the channel wrote it.
    expect(smsHash).not.toContain(createHash('sha256').update(PHONE).digest('hex').slice(0, 16));
    expect(same.audit.hashConversation('070-123 45 67')).toBe(smsHash);
    expect(other.audit.hashConversation(PHONE)).not.toBe(smsHash);

    // A web-chat conversation in which the tenant gave the number, and one that has nothing to do with it.
    await s.cases.create(sampleCase({ conversation: webchat('conv-gave-number'), contact: { phone: '0701234567' } }));
    await s.cases.create(sampleCase({ conversation: webchat('conv-unrelated') }));
    const at = ctx.clock.now();
    await s.audit.append(decision(at, smsHash));
    await s.audit.append(decision(at, s.audit.hashConversation('conv-gave-number')));
    await s.audit.append(decision(at, s.audit.hashConversation('conv-unrelated')));

    expect((await s.findByPhone(PHONE)).audit).toHaveLength(2);
    expect(await s.forgetPhone(PHONE)).toMatchObject({ cases: 1, audit: 2 });
    const left = (await s.audit.list()).map((e) => e.conversationHash);
    expect(left).toContain(s.audit.hashConversation('conv-unrelated'));
    expect(left).not.toContain(smsHash);
    expect(left.filter((h) => h === 'forgotten')).toHaveLength(2); // the statistics stay, tied to nobody
    expect((await s.findByPhone(PHONE)).audit).toEqual([]);
  });

  it('rekeys the unkeyed hashes older versions wrote, and forget still finds them', async () => {
    const legacy = (id: string) => createHash('sha256').update(id).digest('hex').slice(0, 16);
    const at = ctx.clock.now();
    await ctx.store.audit.append(decision(at, legacy(PHONE)));
    await ctx.store.audit.append(decision(at, legacy(PHONE)));
    await ctx.store.audit.append(decision(at, legacy('conv-unrelated')));

    const keyed = await ctx.open({ auditKey: KEY });
    const hashes = (await keyed.audit.list()).map((e) => e.conversationHash);
    expect(hashes.some((h) => /^[0-9a-f]{16}$/.test(h))).toBe(false);
    expect(new Set(hashes).size).toBe(2); // repeat contacts still count together
    await (await ctx.open({ auditKey: KEY })).close(); // rekeying again changes nothing
    expect((await keyed.audit.list()).map((e) => e.conversationHash).sort()).toEqual([...hashes].sort());

    expect((await keyed.findByPhone('0701234567')).audit).toHaveLength(2);
    expect(await keyed.forgetPhone('0701234567')).toMatchObject({ audit: 2 });
    expect((await keyed.audit.list()).filter((e) => e.conversationHash !== 'forgotten')).toHaveLength(1);
  });

  it('erasing a case whose card is in Teams queues its redaction: the card and the bot’s posts', async () => {
    const s = ctx.store;
    const posted = await s.cases.create(sampleCase({ contact: { phone: PHONE } }));
    await s.cards.record({
      subject: posted.id,
      kind: 'case',
      threadId: '19:c@thread.tacv2;messageid=1001',
      messageId: '1001',
    });
    await s.cards.recordPost(posted.id, 'post-1');
    await s.cards.recordPost(posted.id, 'post-2');
    await s.cards.recordPost(posted.id, 'post-2'); // twice: once
    await s.cards.recordPost('T-0000-0000', 'post-x'); // no such card: nothing
    await s.cases.create(sampleCase({ contact: { phone: PHONE } })); // never posted: nothing to redact

    const counts = await s.forgetPhone(PHONE);
    expect(counts).toMatchObject({ cases: 2, teamsCards: 1 });
    const [item, ...rest] = await s.outbox.list();
    expect(rest).toEqual([]);
    expect(item).toMatchObject({ kind: 'staff.redact', caseId: posted.id, status: 'pending' });
    expect(item!.payload).toEqual({
      caseId: posted.id,
      route: 'trygghetsjour',
      threadId: '19:c@thread.tacv2;messageid=1001',
      activityId: '1001',
      postIds: ['post-1', 'post-2'],
      reason: 'forget',
    });
    expect(JSON.stringify(item!.payload)).not.toMatch(/0701234567|46701234567/);
    expect(await s.cards.get(posted.id)).toBeUndefined(); // the card's record goes with the case
  });

  it('the retention purge queues the redaction of old cards too, and purges the staff audit', async () => {
    const s = ctx.store;
    const old = await s.cases.create(sampleCase());
    await s.cards.record({ subject: old.id, kind: 'case', threadId: '19:c@thread.tacv2;messageid=7', messageId: '7' });
    await s.staffAudit.append({
      at: ctx.clock.now(),
      action: 'teams.register',
      actor: 'aad-anna',
      details: { target: 'trygghetsjour', fromChannel: '', toChannel: '19:c@thread.tacv2' },
    });
    ctx.clock.advance(40 * DAY);
    await s.staffAudit.append({ at: ctx.clock.now(), action: 'teams.shift.add', actor: 'aad-bo', details: {} });
    await s.purge(new Date(ctx.clock.now().getTime() - 30 * DAY));
    expect(await s.cases.get(old.id)).toBeUndefined();
    const redactions = (await s.outbox.list()).filter((i) => i.kind === 'staff.redact');
    expect(redactions.map((i) => (i.payload as { reason: string }).reason)).toEqual(['purge']);
    expect(await s.staffAudit.list()).toEqual([
      { at: ctx.clock.now().toISOString(), action: 'teams.shift.add', actor: 'aad-bo', details: {} },
    ]);
  });

  it('the staff audit takes only its own fields', async () => {
    await expect(
      ctx.store.staffAudit.append({
        at: ctx.clock.now(),
        action: 'teams.register',
        actor: 'x',
        details: {},
        text: 'hej',
      } as never),
    ).rejects.toThrow(/staff audit entry/);
    await expect(
      ctx.store.staffAudit.append({ at: ctx.clock.now(), action: 'anything' as never, actor: 'x', details: {} }),
    ).rejects.toThrow(/action/);
  });
}
