// Abuse limits: per conversation and per phone number, danger always through; outbound SMS capped per number,
// with only the first emergency reply of a turn exempt (by its flag, never its text); all counted in counters
// that several instances share.
import { ActivityHandler, TestAdapter, type Activity, type TurnContext } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { REPLY_OF, type Reply } from '../../dialogs/reply.ts';
import { limitsMiddleware } from '../../src/channels/limits.ts';
import { renderReply } from '../../src/channels/render.ts';
import { createLogger } from '../../src/log.ts';
import { memoryCounters } from '../../src/store/counting.ts';
import { Quotas } from '../../src/store/quotas.ts';
import type { Counters } from '../../src/store/index.ts';

/** What the test bot says for each incoming text. */
const SCRIPT: Record<string, Reply[]> = {
  danger: [
    { text: 'Ring 112 nu.', lang: 'sv', emergency: true },
    { text: 'Mind 90101. Personalen vet.', lang: 'sv' },
  ],
  'two emergencies': [
    { text: 'Ring 112 nu.', lang: 'sv', emergency: true },
    { text: 'Ring 112 igen.', lang: 'sv', emergency: true },
  ],
  'spam me': [
    { text: 'one', lang: 'sv' },
    { text: 'second', lang: 'sv' },
  ],
  help: [{ text: 'Vid fara: ring 112. Skriv PERSONAL för att nå en människa.', lang: 'sv' }],
};

const say = (ctx: TurnContext, reply: Reply) =>
  ctx.sendActivity(
    Object.assign(renderReply(reply, ctx.activity.channelId) as Partial<Activity>, { [REPLY_OF]: reply }),
  );

function setup(
  options: Omit<Parameters<typeof limitsMiddleware>[0], 'log'> = {},
  channelId = 'webchat',
  from = '+46701234567',
) {
  const clock = { t: 1_000_000 };
  const bot = new ActivityHandler();
  bot.onMessage(async (ctx, next) => {
    const replies = SCRIPT[ctx.activity.text ?? ''];
    if (replies) for (const r of replies) await say(ctx, r);
    else await ctx.sendActivity(`ok: ${ctx.activity.text}`);
    await next();
  });
  const adapter = new TestAdapter(async (ctx) => bot.run(ctx), {
    channelId,
    from: { id: from, name: '' },
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

const unlimited = { perConversation: { max: 1e6, windowMs: 60_000 }, perPhone: { max: 1e6, windowMs: 60_000 } };

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

  it('holds across instances sharing the counters: together they admit the limit, and warn once', async () => {
    const shared = memoryCounters(() => 1_000_000);
    const make = () =>
      setup({ quotas: new Quotas(shared, { now: () => 1_000_000 }), perConversation: { max: 4, windowMs: 60_000 } });
    const [a, b] = [make(), make()];
    const out: string[][] = [];
    for (let i = 0; i < 8; i++) out.push(await (i % 2 ? b : a).send(`hej ${i}`));
    expect(out.filter((r) => r[0]?.startsWith('ok:'))).toHaveLength(4);
    expect(out.filter((r) => /många meddelanden/.test(r[0] ?? ''))).toHaveLength(1);
  });
});

describe('outbound SMS cap', () => {
  it('holds back every text past the cap, whatever it says, "112" included', async () => {
    const { send } = setup({ ...unlimited, smsPerNumberPerDay: 3 }, 'sms');
    expect(await send('hej')).toEqual(['ok: hej']);
    expect(await send('spam me')).toEqual(['one', 'second']);
    expect(await send('help')).toEqual([]);
    expect(await send('ring 112?')).toEqual([]);
  });

  it('always sends the first emergency reply of a turn (by its flag), and caps what follows it', async () => {
    const { send } = setup({ ...unlimited, smsPerNumberPerDay: 3 }, 'sms');
    expect(await send('spam me')).toEqual(['one', 'second']);
    expect(await send('danger')).toEqual(['Ring 112 nu.']);
    expect(await send('danger')).toEqual(['Ring 112 nu.']);
    expect(await send('two emergencies')).toEqual(['Ring 112 nu.']);
  });

  it('counts across instances sharing the counters', async () => {
    const shared: Counters = memoryCounters(() => 1_000_000);
    const make = () =>
      setup({ ...unlimited, quotas: new Quotas(shared, { now: () => 1_000_000 }), smsPerNumberPerDay: 2 }, 'sms');
    const [a, b] = [make(), make()];
    expect(await a.send('hej')).toEqual(['ok: hej']);
    expect(await b.send('hej')).toEqual(['ok: hej']);
    expect(await a.send('hej')).toEqual([]);
    expect(await b.send('hej')).toEqual([]);
  });
});
