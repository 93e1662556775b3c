/**
 * What every dialog needs for one turn: the deps, the tenant's language, a translator, and `say`.
 */
import type { TFunction } from 'i18next';
import type { ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { DateTime } from 'luxon';
import { translator } from '../src/i18n.ts';
import type { Decision } from '../src/routing/decide.ts';
import type { Policy } from '../src/routing/policy.ts';
import type { Lang } from '../src/routing/types.ts';
import { luxonZone, wallClockMillis } from '../src/routing/zone.ts';
import type { CaseDesk } from '../src/cases/desk.ts';
import type { IncidentDesk } from '../src/cases/incidents/desk.ts';
import type { Case, NewCase, Store } from '../src/store/index.ts';
import type { Quotas } from '../src/store/quotas.ts';
import type { LanguageModel } from '../src/llm/index.ts';
import type { Logger } from '../src/log.ts';
import { addToCase, openCase } from './cases.ts';
import { REPLY_OF, type Reply, type ReplyOption, type ReplyRenderer } from './reply.ts';

/** What the channel layer gives the conversation. */
export interface ConversationDeps {
  policy: Policy;
  store: Store;
  /** The clock (tests pass a fixed one). */
  now: () => Date;
  render: ReplyRenderer;
  /**
   * The case lifecycle, with the staff side behind it (cards in Teams). Without one, a desk without a staff
   * side: cases wait in the store, visible in `trygg cases`.
   */
  desk?: CaseDesk;
  /** Incidents: tenants who name an open incident's place are told first; without it, no incidents. */
  incidents?: IncidentDesk;
  /** The optional language model (rules alone when absent or not configured). It may only add caution. */
  model?: LanguageModel;
  /** Privacy notice shown with the greeting. */
  privacyUrl?: string;
  /** Where the conversation notes what it skipped (a redelivered message) and a new-case cap; silent when absent. */
  log?: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** The shared counters' limits (the new-case caps); one on `store.counters` when absent. */
  quotas?: Quotas;
  /** Told of every routing decision (the metrics' contact count); nothing personal is passed. */
  onDecision?: (route: string, channelId: string, language: string) => void;
}

/** Per-conversation memory, kept in the store between turns. */
export interface Profile {
  language?: Lang;
  /** The tenant chose the language ("English please"): stop detecting it. */
  languageLocked?: boolean;
  greeted?: boolean;
  /** The case the tenant's further messages belong to. */
  openCaseId?: string;
  /** The latest case this conversation opened (or was added to, over a new-case cap). */
  lastCaseId?: string;
  /** A case kept without a card of its own (over a new-case cap): its further words are not posted in Teams. */
  heldCaseId?: string;
  /** The emergency case further danger messages go into, and when the last one came (ISO). */
  emergencyCase?: { id: string; at: string };
  /** The incidents this conversation was told about, with the number of the latest notice it was told. */
  toldIncidents?: Record<string, number>;
  /** The incident this conversation's contact was linked to: a case it opens is linked too. */
  linkedIncident?: string;
  /** Updates offered (JA / YES subscribes) for this incident and notice; `offered` once said. */
  incidentOffer?: { id: string; seq: number; offered: boolean };
  /** Incidents whose updates this conversation gets (STOPP ends them all). */
  subscribed?: string[];
  /** The conversation so far (tenant and bot), attached to a case when one is made. Trimmed. */
  transcript?: { at: string; from: 'tenant' | 'bot'; text: string }[];
}

const TRANSCRIPT_MAX = 40;

/** `Turn.when` before translation: calendar days from today, "HH:mm", and the day ("måndag 25 januari"). */
interface WhenParts {
  days: number;
  time: string;
  day: string;
}

const DAY_MS = 86_400_000;
/** WhenParts per zone, language, local date of the clock and ISO time. Dropped whole when full. */
const whenCache = new Map<string, WhenParts>();
const WHEN_CACHE_MAX = 500;

function whenParts(iso: string, lang: Lang, zone: string, now: Date): WhenParts {
  const z = luxonZone(zone);
  // Gregorian dates in every language (Persian would otherwise get Persian month names on Gregorian days).
  const at = DateTime.fromISO(iso, { zone: z }).setLocale(lang).reconfigure({ outputCalendar: 'gregory' });
  const today = DateTime.fromJSDate(now, { zone: z }).startOf('day');
  const days = Math.round(at.startOf('day').diff(today, 'days').days);
  return { days, time: at.toFormat('HH:mm'), day: days === 0 || days === 1 ? '' : at.toFormat('cccc d MMMM') };
}

/** One turn of the conversation, with helpers the dialogs share. */
export class Turn {
  readonly t: TFunction;
  readonly ctx: TurnContext;
  readonly deps: ConversationDeps;
  readonly profile: Profile;
  readonly lang: Lang;
  /** The policy with this turn's extra shifts and closures. */
  readonly policy: Policy;

  constructor(ctx: TurnContext, deps: ConversationDeps, profile: Profile, lang: Lang, policy: Policy) {
    this.ctx = ctx;
    this.deps = deps;
    this.profile = profile;
    this.lang = lang;
    this.policy = policy;
    const base = translator(lang, 'bot');
    // On the phone, texts that say "write" have spoken variants (`key_voice`); i18next falls back to `key`.
    this.t =
      ctx.activity.channelId === 'telephony'
        ? (((key: string, options?: object) => base(key, { context: 'voice', ...options })) as unknown as TFunction)
        : base;
  }

  get channelId(): string {
    return this.ctx.activity.channelId;
  }

  /** The tenant's phone number when the channel gives it (SMS and the phone line use it as `from.id`). */
  get channelPhone(): string | undefined {
    return this.channelId === 'sms' || this.channelId === 'telephony' ? this.ctx.activity.from?.id : undefined;
  }

  private pending: string[] = [];
  /** An action (a case handed over) that the next reply tells of. */
  private pendingAction: Reply['action'];

  /** The next reply carries `action` (it tells the tenant what was done). */
  act(action: NonNullable<Reply['action']>): void {
    this.pendingAction = action;
  }

  /** Text to put before the next reply, in the same message (one message costs less than two, on SMS too). */
  prefix(text: string): void {
    this.pending.push(text);
  }

  private withPending(text: string): string {
    if (!this.pending.length) return text;
    const all = [...this.pending, text].join('\n\n');
    this.pending = [];
    return all;
  }

  /** Sends a reply, rendered for this channel, and records it in the transcript. */
  async say(text: string, extra: Omit<Reply, 'text' | 'lang'> = {}): Promise<void> {
    // The 112 reply stands alone and first; anything pending waits for the next message.
    const reply: Reply = { text: extra.emergency ? text : this.withPending(text), lang: this.lang, ...extra };
    if (this.pendingAction && !reply.emergency) {
      reply.action ??= this.pendingAction;
      this.pendingAction = undefined;
    }
    this.remember('bot', reply.text);
    // A channel may need several messages for one reply (a long SMS): sent in order, each marked with its reply.
    for (const activity of [this.deps.render(reply, this.channelId)].flat())
      await this.ctx.sendActivity(Object.assign(activity, { [REPLY_OF]: reply }) as typeof activity);
  }

  /** The activity a prompt sends, rendered for this channel. */
  promptActivity(text: string, options?: ReplyOption[], how: { retry?: boolean } = {}): Record<string, unknown> {
    // A retry prompt is built now but sent only if the answer is unclear: it is not part of the transcript.
    const full = how.retry ? text : this.withPending(text);
    if (!how.retry) this.remember('bot', full);
    // A reply with options is never split (renderers keep it whole).
    const reply: Reply = { text: full, lang: this.lang, expectsInput: true, ...(options ? { options } : {}) };
    if (this.pendingAction && !how.retry) {
      reply.action = this.pendingAction;
      this.pendingAction = undefined;
    }
    return Object.assign([this.deps.render(reply, this.channelId)].flat()[0]!, { [REPLY_OF]: reply });
  }

  remember(from: 'tenant' | 'bot', text: string): void {
    const list = (this.profile.transcript ??= []);
    list.push({ at: this.deps.now().toISOString(), from, text });
    if (list.length > TRANSCRIPT_MAX) list.splice(0, list.length - TRANSCRIPT_MAX);
  }

  yesNo(): ReplyOption[] {
    return [
      { value: 'yes', title: this.t('options.yes') },
      { value: 'no', title: this.t('options.no') },
    ];
  }

  /** "i dag 19:30", "i morgon 07:00", "måndag 25 januari 07:00", in the tenant's language. */
  when(iso: string | undefined): string {
    if (!iso) return this.t('time.unknown');
    const zone = this.policy.timeZone;
    const now = this.deps.now();
    // The parts depend on the clock only through today's date in the zone.
    const today = Math.floor(wallClockMillis(now.getTime(), zone) / DAY_MS);
    let parts: WhenParts;
    if (Number.isFinite(today)) {
      const key = `${zone}|${this.lang}|${today}|${iso}`;
      const hit = whenCache.get(key);
      if (hit) parts = hit;
      else {
        parts = whenParts(iso, this.lang, zone, now);
        if (whenCache.size >= WHEN_CACHE_MAX) whenCache.clear();
        whenCache.set(key, parts);
      }
    } else parts = whenParts(iso, this.lang, zone, now);
    const { days, time, day } = parts;
    if (days === 0) return this.t('time.today', { time });
    if (days === 1) return this.t('time.tomorrow', { time });
    return this.t('time.later', { day, time });
  }

  /** Records the decision: a `trygg.decision` trace activity and an audit entry (no message text). */
  async recordDecision(decision: Decision): Promise<void> {
    await this.ctx.sendActivity({
      type: 'trace',
      name: 'trygg.decision',
      label: 'Trygg routing decision',
      valueType: 'https://schemas.trygg.local/decision',
      value: decision,
    });
    await this.deps.store.audit.append({
      at: this.deps.now(),
      route: decision.route,
      rule: decision.reason.rule,
      category: decision.category,
      danger: decision.danger,
      channelId: this.channelId,
      language: decision.language,
      // Keyed (HMAC): an SMS conversation id is the tenant's number, which a plain hash would give away.
      conversationHash: this.deps.store.audit.hashConversation(this.ctx.activity.conversation.id),
    });
    this.deps.onDecision?.(decision.route, this.channelId, decision.language);
  }

  /**
   * Stores a case for a handoff with the conversation so far, and tells staff; within the new-case caps
   * (policy `caseLimits`). Over a cap it resolves with the sender's open case, which the words went into
   * instead (see `dialogs/cases.ts`).
   */
  openCase(
    decision: Decision,
    caseInput: Partial<NewCase> & { route: NewCase['route']; note?: string },
  ): Promise<Case> {
    return openCase(this, decision, caseInput);
  }

  /** Adds the tenant's words that a case does not have yet to it, and posts them in its Teams thread. */
  addToCase(kase: Case): Promise<void> {
    return addToCase(this, kase);
  }
}

/** The conversation state accessors, created once. */
export interface StateAccessors {
  conversationState: ConversationState;
  profile: StatePropertyAccessor<Profile>;
}
