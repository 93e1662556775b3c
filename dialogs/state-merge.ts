/**
 * Two turns of one conversation that both saved their state (the lock did not come in time): the states are
 * merged (docs/multi-instance.md, "State conflicts"):
 * - the dialog of the turn that opened a case wins, with that case as `openCaseId`: the other turn's
 *   unfinished dialog would otherwise ask again and open a second case;
 * - otherwise a field only one turn changed keeps that change, and where both did, this turn (the later
 *   one) wins, except that the transcripts are joined (the next turn trims them) and `greeted` holds if
 *   either greeted.
 */
import { mergeAppended, mergeFields, type StateMerge, type StateObject } from '../src/store/locks.ts';
import type { Profile } from './context.ts';

type Entry = NonNullable<Profile['transcript']>[number];
const caseOf = (s: StateObject) => (s.profile as Profile | undefined)?.openCaseId;

/** Merges the state a turn read (`base`), the state it wrote (`ours`) and the one saved meanwhile (`theirs`). */
export const mergeTurnStates: StateMerge = (base, ours, theirs) => {
  const opened = (s: StateObject) => caseOf(s) !== undefined && caseOf(s) !== caseOf(base);
  const winner = opened(theirs) && !opened(ours) ? theirs : opened(ours) && !opened(theirs) ? ours : undefined;
  const pick = (o: unknown, t: unknown) => (winner === theirs ? t : o);
  const merged = mergeFields(base, ours, theirs, (field, b, o, t) =>
    field !== 'profile'
      ? pick(o, t)
      : mergeFields(b as StateObject, o as StateObject, t as StateObject, (f, pb, po, pt) =>
          f === 'transcript'
            ? mergeAppended(pb as Entry[], po as Entry[], pt as Entry[], (e) => e.at)
            : f === 'greeted'
              ? Boolean(po || pt)
              : pick(po, pt),
        ),
  );
  if (winner) {
    if (winner.dialogState === undefined) delete merged.dialogState;
    else merged.dialogState = winner.dialogState;
    merged.profile = { ...(merged.profile as StateObject | undefined), openCaseId: caseOf(winner) };
  }
  return merged;
};
