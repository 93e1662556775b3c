/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`, or the window bench/bot.ts records with
 * BENCH_PROFILE=1): where the samples fell, by function (self time), by area of the code (self time, with
 * native frames such as node:sqlite's `run` counted to the JS that called them), and the inclusive time of
 * the project's own functions.
 *
 * Alone: `node bench/lib/cpuprofile.ts file.cpuprofile [top]`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const ROOT = path.resolve(import.meta.dirname, '../..');

/** A short place for a script URL: `src/store/sqlite/db.ts`, `botbuilder-core`, `node:internal/…`. */
export function place(url: string): string {
  if (!url) return '';
  let p = url.startsWith('file://') ? decodeURIComponent(new URL(url).pathname) : url;
  const nm = p.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = p.slice(nm + '/node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (p.startsWith(ROOT + '/')) p = p.slice(ROOT.length + 1);
  return p;
}

/** The area a script belongs to, for the "where does the time go" table. */
export function area(url: string, functionName: string): string {
  if (!url) {
    if (functionName === '(garbage collector)') return 'GC';
    if (functionName === '(idle)') return 'idle';
    if (functionName === '(program)') return 'V8/native (program)';
    return '';
  }
  const p = place(url);
  if (p.startsWith('src/store/')) return 'store (sqlite, state, cases, audit, outbox)';
  if (p.startsWith('src/routing/triage/')) return 'triage';
  if (p.startsWith('src/routing/')) return 'routing (decide, schedule, policy)';
  if (p === 'src/i18n.ts' || p === 'i18next') return 'i18n (i18next)';
  if (p === 'luxon') return 'luxon';
  if (p === 'src/log.ts' || p.startsWith('pino') || p === 'sonic-boom' || p === 'fast-redact') return 'logging (pino)';
  if (p.startsWith('dialogs/')) return 'conversation & dialogs (Trygg)';
  if (p.startsWith('src/channels/teams/')) return 'Teams side / outbox worker';
  if (p.startsWith('src/channels/')) return 'channels (render, limits, dedupe, server)';
  if (p.startsWith('src/llm/')) return 'llm';
  if (p.startsWith('src/')) return 'other src';
  if (p === 'botbuilder-dialogs') return 'botbuilder-dialogs';
  if (p.startsWith('botbuilder') || p.startsWith('botframework')) return 'botbuilder (adapter, turn, connector)';
  if (p.startsWith('@azure/')) return '@azure core-http (connector client)';
  if (p === 'restify' || p === 'find-my-way' || p.startsWith('restify') || p === 'formidable' || p === 'qs')
    return 'restify';
  if (p === 'zod') return 'zod';
  if (p === 'undici' || p.startsWith('node:internal/deps/undici')) return 'node http client (undici)';
  if (p.startsWith('node:internal/http') || p.startsWith('node:_http') || p === 'node:http') return 'node http';
  if (
    p.startsWith('node:internal/streams') ||
    p.startsWith('node:internal/net') ||
    p === 'node:net' ||
    p.startsWith('node:internal/stream')
  )
    return 'node net/streams';
  if (p.startsWith('node:')) return `node other (${p.replace(/^node:(internal\/)?/, '').split('/')[0]})`;
  return `other package: ${p}`;
}

export interface ProfileSummary {
  totalMs: number;
  samples: number;
  byArea: { area: string; ms: number; share: number }[];
  topSelf: { fn: string; where: string; area: string; ms: number; share: number }[];
  /** Inclusive time of the project's own functions (src/, dialogs/), by name and file. */
  topInclusive: { fn: string; where: string; ms: number; share: number }[];
}

export function summariseProfile(file: string, top = 25): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  // Time per sample: the delta to the next sample (V8's convention); self time per node.
  const selfMs = new Map<number, number>();
  let totalMs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
    const id = profile.samples[i]!;
    selfMs.set(id, (selfMs.get(id) ?? 0) + dt);
    totalMs += dt;
  }

  // Area of a node: its own, or (native frames with no URL) the nearest caller's.
  const areaOf = new Map<number, string>();
  const nodeArea = (id: number): string => {
    const cached = areaOf.get(id);
    if (cached !== undefined) return cached;
    const n = byId.get(id)!;
    let a = area(n.callFrame.url, n.callFrame.functionName);
    if (!a) {
      const p = parent.get(id);
      a = p !== undefined && byId.get(p)!.callFrame.functionName !== '(root)' ? nodeArea(p) : 'V8/native (other)';
      if (!n.callFrame.url && n.callFrame.functionName && a.startsWith('store'))
        a = 'store (sqlite, state, cases, audit, outbox)';
    }
    areaOf.set(id, a);
    return a;
  };

  const areas = new Map<string, number>();
  const fns = new Map<string, { fn: string; where: string; area: string; ms: number }>();
  for (const [id, ms] of selfMs) {
    const n = byId.get(id)!;
    const a = nodeArea(id);
    areas.set(a, (areas.get(a) ?? 0) + ms);
    const where = n.callFrame.url ? `${place(n.callFrame.url)}:${n.callFrame.lineNumber + 1}` : `(native, in ${a})`;
    const key = `${n.callFrame.functionName}@${where}`;
    const f = fns.get(key) ?? { fn: n.callFrame.functionName || '(anonymous)', where, area: a, ms: 0 };
    f.ms += ms;
    fns.set(key, f);
  }

  // Inclusive time of project functions: each sample counts once for every distinct project frame on its stack.
  const inclusive = new Map<string, { fn: string; where: string; ms: number }>();
  const stackKeys = new Map<number, string[]>();
  const projectKeys = (id: number): string[] => {
    const cached = stackKeys.get(id);
    if (cached) return cached;
    const n = byId.get(id)!;
    const p = parent.get(id);
    const up = p !== undefined ? projectKeys(p) : [];
    const where = place(n.callFrame.url);
    let keys = up;
    if (where.startsWith('src/') || where.startsWith('dialogs/')) {
      const key = `${n.callFrame.functionName || '(anonymous)'}@${where}:${n.callFrame.lineNumber + 1}`;
      if (!up.includes(key)) keys = [...up, key];
    }
    stackKeys.set(id, keys);
    return keys;
  };
  for (const [id, ms] of selfMs) {
    for (const key of projectKeys(id)) {
      const [fn, where] = key.split('@') as [string, string];
      const e = inclusive.get(key) ?? { fn, where, ms: 0 };
      e.ms += ms;
      inclusive.set(key, e);
    }
  }

  const share = (ms: number) => ms / totalMs;
  return {
    totalMs,
    samples: profile.samples.length,
    byArea: [...areas].map(([a, ms]) => ({ area: a, ms, share: share(ms) })).sort((x, y) => y.ms - x.ms),
    topSelf: [...fns.values()]
      .sort((x, y) => y.ms - x.ms)
      .slice(0, top)
      .map((f) => ({ ...f, share: share(f.ms) })),
    topInclusive: [...inclusive.values()]
      .sort((x, y) => y.ms - x.ms)
      .slice(0, top)
      .map((f) => ({ ...f, share: share(f.ms) })),
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1).padStart(5)} %`;

/** The summary as text. `requests` (served during the window) adds µs per request. */
export function formatProfile(s: ProfileSummary, requests?: number, options: { inclusive?: boolean } = {}): string {
  const perReq = (ms: number) => (requests ? `  ${((ms * 1000) / requests).toFixed(0).padStart(5)} µs/req` : '');
  const lines = [
    `profile: ${s.samples} samples over ${(s.totalMs / 1000).toFixed(1)} s${requests ? `, ${requests} requests` : ''}`,
    '',
    'self time by area:',
  ];
  for (const a of s.byArea.filter((a) => a.share >= 0.002))
    lines.push(`  ${pct(a.share)} ${a.ms.toFixed(0).padStart(6)} ms${perReq(a.ms)}  ${a.area}`);
  lines.push('', 'top functions by self time:');
  for (const f of s.topSelf) lines.push(`  ${pct(f.share)} ${f.ms.toFixed(0).padStart(6)} ms  ${f.fn}  ${f.where}`);
  if (options.inclusive !== false && s.topInclusive.length) {
    lines.push(
      '',
      "Trygg's own functions by inclusive time (what they run synchronously, callees included; not what they await):",
    );
    for (const f of s.topInclusive)
      lines.push(`  ${pct(f.share)} ${f.ms.toFixed(0).padStart(6)} ms${perReq(f.ms)}  ${f.fn}  ${f.where}`);
  }
  return lines.join('\n');
}

if (import.meta.filename === process.argv[1] || process.argv[1]?.endsWith('bench/lib/cpuprofile.ts')) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node bench/lib/cpuprofile.ts file.cpuprofile [top]');
    process.exit(2);
  }
  console.log(formatProfile(summariseProfile(file, Number(process.argv[3] ?? 25))));
}
