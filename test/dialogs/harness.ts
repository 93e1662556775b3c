/**
 * Drives the whole conversation (dedupe, state, dialogs, rendering) through botbuilder's TestAdapter with a
 * fixed clock and an in-memory store, collecting what the bot sends for each tenant message.
 */
import { ConversationState, TestAdapter, type Activity } from 'botbuilder';
import { DateTime } from 'luxon';
import { TryggConversation } from '../../dialogs/conversation.ts';
import { dedupeMiddleware, TryggBot } from '../../src/channels/bot.ts';
import { renderReply } from '../../src/channels/render.ts';
import { IncidentDesk } from '../../src/cases/incidents/desk.ts';
import { loadAreas, Places } from '../../src/cases/incidents/places.ts';
import { createLogger } from '../../src/log.ts';
import type { LanguageModel } from '../../src/llm/index.ts';
import { loadPolicy, type Policy } from '../../src/routing/policy.ts';
import { openMemoryStore, type Store } from '../../src/store/index.ts';

export interface Harness {
  store: Store;
  /** The incidents, as the app has them (on the sample areas file); notices wait in the outbox. */
  incidents: IncidentDesk;
  /** Sends a message; returns everything the bot sent (traces included), in order. */
  send(text: string, extra?: Partial<Activity>): Promise<Partial<Activity>[]>;
  /** Only the message replies' texts. */
  texts(text: string, extra?: Partial<Activity>): Promise<string[]>;
  /** Moves the clock. */
  setTime(local: string): void;
  /** A new adapter and bot over the same store: a restart. */
  restart(): Harness;
}

/** '2027-01-19 23:00' read as Europe/Stockholm wall-clock time. */
export const local = (s: string) => DateTime.fromISO(s.replace(' ', 'T'), { zone: 'Europe/Stockholm' }).toJSDate();

export async function harness(options: {
  channelId?: string;
  at: string;
  from?: string;
  locale?: string;
  store?: Store;
  policy?: Policy;
  conversationId?: string;
  model?: LanguageModel;
}): Promise<Harness> {
  const clock = { now: local(options.at) };
  const store = options.store ?? (await openMemoryStore({ now: () => clock.now }));
  const policy = options.policy ?? loadPolicy();
  const incidents = new IncidentDesk({
    store,
    policy,
    places: new Places(loadAreas()),
    now: () => clock.now,
    cacheMs: 0,
  });
  const build = (): Harness => {
    const state = new ConversationState(store.state);
    const conversation = new TryggConversation(state, {
      policy,
      store,
      incidents,
      now: () => clock.now,
      render: renderReply,
      ...(options.model ? { model: options.model } : {}),
    });
    const bot = new TryggBot(conversation);
    const channelId = options.channelId ?? 'webchat';
    const adapter = new TestAdapter(
      async (ctx) => {
        await bot.run(ctx);
      },
      {
        channelId,
        serviceUrl: 'http://127.0.0.1:9/',
        conversation: {
          id: options.conversationId ?? `conv-${channelId}-1`,
          isGroup: false,
          conversationType: 'personal',
          name: '',
        },
        from: { id: options.from ?? (channelId === 'sms' ? '+46701234567' : 'tenant-1'), name: '' },
        recipient: { id: 'trygg', name: 'Trygg' },
        locale: options.locale ?? 'sv-SE',
      },
      true,
    );
    adapter.use(dedupeMiddleware(store, createLogger('silent')));
    let seq = 0;
    const send = async (text: string, extra: Partial<Activity> = {}) => {
      adapter.activeQueue.splice(0);
      await adapter.receiveActivity({ type: 'message', text, id: extra.id ?? `a${Date.now()}-${seq++}`, ...extra });
      return adapter.activeQueue.splice(0) as Partial<Activity>[];
    };
    return {
      store,
      incidents,
      send,
      texts: async (text, extra) =>
        (await send(text, extra)).filter((a) => a.type === 'message').map((a) => a.text ?? ''),
      setTime: (s) => {
        clock.now = local(s);
      },
      restart: build,
    };
  };
  return build();
}
