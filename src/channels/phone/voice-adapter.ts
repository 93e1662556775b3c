/**
 * Runs bot turns in-process for the phone line. Instead of posting replies to a Bot Connector serviceUrl,
 * the adapter collects what the bot sends during one turn: each message's `Reply` (what the dialog said:
 * text, language, emergency flag, options, action), and the routing decision trace. Channel `telephony`, the
 * caller's number as `from.id`.
 */
import { randomUUID } from 'node:crypto';
import {
  ActivityTypes,
  BotAdapter,
  TurnContext,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import { localeLanguage } from '../../../dialogs/conversation.ts';
import { replyOf, type Reply } from '../../../dialogs/reply.ts';
import type { RouteId } from '../../routing/types.ts';
import type { TurnRunner } from './types.ts';

/** The Bot Framework channel id of the phone line. */
export const TELEPHONY_CHANNEL = 'telephony';

/** Stands in for a Bot Connector service URL in conversation references; nothing is ever posted there. */
export const TELEPHONY_SERVICE_URL = 'urn:trygg:telephony';

/** The part of the `trygg.decision` trace the phone line uses. */
export interface DecisionValue {
  route: RouteId;
  category: string;
  danger: string | null;
  /** Danger is possible but not certain: the bot asks. */
  confirm?: boolean;
}

/** Everything the bot sent during one turn. */
export interface VoiceTurn {
  /** The replies, in order: what each message said, as the dialog gave it. */
  replies: Reply[];
  decision?: DecisionValue;
  /** The turn failed; `replies` holds what was sent before. */
  error?: Error;
}

/** One thing the caller said or pressed. */
export interface VoiceInput {
  conversationId: string;
  /** The caller's number (E.164), or empty when withheld. */
  caller: string;
  /** BCP 47 locale the caller is listened to in, e.g. `sv-SE`. */
  locale: string;
  text: string;
  /** How it arrived: recognised speech, a key, or typed in the simulator. */
  input: 'speech' | 'dtmf' | 'typed';
  at: Date;
}

const SINK = Symbol('trygg.voice.sink');

/** A message no dialog rendered (the apology for a failed turn): its text, in its locale's language. */
function plainReply(activity: Partial<Activity>): Reply {
  return { text: activity.text ?? '', lang: localeLanguage(activity.locale) ?? 'sv' };
}

interface Sink {
  turn: VoiceTurn;
}

export class VoiceAdapter extends BotAdapter {
  /** Runs one message turn through the bot and returns what it sent. Never throws: a failure is `error`. */
  async runTurn(bot: TurnRunner, input: VoiceInput): Promise<VoiceTurn> {
    return this.run(bot, this.activity(input));
  }

  /**
   * Tells the bot the caller joined (a `conversationUpdate`, as web chat does), so the conversation counts
   * as greeted: the phone line has greeted the caller itself, in speech.
   */
  async startConversation(bot: TurnRunner, input: Omit<VoiceInput, 'text' | 'input'>): Promise<VoiceTurn> {
    const activity = this.activity({ ...input, text: '', input: 'speech' });
    delete activity.text;
    delete activity.textFormat;
    delete activity.channelData;
    return this.run(bot, { ...activity, type: ActivityTypes.ConversationUpdate, membersAdded: [activity.from!] });
  }

  private activity(input: VoiceInput): Partial<Activity> {
    return {
      type: ActivityTypes.Message,
      id: randomUUID(),
      channelId: TELEPHONY_CHANNEL,
      serviceUrl: TELEPHONY_SERVICE_URL,
      conversation: { id: input.conversationId, isGroup: false, conversationType: 'personal', name: '' },
      from: { id: input.caller, name: '', role: 'user' },
      recipient: { id: 'trygg', name: 'Trygg', role: 'bot' },
      locale: input.locale,
      text: input.text,
      textFormat: 'plain',
      timestamp: input.at,
      localTimestamp: input.at,
      channelData: { input: input.input },
    };
  }

  private async run(bot: TurnRunner, activity: Partial<Activity>): Promise<VoiceTurn> {
    const turn: VoiceTurn = { replies: [] };
    const context = new TurnContext(this, activity);
    context.turnState.set(SINK, { turn } satisfies Sink);
    try {
      await this.runMiddleware(context, (ctx) => bot.run(ctx));
    } catch (error) {
      turn.error = error instanceof Error ? error : new Error(String(error));
    }
    return turn;
  }

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const sink = context.turnState.get(SINK) as Sink | undefined;
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      const id = randomUUID();
      responses.push({ id });
      if (!sink) continue;
      const { turn } = sink;
      if (activity.type === ActivityTypes.Message) turn.replies.push(replyOf(activity) ?? plainReply(activity));
      else if (activity.type === ActivityTypes.Trace && activity.name === 'trygg.decision' && activity.value) {
        const v = activity.value as DecisionValue;
        turn.decision = { route: v.route, category: v.category, danger: v.danger ?? null, confirm: Boolean(v.confirm) };
      }
    }
    return responses;
  }

  async updateActivity(): Promise<void> {
    throw new Error('VoiceAdapter: a spoken reply cannot be updated');
  }

  async deleteActivity(): Promise<void> {
    throw new Error('VoiceAdapter: a spoken reply cannot be deleted');
  }

  /** A proactive turn on a call's conversation (what it sends is dropped: a call cannot be written to later). */
  async continueConversation(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const activity = TurnContext.applyConversationReference(
      { type: ActivityTypes.Event, name: 'continueConversation' },
      reference,
      true,
    );
    const context = new TurnContext(this, activity);
    await this.runMiddleware(context, logic);
  }
}
