/**
 * The phone line's vocabulary: what it needs from the app, what a call asks the telephony side to do, and
 * what a call remembers between events.
 */
import type { TurnContext } from 'botbuilder';
import type { CallAutomationClientOptions } from '@azure/communication-call-automation';
import type { CaseDesk } from '../../cases/desk.ts';
import type { Config } from '../../config.ts';
import type { Logger } from '../../log.ts';
import type { Policy } from '../../routing/policy.ts';
import type { Lang, RouteId } from '../../routing/types.ts';
import type { Store } from '../../store/index.ts';
import type { CallSessionOptions } from './sessions.ts';
import type { SpeechPart } from './speech.ts';

/** A neural voice for one language: `xml:lang` and the Azure voice name. */
export interface PhoneVoice {
  locale: string;
  voice: string;
}

/** What runs a bot turn: an `ActivityHandler` (the app's `TryggBot`), or anything with its `run`. */
export interface TurnRunner {
  run(context: TurnContext): Promise<void>;
}

/** What the phone line needs from the app (the same objects the chat channels use). */
export interface PhoneDeps {
  /** The tenants' bot: the same `TryggBot` the chat channels run; its turns run in-process on the phone. */
  bot: TurnRunner;
  policy: Policy;
  store: Store;
  config: Config;
  log: Logger;
  /** The clock (tests pass a fixed one). */
  now: () => Date;
  /**
   * The case desk, as the conversation has it: a case the line makes itself gets its card, and a failed
   * transfer or an interrupted call a note in the case's thread (with a staff side behind the desk).
   */
  desk: CaseDesk;
  /** Voice per language; languages left out use the chat channels' voices (`VOICES` in render.ts). */
  voices?: Partial<Record<Lang, PhoneVoice>>;
  /** Options for the ACS client (retries, the HTTP client); tests pass short retry delays. */
  acsClientOptions?: CallAutomationClientOptions;
  /** How long one REST call to ACS may take (default `ACS_REQUEST_TIMEOUT_MS`). */
  acsTimeoutMs?: number;
  /** Call sessions in the store: caps on answered and on ringing calls, and their expiries (see CallSessions). */
  sessions?: CallSessionOptions;
}

/**
 * Something to say: its parts (a voice each), and made from them the SSML for the speech service and the plain
 * text for transcripts and the simulator.
 */
export interface Prompt {
  parts: SpeechPart[];
  ssml: string;
  text: string;
  /** The language it is said in (recognition listens in this language afterwards). */
  lang: Lang;
}

/**
 * What a call asks the telephony side to do. ACS Call Automation implements it over REST; the local
 * simulator records it for the browser. Each resolves once the request is accepted; the outcome comes back
 * as an event (`RecognizeCompleted`, `PlayCompleted`, `CallTransferAccepted`, …).
 */
export interface CallControl {
  /** Says the prompt and listens for speech or one key, in `lang`; the caller may interrupt (barge-in). */
  listen(prompt: Prompt, context: string): Promise<void>;
  /** Says the prompt without listening; `PlayCompleted` with `context` follows. */
  say(prompt: Prompt, context: string): Promise<void>;
  /** Transfers the caller to a phone number (E.164, or a short number such as 112). */
  transfer(phone: string, context: string): Promise<void>;
  /** Ends the call for everyone. */
  hangUp(): Promise<void>;
}

/** Where a call is. */
export type CallStage = 'menu' | 'talk' | 'closing' | 'transferring' | 'ended';

/** What the call does once the prompt being played has been said. */
export type AfterPlay =
  | { kind: 'hangUp' }
  | { kind: 'transfer'; route: RouteId; phone: string; name: string; caseId?: string; emergency?: boolean };

/** One line of what was said on the call (kept for the case if the call ends early). */
export interface CallLine {
  at: string;
  from: 'tenant' | 'bot';
  text: string;
}

/**
 * A call's phone session, kept in the store between its events (`store.calls`, as JSON), so that any
 * instance can take the next one. The conversation itself is in the bot's state, as on every channel.
 */
export interface CallSession {
  /** Our id for the call; part of the callback URL. */
  id: string;
  /** ACS call connection id, once answered. */
  callConnectionId?: string;
  /** The caller as ACS names them (`4:+46…`), to listen to them; empty on the simulator. */
  callerRawId?: string;
  /** The caller's number in E.164 form; empty when withheld. */
  caller: string;
  /** Bot Framework conversation id: one conversation per call. */
  conversationId: string;
  lang: Lang;
  stage: CallStage;
  /** Silent or not understood answers in a row. */
  silences: number;
  /** The last prompt that listened, for 9 (repeat) and reprompts. */
  lastPrompt?: Prompt;
  /** While an incident's notice is said: what # skips to (the rest of the reply). */
  skipTo?: Prompt;
  /** The play in progress and what follows it. */
  playing?: { context: string; after: AfterPlay };
  /** The latest routing decision of the call. */
  decision?: { route: RouteId; category: string; danger: string | null };
  /** The case the bot opened on this call, if any. */
  caseId?: string;
  /** The transfer requested and not yet accepted or failed. */
  transfer?: Extract<AfterPlay, { kind: 'transfer' }>;
  /** True once the call was handed to a person (transfer accepted). */
  transferred?: boolean;
  /** The bot has been told the caller joined (its conversation counts as greeted). */
  botStarted?: boolean;
  /** The bot's last reply waited for an answer (a dialog was in progress). */
  awaitingAnswer?: boolean;
  /** What was said has been kept for staff (done once, at the end of the call). */
  finalized?: boolean;
  transcript: CallLine[];
  /** Event ids already handled (ACS may deliver an event twice), the latest few hundred. */
  seen: string[];
  createdAt: number;
  touchedAt: number;
}
