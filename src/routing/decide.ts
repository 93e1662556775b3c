/**
 * decideRoute: a message's triage, the policy and a moment in, a decision with its reason out.
 * Pure: no clock reads, no I/O, no botbuilder. The rules below are domain.md's routing table.
 */
import type { AdviceId, Policy } from './policy.ts';
import { dutyAt, isoInZone, toMillis, type Instant } from './schedule.ts';
import type { Category, DangerKind, Lang, RouteId, Triage, TriageLayer } from './types.ts';

/** Where the contact is sent, and whether it is staffed now. */
export interface DecisionDestination {
  route: RouteId;
  name: string;
  phone: string;
  /** True when the phone number is a sample-configuration placeholder. */
  placeholder: boolean;
  web?: string;
  onDuty: boolean;
  /** ISO time (policy zone) when it next opens, if it is closed now. */
  opensAt?: string;
  /** ISO time (policy zone) when it next closes, if it is open now and closes within three weeks. */
  closesAt?: string;
}

/** A public number the tenant should be given. */
export interface DecisionAdvice {
  id: AdviceId | 'locksmith';
  name?: string;
  phone?: string;
  web?: string;
}

/** The decision for one message. `route` is the public contract; the rest explains it. */
export interface Decision {
  route: RouteId;
  language: Lang;
  category: Category;
  danger: DangerKind | null;
  /** Ask the tenant to confirm (danger is possible but not certain). Danger is treated as danger meanwhile. */
  confirm: boolean;
  reason: {
    /** Stable id of the rule that decided, e.g. `danger.fire`, `disturbance.jour-on-duty`. */
    rule: string;
    /** The lexicon entries that matched. */
    matched: string[];
    /** Danger words found but discounted (negated, past, a drill), for the record. */
    discounted: string[];
    /** Which layer of triage decided: `lexicon`, `classifier` or `safety-net`. */
    layer?: TriageLayer;
    /** Signs of harm or distress seen in the message (phrases, `!!!`, capitals, emoji). */
    signs?: string[];
    /** The classifier's reading: probability of danger, its likeliest kind, its likeliest other category. */
    classifier?: Triage['classifier'];
  };
  destination: DecisionDestination;
  /**
   * For a disturbance or urgent fault sent to the office because the jour is off duty: that jour and when
   * it next opens, so the tenant can be told.
   */
  offDuty?: { route: RouteId; opensAt?: string };
  advice: DecisionAdvice[];
  /** The moment decided for, ISO in the policy's time zone. */
  at: string;
}

/** A route's destination at a moment: name in the tenant's language, number, whether it is staffed. */
export function destinationAt(route: RouteId, policy: Policy, at: Instant, language: Lang): DecisionDestination {
  const ms = toMillis(at);
  const d = policy.destinations[route];
  const { onDuty, changeMs } = dutyAt(route, ms, policy);
  const name = d.name[language] ?? d.name.en ?? d.name.sv;
  return {
    route,
    name,
    phone: d.phone,
    placeholder: d.placeholder,
    ...(d.web ? { web: d.web } : {}),
    onDuty,
    ...(!onDuty && changeMs !== undefined ? { opensAt: isoInZone(changeMs, policy.timeZone) } : {}),
    ...(onDuty && changeMs !== undefined ? { closesAt: isoInZone(changeMs, policy.timeZone) } : {}),
  };
}

function advise(ids: AdviceId[], policy: Policy, language: Lang): DecisionAdvice[] {
  return ids.map((id) => {
    const n = policy.numbers[id];
    return { id, name: n.name[language] ?? n.name.en ?? n.name.sv, phone: n.phone, ...(n.web ? { web: n.web } : {}) };
  });
}

/** Advice that goes with a danger kind (domain.md's safety rules). */
function dangerAdvice(triage: Triage): AdviceId[] {
  const ids: AdviceId[] = [];
  if (triage.danger === 'suicide') ids.push('suicidePrevention');
  if (triage.domestic) ids.push('domesticViolence');
  if (triage.danger === 'violence' || triage.danger === 'weapon' || triage.danger === 'break_in')
    ids.push('crimeVictims');
  if (triage.danger === 'explosion' || triage.danger === 'fire') ids.push('crisisInfo');
  return ids;
}

/** Which rule applies: the route before schedules, and the staffed route it falls back from. */
function pickRoute(triage: Triage): { wanted: RouteId; rule: string } {
  switch (triage.category) {
    case 'acute_danger':
      return {
        wanted: 'emergency',
        rule: `danger.${triage.danger ?? 'unknown'}${triage.uncertain ? '.uncertain' : ''}`,
      };
    case 'disturbance':
      return { wanted: 'trygghetsjour', rule: 'disturbance' };
    case 'urgent_fault':
      return { wanted: 'fastighetsjour', rule: triage.lockedOut ? 'fault.locked-out' : 'fault.urgent' };
    case 'support':
      return { wanted: 'stadsmission', rule: 'support' };
    case 'crime_over':
      return { wanted: 'police', rule: 'crime-over' };
    case 'minor_fault':
      return { wanted: 'office', rule: 'fault.not-urgent' };
    case 'information':
      return { wanted: 'office', rule: 'information' };
    default:
      return { wanted: 'office', rule: 'unknown' };
  }
}

/**
 * Decides where a contact goes at `at` under `policy`.
 * - Acute danger (certain or not) → `emergency`, always; uncertain danger asks the tenant to confirm.
 * - A disturbance → `trygghetsjour` while it is on duty, else `office`.
 * - An urgent fault → `fastighetsjour` while it is on duty (the office is closed), else `office`.
 * - A support need → `stadsmission`; a crime that is over → `police`; anything else → `office`.
 */
export function decideRoute(triage: Triage, policy: Policy, at: Instant): Decision {
  const ms = toMillis(at);
  const { wanted, rule } = pickRoute(triage);
  const language = triage.language;
  let route = wanted;
  let ruleId = rule;
  let offDuty: Decision['offDuty'];
  if (wanted === 'trygghetsjour' || wanted === 'fastighetsjour') {
    const status = dutyAt(wanted, ms, policy);
    if (status.onDuty) {
      ruleId = `${rule}.on-duty`;
    } else {
      route = 'office';
      ruleId = `${rule}.off-duty`;
      offDuty = {
        route: wanted,
        ...(status.changeMs !== undefined ? { opensAt: isoInZone(status.changeMs, policy.timeZone) } : {}),
      };
    }
  }
  const adviceIds: AdviceId[] = [];
  if (route === 'emergency') adviceIds.push(...dangerAdvice(triage));
  else if (triage.domestic) adviceIds.push('domesticViolence');
  if (triage.category === 'crime_over') adviceIds.push('policeNonUrgent', 'crimeVictims');
  const advice = advise(adviceIds, policy, language);
  if (triage.lockedOut) advice.push({ id: 'locksmith' });

  return {
    route,
    language,
    category: triage.category,
    danger: triage.danger,
    confirm: route === 'emergency' && triage.uncertain,
    reason: {
      rule: ruleId,
      matched: triage.matches.map((m) => m.term),
      discounted: triage.discounted.map((m) => m.term),
      ...(triage.layer ? { layer: triage.layer } : {}),
      ...(triage.signs?.length ? { signs: triage.signs } : {}),
      ...(triage.classifier ? { classifier: triage.classifier } : {}),
    },
    destination: destinationAt(route, policy, ms, language),
    ...(offDuty ? { offDuty } : {}),
    advice,
    at: isoInZone(ms, policy.timeZone),
  };
}
