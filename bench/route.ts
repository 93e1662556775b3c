/**
 * Routing benchmark: prints numbers, asserts nothing. `npm run bench:route`
 *  1. in-process: routeMessage over 10,000 messages (decisions per second, µs per decision);
 *  2. end to end: `trygg route --jsonl` with the same 10,000 lines on stdin (wall time incl. start-up).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadPolicy, routeMessage } from '../src/routing/index.ts';
import { ROUTING_SAMPLES } from './lib/messages.ts';

const N = Number(process.env.BENCH_LINES ?? 10_000);
const SAMPLES = ROUTING_SAMPLES;
const T0 = Date.parse('2027-01-18T00:00:00Z');
const lines = Array.from({ length: N }, (_, i) => ({
  id: `b${i}`,
  text: SAMPLES[i % SAMPLES.length]!,
  // Spread over two weeks so every schedule state and many dates are hit.
  at: new Date(T0 + ((i * 7_919_993) % (14 * 86_400_000))).toISOString(),
}));

const policy = loadPolicy();
// Warm up (JIT, lexicon compilation), then measure.
for (const l of lines.slice(0, 500)) routeMessage(l.text, { at: l.at, policy });
const t0 = performance.now();
const routes: Record<string, number> = {};
for (const l of lines) {
  const d = routeMessage(l.text, { at: l.at, policy });
  routes[d.route] = (routes[d.route] ?? 0) + 1;
}
const ms = performance.now() - t0;
console.log(
  `in-process  ${N} decisions in ${ms.toFixed(1)} ms: ${Math.round((N / ms) * 1000)} decisions/s, ${((ms * 1000) / N).toFixed(1)} µs each`,
);
console.log(`            routes: ${JSON.stringify(routes)}`);

const root = path.resolve(import.meta.dirname, '..');
const input = lines.map((l) => JSON.stringify(l)).join('\n') + '\n';
const s0 = performance.now();
const run = spawnSync(process.execPath, [path.join(root, 'bin/trygg.mjs'), 'route', '--jsonl'], {
  input,
  encoding: 'utf8',
  maxBuffer: 256 << 20,
});
const wall = performance.now() - s0;
const out = run.stdout.split('\n').filter(Boolean).length;
const e0 = performance.now();
spawnSync(process.execPath, [path.join(root, 'bin/trygg.mjs'), 'route', '--jsonl'], { input: '', encoding: 'utf8' });
const startup = performance.now() - e0;
console.log(
  `trygg route --jsonl  ${out} lines out (exit ${run.status}) in ${wall.toFixed(0)} ms wall; start-up alone ${startup.toFixed(0)} ms; ` +
    `routing and I/O ≈ ${(wall - startup).toFixed(0)} ms`,
);
