/** `store.cases`: ids, defaults, listing, patches, claims and transcripts. */
import { expect, it } from 'vitest';
import {
  StoreConflictError,
  StoreNotFoundError,
  StoreValidationError,
  type NewCase,
} from '../../../src/store/index.ts';
import { type ContractContext, sampleCase, START } from './context.ts';

export function casesContract(ctx: ContractContext): void {
  it('creates a case with a readable id, defaults and the store clock’s times', async () => {
    const created = await ctx.store.cases.create(
      sampleCase({
        transcript: [
          { from: 'tenant', text: 'Det är fest i trappan' },
          { at: '2026-11-14T22:00:05+01:00', from: 'bot', text: 'Tack' },
        ],
      }),
    );
    expect(created.id).toMatch(/^T-2611-\d{4,}$/);
    expect(created).toMatchObject({
      route: 'trygghetsjour',
      category: 'disturbance',
      danger: null,
      language: 'sv',
      channelId: 'webchat',
      status: 'open',
      claimedBy: null,
      outcome: null,
      createdAt: START,
      updatedAt: START,
      contact: { address: 'Rosengårdsvägen 1', stairwell: 'B' },
    });
    expect(created.transcript).toEqual([
      { at: START, from: 'tenant', text: 'Det är fest i trappan' },
      { at: '2026-11-14T21:00:05.000Z', from: 'bot', text: 'Tack' },
    ]);
    expect(await ctx.store.cases.get(created.id)).toEqual(created);
  });

  it('keeps the conversation reference as JSON, deeply', async () => {
    const input = sampleCase();
    const created = await ctx.store.cases.create(input);
    expect((await ctx.store.cases.get(created.id))?.conversation).toEqual(input.conversation);
  });

  it('numbers cases per month in Swedish time, uniquely even when created at once', async () => {
    const ids = (await Promise.all(Array.from({ length: 25 }, () => ctx.store.cases.create(sampleCase())))).map(
      (c) => c.id,
    );
    expect(new Set(ids).size).toBe(25);
    expect(ids.every((id) => id.startsWith('T-2611-'))).toBe(true);
    ctx.clock.set('2026-11-30T23:30:00Z'); // already 1 December in Malmö
    const december = await ctx.store.cases.create(sampleCase());
    expect(december.id).toBe('T-2612-0001');
  });

  it('answers undefined for an unknown id', async () => {
    expect(await ctx.store.cases.get('T-0000-0000')).toBeUndefined();
  });

  it('lists newest first, filtered by status and route, limited', async () => {
    const { cases } = ctx.store;
    const first = await cases.create(sampleCase({ route: 'fastighetsjour', category: 'urgent_fault' }));
    ctx.clock.advance(60_000);
    const second = await cases.create(sampleCase());
    ctx.clock.advance(60_000);
    const third = await cases.create(sampleCase());
    await cases.update(second.id, { status: 'closed', outcome: 'Spoke to the neighbour' });

    expect((await cases.list()).map((c) => c.id)).toEqual([third.id, second.id, first.id]);
    expect((await cases.list({ status: 'open' })).map((c) => c.id)).toEqual([third.id, first.id]);
    expect((await cases.list({ route: 'fastighetsjour' })).map((c) => c.id)).toEqual([first.id]);
    expect((await cases.list({ status: 'closed', route: 'trygghetsjour' })).map((c) => c.id)).toEqual([second.id]);
    expect((await cases.list({ limit: 2 })).map((c) => c.id)).toEqual([third.id, second.id]);
    await expect(cases.list({ limit: 0 })).rejects.toThrow(StoreValidationError);
  });

  it('pages through every case with a cursor, none twice or missed, cases created meanwhile included', async () => {
    const { cases } = ctx.store;
    const made: string[] = [];
    // Several cases in one millisecond: the cursor must tell them apart too.
    for (let n = 0; n < 7; n++) {
      made.push((await cases.create(sampleCase())).id);
      if (n % 3 === 2) ctx.clock.advance(1_000);
    }
    const closed = await cases.create(sampleCase());
    await cases.update(closed.id, { status: 'closed', outcome: 'done' });
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await cases.page({ status: 'open', limit: 3, ...(cursor ? { cursor } : {}) });
      seen.push(...page.cases.map((c) => c.id));
      cursor = page.next ?? undefined;
      // A case created between two pages is newer than the cursor: it belongs to the next listing, not this one.
      if (pages++ === 0) await cases.create(sampleCase());
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...made].reverse());
    expect(await cases.count({ status: 'open' })).toBe(8);
    expect(await cases.count({ status: 'closed' })).toBe(1);
    expect(await cases.count()).toBe(9);
    expect((await cases.page({ limit: 100 })).next).toBeNull();
    await expect(cases.page({ cursor: 'not-a-cursor' })).rejects.toThrow(StoreValidationError);
  });

  it('updates: merges contact, sets the rest, touches updatedAt', async () => {
    const { cases } = ctx.store;
    const created = await cases.create(sampleCase({ contact: { name: 'A', address: 'Gatan 1' } }));
    ctx.clock.advance(5_000);
    const updated = await cases.update(created.id, {
      contact: { phone: '0701234567', consent: true },
      status: 'claimed',
      claimedBy: 'Jourhavande Eva',
    });
    expect(updated).toMatchObject({
      contact: { name: 'A', address: 'Gatan 1', phone: '0701234567', consent: true },
      status: 'claimed',
      claimedBy: 'Jourhavande Eva',
      createdAt: START,
      updatedAt: '2026-11-14T21:00:05.000Z',
    });
    const again = await cases.update(created.id, { contact: { name: 'B' }, replaceContact: true });
    expect(again.contact).toEqual({ name: 'B' });
    const released = await cases.update(created.id, { claimedBy: null, status: 'open', danger: 'fire' });
    expect(released).toMatchObject({ claimedBy: null, status: 'open', danger: 'fire', summary: created.summary });
    expect(await cases.get(created.id)).toEqual(released);
  });

  it('rejects an update of an unknown case', async () => {
    await expect(ctx.store.cases.update('T-0000-0001', { status: 'closed' })).rejects.toThrow(StoreNotFoundError);
  });

  it('applies an update with ifStatus only in that status, so one of two claims wins', async () => {
    const { cases } = ctx.store;
    const created = await cases.create(sampleCase());
    const claims = await Promise.allSettled([
      cases.update(created.id, { status: 'claimed', claimedBy: 'Eva' }, { ifStatus: 'open' }),
      cases.update(created.id, { status: 'claimed', claimedBy: 'Omar' }, { ifStatus: 'open' }),
    ]);
    expect(claims.map((c) => c.status).sort()).toEqual(['fulfilled', 'rejected']);
    const lost = claims.find((c) => c.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(StoreConflictError);
    const won = claims.find((c) => c.status === 'fulfilled') as PromiseFulfilledResult<{ claimedBy: string }>;
    expect((await cases.get(created.id))?.claimedBy).toBe(won.value.claimedBy);
  });

  it('appends transcript lines in order and touches updatedAt', async () => {
    const { cases } = ctx.store;
    const created = await cases.create(sampleCase({ transcript: [{ from: 'tenant', text: 'one' }] }));
    ctx.clock.advance(1_000);
    await cases.appendTranscript(created.id, { from: 'bot', text: 'two' });
    ctx.clock.advance(1_000);
    await cases.appendTranscript(created.id, { from: 'staff', text: 'three', at: new Date('2026-11-14T21:30:00Z') });
    const read = await cases.get(created.id);
    expect(read?.transcript.map((t) => `${t.from}:${t.text}`)).toEqual(['tenant:one', 'bot:two', 'staff:three']);
    expect(read?.transcript[1]?.at).toBe('2026-11-14T21:00:01.000Z');
    expect(read?.transcript[2]?.at).toBe('2026-11-14T21:30:00.000Z');
    expect(read?.updatedAt).toBe('2026-11-14T21:00:02.000Z');
    await expect(cases.appendTranscript('T-0000-0001', { from: 'bot', text: 'x' })).rejects.toThrow(StoreNotFoundError);
  });

  it('rejects invalid input without echoing values, and writes nothing', async () => {
    const { cases } = ctx.store;
    const bad = { ...sampleCase(), route: 'nowhere', secret: '+46701234567' } as unknown as NewCase;
    const error = await cases.create(bad).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(StoreValidationError);
    expect(error?.message).toMatch(/route/);
    expect(error?.message).not.toMatch(/46701234567|nowhere/);
    await expect(cases.appendTranscript('T-0000-0001', { from: 'nobody' as 'bot', text: 'x' })).rejects.toThrow(
      StoreValidationError,
    );
    expect(await cases.list()).toEqual([]);
    const created = await cases.create(sampleCase());
    await expect(cases.update(created.id, { status: 'lost' as 'open' })).rejects.toThrow(StoreValidationError);
    expect((await cases.get(created.id))?.status).toBe('open');
  });
}
