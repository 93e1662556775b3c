/**
 * A loopback gate in front of a connector sink: requests pass through to the sink, except those whose
 * path matches while the gate is `fail` (answered 503 here, never reaching the sink), `hang` (held open,
 * never answered: a delivery in flight when its instance dies) or `swallow` (passed on, so the sink has it,
 * but the sink's answer never comes back: Teams took the card and the bot never learns it).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Gate {
  url: string;
  mode: 'pass' | 'fail' | 'hang' | 'swallow';
  /** Requests the gate stopped, with what it did. */
  stopped: { path: string; mode: 'fail' | 'hang' | 'swallow' }[];
  close(): Promise<void>;
}

export async function startGate(target: string, match: RegExp): Promise<Gate> {
  const held: ServerResponse[] = [];
  const gate: Gate = { url: '', mode: 'pass', stopped: [], close: async () => {} };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      const body = Buffer.concat(chunks);
      const forward = () =>
        fetch(new URL(path.replace(/^\//, ''), target), {
          method: req.method ?? 'POST',
          headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
          ...(body.length && req.method !== 'GET' ? { body } : {}),
        });
      if (gate.mode === 'swallow' && match.test(decodeURIComponent(path))) {
        gate.stopped.push({ path, mode: gate.mode });
        held.push(res);
        forward().catch(() => {});
        return;
      }
      if (gate.mode !== 'pass' && match.test(decodeURIComponent(path))) {
        gate.stopped.push({ path, mode: gate.mode });
        if (gate.mode === 'hang') {
          held.push(res);
          return;
        }
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'ServiceUnavailable', message: 'gate closed' } }));
        return;
      }
      forward().then(
        async (r) => {
          res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'application/json' });
          res.end(Buffer.from(await r.arrayBuffer()));
        },
        () => {
          res.writeHead(502);
          res.end();
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  gate.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  gate.close = () =>
    new Promise<void>((resolve) => {
      for (const res of held.splice(0)) res.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return gate;
}
