// domain.md's routing table, row by row: a triaged message, a moment, the route.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { decideRoute } from '../../src/routing/decide.ts';
import { loadPolicy, withOverrides } from '../../src/routing/policy.ts';
import type { Category, DangerKind, RouteId, Triage } from '../../src/routing/types.ts';

const policy = loadPolicy();
const local = (s: string) => DateTime.fromISO(s.replace(' ', 'T'), { zone: 'Europe/Stockholm' });

function triaged(category: Category, extra: Partial<Triage> = {}): Triage {
  return {
    language: 'sv',
    category,
    danger: null,
    uncertain: false,
    domestic: false,
    lockedOut: false,
    matches: [{ group: category, term: 'ord', lang: 'sv' }],
    discounted: [],
    ...extra,
  };
}
const danger = (kind: DangerKind, extra: Partial<Triage> = {}) => triaged('acute_danger', { danger: kind, ...extra });

const TUESDAY_NIGHT = '2027-01-19 23:00'; // jour on duty, office closed
const WEDNESDAY_0420 = '2027-01-20 04:20'; // jour has gone home, office closed
const TUESDAY_1910 = '2027-01-19 19:10'; // office closed, jour not yet on
const TUESDAY_DAY = '2027-01-19 10:00'; // office open
const SATURDAY_DAY = '2027-01-23 12:00'; // office closed, jour off

describe('the routing table', () => {
  it.each<[string, Triage, string, RouteId, string]>([
    ['fire, daytime', danger('fire'), TUESDAY_DAY, 'emergency', 'danger.fire'],
    ['fire, at night', danger('fire'), TUESDAY_NIGHT, 'emergency', 'danger.fire'],
    ['suicide risk', danger('suicide'), WEDNESDAY_0420, 'emergency', 'danger.suicide'],
    ['gas smell', danger('gas'), SATURDAY_DAY, 'emergency', 'danger.gas'],
    [
      'uncertain danger is still danger',
      danger('fire', { uncertain: true }),
      TUESDAY_DAY,
      'emergency',
      'danger.fire.uncertain',
    ],
    [
      'disturbance while the jour is on duty',
      triaged('disturbance'),
      TUESDAY_NIGHT,
      'trygghetsjour',
      'disturbance.on-duty',
    ],
    ['disturbance before the jour starts', triaged('disturbance'), TUESDAY_1910, 'office', 'disturbance.off-duty'],
    ['disturbance after the jour has ended', triaged('disturbance'), WEDNESDAY_0420, 'office', 'disturbance.off-duty'],
    ['disturbance on a Saturday afternoon', triaged('disturbance'), SATURDAY_DAY, 'office', 'disturbance.off-duty'],
    [
      'urgent fault, office closed at night',
      triaged('urgent_fault'),
      WEDNESDAY_0420,
      'fastighetsjour',
      'fault.urgent.on-duty',
    ],
    ['urgent fault, Saturday', triaged('urgent_fault'), SATURDAY_DAY, 'fastighetsjour', 'fault.urgent.on-duty'],
    ['urgent fault, office open', triaged('urgent_fault'), TUESDAY_DAY, 'office', 'fault.urgent.off-duty'],
    [
      'locked out at night',
      triaged('urgent_fault', { lockedOut: true }),
      TUESDAY_NIGHT,
      'fastighetsjour',
      'fault.locked-out.on-duty',
    ],
    ['non-urgent fault, even at night', triaged('minor_fault'), TUESDAY_NIGHT, 'office', 'fault.not-urgent'],
    ['support need, at night', triaged('support'), WEDNESDAY_0420, 'stadsmission', 'support'],
    ['support need, daytime', triaged('support'), TUESDAY_DAY, 'stadsmission', 'support'],
    ['a crime that is over', triaged('crime_over'), TUESDAY_NIGHT, 'police', 'crime-over'],
    ['a question', triaged('information'), TUESDAY_NIGHT, 'office', 'information'],
    ['something not understood', triaged('unknown', { matches: [] }), TUESDAY_NIGHT, 'office', 'unknown'],
  ])('%s → %s', (_label, triage, when, route, rule) => {
    const d = decideRoute(triage, policy, local(when));
    expect(d.route).toBe(route);
    expect(d.reason.rule).toBe(rule);
    expect(d.destination.route).toBe(route);
  });
});

describe('what the decision tells', () => {
  it('danger asks for confirmation only when uncertain', () => {
    expect(decideRoute(danger('fire'), policy, local(TUESDAY_DAY)).confirm).toBe(false);
    expect(decideRoute(danger('fire', { uncertain: true }), policy, local(TUESDAY_DAY)).confirm).toBe(true);
  });

  it('the emergency destination is 112', () => {
    const d = decideRoute(danger('weapon'), policy, local(TUESDAY_NIGHT));
    expect(d.destination.phone).toBe('112');
    expect(d.destination.onDuty).toBe(true);
  });

  it('suicide risk gives Mind Självmordslinjen 90101', () => {
    const d = decideRoute(danger('suicide'), policy, local(TUESDAY_NIGHT));
    expect(d.advice.map((a) => a.phone)).toContain('90101');
  });

  it('violence at home gives Kvinnofridslinjen, in progress or not', () => {
    const acute = decideRoute(danger('violence', { domestic: true }), policy, local(TUESDAY_NIGHT));
    expect(acute.route).toBe('emergency');
    expect(acute.advice.map((a) => a.phone)).toContain('020-50 50 50');
    const later = decideRoute(triaged('support', { domestic: true }), policy, local(TUESDAY_DAY));
    expect(later.advice.map((a) => a.phone)).toContain('020-50 50 50');
  });

  it('a crime that is over gives 114 14', () => {
    const d = decideRoute(triaged('crime_over'), policy, local(TUESDAY_NIGHT));
    expect(d.destination.phone).toBe('114 14');
    expect(d.advice.map((a) => a.phone)).toContain('114 14');
  });

  it('locked out: the locksmith advice', () => {
    const d = decideRoute(triaged('urgent_fault', { lockedOut: true }), policy, local(TUESDAY_NIGHT));
    expect(d.advice.map((a) => a.id)).toContain('locksmith');
  });

  it('the office route says when the office opens next', () => {
    const d = decideRoute(triaged('information'), policy, local('2027-01-22 17:00'));
    expect(d.destination.onDuty).toBe(false);
    expect(d.destination.opensAt).toMatch(/^2027-01-25T07:00:00\.000\+01:00$/);
  });

  it('a disturbance sent to the office says when the jour comes on', () => {
    const d = decideRoute(triaged('disturbance'), policy, local(TUESDAY_1910));
    expect(d.offDuty).toEqual({ route: 'trygghetsjour', opensAt: '2027-01-19T19:30:00.000+01:00' });
  });

  it('an extra jour shift added by staff reaches disturbances in the afternoon', () => {
    const p = withOverrides(policy, [
      { route: 'trygghetsjour', kind: 'extra', from: '2027-01-23T10:00:00+01:00', to: '2027-01-23T14:00:00+01:00' },
    ]);
    expect(decideRoute(triaged('disturbance'), p, local(SATURDAY_DAY)).route).toBe('trygghetsjour');
    expect(decideRoute(triaged('disturbance'), policy, local(SATURDAY_DAY)).route).toBe('office');
  });

  it('names the destination in the tenant’s language', () => {
    const d = decideRoute(triaged('disturbance', { language: 'en' }), policy, local(TUESDAY_NIGHT));
    expect(d.destination.name).toMatch(/night safety team/);
  });

  it('reads no clock: the same input gives the same decision', () => {
    const a = decideRoute(triaged('disturbance'), policy, '2027-02-10T00:10:00Z');
    const b = decideRoute(triaged('disturbance'), policy, new Date('2027-02-10T00:10:00Z'));
    expect(a).toEqual(b);
    expect(a.at).toBe('2027-02-10T01:10:00.000+01:00');
  });
});
