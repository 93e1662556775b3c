/**
 * A loopback stand-in for the Bot Connector service (and Teams' connector): records what the bot sends to its
 * serviceUrl and answers like the service would. Failures can be injected per request.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentActivity {
  method: string;
  path: string;
  body: Record<string, unknown>;
  /** The status the sink answered with. */
  status: number;
}

export interface ConnectorSink {
  url: string;
  /** Every request, including the ones answered with an injected failure. */
  sent: SentActivity[];
  /** Message activities that were accepted (no traces, no typing, no failed attempts). */
  messages(): Record<string, unknown>[];
  /** Accepted requests whose path matches. */
  accepted(path: RegExp): SentActivity[];
  /** Answer the next `count` requests whose path matches with `status` (and headers). */
  failNext(path: RegExp, count: number, status: number, headers?: Record<string, string>): void;
  close(): Promise<void>;
}

export async function startConnectorSink(host = '127.0.0.1'): Promise<ConnectorSink> {
  const sent: SentActivity[] = [];
  const failures: { path: RegExp; left: number; status: number; headers: Record<string, string> }[] = [];
  let n = 0;
  const server: Server = createServer((req, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      let body: Record<string, unknown> = {};
      try {
        body = data ? JSON.parse(data) : {};
      } catch {
        /* recorded as {} */
      }
      const path = decodeURIComponent(req.url ?? '');
      const failure = failures.find((f) => f.left > 0 && f.path.test(path));
      if (failure) {
        failure.left--;
        sent.push({ method: req.method ?? '', path, body, status: failure.status });
        res.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers });
        res.end(JSON.stringify({ error: { code: 'ServiceError', message: 'injected failure' } }));
        return;
      }
      sent.push({ method: req.method ?? '', path, body, status: 200 });
      res.writeHead(200, { 'content-type': 'application/json' });
      // Creating a conversation in a Teams channel answers with the new thread's id.
      if (req.method === 'POST' && /\/v3\/conversations\/?$/.test(path)) {
        const id = ++n + 1000;
        res.end(JSON.stringify({ id: `19:channel@thread.tacv2;messageid=${id}`, activityId: String(id) }));
        return;
      }
      res.end(JSON.stringify({ id: `sent-${++n}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/`,
    sent,
    messages: () =>
      sent
        .filter((s) => s.status === 200)
        .map((s) => s.body)
        .filter((b) => b.type === 'message'),
    accepted: (path) => sent.filter((s) => s.status === 200 && path.test(s.path)),
    failNext: (path, count, status, headers = {}) => void failures.push({ path, left: count, status, headers }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
