/**
 * Phone sessions in memory: a cap and an expiry, and one event at a time per call. Losing them on a restart
 * only loses an in-flight call's phone session; the conversation itself is in the bot's store.
 */
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Lang } from '../../routing/types.ts';
import type { CallSession } from './types.ts';

/** Default cap: far more simultaneous night calls than a landlord's number gets. */
export const DEFAULT_MAX_SESSIONS = 500;
/** Default expiry after the last event: longer than any call the line keeps. */
export const DEFAULT_SESSION_TTL_MS = 2 * 3_600_000;

export class CallSessions {
  private readonly sessions = new Map<string, CallSession>();
  private readonly queues = new Map<string, Promise<void>>();
  private readonly max: number;
  private readonly ttlMs: number;
  private readonly clock: () => number;

  constructor(options: { max?: number; ttlMs?: number; clock?: () => number } = {}) {
    this.max = options.max ?? DEFAULT_MAX_SESSIONS;
    this.ttlMs = options.ttlMs ?? DEFAULT_SESSION_TTL_MS;
    // Expiry runs on the machine's clock, not the conversation clock tests fix.
    this.clock = options.clock ?? Date.now;
  }

  /** A new session for a caller (E.164, or empty when withheld), with a fresh secret. */
  create(caller: string, lang: Lang = 'sv'): CallSession {
    this.sweep();
    while (this.sessions.size >= this.max) {
      const oldest = this.sessions.keys().next().value;
      if (oldest === undefined) break;
      this.delete(oldest);
    }
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
    return session;
  }

  /** The session with this id, if it has not expired. */
  get(id: string): CallSession | undefined {
    const session = this.sessions.get(id);
    if (!session) return undefined;
    if (this.clock() - session.touchedAt > this.ttlMs) {
      this.delete(id);
      return undefined;
    }
    return session;
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
  }

  get size(): number {
    return this.sessions.size;
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
    for (const [id, session] of this.sessions) if (now - session.touchedAt > this.ttlMs) this.delete(id);
  }
}
