/**
 * `node src/index.ts` as a child process, as `npm start` runs it, on 127.0.0.1 and a free port; and a small
 * `until` that waits on a condition instead of a fixed pause.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** A free TCP port on 127.0.0.1 (src/index.ts takes PORT and cannot be given 0). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Waits until `fn` gives something truthy; throws after `ms`. */
export async function until<T>(fn: () => T | undefined | Promise<T | undefined>, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

export interface ChildInstance {
  base: string;
  child: ChildProcess;
  /** What the instance logged (pino JSON lines on stdout) and wrote to stderr. */
  output: () => string;
  /** Resolves with the exit code (or the signal) once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts `node src/index.ts` with `env` (local mode unless it says otherwise: it then listens on 127.0.0.1
 * only) and resolves once `/readyz` answers 200.
 */
export async function startInstance(env: Record<string, string>, readyWithinMs = 30_000): Promise<ChildInstance> {
  const port = await freePort();
  const local = path.join(ROOT, 'node_modules/.bin/node');
  const node = existsSync(local) ? local : process.execPath; // Node 24 (type stripping), as `npm start` uses
  const child = spawn(node, ['src/index.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'trygg-service-')),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => void (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => void (output += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const base = `http://127.0.0.1:${port}`;
  await until(async () => {
    if (child.exitCode !== null) throw new Error(`instance exited (${child.exitCode}): ${output}`);
    return (
      (await fetch(`${base}/readyz`).then(
        (r) => r.ok,
        () => false,
      )) || undefined
    );
  }, readyWithinMs);
  return { base, child, output: () => output, exited };
}
