/** `store.audit`, `store.activities`, `store.shifts`. */
import { expect, it } from 'vitest';
import { StoreValidationError, type AuditEntry } from '../../../src/store/index.ts';
import type { ContractContext } from './context.ts';

const decision = (at: string, extra: Partial<AuditEntry> = {}): AuditEntry => ({
  at,
  route: 'trygghetsjour',
  rule: 'disturbance-night',
  category: 'disturbance',
  danger: null,
  channelId: 'webchat',
  language: 'sv',
  conversationHash: 'h1',
  ...extra,
});

export function recordsContract(ctx: ContractContext): void {
  it('audit: appends decisions and lists them newest first, since a time, limited', async () => {
    const { audit } = ctx.store;
    await audit.append(decision('2026-11-14T22:00:00+01:00'));
    await audit.append({
      ...decision('x'),
      at: new Date('2026-11-14T21:05:00Z'),
      route: 'emergency',
      category: 'acute_danger',
      danger: 'fire',
    });
    await audit.append(decision('2026-11-14T21:10:00.000Z', { rule: 'r3', language: 'ar', channelId: 'sms' }));
    const all = await audit.list();
    expect(all.map((e) => e.at)).toEqual([
      '2026-11-14T21:10:00.000Z',
      '2026-11-14T21:05:00.000Z',
      '2026-11-14T21:00:00.000Z',
    ]);
    expect(all[1]).toEqual(
      decision('2026-11-14T21:05:00.000Z', { route: 'emergency', category: 'acute_danger', danger: 'fire' }),
    );
    expect((await audit.list({ since: '2026-11-14T21:05:00Z' })).map((e) => e.rule)).toEqual([
      'r3',
      'disturbance-night',
    ]);
    expect((await audit.list({ since: new Date('2026-11-14T21:05:00Z'), limit: 1 })).map((e) => e.rule)).toEqual([
      'r3',
    ]);
  });

  it('audit: refuses anything beyond the audit fields, such as message text', async () => {
    const withText = { ...decision('2026-11-14T21:00:00Z'), text: 'Min granne slår sin fru' } as AuditEntry;
    const error = await ctx.store.audit.append(withText).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(StoreValidationError);
    expect(error?.message).not.toMatch(/granne/);
    await expect(ctx.store.audit.append(decision('yesterday'))).rejects.toThrow(StoreValidationError);
    expect(await ctx.store.audit.list()).toEqual([]);
  });

  it('activities: true the first time, false for a redelivery, per conversation', async () => {
    const { activities } = ctx.store;
    expect(await activities.markProcessed('conv-1', 'act-1')).toBe(true);
    expect(await activities.markProcessed('conv-1', 'act-1')).toBe(false);
    expect(await activities.markProcessed('conv-1', 'act-2')).toBe(true);
    expect(await activities.markProcessed('conv-2', 'act-1')).toBe(true);
    // A separator keeps ("ab","c") and ("a","bc") apart.
    expect(await activities.markProcessed('a', 'bc')).toBe(true);
    expect(await activities.markProcessed('ab', 'c')).toBe(true);
  });

  it('activities: exactly one of concurrent deliveries of the same activity is processed', async () => {
    const other = await ctx.open();
    const results = await Promise.all([
      ctx.store.activities.markProcessed('conv-1', 'act-1'),
      other.activities.markProcessed('conv-1', 'act-1'),
      ctx.store.activities.markProcessed('conv-1', 'act-1'),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('activities: forgets an id after the time to live', async () => {
    const store = await ctx.open({ processedTtlMs: 60_000 });
    expect(await store.activities.markProcessed('conv-1', 'act-1')).toBe(true);
    ctx.clock.advance(59_999);
    expect(await store.activities.markProcessed('conv-1', 'act-1')).toBe(false);
    ctx.clock.advance(60_001);
    expect(await store.activities.markProcessed('conv-1', 'act-1')).toBe(true);
    expect(await store.activities.markProcessed('conv-1', 'act-1')).toBe(false);
  });

  it('activities: seen records nothing, and is true only after markProcessed and within the time to live', async () => {
    const store = await ctx.open({ processedTtlMs: 60_000 });
    expect(await store.activities.seen('conv-1', 'act-1')).toBe(false);
    expect(await store.activities.seen('conv-1', 'act-1')).toBe(false);
    expect(await store.activities.markProcessed('conv-1', 'act-1')).toBe(true);
    expect(await store.activities.seen('conv-1', 'act-1')).toBe(true);
    expect(await store.activities.seen('conv-1', 'act-2')).toBe(false);
    expect(await store.activities.seen('conv-2', 'act-1')).toBe(false);
    ctx.clock.advance(60_001);
    expect(await store.activities.seen('conv-1', 'act-1')).toBe(false);
    expect(await store.activities.markProcessed('conv-1', 'act-1')).toBe(true);
    expect(await store.activities.seen('', 'act-1')).toBe(false);
    expect(await store.activities.seen('conv-1', '')).toBe(false);
  });

  it('activities: without an id there is nothing to dedupe on', async () => {
    expect(await ctx.store.activities.markProcessed('conv-1', '')).toBe(true);
    expect(await ctx.store.activities.markProcessed('conv-1', '')).toBe(true);
  });

  it('shifts: adds, lists in start order with UTC times, removes', async () => {
    const { shifts } = ctx.store;
    const late = await shifts.add({
      route: 'fastighetsjour',
      kind: 'closed',
      from: '2026-12-24T16:00:00+01:00',
      to: '2026-12-25T08:00:00+01:00',
    });
    const early = await shifts.add({
      route: 'trygghetsjour',
      kind: 'extra',
      from: new Date('2026-11-15T20:00:00Z'),
      to: new Date('2026-11-16T02:00:00Z'),
      note: 'Event at Stadion',
      createdBy: 'Eva',
    });
    expect(late).not.toBe(early);
    const listed = await shifts.list();
    expect(listed.map((s) => s.id)).toEqual([early, late]);
    expect(listed[0]).toEqual({
      id: early,
      route: 'trygghetsjour',
      kind: 'extra',
      from: '2026-11-15T20:00:00.000Z',
      to: '2026-11-16T02:00:00.000Z',
      note: 'Event at Stadion',
      createdBy: 'Eva',
      createdAt: '2026-11-14T21:00:00.000Z',
    });
    expect(listed[1]).toMatchObject({ from: '2026-12-24T15:00:00.000Z', note: null, createdBy: null });
    expect(await shifts.remove(early)).toBe(true);
    expect(await shifts.remove(early)).toBe(false);
    expect(await shifts.remove('nonsense')).toBe(false);
    expect((await shifts.list()).map((s) => s.id)).toEqual([late]);
  });

  it('shifts: filters by the moment they run and by overlap with a span', async () => {
    const { shifts } = ctx.store;
    const a = await shifts.add({
      route: 'office',
      kind: 'closed',
      from: '2026-11-20T08:00:00Z',
      to: '2026-11-20T12:00:00Z',
    });
    const b = await shifts.add({
      route: 'trygghetsjour',
      kind: 'extra',
      from: '2026-11-20T11:00:00Z',
      to: '2026-11-20T15:00:00Z',
    });
    const ids = async (query: Parameters<typeof shifts.list>[0]) => (await shifts.list(query)).map((s) => s.id);
    expect(await ids({ activeAt: '2026-11-20T08:00:00Z' })).toEqual([a]); // start inclusive
    expect(await ids({ activeAt: '2026-11-20T11:30:00Z' })).toEqual([a, b]);
    expect(await ids({ activeAt: '2026-11-20T12:00:00Z' })).toEqual([b]); // end exclusive
    expect(await ids({ activeAt: '2026-11-20T15:00:00Z' })).toEqual([]);
    expect(await ids({ from: '2026-11-20T12:00:00Z' })).toEqual([b]);
    expect(await ids({ to: '2026-11-20T11:00:00Z' })).toEqual([a]);
    expect(await ids({ from: '2026-11-20T09:00:00Z', to: '2026-11-20T10:00:00Z' })).toEqual([a]);
    expect(await ids({ from: '2026-11-21T00:00:00Z' })).toEqual([]);
  });

  it('shifts: a shift added or removed through another handle (the CLI) is listed at once, asked the same way', async () => {
    const window = { from: '2026-12-01T00:00:00Z', to: '2026-12-31T00:00:00Z' };
    const ids = async () => (await ctx.store.shifts.list(window)).map((s) => s.id);
    expect(await ids()).toEqual([]);
    expect(await ids()).toEqual([]);
    const cli = await ctx.open();
    const added = await cli.shifts.add({
      route: 'trygghetsjour',
      kind: 'extra',
      from: '2026-12-24T16:00:00Z',
      to: '2026-12-25T06:00:00Z',
    });
    expect(await ids()).toEqual([added]);
    const own = await ctx.store.shifts.add({
      route: 'office',
      kind: 'closed',
      from: '2026-12-26T00:00:00Z',
      to: '2026-12-27T00:00:00Z',
    });
    expect(await ids()).toEqual([added, own]);
    expect(await cli.shifts.remove(added)).toBe(true);
    expect(await ids()).toEqual([own]);
    expect(await ctx.store.shifts.remove(own)).toBe(true);
    expect(await ids()).toEqual([]);
  });

  it('shifts: rejects an empty or backwards span and an unknown route', async () => {
    const { shifts } = ctx.store;
    const span = { from: '2026-11-20T10:00:00Z', to: '2026-11-20T10:00:00Z' };
    await expect(shifts.add({ route: 'office', kind: 'extra', ...span })).rejects.toThrow(StoreValidationError);
    await expect(
      shifts.add({ route: 'office', kind: 'extra', from: '2026-11-20T10:00:00Z', to: '2026-11-20T09:00:00Z' }),
    ).rejects.toThrow(/to/);
    await expect(
      shifts.add({ route: 'bar' as 'office', kind: 'extra', from: '2026-11-20T10:00:00Z', to: '2026-11-20T11:00:00Z' }),
    ).rejects.toThrow(StoreValidationError);
    await expect(
      shifts.add({ route: 'office', kind: 'extra', from: '20 nov', to: '2026-11-20T11:00:00Z' }),
    ).rejects.toThrow(StoreValidationError);
    expect(await shifts.list()).toEqual([]);
  });
}
