/**
 * A loopback stand-in for the Bot Connector service (and Teams' connector): records what the bot sends to its
 * serviceUrl and answers like the service would. Failures can be injected per request.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentActivity {
  method: string;
  path: string;
  body: Record<string, unknown>;
  /** The status the sink answered with (or will answer with, for a held request). */
  status: number;
  /** A held request whose client gave up (closed the connection) before the answer. */
  aborted?: boolean;
  /** What the sink answered (or will answer), e.g. the new thread's `id` for a created conversation. */
  reply?: Record<string, unknown>;
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
  /**
   * Take the next `count` matching requests (they count as accepted: Teams has the card) but answer only after
   * `ms`, or never: an answer that comes late or is lost.
   */
  holdNext(path: RegExp, count: number, ms: number | 'never'): void;
  /** Called with each accepted request as it arrives, before the answer (to act at that moment). */
  onAccept?: (sent: SentActivity) => void;
  close(): Promise<void>;
}

export async function startConnectorSink(host = '127.0.0.1'): Promise<ConnectorSink> {
  const sent: SentActivity[] = [];
  const failures: { path: RegExp; left: number; status: number; headers: Record<string, string> }[] = [];
  const holds: { path: RegExp; left: number; ms: number | 'never' }[] = [];
  const held: ServerResponse[] = [];
  let n = 0;
  let sink: ConnectorSink;
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
      const record: SentActivity = { method: req.method ?? '', path, body, status: 200 };
      sent.push(record);
      sink.onAccept?.(record);
      // Creating a conversation in a Teams channel answers with the new thread's id.
      const created = req.method === 'POST' && /\/v3\/conversations\/?$/.test(path) ? ++n + 1000 : undefined;
      // The new thread is in the channel the request names, as in Teams.
      const channel = (body.channelData as { channel?: { id?: string } } | undefined)?.channel?.id;
      record.reply =
        created !== undefined
          ? { id: `${channel ?? '19:channel@thread.tacv2'};messageid=${created}`, activityId: String(created) }
          : { id: `sent-${++n}` };
      const answer = () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(record.reply));
      };
      const hold = holds.find((h) => h.left > 0 && h.path.test(path));
      if (!hold) return answer();
      hold.left--;
      held.push(res);
      res.on('close', () => {
        if (!res.writableEnded) record.aborted = true;
      });
      if (hold.ms !== 'never') setTimeout(() => !res.destroyed && answer(), hold.ms);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  sink = {
    url: `http://${host}:${port}/`,
    sent,
    messages: () =>
      sent
        .filter((s) => s.status === 200)
        .map((s) => s.body)
        .filter((b) => b.type === 'message'),
    accepted: (path) => sent.filter((s) => s.status === 200 && path.test(s.path)),
    failNext: (path, count, status, headers = {}) => void failures.push({ path, left: count, status, headers }),
    holdNext: (path, count, ms) => void holds.push({ path, left: count, ms }),
    close: () =>
      new Promise((resolve) => {
        for (const res of held.splice(0)) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return sink;
}
