/** `store.purge`, `store.findByPhone`, `store.forgetPhone`. */
import { expect, it } from 'vitest';
import { StoreValidationError } from '../../../src/store/index.ts';
import { type ContractContext, sampleCase } from './context.ts';

const DAY = 24 * 60 * 60 * 1000;
const PHONE = '+46701234567';

const decision = (at: Date) => ({
  at,
  route: 'office' as const,
  rule: 'daytime',
  category: 'minor_fault' as const,
  danger: null,
  channelId: 'sms',
  language: 'sv' as const,
  conversationHash: 'h',
});

export function privacyContract(ctx: ContractContext): void {
  it('purges what is older than the cut-off and keeps the rest', async () => {
    const s = ctx.store;
    // 40 days ago: an old case (with transcript and outbox), state, audit, a finished and a pending outbox item.
    const old = await s.cases.create(
      sampleCase({
        transcript: [
          { from: 'tenant', text: 'a' },
          { from: 'bot', text: 'b' },
        ],
      }),
      {
        outbox: [{ kind: 'k', key: 'old-case-card', payload: {} }],
      },
    );
    const oldButActive = await s.cases.create(sampleCase());
    const [finished, waiting] = await s.outbox.enqueue([
      { kind: 'k', key: 'finished', payload: {} },
      { kind: 'k', key: 'waiting', payload: {} },
    ]);
    const claimed = (await s.outbox.claimDue(ctx.clock.now(), 10, 1_000)).find((i) => i.id === finished);
    await s.outbox.complete(finished as string, claimed!.lease!);
    await s.state.write({ oldState: { n: 1 } });
    await s.audit.append(decision(ctx.clock.now()));
    await s.activities.markProcessed('conv', 'old-activity');

    ctx.clock.advance(40 * DAY);
    await s.cases.appendTranscript(oldButActive.id, { from: 'staff', text: 'still on it' });
    const recent = await s.cases.create(sampleCase());
    await s.state.write({ newState: { n: 1 } });
    await s.audit.append(decision(ctx.clock.now()));

    const counts = await s.purge(new Date(ctx.clock.now().getTime() - 30 * DAY));
    expect(counts).toEqual({
      cases: 1,
      transcriptEntries: 2,
      state: 1,
      audit: 1,
      outbox: 2,
      activities: 1,
      incidentContacts: 0,
    });
    expect(await s.cases.get(old.id)).toBeUndefined();
    expect((await s.cases.list()).map((c) => c.id).sort()).toEqual([oldButActive.id, recent.id].sort());
    expect((await s.outbox.list()).map((i) => i.id)).toEqual([waiting]);
    expect(Object.keys(await s.state.read(['oldState', 'newState']))).toEqual(['newState']);
    expect(await s.audit.list()).toHaveLength(1);
    expect(await s.activities.markProcessed('conv', 'old-activity')).toBe(true);

    expect(await s.purge(new Date(ctx.clock.now().getTime() - 30 * DAY))).toEqual({
      cases: 0,
      transcriptEntries: 0,
      state: 0,
      audit: 0,
      outbox: 0,
      activities: 0,
      incidentContacts: 0,
    });
  });

  it('never purges configuration (Teams channel registrations) or shifts, however old', async () => {
    const s = ctx.store;
    const registrations = { routes: { trygghetsjour: { channelId: '19:jour@thread.tacv2' } } };
    await s.config.write({ 'trygg/teams/registrations': registrations });
    const shift = await s.shifts.add({
      route: 'trygghetsjour',
      kind: 'extra',
      from: ctx.clock.now(),
      to: new Date(ctx.clock.now().getTime() + DAY),
    });
    ctx.clock.advance(400 * DAY);
    const counts = await s.purge(new Date(ctx.clock.now().getTime() - 90 * DAY));
    expect(counts.state).toBe(0);
    expect(await s.config.read(['trygg/teams/registrations'])).toEqual({
      'trygg/teams/registrations': { ...registrations, eTag: expect.any(String) },
    });
    expect((await s.shifts.list()).map((x) => x.id)).toEqual([shift]);
    // Configuration is its own key space: state under the same key is another item.
    expect(await s.state.read(['trygg/teams/registrations'])).toEqual({});
  });

  /** Data tied to the phone number in every way the store can find it, plus data that is not. */
  async function seedPhoneData() {
    const s = ctx.store;
    const byContact = await s.cases.create(sampleCase({ contact: { phone: '070-123 45 67', name: 'Kalle' } }), {
      outbox: (c) => [{ kind: 'teams.caseCard', key: `card:${c.id}`, payload: { caseId: c.id } }],
    });
    const bySms = await s.cases.create(
      sampleCase({
        channelId: 'sms',
        conversation: { channelId: 'sms', user: { id: PHONE }, conversation: { id: PHONE } } as never,
      }),
    );
    const byTranscript = await s.cases.create(
      sampleCase({ transcript: [{ from: 'tenant', text: 'Ring mig på 0701234567' }] }),
    );
    const unrelated = await s.cases.create(sampleCase({ contact: { phone: '+46707654321' } }), {
      outbox: [{ kind: 'k', key: 'unrelated-card', payload: { to: '+46707654321' } }],
    });
    const [sms] = await s.outbox.enqueue([
      { kind: 'tenant.sms', key: 'sms-1', payload: { to: PHONE, text: 'Vi kommer' } },
    ]);
    await s.state.write({
      [`sms/conversations/${PHONE}`]: { dialogState: {} },
      'webchat/users/u1': { profile: { phone: '0046701234567' } },
      'webchat/users/u2': { profile: { phone: '0707654321' } },
    });
    await s.audit.append(decision(ctx.clock.now()));
    return { byContact, bySms, byTranscript, unrelated, sms };
  }

  it('exports everything tied to a phone number, however it was written', async () => {
    const seeded = await seedPhoneData();
    for (const asked of [PHONE, '070-123 45 67', '+46 70 123 45 67', '0046701234567']) {
      const found = await ctx.store.findByPhone(asked);
      expect(found.phone).toBe(PHONE);
      expect(found.cases.map((c) => c.id)).toEqual([seeded.byContact.id, seeded.bySms.id, seeded.byTranscript.id]);
      expect(found.cases[2]?.transcript[0]?.text).toBe('Ring mig på 0701234567');
      expect(Object.keys(found.state).sort()).toEqual([`sms/conversations/${PHONE}`, 'webchat/users/u1']);
      expect(found.state['webchat/users/u1']).toMatchObject({ profile: { phone: '0046701234567' } });
      expect(found.outbox.map((i) => i.key)).toEqual([`card:${seeded.byContact.id}`, 'sms-1']);
    }
  });

  it('finds nothing for a number it does not hold', async () => {
    await seedPhoneData();
    expect(await ctx.store.findByPhone('+4640123456')).toEqual({
      phone: '+4640123456',
      cases: [],
      state: {},
      outbox: [],
      audit: [],
      subscriptions: [],
    });
  });

  it('forgets everything tied to a phone number and nothing else', async () => {
    const seeded = await seedPhoneData();
    const counts = await ctx.store.forgetPhone('0701234567');
    expect(counts).toEqual({
      cases: 3,
      transcriptEntries: 1,
      state: 2,
      outbox: 2,
      audit: 0,
      teamsCards: 0,
      subscriptions: 0,
    });
    expect(await ctx.store.findByPhone(PHONE)).toEqual({
      phone: PHONE,
      cases: [],
      state: {},
      outbox: [],
      audit: [],
      subscriptions: [],
    });
    expect(await ctx.store.cases.get(seeded.byContact.id)).toBeUndefined();
    expect((await ctx.store.cases.list()).map((c) => c.id)).toEqual([seeded.unrelated.id]);
    expect((await ctx.store.outbox.list()).map((i) => i.key)).toEqual(['unrelated-card']);
    expect(Object.keys(await ctx.store.state.read(['webchat/users/u1', 'webchat/users/u2']))).toEqual([
      'webchat/users/u2',
    ]);
    expect(await ctx.store.audit.list()).toHaveLength(1);
    expect((await ctx.store.findByPhone('+46707654321')).cases).toHaveLength(1);
  });

  it('refuses something that is not a phone number, without repeating it', async () => {
    await seedPhoneData();
    for (const bad of ['12', '', '46', 'kalle@example.com', '%', '1234567890123456']) {
      const error = await ctx.store.forgetPhone(bad).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(error).toBeInstanceOf(StoreValidationError);
      if (bad) expect(error?.message).not.toContain(bad);
    }
    await expect(ctx.store.findByPhone('1')).rejects.toThrow(StoreValidationError);
    expect(await ctx.store.cases.list()).toHaveLength(4);
  });
}
