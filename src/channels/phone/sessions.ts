/**
 * Phone call sessions in the store (`store.calls`), so that any instance can take any Call Automation
 * callback of any call: Event Grid and a load balancer give no sticky routing. Each callback runs under the
 * call's lock (`store.locks`, across instances on PostgreSQL, the way conversation turns do): it reads the
 * session, handles its events, and saves the session before the next callback of that call may start. Two
 * callbacks of one call that arrive at once are therefore handled one after the other, and an event
 * delivered twice is recognised by its id (kept in the session) and handled once.
 *
 * A session is *ringing* from the incoming-call event until ACS has accepted our answer, and *answered* from
 * then on. Anyone who knows the webhook URL can make ringing sessions (until ACS refuses the forged call), so
 * ringing sessions have their own small cap and a short expiry, and an answered call is never pushed out to
 * make room: when a cap is reached, the new call is refused (Event Grid delivers it again) instead. The caps
 * count every instance's calls. Only a hash of a call's secret is stored.
 */
import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Logger } from '../../log.ts';
import type { Lang } from '../../routing/types.ts';
import { LockTimeoutError, locksFor } from '../../store/locks.ts';
import type { JsonValue, Store } from '../../store/index.ts';
import type { CallSession } from './types.ts';

/** Default cap on answered calls: far more simultaneous night calls than a landlord's number gets. */
export const DEFAULT_MAX_SESSIONS = 500;
/** Default cap on calls being answered at once (an answer takes at most ACS's 5 s deadline). */
export const DEFAULT_MAX_RINGING = 50;
/** Default expiry after the last event: longer than any call the line keeps. */
export const DEFAULT_SESSION_TTL_MS = 2 * 3_600_000;
/** Default expiry of a session whose answer never completed. */
export const DEFAULT_RINGING_TTL_MS = 60_000;
/** Event ids a session remembers (ACS may deliver an event twice). */
const SEEN_MAX = 256;

/** Sizes and expiries of {@link CallSessions}. */
export interface CallSessionOptions {
  /** Answered calls kept at most; a new call beyond it is refused (default {@link DEFAULT_MAX_SESSIONS}). */
  max?: number;
  /** Ringing (not yet answered) calls at most; beyond it a new call is refused (default {@link DEFAULT_MAX_RINGING}). */
  maxRinging?: number;
  /** An answered call is forgotten this long after its last event (default {@link DEFAULT_SESSION_TTL_MS}). */
  ttlMs?: number;
  /** A ringing call is forgotten this long after it rang (default {@link DEFAULT_RINGING_TTL_MS}). */
  ringingTtlMs?: number;
  /** The machine's clock (tests pass their own). */
  clock?: () => number;
  /**
   * When given, a call's secret is an HMAC of its id under this key (the ACS line derives one from its
   * connection string, which every instance has), so a callback can be told genuine while the store is away
   * (`vouches`); otherwise it is random.
   */
  tokenKey?: Buffer;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Whether `secret` is the one whose hash is `hash` (compared in constant time). */
function secretMatches(hash: string, secret: string | undefined): boolean {
  if (!secret) return false;
  const a = Buffer.from(hash);
  const b = Buffer.from(sha256(secret));
  return a.length === b.length && timingSafeEqual(a, b);
}

/** What `withCall` found. */
export type CallOutcome<T> = { found: true; value: T; session: CallSession } | { found: false };

export class CallSessions {
  private readonly store: Store;
  private readonly log: Logger | undefined;
  private readonly max: number;
  private readonly maxRinging: number;
  private readonly ttlMs: number;
  private readonly ringingTtlMs: number;
  private readonly clock: () => number;
  private readonly tokenKey: Buffer | undefined;

  constructor(store: Store, options: CallSessionOptions = {}, log?: Logger) {
    this.store = store;
    this.log = log;
    this.max = options.max ?? DEFAULT_MAX_SESSIONS;
    this.maxRinging = options.maxRinging ?? DEFAULT_MAX_RINGING;
    this.ttlMs = options.ttlMs ?? DEFAULT_SESSION_TTL_MS;
    this.ringingTtlMs = options.ringingTtlMs ?? DEFAULT_RINGING_TTL_MS;
    // Expiry runs on the machine's clock, not the conversation clock tests fix.
    this.clock = options.clock ?? Date.now;
    this.tokenKey = options.tokenKey;
  }

  /** A new call id and its secret (see {@link CallSessionOptions.tokenKey}). */
  newCall(): { id: string; secret: string } {
    const id = randomUUID();
    const secret = this.tokenKey
      ? createHmac('sha256', this.tokenKey).update(id).digest('base64url')
      : randomBytes(24).toString('base64url');
    return { id, secret };
  }

  /** Whether `secret` is the call's without asking the store: only where secrets come from `tokenKey`. */
  vouches(id: string, secret: string | undefined): boolean {
    if (!this.tokenKey || !secret) return false;
    const a = Buffer.from(createHmac('sha256', this.tokenKey).update(id).digest('base64url'));
    const b = Buffer.from(secret);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  /**
   * A new ringing session for a caller (E.164, or empty when withheld) and its secret (given to ACS in the
   * callback URL, never stored); undefined when the ringing calls, or the answered ones, are at their cap.
   */
  async create(
    caller: string,
    options: { lang?: Lang; callerRawId?: string } = {},
  ): Promise<{ session: CallSession; secret: string } | undefined> {
    const now = this.clock();
    const { id, secret } = this.newCall();
    const session: CallSession = {
      id,
      caller,
      ...(options.callerRawId ? { callerRawId: options.callerRawId } : {}),
      conversationId: `telephony-${id}`,
      lang: options.lang ?? 'sv',
      stage: 'menu',
      silences: 0,
      transcript: [],
      seen: [],
      createdAt: now,
      touchedAt: now,
    };
    const added = await this.store.calls.create(
      {
        id,
        secretHash: sha256(secret),
        caller,
        data: session as unknown as JsonValue,
        expiresAt: new Date(now + this.ringingTtlMs),
      },
      { maxRinging: this.maxRinging, maxAnswered: this.max },
      new Date(now),
    );
    return added ? { session, secret } : undefined;
  }

  /**
   * Runs `fn` on the call's session under the call's lock, when `secret` is the call's (or `secret` is
   * `null`: the line itself, answering the call it created), then saves the session (`answered` marks the call
   * answered: only ACS has its secret). Resolves `{ found: false }`, running nothing, for an unknown, expired
   * or ended call, or a wrong secret.
   */
  async withCall<T>(
    id: string,
    secret: string | undefined | null,
    fn: (session: CallSession) => Promise<T>,
    options: { answered?: boolean } = {},
  ): Promise<CallOutcome<T>> {
    if (!/^[\w-]{1,100}$/.test(id)) return { found: false };
    let outcome: CallOutcome<T> = { found: false };
    const work = async () => {
      const stored = await this.store.calls.get(id, new Date(this.clock()));
      if (!stored || (secret !== null && !secretMatches(stored.secretHash, secret))) return;
      const session = stored.data as unknown as CallSession;
      const answered = options.answered === true || !stored.ringing;
      try {
        outcome = { found: true, value: await fn(session), session };
      } finally {
        const now = this.clock();
        session.touchedAt = now;
        if (session.seen.length > SEEN_MAX) session.seen.splice(0, session.seen.length - SEEN_MAX);
        await this.store.calls.save(id, {
          data: session as unknown as JsonValue,
          expiresAt: new Date(now + (answered ? this.ttlMs : this.ringingTtlMs)),
          answered,
        });
      }
    };
    try {
      await locksFor(this.store).withLock(`trygg.call:${id}`, work);
    } catch (error) {
      if (!(error instanceof LockTimeoutError)) throw error;
      // Another callback of this call is stuck: a caller on the line must not be left in silence.
      this.log?.warn({ callId: id }, 'phone: the call lock did not come in time; handling the callback anyway');
      await work();
    }
    return outcome;
  }

  /** Forgets the call (it ended, or was never answered). */
  async delete(id: string): Promise<void> {
    await this.store.calls.delete(id);
  }

  /** Calls not expired, ringing and answered, across all instances. */
  count(): Promise<{ ringing: number; answered: number }> {
    return this.store.calls.count(new Date(this.clock()));
  }

  /** The stored session (tests and the simulator's page), without running anything. */
  async get(id: string): Promise<CallSession | undefined> {
    return (await this.store.calls.get(id, new Date(this.clock())))?.data as unknown as CallSession | undefined;
  }
}

/** Records an event id in the session; false when it was seen before (a redelivery: handle it once). */
export function firstDelivery(session: CallSession, eventId: string | undefined): boolean {
  if (!eventId) return true;
  if (session.seen.includes(eventId)) return false;
  session.seen.push(eventId);
  return true;
}
