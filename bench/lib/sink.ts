/**
 * The serviceUrl sink: a loopback stand-in for the Bot Connector service (like test/channels/connector-sink.ts,
 * but built for load). It answers every activity at once with `{id}` and counts, per conversation, the
 * activities and messages it got, the first message's text and when it arrived.
 *
 * It runs in a worker thread of the benchmark process, so its work does not delay autocannon's event loop
 * (which would add to the latencies measured) and autocannon does not delay it.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

/** What the sink knows about one conversation. */
export interface SinkConversation {
  /** Activities of any type (messages, typing, traces). */
  activities: number;
  messages: number;
  firstText?: string;
  /** When the first message arrived (epoch ms, sub-millisecond; comparable across threads). */
  firstAt?: number;
}

export interface SinkTotals {
  /** TCP connections opened to the sink (a bot that keeps connections alive opens few). */
  connections: number;
  requests: number;
  messages: number;
  byType: Record<string, number>;
}

export interface Sink {
  url: string;
  totals(): Promise<SinkTotals>;
  /** What arrived for these conversations (undefined: nothing). */
  conversations(ids: string[]): Promise<(SinkConversation | undefined)[]>;
  close(): Promise<void>;
}

/** High-resolution wall clock in epoch ms, the same in every thread. */
export const wallNow = (): number => performance.timeOrigin + performance.now();

type Request =
  { seq: number; cmd: 'totals' } | { seq: number; cmd: 'conversations'; ids: string[] } | { seq: number; cmd: 'close' };

function runSink(): void {
  const port = parentPort!;
  const byConversation = new Map<string, SinkConversation>();
  const totals: SinkTotals = { connections: 0, requests: 0, messages: 0, byType: {} };
  let n = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = wallNow();
      totals.requests++;
      let body: { type?: string; text?: string } = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body;
      } catch {
        /* counted, not parsed */
      }
      const type = body.type ?? '(none)';
      totals.byType[type] = (totals.byType[type] ?? 0) + 1;
      const m = /^\/v3\/conversations\/([^/?]+)/.exec(req.url ?? '');
      if (m) {
        const id = decodeURIComponent(m[1]!);
        let c = byConversation.get(id);
        if (!c) byConversation.set(id, (c = { activities: 0, messages: 0 }));
        c.activities++;
        if (type === 'message') {
          totals.messages++;
          c.messages++;
          if (c.firstAt === undefined) {
            c.firstAt = at;
            c.firstText = String(body.text ?? '');
          }
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"id":"sink-${++n}"}`);
    });
  });
  server.keepAliveTimeout = 30_000;
  server.on('connection', () => totals.connections++);
  server.listen(0, '127.0.0.1', () => {
    port.postMessage({ ready: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` });
  });
  port.on('message', (msg: Request) => {
    if (msg.cmd === 'totals') port.postMessage({ seq: msg.seq, result: totals });
    else if (msg.cmd === 'conversations')
      port.postMessage({ seq: msg.seq, result: msg.ids.map((id) => byConversation.get(id)) });
    else if (msg.cmd === 'close') {
      server.closeAllConnections();
      server.close(() => port.postMessage({ seq: msg.seq, result: null }));
    }
  });
}

/** Starts the sink in a worker thread; resolves with its URL (the serviceUrl to put in activities). */
export async function startSink(): Promise<Sink> {
  const worker = new Worker(new URL(import.meta.url), { workerData: { role: 'bench-sink' } });
  const pending = new Map<number, (result: unknown) => void>();
  let seq = 0;
  const url = await new Promise<string>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (msg: { ready?: string; seq?: number; result?: unknown }) => {
      if (msg.ready) resolve(msg.ready);
      else if (msg.seq !== undefined) {
        pending.get(msg.seq)?.(msg.result);
        pending.delete(msg.seq);
      }
    });
  });
  const ask = <T>(msg: Omit<Request, 'seq'>): Promise<T> =>
    new Promise<T>((resolve) => {
      const s = ++seq;
      pending.set(s, resolve as (r: unknown) => void);
      worker.postMessage({ ...msg, seq: s });
    });
  return {
    url,
    totals: () => ask<SinkTotals>({ cmd: 'totals' }),
    conversations: (ids) =>
      ask<(SinkConversation | undefined)[]>({ cmd: 'conversations', ids } as Omit<Request, 'seq'>),
    async close() {
      await ask<null>({ cmd: 'close' });
      await worker.terminate();
    },
  };
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === 'bench-sink') runSink();
