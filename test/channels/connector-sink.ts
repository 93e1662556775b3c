/**
 * A loopback stand-in for the Bot Connector service: records what the bot sends to its serviceUrl.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentActivity {
  path: string;
  body: Record<string, unknown>;
}

export interface ConnectorSink {
  url: string;
  sent: SentActivity[];
  /** Message activities only (no traces, no typing). */
  messages(): Record<string, unknown>[];
  close(): Promise<void>;
}

export async function startConnectorSink(host = '127.0.0.1'): Promise<ConnectorSink> {
  const sent: SentActivity[] = [];
  let n = 0;
  const server: Server = createServer((req, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      try {
        sent.push({ path: req.url ?? '', body: data ? JSON.parse(data) : {} });
      } catch {
        sent.push({ path: req.url ?? '', body: {} });
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `sent-${++n}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/`,
    sent,
    messages: () => sent.map((s) => s.body).filter((b) => b.type === 'message'),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
