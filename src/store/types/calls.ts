/**
 * Phone call sessions, shared by every instance on the store: any instance can take any Call Automation
 * callback of any call. What a session holds is the phone line's business (`data`); the store keeps it with
 * what it needs to authorise, cap and expire calls. A session lives while its call does, and at most its
 * expiry after the call's last event.
 */
import type { Instant, JsonValue } from './common.ts';

/** A call as stored. */
export interface StoredCall {
  /** The line's id for the call (part of its callback URL). */
  id: string;
  /** SHA-256 (hex) of the call's secret; the secret itself is never stored. */
  secretHash: string;
  /** The caller's number in E.164 form, or empty when withheld (for `forgetPhone`). */
  caller: string;
  /** Still being answered: ACS has not yet accepted our answer. */
  ringing: boolean;
  /** The phone line's session. May be personal (what was said on the call). */
  data: JsonValue;
  /** After this the call is gone (ISO, UTC). */
  expiresAt: string;
}

/** A call to add: ringing. */
export type NewCall = Omit<StoredCall, 'ringing' | 'expiresAt'> & { expiresAt: Instant };

/** Caps on the calls not expired, across all instances. */
export interface CallCaps {
  /** Calls being answered at most. */
  maxRinging: number;
  /** Answered calls at most. */
  maxAnswered: number;
}

/** What is changed when a call's session is saved. */
export interface CallUpdate {
  data: JsonValue;
  expiresAt: Instant;
  /** The call was answered: it is no longer ringing (and never turns back). */
  answered?: boolean;
}

/** Phone call sessions. Serialising a call's events is the caller's job (`store.locks`, one key per call). */
export interface CallStore {
  /**
   * Adds a ringing call, unless the caps are reached by calls not expired at `now` (answered calls are
   * never dropped to make room). Calls expired at `now` are deleted first. Resolves false when refused.
   * Two instances adding at once never both get the last place.
   */
  create(call: NewCall, caps: CallCaps, now: Instant): Promise<boolean>;
  /** The call, unless it is unknown or expired at `now`. */
  get(id: string, now: Instant): Promise<StoredCall | undefined>;
  /** Writes the call's session and expiry. Resolves false (writing nothing) when the call is gone. */
  save(id: string, update: CallUpdate): Promise<boolean>;
  /** Forgets the call (it ended). Harmless for an unknown id. */
  delete(id: string): Promise<void>;
  /** Calls not expired at `now`, ringing and answered. */
  count(now: Instant): Promise<{ ringing: number; answered: number }>;
}
