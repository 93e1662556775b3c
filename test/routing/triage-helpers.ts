// Shared table helpers for the triage tests: one row reads like the policy ("this text is that").
// They test the rules (lexicons and safety net, without the classifier): the classifier only ever adds
// caution on top of them, which test/routing/layers.test.ts checks.
import { expect } from 'vitest';
import { triage } from '../../src/routing/triage/index.ts';
import type { Category, DangerKind, Triage } from '../../src/routing/types.ts';

/** The rules alone: lexicons and safety net, no classifier. */
export const RULES = { model: null } as const;

/** An emergency row: text, the danger kind, and whether it must be asked about (uncertain). */
export type DangerRow = [text: string, danger: DangerKind, uncertain: boolean];
/** A non-emergency row: text and the category it must get. */
export type CategoryRow = [text: string, category: Exclude<Category, 'acute_danger'>];

/** Asserts an acute danger of the given kind and certainty, and returns the triage for further checks. */
export function expectDanger(text: string, danger: DangerKind, uncertain: boolean): Triage {
  const t = triage(text, RULES);
  expect({ category: t.category, danger: t.danger, uncertain: t.uncertain }, JSON.stringify(t.matches)).toEqual({
    category: 'acute_danger',
    danger,
    uncertain,
  });
  expect(t.matches.some((m) => m.group.startsWith('danger') || m.group === 'disturbance')).toBe(true);
  return t;
}

/** Asserts a non-emergency category, and returns the triage for further checks. */
export function expectCategory(text: string, category: Category): Triage {
  const t = triage(text, RULES);
  expect(t.category, JSON.stringify({ matches: t.matches, discounted: t.discounted })).toBe(category);
  expect(t.danger).toBeNull();
  expect(t.uncertain).toBe(false);
  return t;
}
