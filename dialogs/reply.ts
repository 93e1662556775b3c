/**
 * What a dialog says, independent of the channel. The channel layer renders it: Markdown, suggested
 * actions and cards on web chat; plain numbered text on SMS. The phone speaks from the reply itself (its
 * text, `emergency`, `options`, `action`), never from what a renderer made of it.
 */
import type { Lang, RouteId } from '../src/routing/types.ts';

/** One choice the tenant can make; on SMS it becomes a number to answer with. */
export interface ReplyOption {
  /** What the tenant's answer is understood as (`yes`, `no`, `skip`, …). */
  value: string;
  /** The text shown (already translated). */
  title: string;
}

/**
 * What the conversation did that a channel may act on, carried by the reply that tells the tenant about it.
 * `handoff`: a case was handed to a route (web chat and SMS only say so; the phone transfers the call to the
 * number on duty instead of saying the reply).
 */
export interface ReplyAction {
  kind: 'handoff';
  caseId: string;
  route: RouteId;
  /** The route's number (from the policy). */
  phone: string;
  /** The number is the sample policy's placeholder. */
  placeholder?: boolean;
}

export interface Reply {
  /** Translated text. May contain **bold** and [links](https://…); SMS and speech get them stripped. */
  text: string;
  lang: Lang;
  options?: ReplyOption[];
  /** The acute-danger reply: web chat adds a tap-to-call card, speech says it slowly and first. */
  emergency?: boolean;
  /**
   * The options are commands that work at any time (AKUT, PERSONAL, HJÄLP): SMS lists their words rather
   * than numbers, since a number only means something while a question is open.
   */
  keywords?: boolean;
  /** Whether the bot now waits for an answer (voice channels use it to open the microphone). */
  expectsInput?: boolean;
  /** An incident's notice: the phone says it short and lets the caller skip it with a key. */
  notice?: boolean;
  /** What was done that this reply tells of (a case handed to a route). */
  action?: ReplyAction;
}

/**
 * Set on every activity `Turn` renders from a reply, holding that reply: middleware reads the reply's own
 * flags (the outbound SMS cap exempts the first `emergency` reply of a turn) instead of searching its text.
 * A symbol, so it is copied with the activity by botbuilder but never serialized onto the wire.
 */
export const REPLY_OF = Symbol.for('trygg.replyOf');

/** The reply an outgoing activity was rendered from, if a dialog rendered it. */
export function replyOf(activity: object): Reply | undefined {
  return (activity as { [REPLY_OF]?: Reply })[REPLY_OF];
}

/**
 * Turns a reply into what the channel needs; given to the dialogs by the channel layer. It may give several
 * activities for one reply (a long SMS is sent as several texts); a reply with options is always one.
 */
export type ReplyRenderer = (reply: Reply, channelId: string) => Record<string, unknown> | Record<string, unknown>[];
