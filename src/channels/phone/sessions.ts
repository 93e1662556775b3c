/**
 * Phone sessions in memory: bounded, with an expiry, and one event at a time per call. Losing them on a restart
 * only loses an in-flight call's phone session; the conversation itself is in the bot's store.
 *
 * A session is *ringing* from the incoming-call event until ACS has accepted our answer, and *answered* from
 * then on. Anyone who knows the webhook URL can make ringing sessions (until ACS refuses the forged call), so
 * ringing sessions have their own small cap and a short expiry, and an answered call is never pushed out to
 * make room: when a table is full, the new call is refused (Event Grid delivers it again) instead.
 */
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Lang } from '../../routing/types.ts';
import type { CallSession } from './types.ts';

/** Default cap on answered calls: far more simultaneous night calls than a landlord's number gets. */
export const DEFAULT_MAX_SESSIONS = 500;
/** Default cap on calls being answered at once (an answer takes at most ACS's 5 s deadline). */
export const DEFAULT_MAX_RINGING = 50;
/** Default expiry after the last event: longer than any call the line keeps. */
export const DEFAULT_SESSION_TTL_MS = 2 * 3_600_000;
/** Default expiry of a session whose answer never completed. */
export const DEFAULT_RINGING_TTL_MS = 60_000;

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
}

export class CallSessions {
  private readonly sessions = new Map<string, CallSession>();
  /** Ids of the sessions not answered yet. */
  private readonly ringing = new Set<string>();
  private readonly queues = new Map<string, Promise<void>>();
  private readonly max: number;
  private readonly maxRinging: number;
  private readonly ttlMs: number;
  private readonly ringingTtlMs: number;
  private readonly clock: () => number;

  constructor(options: CallSessionOptions = {}) {
    this.max = options.max ?? DEFAULT_MAX_SESSIONS;
    this.maxRinging = options.maxRinging ?? DEFAULT_MAX_RINGING;
    this.ttlMs = options.ttlMs ?? DEFAULT_SESSION_TTL_MS;
    this.ringingTtlMs = options.ringingTtlMs ?? DEFAULT_RINGING_TTL_MS;
    // Expiry runs on the machine's clock, not the conversation clock tests fix.
    this.clock = options.clock ?? Date.now;
  }

  /**
   * A new ringing session for a caller (E.164, or empty when withheld), with a fresh secret; `undefined` when
   * the ringing table, or the whole table, is full. Nothing already in the table is dropped for it.
   */
  create(caller: string, lang: Lang = 'sv'): CallSession | undefined {
    this.sweep();
    const answered = this.sessions.size - this.ringing.size;
    if (this.ringing.size >= this.maxRinging || answered >= this.max) return undefined;
    const now = this.clock();
    const id = randomUUID();
    const session: CallSession = {
      id,
      secret: randomBytes(24).toString('base64url'),
      caller,
      conversationId: `telephony-${id}`,
      lang,
      stage: 'menu',
      silences: 0,
      transcript: [],
      seen: new Set(),
      createdAt: now,
      touchedAt: now,
    };
    this.sessions.set(id, session);
    this.ringing.add(id);
    return session;
  }

  /** The call was answered: from now on it stays until it ends or falls silent for `ttlMs`. */
  answered(session: CallSession): void {
    if (this.ringing.delete(session.id)) session.touchedAt = this.clock();
  }

  /** Whether the session is still waiting for its answer. */
  isRinging(id: string): boolean {
    return this.ringing.has(id);
  }

  /** The session with this id, if it has not expired. */
  get(id: string): CallSession | undefined {
    const session = this.sessions.get(id);
    if (!session) return undefined;
    if (this.expired(session, this.clock())) {
      this.delete(id);
      return undefined;
    }
    return session;
  }

  private expired(session: CallSession, now: number): boolean {
    return now - session.touchedAt > (this.ringing.has(session.id) ? this.ringingTtlMs : this.ttlMs);
  }

  /** The session with this id when `secret` is its secret (compared in constant time). */
  authorize(id: string, secret: string | undefined): CallSession | undefined {
    const session = this.get(id);
    if (!session || !secret) return undefined;
    const a = Buffer.from(session.secret);
    const b = Buffer.from(secret);
    return a.length === b.length && timingSafeEqual(a, b) ? session : undefined;
  }

  delete(id: string): void {
    this.sessions.delete(id);
    this.ringing.delete(id);
  }

  /** Sessions in the table, ringing and answered. */
  get size(): number {
    return this.sessions.size;
  }

  /** Sessions still waiting for their answer. */
  get ringingCount(): number {
    return this.ringing.size;
  }

  /** Runs `work` after the call's earlier events, so a call's events are handled one at a time, in order. */
  async serialize<T>(session: CallSession, work: () => Promise<T>): Promise<T> {
    const before = this.queues.get(session.id) ?? Promise.resolve();
    const run = before.then(work);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(session.id, settled);
    try {
      return await run;
    } finally {
      session.touchedAt = this.clock();
      if (this.queues.get(session.id) === settled) this.queues.delete(session.id);
    }
  }

  /** Forgets expired sessions. */
  sweep(): void {
    const now = this.clock();
    for (const [id, session] of this.sessions) if (this.expired(session, now)) this.delete(id);
  }
}
