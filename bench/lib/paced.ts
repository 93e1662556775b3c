/**
 * Open-loop load at an even pace: one message every 1/rate s, whether or not earlier ones were answered,
 * from the same scripted tenants as the closed-loop run. (autocannon's `overallRate` sends each second's
 * quota in a clump at the start of the second, which measures a burst, not a pace.) With `conversations`
 * slots taken in turn, a conversation's next message comes `conversations / rate` s after its last one.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { percentile } from './burst.ts';
import { Tenants } from './messages.ts';
import { wallNow } from './sink.ts';

export interface PacedResult {
  sent: number;
  rps: number;
  latency: { p50: number; p90: number; p99: number; max: number };
  errors: number;
  non2xx: number;
  /** How late the last message went out against the plan, ms (large: the sender itself could not keep up). */
  sendLagMs: number;
}

export async function runPaced(o: {
  url: string;
  serviceUrl: string;
  phase: number;
  rate: number;
  durationS: number;
  conversations: number;
}): Promise<PacedResult> {
  const tenants = new Tenants({
    phase: o.phase,
    first: 0,
    stride: 1,
    total: o.conversations,
    serviceUrl: o.serviceUrl,
  });
  const count = Math.round(o.rate * o.durationS);
  const gap = 1000 / o.rate;
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  let lag = 0;
  const inFlight: Promise<void>[] = [];
  const t0 = wallNow();
  for (let i = 0; i < count; i++) {
    const due = t0 + i * gap;
    const wait = due - wallNow();
    if (wait > 0) await sleep(wait);
    const body = tenants.next();
    const at = wallNow();
    lag = at - due;
    inFlight.push(
      fetch(`${o.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(10_000),
      })
        .then(async (res) => {
          await res.arrayBuffer();
          // From when the message was due, so a late send counts against the latency (no coordinated omission).
          latencies.push(wallNow() - due);
          if (res.status < 200 || res.status > 299) non2xx++;
        })
        .catch(() => {
          errors++;
        }),
    );
  }
  await Promise.all(inFlight);
  const elapsed = (wallNow() - t0) / 1000;
  const s = latencies.sort((a, b) => a - b);
  return {
    sent: count,
    rps: latencies.length / elapsed,
    latency: { p50: percentile(s, 50), p90: percentile(s, 90), p99: percentile(s, 99), max: s.at(-1) ?? NaN },
    errors,
    non2xx,
    sendLagMs: lag,
  };
}
