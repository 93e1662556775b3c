/** `store.state`: botbuilder's Storage contract (after botbuilder-js storageBaseTests) and its eTag rules. */
import { ConversationState, TestAdapter } from 'botbuilder';
import { expect, it } from 'vitest';
import { StoreConflictError } from '../../../src/store/index.ts';
import type { ContractContext } from './context.ts';

export function stateContract(ctx: ContractContext): void {
  it('reads an unknown key as an empty result', async () => {
    expect(await ctx.store.state.read(['unknown'])).toEqual({});
    expect(await ctx.store.state.read([])).toEqual({});
  });

  it('rejects missing keys and changes as botbuilder does, and accepts empty batches', async () => {
    const { state } = ctx.store;
    await expect(state.read(null as unknown as string[])).rejects.toThrow(ReferenceError);
    await expect(state.write(null as unknown as object)).rejects.toThrow(ReferenceError);
    await expect(state.write({})).resolves.toBeUndefined();
    await expect(state.write([] as unknown as object)).resolves.toBeUndefined();
    await expect(state.delete(['unknown_key'])).resolves.toBeUndefined();
  });

  it('creates items without an eTag and gives each a string eTag', async () => {
    await ctx.store.state.write({
      createPoco: { id: 1 },
      createPocoStoreItem: { id: 2, nested: { list: [1, 'two'] } },
    });
    const read = await ctx.store.state.read(['createPoco', 'createPocoStoreItem']);
    expect(read.createPoco).toMatchObject({ id: 1 });
    expect(read.createPocoStoreItem).toMatchObject({ id: 2, nested: { list: [1, 'two'] } });
    expect(typeof read.createPoco.eTag).toBe('string');
    expect(read.createPoco.eTag).not.toBe('');
    expect(read.createPoco.eTag).not.toBe(read.createPocoStoreItem.eTag);
  });

  it('handles keys full of special characters', async () => {
    const key = '!@#$%^&*()~/\\><,.?\';"`~ %_ ٪';
    await ctx.store.state.write({ [key]: { id: 1 } });
    const read = await ctx.store.state.read([key]);
    expect(read[key]).toMatchObject({ id: 1 });
  });

  it('follows botbuilder eTag semantics: no eTag overwrites, stale eTag rejects, "*" overwrites', async () => {
    const { state } = ctx.store;
    await state.write({ pocoItem: { id: 1, count: 1 }, pocoStoreItem: { id: 1, count: 1 } });
    const loaded = await state.read(['pocoItem', 'pocoStoreItem']);
    const pocoItem = loaded.pocoItem;
    delete pocoItem.eTag;
    const storeItem = loaded.pocoStoreItem;
    const firstETag = storeItem.eTag;
    pocoItem.count++;
    storeItem.count++;
    await state.write(loaded);

    const reloaded = await state.read(['pocoItem', 'pocoStoreItem']);
    expect(reloaded.pocoItem.count).toBe(2);
    expect(reloaded.pocoStoreItem.count).toBe(2);
    expect(reloaded.pocoStoreItem.eTag).not.toBe(firstETag);

    pocoItem.count = 123; // still without eTag: overwrites
    await expect(state.write({ pocoItem })).resolves.toBeUndefined();
    storeItem.count = 123; // carries the eTag read before the last write: stale
    await expect(state.write({ pocoStoreItem: storeItem })).rejects.toThrow(StoreConflictError);

    const afterConflict = await state.read(['pocoItem', 'pocoStoreItem']);
    expect(afterConflict.pocoItem.count).toBe(123);
    expect(afterConflict.pocoStoreItem.count).toBe(2);

    await state.write({ pocoItem: { count: 100 }, pocoStoreItem: { ...storeItem, count: 100, eTag: '*' } });
    const final = await state.read(['pocoItem', 'pocoStoreItem']);
    expect(final.pocoItem.count).toBe(100);
    expect(final.pocoStoreItem.count).toBe(100);
  });

  it('gives the stored item a new eTag on every write and leaves the caller’s object alone', async () => {
    const { state } = ctx.store;
    await state.write({ k: { n: 1 } });
    const first = (await state.read(['k'])).k;
    const written = { ...first, n: 2 };
    await state.write({ k: written });
    expect(written.eTag).toBe(first.eTag);
    const second = (await state.read(['k'])).k;
    expect(second).toMatchObject({ n: 2 });
    expect(second.eTag).not.toBe(first.eTag);
    await expect(state.write({ k: { ...first, n: 3 } })).rejects.toThrow(StoreConflictError);
    await state.write({ k: { ...second, n: 3 } });
    expect((await state.read(['k'])).k.n).toBe(3);
  });

  it('writes a new key even when the item carries an eTag (as MemoryStorage does)', async () => {
    await ctx.store.state.write({ fresh: { n: 1, eTag: 'from-elsewhere' } });
    const read = await ctx.store.state.read(['fresh']);
    expect(read.fresh.n).toBe(1);
    expect(read.fresh.eTag).not.toBe('from-elsewhere');
  });

  it('writes a batch all or nothing: one conflict and no item of it is written', async () => {
    const { state } = ctx.store;
    await state.write({ a: { n: 1 }, b: { n: 1 } });
    const stale = await state.read(['b']);
    await state.write({ b: { n: 2 } });
    await expect(state.write({ a: { n: 9 }, b: { ...stale.b, n: 9 }, c: { n: 9 } })).rejects.toThrow(
      StoreConflictError,
    );
    const read = await state.read(['a', 'b', 'c']);
    expect(read.a.n).toBe(1);
    expect(read.b.n).toBe(2);
    expect(read.c).toBeUndefined();
  });

  it('deletes items, single and in batches', async () => {
    const { state } = ctx.store;
    await state.write({ delete1: { count: 1 }, batch1: { count: 10 }, batch2: { count: 20 }, keep: { count: 30 } });
    await state.delete(['delete1']);
    expect((await state.read(['delete1'])).delete1).toBeUndefined();
    await state.delete(['batch1', 'batch2']);
    expect(Object.keys(await state.read(['batch1', 'batch2', 'keep']))).toEqual(['keep']);
  });

  it('rejects an item that is not an object', async () => {
    await expect(ctx.store.state.write({ bad: null })).rejects.toThrow(/object/);
    await expect(ctx.store.state.write({ bad: 'text' })).rejects.toThrow(/object/);
  });

  it('lets exactly one of two concurrent writers with the same eTag win', async () => {
    const { state } = ctx.store;
    await state.write({ race: { winner: 'none' } });
    const { race } = await state.read(['race']);
    const results = await Promise.allSettled([
      state.write({ race: { ...race, winner: 'a' } }),
      state.write({ race: { ...race, winner: 'b' } }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect((rejected[0] as PromiseRejectedResult).reason).toBeInstanceOf(StoreConflictError);
    expect(['a', 'b']).toContain((await state.read(['race'])).race.winner);
  });

  it('loses no update when concurrent writers read, modify and retry on conflict', async () => {
    const { state } = ctx.store;
    await state.write({ counter: { n: 0 } });
    const increment = async () => {
      for (;;) {
        const { counter } = await state.read(['counter']);
        await Promise.resolve(); // let the other writers interleave between read and write
        try {
          await state.write({ counter: { ...counter, n: counter.n + 1 } });
          return;
        } catch (error) {
          if (!(error instanceof StoreConflictError)) throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: 20 }, increment));
    expect((await state.read(['counter'])).counter.n).toBe(20);
  });

  it('keeps configuration (store.config) as its own Storage, with the same eTag rules', async () => {
    const { config, state } = ctx.store;
    await config.write({ 'trygg/teams/registrations': { routes: {} } });
    const [read] = Object.values(await config.read(['trygg/teams/registrations']));
    await config.write({ 'trygg/teams/registrations': { ...read, routes: { office: {} } } });
    await expect(config.write({ 'trygg/teams/registrations': { ...read, routes: {} } })).rejects.toThrow(
      StoreConflictError,
    );
    expect((await config.read(['trygg/teams/registrations']))['trygg/teams/registrations']).toMatchObject({
      routes: { office: {} },
    });
    expect(await state.read(['trygg/teams/registrations'])).toEqual({});
    await config.delete(['trygg/teams/registrations']);
    expect(await config.read(['trygg/teams/registrations'])).toEqual({});
  });

  it('keeps keys and values out of conflict errors (a key can hold a phone number)', async () => {
    const key = 'sms/conversations/+46701234567';
    await ctx.store.state.write({ [key]: { secret: 'Kalle Anka' } });
    const stale = (await ctx.store.state.read([key]))[key];
    await ctx.store.state.write({ [key]: { secret: 'Kalle Anka' } });
    const error = await ctx.store.state.write({ [key]: stale }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(StoreConflictError);
    expect(error?.message).not.toMatch(/46701234567|Kalle/);
  });

  it('serves as storage for botbuilder ConversationState across turns', async () => {
    const conversationState = new ConversationState(ctx.store.state);
    const turns = conversationState.createProperty<number>('turns');
    const adapter = new TestAdapter(async (context) => {
      const count = (await turns.get(context, 0)) + 1;
      await turns.set(context, count);
      await conversationState.saveChanges(context);
      await context.sendActivity(`turn ${count}`);
    });
    await adapter
      .send('hej')
      .assertReply('turn 1')
      .send('igen')
      .assertReply('turn 2')
      .send('och igen')
      .assertReply('turn 3');
  });
}
