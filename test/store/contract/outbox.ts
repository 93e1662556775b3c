/** `store.outbox`: enqueue with idempotency keys, atomicity with case writes, leases, completion, failure. */
import { expect, it } from 'vitest';
import {
  StoreConflictError,
  StoreNotFoundError,
  StoreValidationError,
  type NewOutboxItem,
} from '../../../src/store/index.ts';
import { type ContractContext, sampleCase, START } from './context.ts';

const MINUTE = 60_000;
const item = (key: string, extra: Partial<NewOutboxItem> = {}): NewOutboxItem => ({
  kind: 'test',
  key,
  payload: { key },
  ...extra,
});
const at = (ms: number) => new Date(Date.parse(START) + ms);

export function outboxContract(ctx: ContractContext): void {
  it('enqueues pending items due now, and a repeated key is the same item', async () => {
    const { outbox } = ctx.store;
    const [a, b] = await outbox.enqueue([item('a'), item('b', { nextAttemptAt: at(MINUTE) })]);
    const [again] = await outbox.enqueue([item('a', { payload: 'different' })]);
    expect(again).toBe(a);
    const listed = await outbox.list();
    expect(listed.map((i) => i.key)).toEqual(['a', 'b']);
    expect(listed[0]).toMatchObject({ id: a, kind: 'test', payload: { key: 'a' }, status: 'pending', attempts: 0 });
    expect(listed[0]).toMatchObject({
      nextAttemptAt: START,
      caseId: null,
      leaseUntil: null,
      lastError: null,
      createdAt: START,
    });
    expect((await outbox.get(b as string))?.nextAttemptAt).toBe(at(MINUTE).toISOString());
    expect(await outbox.get('999999')).toBeUndefined();
    expect(await outbox.get('not-an-id')).toBeUndefined();
  });

  it('writes outbox items with a new case, tied to it, from a list or a function of the case', async () => {
    const { cases, outbox } = ctx.store;
    const fromList = await cases.create(sampleCase(), { outbox: [item('card-1')] });
    const fromFn = await cases.create(sampleCase(), {
      outbox: (c) => [
        { kind: 'teams.caseCard', key: `teams.caseCard:${c.id}`, payload: { caseId: c.id, route: c.route } },
      ],
    });
    expect((await outbox.list({ caseId: fromList.id })).map((i) => i.key)).toEqual(['card-1']);
    const [card] = await outbox.list({ caseId: fromFn.id });
    expect(card).toMatchObject({
      key: `teams.caseCard:${fromFn.id}`,
      payload: { caseId: fromFn.id, route: 'trygghetsjour' },
    });
  });

  it('writes neither the case nor its outbox items when either fails', async () => {
    const { cases, outbox } = ctx.store;
    await expect(
      cases.create(sampleCase(), {
        outbox: () => {
          throw new Error('card renderer failed');
        },
      }),
    ).rejects.toThrow('card renderer failed');
    await expect(cases.create(sampleCase(), { outbox: [item('ok'), { kind: 'x' } as NewOutboxItem] })).rejects.toThrow(
      StoreValidationError,
    );
    let called = false;
    const badCase = { ...sampleCase(), language: 'klingon' } as unknown as ReturnType<typeof sampleCase>;
    const builder = () => {
      called = true;
      return [item('never')];
    };
    await expect(cases.create(badCase, { outbox: builder })).rejects.toThrow(StoreValidationError);
    expect(called).toBe(false);
    expect(await cases.list()).toEqual([]);
    expect(await outbox.list()).toEqual([]);
  });

  it('writes outbox items with a case update, and none when the update is rejected', async () => {
    const { cases, outbox } = ctx.store;
    const created = await cases.create(sampleCase());
    await cases.update(
      created.id,
      { status: 'claimed', claimedBy: 'Eva' },
      { outbox: (c) => [item(`claimed:${c.id}`)] },
    );
    await expect(
      cases.update(
        created.id,
        { status: 'claimed', claimedBy: 'Omar' },
        { ifStatus: 'open', outbox: [item('lost-claim')] },
      ),
    ).rejects.toThrow(StoreConflictError);
    await expect(cases.update('T-0000-0001', { status: 'closed' }, { outbox: [item('ghost')] })).rejects.toThrow(
      StoreNotFoundError,
    );
    expect((await outbox.list()).map((i) => [i.key, i.caseId])).toEqual([[`claimed:${created.id}`, created.id]]);
  });

  it('leases due items oldest first, up to the limit, and counts the attempt', async () => {
    const { outbox } = ctx.store;
    const [late, early, future, middle] = await outbox.enqueue([
      item('late', { nextAttemptAt: at(3 * MINUTE) }),
      item('early', { nextAttemptAt: at(MINUTE) }),
      item('future', { nextAttemptAt: at(60 * MINUTE) }),
      item('middle', { nextAttemptAt: at(2 * MINUTE) }),
    ]);
    const claimed = await outbox.claimDue(at(5 * MINUTE), 2, 30_000);
    expect(claimed.map((i) => i.id)).toEqual([early, middle]);
    expect(claimed[0]).toMatchObject({
      status: 'leased',
      attempts: 1,
      leaseUntil: at(5 * MINUTE + 30_000).toISOString(),
    });
    expect((await outbox.claimDue(at(5 * MINUTE), 10, 30_000)).map((i) => i.id)).toEqual([late]);
    expect(await outbox.claimDue(at(5 * MINUTE), 10, 30_000)).toEqual([]);
    expect((await outbox.get(future as string))?.status).toBe('pending');
    await expect(outbox.claimDue(at(0), 0, 1000)).rejects.toThrow(StoreValidationError);
    await expect(outbox.claimDue(at(0), 1, 0)).rejects.toThrow(StoreValidationError);
  });

  it('hands a leased item out again only once its lease has run out', async () => {
    const { outbox } = ctx.store;
    const [id] = await outbox.enqueue([item('leased')]);
    expect((await outbox.claimDue(at(0), 10, 30_000)).map((i) => i.id)).toEqual([id]);
    expect(await outbox.claimDue(at(29_999), 10, 30_000)).toEqual([]);
    const again = await outbox.claimDue(at(30_000), 10, 30_000);
    expect(again.map((i) => [i.id, i.attempts])).toEqual([[id, 2]]);
    expect(await outbox.claimDue(at(59_999), 10, 30_000)).toEqual([]);
  });

  it('never gives two concurrent workers the same item', async () => {
    const other = await ctx.open();
    const keys = Array.from({ length: 30 }, (_, n) => `job-${n}`);
    await ctx.store.outbox.enqueue(keys.map((key) => item(key)));
    const batches = await Promise.all([
      ctx.store.outbox.claimDue(at(0), 7, 60_000),
      other.outbox.claimDue(at(0), 7, 60_000),
      ctx.store.outbox.claimDue(at(0), 7, 60_000),
      other.outbox.claimDue(at(0), 7, 60_000),
      ctx.store.outbox.claimDue(at(0), 7, 60_000),
    ]);
    const ids = batches.flat().map((i) => i.id);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
  });

  it('completes an item: done, never handed out again', async () => {
    const { outbox } = ctx.store;
    const [id] = await outbox.enqueue([item('done')]);
    const [claimed] = await outbox.claimDue(at(0), 1, 1_000);
    expect(claimed?.lease).toEqual(expect.any(String));
    expect(await outbox.complete(id as string, claimed!.lease!)).toBe(true);
    expect(await outbox.get(id as string)).toMatchObject({
      status: 'done',
      leaseUntil: null,
      lease: null,
      nextAttemptAt: null,
      attempts: 1,
    });
    expect(await outbox.claimDue(at(60 * MINUTE), 10, 1_000)).toEqual([]);
    expect((await outbox.list({ status: 'done' })).map((i) => i.id)).toEqual([id]);
    expect(await outbox.complete(id as string, claimed!.lease!)).toBe(false); // settled already
    await expect(outbox.complete('999999', 'any')).rejects.toThrow(StoreNotFoundError);
  });

  it('fails an item: retried at the next attempt, or dead when there is none', async () => {
    const { outbox } = ctx.store;
    const [retry, dead] = await outbox.enqueue([item('retry'), item('dead')]);
    const leases = new Map((await outbox.claimDue(at(0), 10, 1_000)).map((i) => [i.id, i.lease!]));
    expect(await outbox.fail(retry as string, leases.get(retry!)!, `HTTP 503 ${'x'.repeat(2_000)}`, at(MINUTE))).toBe(
      true,
    );
    expect(await outbox.fail(dead as string, leases.get(dead!)!, 'HTTP 403', null)).toBe(true);
    const failed = await outbox.get(retry as string);
    expect(failed).toMatchObject({
      status: 'pending',
      nextAttemptAt: at(MINUTE).toISOString(),
      leaseUntil: null,
      lease: null,
      attempts: 1,
    });
    expect(failed?.lastError?.startsWith('HTTP 503')).toBe(true);
    expect(failed?.lastError?.length).toBeLessThanOrEqual(500);
    expect(await outbox.claimDue(at(MINUTE - 1), 10, 1_000)).toEqual([]);
    const [again] = await outbox.claimDue(at(MINUTE), 10, 1_000);
    expect([again?.id, again?.attempts]).toEqual([retry, 2]);
    expect(await outbox.get(dead as string)).toMatchObject({
      status: 'dead',
      lastError: 'HTTP 403',
      nextAttemptAt: null,
    });
    expect(await outbox.complete(retry as string, again!.lease!)).toBe(true);
    expect(await outbox.claimDue(at(600 * MINUTE), 10, 1_000)).toEqual([]);
    await expect(outbox.fail('999999', 'any', 'x', null)).rejects.toThrow(StoreNotFoundError);
  });

  it('settles an item only under the lease that holds it: a lease taken over settles nothing', async () => {
    const { outbox } = ctx.store;
    const [id] = await outbox.enqueue([item('contested')]);
    const [first] = await outbox.claimDue(at(0), 1, 30_000);
    // The first holder is too slow: its lease runs out and a second claim takes the item over.
    const [second] = await outbox.claimDue(at(30_000), 1, 30_000);
    expect(second?.id).toBe(id);
    expect(second?.lease).not.toBe(first?.lease);
    expect(await outbox.complete(id as string, first!.lease!)).toBe(false);
    expect(await outbox.fail(id as string, first!.lease!, 'late', null)).toBe(false);
    expect(await outbox.get(id as string)).toMatchObject({ status: 'leased', lease: second!.lease, attempts: 2 });
    expect(await outbox.fail(id as string, second!.lease!, 'HTTP 503', at(MINUTE))).toBe(true);
    expect(await outbox.complete(id as string, second!.lease!)).toBe(false); // no longer leased
    expect(await outbox.get(id as string)).toMatchObject({ status: 'pending', lastError: 'HTTP 503' });
    // A lease that ran out but was not taken over still settles: nobody else holds the item.
    const [third] = await outbox.claimDue(at(MINUTE), 1, 1_000);
    expect(await outbox.complete(id as string, third!.lease!)).toBe(true);
  });

  it('claims fairly: every conversation’s first item before any conversation’s second', async () => {
    const { cases, outbox } = ctx.store;
    const conversation = (id: string) => ({
      ...sampleCase().conversation,
      conversation: { id, isGroup: false, conversationType: 'personal', name: '' },
    });
    // One conversation floods: five cases, each with its card and a thread post, before anyone else writes.
    for (let n = 0; n < 5; n++)
      await cases.create(sampleCase({ conversation: conversation('flood') }), {
        outbox: (c) => [item(`flood-card-${n}`, { caseId: c.id }), item(`flood-post-${n}`, { caseId: c.id })],
      });
    ctx.clock.advance(1_000);
    const quiet = await cases.create(sampleCase({ conversation: conversation('quiet') }), {
      outbox: (c) => [item('quiet-card', { caseId: c.id })],
    });
    const other = await cases.create(sampleCase({ conversation: conversation('other') }));
    await outbox.enqueue([item('other-card', { caseId: other.id }), item('other-post', { caseId: other.id })]);
    await outbox.enqueue([item('no-case')]);

    const order: string[] = [];
    for (let claimed = await outbox.claimDue(at(MINUTE), 1, 30_000); claimed.length;) {
      order.push(claimed[0]!.key);
      claimed = await outbox.claimDue(at(MINUTE), 1, 30_000);
    }
    expect(order.slice(0, 4)).toEqual(['flood-card-0', 'quiet-card', 'other-card', 'no-case']);
    expect(order.slice(4, 6)).toEqual(['flood-post-0', 'other-post']);
    expect(order).toHaveLength(14);
    expect((await outbox.list({ caseId: quiet.id }))[0]).toMatchObject({ status: 'leased' });

    // Once the flood is delivered, its next item is first in line again; the turn does not grow for ever.
    for (const done of await outbox.list({ status: 'leased' })) await outbox.complete(done.id, done.lease!);
    const later = await cases.create(sampleCase({ conversation: conversation('flood') }), {
      outbox: (c) => [item('flood-later', { caseId: c.id })],
    });
    const latecomer = await cases.create(sampleCase({ conversation: conversation('latecomer') }), {
      outbox: (c) => [item('latecomer-card', { caseId: c.id })],
    });
    expect((await outbox.claimDue(at(2 * MINUTE), 2, 30_000)).map((i) => i.caseId)).toEqual([later.id, latecomer.id]);
  });
}
