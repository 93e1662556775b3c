/**
 * The night of an explosion: `count` new conversations, each one emergency message, sent evenly over
 * `windowMs` (open loop: a message goes out on time whether or not earlier ones were answered). The sink
 * then tells, per conversation, whether a reply came and what the first message said.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { conversationId, EMERGENCIES, messageActivity, PHASE } from './messages.ts';
import { wallNow, type Sink } from './sink.ts';

export interface BurstResult {
  sent: number;
  /** HTTP answers from the bot by status (0 = no answer: connection error). */
  statuses: Record<string, number>;
  /** Conversations the sink got at least one message for. */
  answered: number;
  /** Of those, the ones whose first message contains "112". */
  first112: number;
  /** Conversations whose first message did not say 112 (first few, for the report). */
  wrongFirst: { id: string; text: string }[];
  /** From sending the message to the sink receiving the first reply, ms. */
  firstReply: { p50: number; p99: number; max: number };
  /** From sending the message to the bot's HTTP answer (the whole turn), ms. */
  turn: { p50: number; p99: number; max: number };
  /** How late the last message went out against the plan, ms. */
  sendLagMs: number;
}

export const percentile = (sorted: number[], p: number): number =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]! : NaN;

const summary = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p99: percentile(s, 99), max: s.at(-1) ?? NaN };
};

export async function runBurst(o: {
  url: string;
  sink: Sink;
  count: number;
  windowMs: number;
  settleMs: number;
}): Promise<BurstResult> {
  const gap = o.windowMs / o.count;
  const sentAt: number[] = [];
  const turnMs: number[] = [];
  const ids: string[] = [];
  const statuses: Record<string, number> = {};
  const inFlight: Promise<void>[] = [];
  const t0 = wallNow();
  let lag = 0;
  for (let i = 0; i < o.count; i++) {
    const due = t0 + i * gap;
    const wait = due - wallNow();
    if (wait > 0) await sleep(wait);
    const e = EMERGENCIES[i % EMERGENCIES.length]!;
    const id = conversationId(e.channel, PHASE.burst, i % 1000, Math.floor(i / 1000));
    ids.push(id);
    const body = JSON.stringify(messageActivity(e.channel, id, e.text, o.sink.url, e.locale));
    const at = wallNow();
    lag = at - due;
    sentAt.push(at);
    inFlight.push(
      fetch(`${o.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(30_000),
      })
        .then(async (res) => {
          await res.arrayBuffer();
          turnMs[i] = wallNow() - at;
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        })
        .catch(() => {
          statuses['0'] = (statuses['0'] ?? 0) + 1;
        }),
    );
  }
  await Promise.all(inFlight);
  // Replies come within the turn; give stragglers a moment all the same.
  const deadline = wallNow() + o.settleMs;
  let seen = await o.sink.conversations(ids);
  while (seen.some((c) => !c?.firstAt) && wallNow() < deadline) {
    await sleep(100);
    seen = await o.sink.conversations(ids);
  }
  const firstReply: number[] = [];
  const wrongFirst: { id: string; text: string }[] = [];
  let answered = 0;
  let first112 = 0;
  seen.forEach((c, i) => {
    if (!c?.firstAt) return;
    answered++;
    firstReply.push(c.firstAt - sentAt[i]!);
    if (/\b112\b/.test(c.firstText ?? '')) first112++;
    else if (wrongFirst.length < 5) wrongFirst.push({ id: ids[i]!, text: (c.firstText ?? '').slice(0, 80) });
  });
  return {
    sent: ids.length,
    statuses,
    answered,
    first112,
    wrongFirst,
    firstReply: summary(firstReply),
    turn: summary(turnMs.filter((v) => v !== undefined)),
    sendLagMs: lag,
  };
}
