/**
 * The routing core's public face. Everything here is pure: pass the time in.
 */
import { decideRoute, type Decision } from './decide.ts';
import type { Override, Policy } from './policy.ts';
import { withOverrides } from './policy.ts';
import type { Instant } from './schedule.ts';
import { triage } from './triage/index.ts';
import type { Lang } from './types.ts';

export { decideRoute, type Decision, type DecisionAdvice, type DecisionDestination } from './decide.ts';
export { swedishHolidays, swedishHolidayOn } from './holidays.ts';
export {
  DEFAULT_POLICY_FILE,
  loadPolicy,
  parsePolicy,
  PolicyError,
  withOverrides,
  type Override,
  type Policy,
} from './policy.ts';
export {
  dutyChanges,
  dutyStatus,
  isOnDuty,
  isWorkingDay,
  toMillis,
  type DutyStatus,
  type Instant,
} from './schedule.ts';
export { triage } from './triage/index.ts';
export * from './types.ts';

/** Options for {@link routeMessage}. */
export interface RouteOptions {
  /** The moment the tenant wrote. */
  at: Instant;
  policy: Policy;
  /** Extra shifts and closures added at run time (from the store). */
  overrides?: readonly Override[];
  /** The conversation's language so far, used when the message itself gives no clue. */
  language?: Lang;
}

/** Triage a message and decide its route: the whole core in one call. */
export function routeMessage(text: string, options: RouteOptions): Decision {
  const t = triage(text, options.language ? { language: options.language } : undefined);
  const policy = options.overrides?.length ? withOverrides(options.policy, options.overrides) : options.policy;
  return decideRoute(t, policy, options.at);
}
