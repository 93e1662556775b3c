/**
 * Shared vocabulary of the language-model layer. Nothing here reaches the network.
 */
import type { Category, DangerKind, Lang } from '../routing/types.ts';

/**
 * Why a model call gave nothing, as a stable code for logs and metrics. Never carries text.
 * - `timeout`: no full answer within the call's time limit; `aborted`: the caller cancelled.
 * - `rate_limited`: HTTP 429; `server_error`: HTTP 5xx; `http_error`: any other HTTP error; `network`: no connection.
 * - `refusal`: the model declined; `truncated`, `content_filter`: the answer was cut off or filtered.
 * - `empty`, `invalid_json`, `schema`, `invalid_response`: an answer that does not fit what was asked.
 * - `placeholders`, `numbers`: a translation lost a masked value's placeholder or a number (112, a time).
 * - `invalid_request`: the call could not be made as asked (e.g. a language tag that is not one).
 * - `cap_conversation`, `cap_sender`, `cap_hour`: a call cap was reached (the conversation's, the sender's
 *   fair share, or everyone's hourly budget), so no call was made.
 */
export type FailureReason =
  | 'timeout'
  | 'aborted'
  | 'rate_limited'
  | 'server_error'
  | 'http_error'
  | 'network'
  | 'refusal'
  | 'truncated'
  | 'content_filter'
  | 'empty'
  | 'invalid_json'
  | 'schema'
  | 'invalid_response'
  | 'placeholders'
  | 'numbers'
  | 'invalid_request'
  | 'cap_conversation'
  | 'cap_sender'
  | 'cap_hour';

/** The operations the layer performs, named in logs. */
export type ModelOperation = 'classify' | 'summarize' | 'translate';

/**
 * Where failures are reported: a pino logger fits. Only operation names, reason codes, HTTP statuses and
 * durations are logged; never text.
 */
export interface ModelLogger {
  warn(fields: Record<string, unknown>, msg: string): void;
  debug?(fields: Record<string, unknown>, msg: string): void;
}

/** Per-call context. */
export interface CallContext {
  /** The conversation the call is for; the per-conversation cap counts by it. Not sent to the provider. */
  conversationId: string;
  /**
   * Who the call is for (a phone number, a web-chat user): the per-sender fair share counts by it; the
   * conversation when not given. Not sent to the provider.
   */
  sender?: string;
  /** Cancels the call (the turn was abandoned). */
  signal?: AbortSignal;
  /** Overrides the operation's time limit, in milliseconds. */
  timeoutMs?: number;
}

/** Details the tenant wrote, copied by the model (masked values restored locally). `null` when not written. */
export interface ExtractedDetails {
  /** Street and number, as written. */
  address: string | null;
  /** Entrance or stairwell (uppgång, trappa, port), as written. */
  stairwell: string | null;
  /** Flat number or floor, as written. */
  apartment: string | null;
  /** How and when to reach the tenant back, as written (a masked phone number is restored here). */
  callback: string | null;
}

/**
 * The model's reading of one message: a suggestion for {@link mergeTriage}, never a decision on its own.
 */
export interface ModelSuggestion {
  category: Category;
  /** The danger kind the model sees, or null. A danger kind counts as danger whatever the category. */
  danger: DangerKind | null;
  /** One of Trygg's languages, or `other`. */
  language: Lang | 'other';
  /** ISO 639-1/-3 code of the message's language when the model gave a valid one (e.g. `ti`), else null. */
  languageCode: string | null;
  /** 0–1: how sure the model is of the category. */
  confidence: number;
  /** Violence in a close relationship is mentioned. */
  domestic: boolean;
  /** The tenant is locked out. */
  lockedOut: boolean;
  details: ExtractedDetails;
}

/** A line of a conversation transcript, as the store keeps it. */
export interface TranscriptLine {
  from: 'tenant' | 'bot' | 'staff';
  text: string;
}
