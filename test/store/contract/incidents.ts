/** `store.incidents`: incidents and their notices, reports, subscriptions and proposals. */
import { expect, it } from 'vitest';
import {
  StoreConflictError,
  StoreNotFoundError,
  StoreValidationError,
  type IncidentSubscription,
  type NewIncident,
  type NewOutboxItem,
} from '../../../src/store/index.ts';
import { type ContractContext, START } from './context.ts';

const FIRE: NewIncident = {
  kind: 'fire',
  place: { street: 'Ramels väg', number: '12', area: 'rosengard' },
  where: 'Ramels väg 12',
  text: { sv: 'Det har brunnit i trapphuset på Ramels väg 12.', en: 'There was a fire in the stairwell.' },
  by: 'cli',
};

const PHONE = '+46701234567';
type Reference = IncidentSubscription['conversation'];
const sms = (n = PHONE) => ({
  channelId: 'sms',
  conversation: {
    channelId: 'sms',
    serviceUrl: 'https://sms.botframework.com/',
    conversation: { id: n },
    user: { id: n },
  } as Reference,
  language: 'sv' as const,
});
const web = (id: string) => ({
  channelId: 'webchat',
  conversation: {
    channelId: 'webchat',
    serviceUrl: 'https://webchat.botframework.com/',
    conversation: { id },
  } as Reference,
  language: 'en' as const,
});

/** One outbox item per active subscriber per notice: what the incident desk writes. */
const fanOut = (written: { id: string; notices: { seq: number }[] }, active: IncidentSubscription[]): NewOutboxItem[] =>
  active.map((s) => ({
    kind: 'tenant.incidentNotice',
    key: `inotice:${written.id}:${written.notices.at(-1)!.seq}:${s.id}`,
    payload: { subscriptionId: s.id },
  }));

export function incidentsContract(ctx: ContractContext): void {
  it('opens an incident with its first notice, numbered per month, and lists the newest first', async () => {
    const { incidents } = ctx.store;
    const opened = await incidents.open({
      ...FIRE,
      officeHours: { from: '2026-11-16T07:00:00Z', to: '2026-11-16T19:00:00Z' },
    });
    expect(opened).toEqual({
      id: 'H-2611-0001',
      kind: 'fire',
      place: FIRE.place,
      where: 'Ramels väg 12',
      status: 'open',
      officeHours: { from: '2026-11-16T07:00:00.000Z', to: '2026-11-16T19:00:00.000Z' },
      notices: [{ seq: 1, kind: 'open', text: FIRE.text, at: START, by: 'cli' }],
      reports: 0,
      subscribers: 0,
      createdAt: START,
      updatedAt: START,
      closedAt: null,
    });
    ctx.clock.advance(1000);
    const water = await incidents.open({ ...FIRE, kind: 'water', place: { area: 'rosengard' }, where: 'Rosengård' });
    expect(water.id).toBe('H-2611-0002');
    expect(await incidents.get(opened.id)).toEqual(opened);
    expect((await incidents.list()).map((i) => i.id)).toEqual([water.id, opened.id]);
    expect(await incidents.get('H-0000-0000')).toBeUndefined();
    // Incident numbers do not take case numbers.
    expect(
      (
        await ctx.store.cases.create({
          route: 'office',
          category: 'unknown',
          language: 'sv',
          channelId: 'webchat',
          conversation: {},
        })
      ).id,
    ).toBe('T-2611-0001');
    await expect(incidents.open({ ...FIRE, text: { sv: '' } })).rejects.toThrow(StoreValidationError);
    await expect(incidents.open({ ...FIRE, kind: 'meteor' as never })).rejects.toThrow(StoreValidationError);
  });

  it('adds notices in order, to every active subscriber once, and closes', async () => {
    const { incidents, outbox } = ctx.store;
    const i = await incidents.open(FIRE);
    const a = await incidents.subscribe(i.id, { ...sms(), seenSeq: 1 });
    const b = await incidents.subscribe(i.id, { ...web('web-b'), seenSeq: 1 });
    await incidents.unsubscribe({ channelId: 'webchat', conversationId: 'web-b' });
    ctx.clock.advance(60_000);
    const updated = await incidents.addNotice(
      i.id,
      { text: { sv: 'Brandkåren är klar.' }, by: 'aad-anna' },
      { outbox: fanOut },
    );
    expect(updated.notices.map((n) => [n.seq, n.kind, n.by])).toEqual([
      [1, 'open', 'cli'],
      [2, 'update', 'aad-anna'],
    ]);
    expect(updated).toMatchObject({ status: 'open', subscribers: 1, updatedAt: '2026-11-14T21:01:00.000Z' });
    expect((await outbox.list()).map((x) => x.key)).toEqual([`inotice:${i.id}:2:${a.id}`]);
    expect(b.id).not.toBe(a.id);

    const closed = await incidents.addNotice(
      i.id,
      {
        text: { sv: 'Allt är klart.' },
        by: 'cli',
        close: true,
        officeHours: { from: START, to: '2026-11-15T21:00:00Z' },
      },
      { outbox: fanOut },
    );
    expect(closed).toMatchObject({ status: 'closed', closedAt: '2026-11-14T21:01:00.000Z' });
    expect(closed.officeHours).toEqual({ from: START, to: '2026-11-15T21:00:00.000Z' });
    expect(closed.notices.at(-1)).toMatchObject({ seq: 3, kind: 'close' });
    expect((await outbox.list()).map((x) => x.key)).toEqual([`inotice:${i.id}:2:${a.id}`, `inotice:${i.id}:3:${a.id}`]);
    await expect(incidents.addNotice(i.id, { text: { sv: 'Igen' }, by: 'cli' })).rejects.toThrow(StoreConflictError);
    await expect(incidents.addNotice('H-0000-0000', { text: { sv: 'x' }, by: 'cli' })).rejects.toThrow(
      StoreNotFoundError,
    );
    await expect(incidents.subscribe(i.id, { ...web('late'), seenSeq: 3 })).rejects.toThrow(StoreConflictError);
    expect((await incidents.list({ status: 'open' })).map((x) => x.id)).toEqual([]);
  });

  it('counts each conversation’s report once, and remembers a case made with it', async () => {
    const { incidents } = ctx.store;
    const i = await incidents.open(FIRE);
    expect(await incidents.link(i.id, { channelId: 'sms', conversationId: PHONE })).toMatchObject({
      first: true,
      incident: { reports: 1 },
    });
    expect(
      await incidents.link(i.id, { channelId: 'sms', conversationId: PHONE, caseId: 'T-2611-0009' }),
    ).toMatchObject({
      first: false,
      incident: { reports: 1 },
    });
    const second = await incidents.link(i.id, { channelId: 'webchat', conversationId: 'web-1' });
    expect(second).toMatchObject({ first: true, incident: { reports: 2 } });
    await expect(incidents.link('H-0000-0000', { channelId: 'webchat', conversationId: 'w' })).rejects.toThrow(
      StoreNotFoundError,
    );
  });

  it('subscribes once per conversation, catches up on missed notices, and stops at once', async () => {
    const { incidents } = ctx.store;
    const i = await incidents.open(FIRE);
    await incidents.addNotice(i.id, { text: { sv: 'Uppdatering' }, by: 'cli' });
    const missedSeen: number[][] = [];
    const sub = await incidents.subscribe(
      i.id,
      { ...sms(), seenSeq: 1 },
      {
        outbox: (_w, s, missed) => (
          missedSeen.push(missed.map((n) => n.seq)),
          missed.map((n) => ({ kind: 'x', key: `c:${s.id}:${n.seq}`, payload: {} }))
        ),
      },
    );
    expect(sub).toMatchObject({
      incidentId: i.id,
      channelId: 'sms',
      language: 'sv',
      status: 'active',
      stoppedAt: null,
    });
    expect(missedSeen).toEqual([[2]]);
    expect((await ctx.store.outbox.list()).map((x) => x.key)).toEqual([`c:${sub.id}:2`]);
    const again = await incidents.subscribe(i.id, { ...sms(), seenSeq: 2 });
    expect(again.id).toBe(sub.id);
    expect((await incidents.get(i.id))!.subscribers).toBe(1);

    const other = await incidents.open({ ...FIRE, kind: 'water' });
    await incidents.subscribe(other.id, { ...sms(), seenSeq: 1 });
    expect(await incidents.unsubscribe({ channelId: 'sms', conversationId: PHONE })).toBe(2);
    expect(await incidents.subscription(sub.id)).toMatchObject({ status: 'stopped', stoppedAt: START });
    expect((await incidents.get(i.id))!.subscribers).toBe(0);
    expect(await incidents.unsubscribe({ channelId: 'sms', conversationId: PHONE })).toBe(0);
    // Subscribing again after a stop starts the updates again.
    expect(await incidents.subscribe(i.id, { ...sms(), seenSeq: 2 })).toMatchObject({ id: sub.id, status: 'active' });
    expect(await incidents.subscription('999999')).toBeUndefined();
    expect(await incidents.subscription('not-an-id')).toBeUndefined();
  });

  it('proposes once for a cluster: three contacts about one kind at one place within the window', async () => {
    const { incidents } = ctx.store;
    const rule = { threshold: 3, windowMs: 30 * 60_000 };
    const proposalCard = (p: { id: string }): NewOutboxItem[] => [
      { kind: 'staff.proposal', key: `proposal:${p.id}`, payload: {} },
    ];
    const contact = (n: number) => ({
      channelId: 'webchat',
      conversationId: `w-${n}`,
      kind: 'fire' as const,
      placeKey: 'rosengard',
    });
    expect(await incidents.signal(contact(1), rule, { outbox: proposalCard })).toBeUndefined();
    expect(await incidents.signal(contact(1), rule, { outbox: proposalCard })).toBeUndefined(); // the same tenant again
    expect(await incidents.signal({ ...contact(2), kind: 'water' }, rule)).toBeUndefined(); // another kind
    expect(await incidents.signal({ ...contact(3), placeKey: 'hyllie' }, rule)).toBeUndefined(); // another place
    ctx.clock.advance(10 * 60_000);
    expect(await incidents.signal(contact(2), rule, { outbox: proposalCard })).toBeUndefined();
    ctx.clock.advance(10 * 60_000);
    const proposal = await incidents.signal(contact(3), rule, { outbox: proposalCard });
    expect(proposal).toMatchObject({ kind: 'fire', placeKey: 'rosengard', contacts: 3 });
    expect((await ctx.store.outbox.list()).map((x) => x.key)).toEqual([`proposal:${proposal!.id}`]);
    // The cluster goes on: no second proposal, however many write.
    for (let n = 4; n < 10; n++) {
      ctx.clock.advance(20 * 60_000);
      expect(await incidents.signal(contact(n), rule, { outbox: proposalCard })).toBeUndefined();
    }
    // Quiet for longer than the window, then a new cluster: a new proposal.
    ctx.clock.advance(31 * 60_000);
    for (const n of [20, 21]) expect(await incidents.signal(contact(n), rule)).toBeUndefined();
    expect(await incidents.signal(contact(22), rule)).toMatchObject({ contacts: 3 });
  });

  it('data-subject requests: a number’s subscriptions are exported and erased, its reports stay counted', async () => {
    const { incidents } = ctx.store;
    const i = await incidents.open(FIRE);
    await incidents.link(i.id, { channelId: 'sms', conversationId: PHONE });
    await incidents.subscribe(i.id, { ...sms(), seenSeq: 1 });
    await incidents.subscribe(i.id, { ...web('web-x'), seenSeq: 1 });
    const found = await ctx.store.findByPhone('070-123 45 67');
    expect(found.subscriptions).toMatchObject([{ incidentId: i.id, channelId: 'sms' }]);
    expect(await ctx.store.forgetPhone('0701234567')).toMatchObject({ subscriptions: 1 });
    expect((await ctx.store.findByPhone(PHONE)).subscriptions).toEqual([]);
    expect(await incidents.get(i.id)).toMatchObject({ reports: 1, subscribers: 1 });
    // The same number writing again counts as a new contact: the old report is tied to nobody.
    expect((await incidents.link(i.id, { channelId: 'sms', conversationId: PHONE })).first).toBe(true);
  });

  it('retention: subscriptions of incidents closed before the cut-off go, the incident stays', async () => {
    const { incidents } = ctx.store;
    const i = await incidents.open(FIRE);
    await incidents.subscribe(i.id, { ...sms(), seenSeq: 1 });
    await incidents.addNotice(i.id, { text: { sv: 'Klart' }, by: 'cli', close: true });
    ctx.clock.advance(40 * 86_400_000);
    const counts = await ctx.store.purge(new Date(ctx.clock.now().getTime() - 30 * 86_400_000));
    expect(counts.incidentContacts).toBe(1);
    expect(await incidents.get(i.id)).toMatchObject({ status: 'closed', subscribers: 0, notices: [{}, {}] });
    expect((await ctx.store.findByPhone(PHONE)).subscriptions).toEqual([]);
  });

  it('an incident’s card is recorded like a case’s', async () => {
    const i = await ctx.store.incidents.open(FIRE);
    const card = await ctx.store.cards.record({
      subject: i.id,
      kind: 'incident',
      threadId: '19:i@thread.tacv2;messageid=5',
      messageId: '5',
    });
    expect(await ctx.store.cards.byThread('19:i@thread.tacv2;messageid=5')).toEqual(card);
    await expect(
      ctx.store.cards.record({
        subject: 'H-0000-0000',
        kind: 'incident',
        threadId: '19:i@thread.tacv2',
        messageId: '6',
      }),
    ).rejects.toThrow(StoreNotFoundError);
  });
}
