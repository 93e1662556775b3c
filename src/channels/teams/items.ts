/**
 * The Teams side of the notices (`src/cases/notices.ts`): which thread an item is posted to, for Teams'
 * per-thread rate limit.
 */
import type { OutboxItem } from '../../store/index.ts';

/** The thread an item is posted to, for Teams' per-thread rate limit: a case's card and everything in its thread. */
export function threadOf(item: OutboxItem): string | undefined {
  return item.kind.startsWith('staff.') && item.caseId ? `case:${item.caseId}` : undefined;
}
