/**
 * Puts a lexicon together from several files: the danger maps (`danger`, `dangerUncertain`, `signs`) are
 * joined kind by kind.
 */
import type { DangerKind } from '../../types.ts';

/** Entries by danger kind, as in `Lexicon.danger`. */
type ByKind = Partial<Record<DangerKind, string[]>>;

/** The entries of every map, kind by kind, in the order given. */
export function byKind(...maps: Array<ByKind | undefined>): ByKind {
  const out: ByKind = {};
  for (const map of maps) {
    if (!map) continue;
    for (const [kind, list] of Object.entries(map) as Array<[DangerKind, string[]]>) {
      out[kind] = [...(out[kind] ?? []), ...list];
    }
  }
  return out;
}
