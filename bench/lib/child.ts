/**
 * Servers under test run in child processes of their own, so memory and CPU are measured per server.
 * - In the child, `serveInChild` starts the server, samples `process.memoryUsage().rss` every 50 ms and
 *   answers the parent over IPC: stats (peak RSS, CPU time), CPU profiling of a window, stop.
 * - In the parent, `spawnServer` forks the child and talks to it; children are killed if the parent exits.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

export interface ChildStats {
  rss: number;
  /** Highest RSS since the process started. */
  peakRss: number;
  /** Highest RSS since the last `mark` (`mark` answers with the stats up to it, then starts anew). */
  peakSinceMark: number;
  heapUsed: number;
  /** CPU time used by the process so far, user + system, in ms. */
  cpuMs: number;
  /** Since the last `mark`: the longest the event loop was held up (ms, 10 ms resolution) … */
  loopDelayMaxMs: number;
  loopDelayP99Ms: number;
  /** … and garbage collection: pauses, their total and the longest (ms). */
  gcCount: number;
  gcTotalMs: number;
  gcMaxMs: number;
}

type Command =
  | { cmd: 'stats' }
  | { cmd: 'mark' }
  | { cmd: 'profile-start'; intervalUs: number }
  | { cmd: 'profile-stop'; file: string }
  | { cmd: 'stop' };

const SAMPLE_MS = 50;

/** Runs a server in this (child) process under the parent's control. Standalone, prints its URL instead. */
export async function serveInChild(start: () => Promise<{ url: string; close(): Promise<void> }>): Promise<void> {
  let peak = process.memoryUsage.rss();
  let peakSinceMark = peak;
  const sample = () => {
    const rss = process.memoryUsage.rss();
    if (rss > peak) peak = rss;
    if (rss > peakSinceMark) peakSinceMark = rss;
  };
  setInterval(sample, SAMPLE_MS).unref();
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const gc = { count: 0, totalMs: 0, maxMs: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      gc.count++;
      gc.totalMs += e.duration;
      if (e.duration > gc.maxMs) gc.maxMs = e.duration;
    }
  }).observe({ entryTypes: ['gc'] });

  const server = await start();
  sample();
  if (!process.send) {
    console.log(`listening on ${server.url} (Ctrl-C stops)`);
    process.once('SIGINT', () => void server.close().then(() => process.exit(0)));
    return;
  }
  let session: Session | undefined;
  const stats = (): ChildStats => {
    sample();
    const cpu = process.cpuUsage();
    return {
      rss: process.memoryUsage.rss(),
      peakRss: peak,
      peakSinceMark,
      heapUsed: process.memoryUsage().heapUsed,
      cpuMs: (cpu.user + cpu.system) / 1000,
      // The histogram is in ns and counts the 10 ms resolution itself: take that off.
      loopDelayMaxMs: Math.max(0, loop.max / 1e6 - 10),
      loopDelayP99Ms: Math.max(0, loop.percentile(99) / 1e6 - 10),
      gcCount: gc.count,
      gcTotalMs: gc.totalMs,
      gcMaxMs: gc.maxMs,
    };
  };
  // The parent gone (crashed, killed): do not linger.
  process.on('disconnect', () => process.exit(0));
  process.on('message', async (msg: Command & { seq: number }) => {
    const reply = (result: unknown) => process.send!({ seq: msg.seq, result });
    try {
      switch (msg.cmd) {
        case 'stats':
          return reply(stats());
        case 'mark': {
          const before = stats();
          peakSinceMark = process.memoryUsage.rss();
          loop.reset();
          Object.assign(gc, { count: 0, totalMs: 0, maxMs: 0 });
          return reply(before);
        }
        case 'profile-start':
          session = new Session();
          session.connect();
          await session.post('Profiler.enable');
          await session.post('Profiler.setSamplingInterval', { interval: msg.intervalUs });
          await session.post('Profiler.start');
          return reply(null);
        case 'profile-stop': {
          const { profile } = await session!.post('Profiler.stop');
          writeFileSync(msg.file, JSON.stringify(profile));
          session!.disconnect();
          session = undefined;
          return reply(msg.file);
        }
        case 'stop': {
          const last = stats();
          await server.close();
          reply(last);
          // Let the reply go out, then leave (open handles of the app must not keep the process alive).
          setTimeout(() => process.exit(0), 50);
          return;
        }
      }
    } catch (err) {
      process.send!({ seq: msg.seq, error: String((err as Error)?.stack ?? err) });
    }
  });
  process.send({ ready: server.url });
}

export interface ServerChild {
  name: string;
  url: string;
  pid: number;
  stats(): Promise<ChildStats>;
  mark(): Promise<ChildStats>;
  profileStart(intervalUs?: number): Promise<void>;
  profileStop(file: string): Promise<string>;
  /** Stops the server and the process; resolves with its last stats (undefined if it had to be killed). */
  stop(): Promise<ChildStats | undefined>;
}

const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

/** Forks `script` (a .ts file run by this same node) with `env`; resolves once it listens. */
export async function spawnServer(
  name: string,
  script: string,
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<ServerChild> {
  const child = fork(script, [], { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const pending = new Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void }>();
  let seq = 0;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name}: not listening after ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name}: exited before listening (code ${code}, signal ${signal})`));
      for (const p of pending.values()) p.reject(new Error(`${name}: exited (code ${code}, signal ${signal})`));
    });
    child.on('message', (msg: { ready?: string; seq?: number; result?: unknown; error?: string }) => {
      if (msg.ready) {
        clearTimeout(timer);
        resolve(msg.ready);
      } else if (msg.seq !== undefined) {
        const p = pending.get(msg.seq);
        pending.delete(msg.seq);
        if (msg.error) p?.reject(new Error(`${name}: ${msg.error}`));
        else p?.resolve(msg.result);
      }
    });
  });
  const ask = <T>(command: Command): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const s = ++seq;
      pending.set(s, { resolve: resolve as (r: unknown) => void, reject });
      child.send({ ...command, seq: s });
    });
  return {
    name,
    url,
    pid: child.pid!,
    stats: () => ask<ChildStats>({ cmd: 'stats' }),
    mark: () => ask<ChildStats>({ cmd: 'mark' }),
    profileStart: (intervalUs = 500) => ask<void>({ cmd: 'profile-start', intervalUs }),
    profileStop: (file) => ask<string>({ cmd: 'profile-stop', file }),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return undefined;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      const last = await Promise.race([
        ask<ChildStats>({ cmd: 'stop' }),
        new Promise<undefined>((r) => setTimeout(() => r(undefined), 10_000)),
      ]);
      const gone = await Promise.race([
        exited.then(() => true),
        new Promise<boolean>((r) => setTimeout(() => r(false), 5_000)),
      ]);
      if (!gone) {
        child.kill('SIGKILL');
        await exited;
      }
      return last;
    },
  };
}
