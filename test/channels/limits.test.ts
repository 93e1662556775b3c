// Abuse limits: per conversation and per phone number, danger always through; outbound SMS capped per number.
import { ActivityHandler, TestAdapter, type Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { limitsMiddleware, WindowCounter } from '../../src/channels/limits.ts';
import { createLogger } from '../../src/log.ts';

function setup(
  options: Parameters<typeof limitsMiddleware>[0] extends infer O ? Partial<O> : never,
  channelId = 'webchat',
) {
  const clock = { t: 1_000_000 };
  const bot = new ActivityHandler();
  bot.onMessage(async (ctx, next) => {
    await ctx.sendActivity(ctx.activity.text === 'spam me' ? 'one\ntwo' : `ok: ${ctx.activity.text}`);
    if (ctx.activity.text === 'spam me') await ctx.sendActivity('second');
    await next();
  });
  const adapter = new TestAdapter(async (ctx) => bot.run(ctx), {
    channelId,
    from: { id: '+46701234567', name: '' },
    conversation: { id: 'c1', isGroup: false, conversationType: '', name: '' },
  });
  adapter.use(limitsMiddleware({ log: createLogger('silent'), now: () => clock.t, ...options }));
  let n = 0;
  const send = async (text: string) => {
    adapter.activeQueue.splice(0);
    await adapter.receiveActivity({ type: 'message', text, id: `m${n++}` } as Partial<Activity>);
    return adapter.activeQueue.splice(0).map((a) => a.text ?? '');
  };
  return { send, clock };
}

describe('message limits', () => {
  it('over the limit: told once to slow down, then dropped; a new window lets messages through again', async () => {
    const { send, clock } = setup({ perConversation: { max: 3, windowMs: 60_000 } });
    for (let i = 0; i < 3; i++) expect(await send(`hej ${i}`)).toEqual([`ok: hej ${i}`]);
    const warned = await send('hej 3');
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatch(/många meddelanden/);
    expect(warned[0]).toMatch(/112/);
    expect(await send('hej 4')).toEqual([]);
    clock.t += 60_000;
    expect(await send('hej igen')).toEqual(['ok: hej igen']);
  });

  it('danger always gets through, however many messages came before', async () => {
    const { send } = setup({ perConversation: { max: 1, windowMs: 60_000 } });
    await send('hej');
    await send('hej');
    expect(await send('DET BRINNER I TRAPPHUSET')).toEqual(['ok: DET BRINNER I TRAPPHUSET']);
  });

  it('a phone number has its own limit across conversations', async () => {
    const { send } = setup(
      { perConversation: { max: 100, windowMs: 60_000 }, perPhone: { max: 2, windowMs: 3_600_000 } },
      'sms',
    );
    await send('a');
    await send('b');
    expect((await send('c'))[0]).toMatch(/många meddelanden/);
  });
});

describe('outbound SMS cap', () => {
  it('stops sending to a number past its daily cap, but never holds back 112', async () => {
    const { send } = setup(
      {
        perConversation: { max: 1e6, windowMs: 60_000 },
        perPhone: { max: 1e6, windowMs: 60_000 },
        smsPerNumberPerDay: 3,
      },
      'sms',
    );
    expect(await send('hej')).toEqual(['ok: hej']);
    expect(await send('spam me')).toEqual(['one\ntwo', 'second']);
    expect(await send('hej')).toEqual([]);
    expect(await send('ring 112?')).toEqual(['ok: ring 112?']);
  });
});

describe('WindowCounter', () => {
  it('stays bounded', () => {
    const c = new WindowCounter(1000, 100);
    for (let i = 0; i < 1000; i++) c.hit(`k${i}`, 0);
    expect((c as unknown as { counts: Map<string, unknown> }).counts.size).toBeLessThanOrEqual(100);
  });
});
