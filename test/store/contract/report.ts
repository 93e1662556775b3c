/** `store.reports` (the night report's read-only queries) and `store.jobOccurrences` (wall-clock jobs). */
import { expect, it } from 'vitest';
import { StoreValidationError, type AuditEntry } from '../../../src/store/index.ts';
import { sampleCase, type ContractContext } from './context.ts';

const MINUTE = 60_000;

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

export function reportContract(ctx: ContractContext): void {
  it('decisions: those in [from, to), oldest first', async () => {
    const { audit, reports } = ctx.store;
    await audit.append(decision('2026-11-14T20:59:59.999Z', { rule: 'before' }));
    await audit.append(decision('2026-11-14T21:30:00Z', { rule: 'second' }));
    await audit.append(decision('2026-11-14T21:00:00Z', { rule: 'first', channelId: 'sms', language: 'ar' }));
    await audit.append(decision('2026-11-15T06:00:00Z', { rule: 'at the end' }));
    const got = await reports.decisions('2026-11-14T21:00:00Z', new Date('2026-11-15T06:00:00Z'));
    expect(got.map((d) => d.rule)).toEqual(['first', 'second']);
    expect(got[0]).toEqual(decision('2026-11-14T21:00:00.000Z', { rule: 'first', channelId: 'sms', language: 'ar' }));
    await expect(reports.decisions('tonight', '2026-11-15T06:00:00Z')).rejects.toThrow(StoreValidationError);
  });

  it('cases: facts without contact or text; when first claimed and when closed, set by the store', async () => {
    const { cases, reports } = ctx.store;
    const a = await cases.create(sampleCase({ contact: { phone: '0701234567', address: 'Storgatan 5' } }));
    ctx.clock.advance(4 * MINUTE);
    const b = await cases.create(sampleCase({ route: 'fastighetsjour', category: 'urgent_fault', language: 'en' }));
    ctx.clock.advance(3 * MINUTE);
    await cases.update(a.id, { status: 'claimed', claimedBy: 'Anna' });
    ctx.clock.advance(MINUTE);
    await cases.update(a.id, { summary: 'more' }); // another change keeps the claim time
    ctx.clock.advance(10 * MINUTE);
    await cases.update(a.id, { status: 'closed', outcome: 'visited' });
    await cases.update(b.id, { status: 'closed', outcome: 'resolved', claimedBy: 'Bo' }); // closed unclaimed
    ctx.clock.advance(MINUTE);
    await cases.create(sampleCase()); // after the span

    const got = await reports.cases('2026-11-14T21:00:00Z', '2026-11-14T21:10:00Z');
    expect(got).toEqual([
      {
        id: a.id,
        route: 'trygghetsjour',
        category: 'disturbance',
        danger: null,
        language: 'sv',
        channelId: 'webchat',
        status: 'closed',
        claimedBy: 'Anna',
        outcome: 'visited',
        createdAt: '2026-11-14T21:00:00.000Z',
        claimedAt: '2026-11-14T21:07:00.000Z',
        closedAt: '2026-11-14T21:18:00.000Z',
      },
      expect.objectContaining({
        id: b.id,
        route: 'fastighetsjour',
        language: 'en',
        claimedAt: '2026-11-14T21:18:00.000Z',
        closedAt: '2026-11-14T21:18:00.000Z',
      }),
    ]);
    expect(JSON.stringify(got)).not.toMatch(/0701234567|Storgatan/);
  });

  it('openFaults: faults not closed, oldest first, with address, first words and whether to tell the tenant', async () => {
    const { cases, reports } = ctx.store;
    const leak = await cases.create(
      sampleCase({
        route: 'fastighetsjour',
        category: 'urgent_fault',
        contact: { address: 'Storgatan 5', stairwell: 'B', hearBack: true, phone: '0701234567' },
        transcript: [
          { from: 'bot', text: 'Hej!' },
          { from: 'tenant', text: 'Det läcker vatten från taket' },
          { from: 'tenant', text: 'mycket' },
        ],
      }),
    );
    ctx.clock.advance(MINUTE);
    const tap = await cases.create(sampleCase({ route: 'office', category: 'minor_fault', contact: {} }));
    await cases.update(tap.id, { status: 'claimed', claimedBy: 'Bo' });
    const fixed = await cases.create(sampleCase({ route: 'office', category: 'minor_fault' }));
    await cases.update(fixed.id, { status: 'closed', outcome: 'resolved' });
    await cases.create(sampleCase()); // a disturbance is not a fault
    ctx.clock.advance(MINUTE);
    await cases.create(sampleCase({ category: 'urgent_fault', route: 'fastighetsjour' })); // after `before`

    const got = await reports.openFaults('2026-11-14T21:01:30Z');
    expect(got.map((f) => [f.id, f.status, f.address, f.reported, f.hearBack])).toEqual([
      [leak.id, 'open', 'Storgatan 5, B', 'Det läcker vatten från taket', true],
      [tap.id, 'claimed', null, '', false],
    ]);
    expect(await reports.openFaults('2026-11-15T00:00:00Z', 1)).toHaveLength(1);
  });

  it('unclaimed: how many cases are open, and since when', async () => {
    const { cases, reports } = ctx.store;
    expect(await reports.unclaimed()).toEqual({ count: 0, oldest: null });
    const first = await cases.create(sampleCase());
    ctx.clock.advance(MINUTE);
    await cases.create(sampleCase());
    await cases.update(first.id, { status: 'claimed', claimedBy: 'Anna' });
    expect(await reports.unclaimed()).toEqual({ count: 1, oldest: '2026-11-14T21:01:00.000Z' });
  });

  it('outboxBacklog: items pending or leased, and the oldest one’s time', async () => {
    const { outbox, reports } = ctx.store;
    expect(await reports.outboxBacklog()).toEqual({ depth: 0, oldest: null });
    await outbox.enqueue([{ kind: 'k', key: 'a', payload: {} }]);
    ctx.clock.advance(MINUTE);
    await outbox.enqueue([
      { kind: 'k', key: 'b', payload: {} },
      { kind: 'k', key: 'c', payload: {} },
    ]);
    const [first] = await outbox.claimDue(ctx.clock.now(), 1, MINUTE);
    expect(await reports.outboxBacklog()).toEqual({ depth: 3, oldest: '2026-11-14T21:00:00.000Z' });
    await outbox.complete(first!.id, first!.lease!);
    expect(await reports.outboxBacklog()).toEqual({ depth: 2, oldest: '2026-11-14T21:01:00.000Z' });
  });

  it('jobOccurrences: one claim per occurrence across connections; done stays done', async () => {
    const other = await ctx.open();
    const due = '2026-11-15T06:00:00Z';
    const [a, b] = await Promise.all([
      ctx.store.jobOccurrences.claim('night-report', '2026-11-15T07:00', due, MINUTE),
      other.jobOccurrences.claim('night-report', '2026-11-15T07:00', due, MINUTE),
    ]);
    const winners = [a, b].filter((c) => 'lease' in c);
    expect(winners).toHaveLength(1);
    expect([a, b].find((c) => !('lease' in c))).toEqual({ status: 'running' });
    const lease = (winners[0] as { lease: string }).lease;
    expect(await other.jobOccurrences.settle('night-report', '2026-11-15T07:00', 'not-the-lease', 'done')).toBe(false);
    expect(await ctx.store.jobOccurrences.settle('night-report', '2026-11-15T07:00', lease, 'done')).toBe(true);
    ctx.clock.advance(10 * MINUTE);
    expect(await other.jobOccurrences.claim('night-report', '2026-11-15T07:00', due, MINUTE)).toEqual({
      status: 'done',
    });
    // Another job, or the same job's next occurrence, is its own.
    expect(await other.jobOccurrences.claim('other', '2026-11-15T07:00', due, MINUTE)).toHaveProperty('lease');
    expect(await other.jobOccurrences.latest('night-report')).toEqual({
      occurrence: '2026-11-15T07:00',
      dueAt: '2026-11-15T06:00:00.000Z',
      status: 'done',
    });
    expect(await other.jobOccurrences.latest('never')).toBeUndefined();
  });

  it('jobOccurrences: a lease that ran out, or a retry time that came, is taken over; the old lease settles nothing', async () => {
    const occ = ctx.store.jobOccurrences;
    const first = await occ.claim('night-report', '2026-11-15T07:00', '2026-11-15T06:00:00Z', 5 * MINUTE);
    if (!('lease' in first)) throw new Error('expected a lease');
    ctx.clock.advance(4 * MINUTE);
    expect(await occ.claim('night-report', '2026-11-15T07:00', '2026-11-15T06:00:00Z', MINUTE)).toEqual({
      status: 'running',
    });
    ctx.clock.advance(MINUTE); // the run died: its lease ran out
    const second = await occ.claim('night-report', '2026-11-15T07:00', '2026-11-15T06:00:00Z', MINUTE);
    if (!('lease' in second)) throw new Error('expected a lease');
    expect(await occ.settle('night-report', '2026-11-15T07:00', first.lease, 'done')).toBe(false);
    // A failed run gives its occurrence back for a retry after a while.
    const retryAt = new Date(ctx.clock.now().getTime() + 2 * MINUTE);
    expect(await occ.settle('night-report', '2026-11-15T07:00', second.lease, { retryAt })).toBe(true);
    expect(await occ.claim('night-report', '2026-11-15T07:00', '2026-11-15T06:00:00Z', MINUTE)).toEqual({
      status: 'running',
    });
    ctx.clock.advance(2 * MINUTE);
    const third = await occ.claim('night-report', '2026-11-15T07:00', '2026-11-15T06:00:00Z', MINUTE);
    if (!('lease' in third)) throw new Error('expected a lease');
    expect(await occ.settle('night-report', '2026-11-15T07:00', third.lease, 'skipped')).toBe(true);
    expect((await occ.latest('night-report'))?.status).toBe('skipped');
    await expect(occ.claim('', 'x', '2026-11-15T06:00:00Z', MINUTE)).rejects.toThrow(StoreValidationError);
    await expect(occ.claim('x', 'x', '2026-11-15T06:00:00Z', 0)).rejects.toThrow(StoreValidationError);
  });

  it('jobOccurrences: rows older than 40 days go when a new one is claimed', async () => {
    const occ = ctx.store.jobOccurrences;
    const old = await occ.claim('night-report', '2026-11-15T07:00', '2026-11-15T06:00:00Z', MINUTE);
    if ('lease' in old) await occ.settle('night-report', '2026-11-15T07:00', old.lease, 'done');
    ctx.clock.set('2026-12-30T06:00:00Z');
    await occ.claim('night-report', '2026-12-30T07:00', '2026-12-30T06:00:00Z', MINUTE);
    ctx.clock.set('2026-12-30T06:00:00Z');
    // The old occurrence is gone: claimed again as new (the job itself would never ask for it).
    expect(await occ.claim('night-report', '2026-11-15T07:00', '2026-11-15T06:00:00Z', MINUTE)).toHaveProperty('lease');
  });
}
