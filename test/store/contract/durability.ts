/** Restarts, several connections on the same data, and closing. */
import { expect, it } from 'vitest';
import { StoreClosedError, StoreConflictError } from '../../../src/store/index.ts';
import { type ContractContext, sampleCase } from './context.ts';

export function durabilityContract(ctx: ContractContext): void {
  it('keeps everything across a close and reopen', async () => {
    const first = ctx.store;
    const created = await first.cases.create(sampleCase({ transcript: [{ from: 'tenant', text: 'hej' }] }), {
      outbox: [{ kind: 'k', key: 'card', payload: { n: 1 } }],
    });
    await first.state.write({ 'webchat/conversations/c1': { step: 2 } });
    const eTag = (await first.state.read(['webchat/conversations/c1']))['webchat/conversations/c1'].eTag;
    await first.audit.append({
      at: ctx.clock.now(),
      route: 'trygghetsjour',
      rule: 'r',
      category: 'disturbance',
      danger: null,
      channelId: 'webchat',
      language: 'sv',
      conversationHash: 'h',
    });
    const shiftId = await first.shifts.add({
      route: 'office',
      kind: 'closed',
      from: '2026-12-24T00:00:00Z',
      to: '2026-12-27T00:00:00Z',
    });
    await first.activities.markProcessed('c1', 'a1');
    await first.close();

    const reopened = await ctx.open();
    expect(await reopened.cases.get(created.id)).toEqual(created);
    expect((await reopened.outbox.list()).map((i) => [i.key, i.caseId])).toEqual([['card', created.id]]);
    expect((await reopened.state.read(['webchat/conversations/c1']))['webchat/conversations/c1']).toEqual({
      step: 2,
      eTag,
    });
    expect(await reopened.audit.list()).toHaveLength(1);
    expect((await reopened.shifts.list()).map((s) => s.id)).toEqual([shiftId]);
    expect(await reopened.activities.markProcessed('c1', 'a1')).toBe(false);
    const next = await reopened.cases.create(sampleCase());
    expect(next.id).not.toBe(created.id);
  });

  it('does not reuse a case id after the case is erased', async () => {
    const first = await ctx.store.cases.create(sampleCase({ contact: { phone: '0701234567' } }));
    await ctx.store.forgetPhone('0701234567');
    const second = await ctx.store.cases.create(sampleCase());
    expect(second.id).not.toBe(first.id);
  });

  it('shares data and eTag checks between two open connections', async () => {
    const other = await ctx.open();
    await ctx.store.state.write({ shared: { n: 1 } });
    const seen = (await other.state.read(['shared'])).shared;
    expect(seen.n).toBe(1);
    await ctx.store.state.write({ shared: { ...seen, n: 2 } });
    await expect(other.state.write({ shared: { ...seen, n: 3 } })).rejects.toThrow(StoreConflictError);
    const created = await other.cases.create(sampleCase());
    expect((await ctx.store.cases.get(created.id))?.id).toBe(created.id);
    const ids = await Promise.all([ctx.store.cases.create(sampleCase()), other.cases.create(sampleCase())]);
    expect(new Set([created.id, ...ids.map((c) => c.id)]).size).toBe(3);
  });

  it('rejects use after close, and closing twice is harmless', async () => {
    const store = await ctx.open();
    await store.close();
    await expect(store.close()).resolves.toBeUndefined();
    await expect(store.state.read(['x'])).rejects.toThrow(StoreClosedError);
    await expect(store.cases.create(sampleCase())).rejects.toThrow(StoreClosedError);
    await expect(store.outbox.claimDue(new Date(), 1, 1000)).rejects.toThrow(StoreClosedError);
    await expect(store.purge(new Date())).rejects.toThrow(StoreClosedError);
    expect(await ctx.store.cases.list()).toEqual([]);
  });

  it('answers ping while open and migrated (the readiness probe), and not once closed', async () => {
    const store = await ctx.open();
    await expect(store.ping()).resolves.toBeUndefined();
    await store.close();
    await expect(store.ping()).rejects.toThrow(StoreClosedError);
  });
}
