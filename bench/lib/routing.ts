/**
 * Routing alone, in process (the first part of bench/route.ts): `routeMessage` (triage + decision) over
 * `n` mixed messages at times spread over two weeks, after a warm-up. No I/O, no botbuilder.
 */
import { performance } from 'node:perf_hooks';
import { loadPolicy, routeMessage } from '../../src/routing/index.ts';
import { ROUTING_SAMPLES } from './messages.ts';

export interface RoutingResult {
  n: number;
  ms: number;
  perSecond: number;
  usEach: number;
  routes: Record<string, number>;
}

export function runRouting(n = 20_000): RoutingResult {
  const T0 = Date.parse('2027-01-18T00:00:00Z');
  const lines = Array.from({ length: n }, (_, i) => ({
    text: ROUTING_SAMPLES[i % ROUTING_SAMPLES.length]!,
    at: new Date(T0 + ((i * 7_919_993) % (14 * 86_400_000))).toISOString(),
  }));
  const policy = loadPolicy();
  for (const l of lines.slice(0, 1000)) routeMessage(l.text, { at: l.at, policy });
  const routes: Record<string, number> = {};
  const t0 = performance.now();
  for (const l of lines) {
    const d = routeMessage(l.text, { at: l.at, policy });
    routes[d.route] = (routes[d.route] ?? 0) + 1;
  }
  const ms = performance.now() - t0;
  return { n, ms, perSecond: (n / ms) * 1000, usEach: (ms * 1000) / n, routes };
}
