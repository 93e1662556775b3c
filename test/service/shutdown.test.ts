/**
 * SIGTERM in the middle of a turn, on `node src/index.ts` as a child process: the turn's reply still reaches
 * the connector (which answers slowly), `/readyz` is 503 during the drain while `/livez` stays 200, a new
 * activity is refused with 503 and Retry-After from the error catalogue, and the process exits 0 within
 * SHUTDOWN_GRACE_SECONDS.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startInstance, until, type ChildInstance } from './child.ts';

/** A Bot Connector stand-in that holds its answers to the bot's messages until `release()`. */
async function slowConnector() {
  const received: Record<string, unknown>[] = [];
  const held: ServerResponse[] = [];
  let holding = true;
  const answer = (res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: `sent-${received.length}` }));
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      const body = data ? (JSON.parse(data) as Record<string, unknown>) : {};
      received.push(body);
      if (holding && body.type === 'message') held.push(res);
      else answer(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    received,
    held,
    release() {
      holding = false;
      for (const res of held.splice(0)) answer(res);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let instance: ChildInstance | undefined;
let connector: Awaited<ReturnType<typeof slowConnector>> | undefined;

afterEach(async () => {
  if (instance && instance.child.exitCode === null && instance.child.signalCode === null)
    instance.child.kill('SIGKILL');
  instance = undefined;
  await connector?.close();
  connector = undefined;
});

const activity = (id: string, conversation: string, serviceUrl: string, text: string) => ({
  id,
  type: 'message',
  channelId: 'webchat',
  serviceUrl,
  from: { id: `tenant-${conversation}` },
  recipient: { id: 'trygg' },
  conversation: { id: conversation },
  locale: 'sv-SE',
  timestamp: new Date().toISOString(),
  text,
});

const post = (base: string, body: unknown) =>
  fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('SIGTERM in the middle of a turn', () => {
  it('finishes the turn and sends its reply, refuses new work, and exits 0', { timeout: 60_000 }, async () => {
    connector = await slowConnector();
    instance = await startInstance({ SHUTDOWN_GRACE_SECONDS: '15' });
    const { base, child } = instance;

    // A turn that is waiting for the connector to take its reply.
    const turn = post(base, activity('slow-1', 'conv-slow', connector.url, 'grannen spelar hög musik'));
    await until(() => connector!.held.length > 0 || undefined);

    child.kill('SIGTERM');
    // Not ready at once (and still alive), while the turn is still in flight.
    await until(async () => (await fetch(`${base}/readyz`)).status === 503 || undefined, 5_000);
    expect(connector.held.length).toBeGreaterThan(0);
    const readyz = await fetch(`${base}/readyz`);
    expect(readyz.status).toBe(503);
    expect(await readyz.json()).toMatchObject({ error: 'NotReady', message: expect.stringMatching(/draining/) });
    expect((await fetch(`${base}/livez`)).status).toBe(200);

    // A new activity meanwhile: 503 with Retry-After, so the channel delivers it to another instance.
    const refused = await post(base, activity('new-1', 'conv-new', connector.url, 'hej'));
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ error: 'Draining' });

    // The connector answers: the turn ends well and its reply was delivered.
    connector.release();
    expect((await turn).status).toBe(200);
    const replies = connector.received.filter((a) => a.type === 'message');
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.map((a) => String(a.text)).join('\n')).toMatch(/Är någon i fara|kundservice|Trygghetsjouren/);
    // Nothing of the refused activity reached the bot.
    expect(connector.received.some((a) => (a.conversation as { id?: string })?.id === 'conv-new')).toBe(false);

    const exit = await instance.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(instance.output()).toMatch(/shut down cleanly/);
  });

  it('exits 0 at once when idle', { timeout: 40_000 }, async () => {
    instance = await startInstance({});
    const started = Date.now();
    instance.child.kill('SIGTERM');
    expect(await instance.exited).toEqual({ code: 0, signal: null });
    // Far below the default grace of 20 s: nothing was waited for.
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
