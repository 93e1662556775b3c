/**
 * The 30-night trend on `/staff`: per night (`trendNight`, so nights do not overlap), the contacts, the cases
 * opened, those nobody has claimed, and the median time to claim. Two queries over the whole stretch.
 */
import type { Policy } from '../routing/policy.ts';
import type { Store } from '../store/index.ts';
import { percentile } from './build.ts';
import { addDays, trendNight } from './span.ts';

/** One night of the trend. */
export interface TrendNight {
  /** The date the night starts on (`YYYY-MM-DD`). */
  night: string;
  contacts: number;
  opened: number;
  unclaimed: number;
  /** Median seconds to the first claim; null when nothing was claimed. */
  medianClaimSeconds: number | null;
}

/** The `nights` nights up to and including the night of `lastNight`, oldest first. */
export async function buildTrend(
  store: Pick<Store, 'reports'>,
  policy: Policy,
  lastNight: string,
  nights = 30,
): Promise<TrendNight[]> {
  const dates = Array.from({ length: nights }, (_, i) => addDays(lastNight, i - nights + 1));
  const spans = dates.map((d) => trendNight(d, policy));
  const from = spans[0]!.from;
  const to = spans.at(-1)!.to;
  const [decisions, cases] = await Promise.all([store.reports.decisions(from, to), store.reports.cases(from, to)]);
  const inside = (at: string, i: number) => {
    const ms = Date.parse(at);
    return ms >= spans[i]!.from.getTime() && ms < spans[i]!.to.getTime();
  };
  return dates.map((night, i) => {
    const conversations = new Set(
      decisions.filter((d) => inside(d.at, i)).map((d, k) => d.conversationHash || `#${night}#${k}`),
    );
    const mine = cases.filter((c) => inside(c.createdAt, i));
    const claims = mine
      .filter((c) => c.claimedAt && c.route !== 'emergency')
      .map((c) => Math.round((Date.parse(c.claimedAt!) - Date.parse(c.createdAt)) / 1000))
      .sort((a, b) => a - b);
    return {
      night,
      contacts: conversations.size,
      opened: mine.length,
      unclaimed: mine.filter((c) => c.status === 'open' && c.route !== 'emergency').length,
      medianClaimSeconds: percentile(claims, 0.5),
    };
  });
}
