/**
 * `store.calls`: phone call sessions shared by every connection, so any instance takes any callback of a
 * call. Caps hold across connections adding at once; expired calls are gone; a saved session is what the
 * next callback reads, on any connection; `forgetPhone` erases a call in progress.
 */
import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { StoreValidationError } from '../../../src/store/index.ts';
import type { ContractContext } from './context.ts';

const MINUTE = 60_000;
const hash = (secret: string) => createHash('sha256').update(secret).digest('hex');
const caps = { maxRinging: 3, maxAnswered: 2 };

export function callsContract(ctx: ContractContext): void {
  const call = (id: string, caller = '+46701740605', ttlMs = MINUTE) => ({
    id,
    secretHash: hash(`secret-${id}`),
    caller,
    data: { stage: 'menu', transcript: [] as string[] },
    expiresAt: new Date(ctx.clock.now().getTime() + ttlMs),
  });

  it('adds a ringing call, gives it to any connection, saves its session and answers it', async () => {
    const { calls } = ctx.store;
    expect(await calls.create(call('c1'), caps, ctx.clock.now())).toBe(true);
    const other = await ctx.open();
    expect(await other.calls.get('c1', ctx.clock.now())).toEqual({
      id: 'c1',
      secretHash: hash('secret-c1'),
      caller: '+46701740605',
      ringing: true,
      data: { stage: 'menu', transcript: [] },
      expiresAt: new Date(ctx.clock.now().getTime() + MINUTE).toISOString(),
    });
    const later = new Date(ctx.clock.now().getTime() + 2 * 3_600_000);
    expect(
      await other.calls.save('c1', { data: { stage: 'talk', seen: ['e1'] }, expiresAt: later, answered: true }),
    ).toBe(true);
    expect(await calls.get('c1', ctx.clock.now())).toMatchObject({
      ringing: false,
      data: { stage: 'talk', seen: ['e1'] },
      expiresAt: later.toISOString(),
    });
    // Answered stays answered.
    await calls.save('c1', { data: { stage: 'talk' }, expiresAt: later });
    expect((await calls.get('c1', ctx.clock.now()))?.ringing).toBe(false);
    expect(await calls.count(ctx.clock.now())).toEqual({ ringing: 0, answered: 1 });
    await calls.delete('c1');
    expect(await other.calls.get('c1', ctx.clock.now())).toBeUndefined();
    expect(await calls.save('c1', { data: {}, expiresAt: later })).toBe(false);
    await calls.delete('c1'); // harmless
  });

  it('caps ringing and answered calls apart, never dropping an answered one to make room', async () => {
    const { calls } = ctx.store;
    const now = ctx.clock.now();
    const long = new Date(now.getTime() + 3_600_000);
    for (const id of ['a1', 'a2']) {
      expect(await calls.create(call(id), caps, now)).toBe(true);
      await calls.save(id, { data: {}, expiresAt: long, answered: true });
    }
    // Two answered calls fill the table.
    expect(await calls.create(call('x'), caps, now)).toBe(false);
    expect(await calls.count(now)).toEqual({ ringing: 0, answered: 2 });
    const roomy = { maxRinging: 3, maxAnswered: 10 };
    expect(await calls.create(call('r1'), roomy, now)).toBe(true);
    expect(await calls.create(call('r2'), roomy, now)).toBe(true);
    expect(await calls.create(call('r3'), roomy, now)).toBe(true);
    expect(await calls.create(call('r4'), roomy, now)).toBe(false);
    expect(await calls.get('a1', now)).toBeDefined();
  });

  it('holds the caps when connections add at once', async () => {
    const other = await ctx.open();
    const now = ctx.clock.now();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => (i % 2 ? ctx.store : other).calls.create(call(`p${i}`), caps, now)),
    );
    expect(results.filter(Boolean)).toHaveLength(caps.maxRinging);
    expect(await ctx.store.calls.count(now)).toEqual({ ringing: caps.maxRinging, answered: 0 });
  });

  it('forgets expired calls, and they make room', async () => {
    const { calls } = ctx.store;
    for (const id of ['e1', 'e2', 'e3'])
      expect(await calls.create(call(id, '', 10_000), caps, ctx.clock.now())).toBe(true);
    expect(await calls.create(call('e4'), caps, ctx.clock.now())).toBe(false);
    ctx.clock.advance(10_000);
    expect(await calls.get('e1', ctx.clock.now())).toBeUndefined();
    expect(await calls.count(ctx.clock.now())).toEqual({ ringing: 0, answered: 0 });
    expect(await calls.create(call('e4'), caps, ctx.clock.now())).toBe(true);
  });

  it('erases the calls of a number with forgetPhone, however the number is written', async () => {
    const { calls } = ctx.store;
    await calls.create(call('mine', '+46701740605'), caps, ctx.clock.now());
    await calls.create(call('theirs', '+46701740606'), caps, ctx.clock.now());
    await ctx.store.forgetPhone('070-174 06 05');
    expect(await calls.get('mine', ctx.clock.now())).toBeUndefined();
    expect(await calls.get('theirs', ctx.clock.now())).toBeDefined();
  });

  it('refuses what it cannot keep, naming the field and never the value', async () => {
    const { calls } = ctx.store;
    const now = ctx.clock.now();
    await expect(calls.create({ ...call('ok'), secretHash: 'plain-secret' }, caps, now)).rejects.toThrow(
      StoreValidationError,
    );
    await expect(calls.create({ ...call('ok'), caller: '0701740605' }, caps, now)).rejects.toThrow(/caller/);
    await expect(calls.create({ ...call('bad id/../x') }, caps, now)).rejects.toThrow(/call id/);
    await expect(calls.create({ ...call('ok'), data: [] as never }, caps, now)).rejects.toThrow(/call data/);
    await expect(calls.create(call('ok'), { maxRinging: -1, maxAnswered: 1 }, now)).rejects.toThrow(/caps/);
    expect(await calls.count(now)).toEqual({ ringing: 0, answered: 0 });
  });
}
