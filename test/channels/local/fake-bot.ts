/**
 * Test harness: a restify server on 127.0.0.1, port 0, with the Direct Line shim (and optionally the
 * pages) mounted and a tiny fake bot on the same server that answers through the Bot Connector API on the
 * serviceUrl it was given, as a real bot does.
 */
import type { AddressInfo } from 'node:net';
import restify from 'restify';
import { mountDirectLine, mountLocalPages, type DirectLineOptions } from '../../../src/channels/local/index.ts';
import type { ActivityJson, ConversationStore } from '../../../src/channels/local/index.ts';

export const FAKE_BOT_PATH = '/fake-bot/api/messages';

export interface Harness {
  baseUrl: string;
  /** Every activity the fake bot received, in order. */
  received: ActivityJson[];
  store: ConversationStore;
  close(): Promise<void>;
}

/**
 * The fake bot echoes a message as `echo (<channelId> <from.id> <locale>): <text>` in reply to it, then sends
 * a `trygg.decision` trace. Text `fail` makes it answer 500, `slow` makes it wait 1 s before answering.
 */
async function fakeBot(req: restify.Request, res: restify.Response): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ActivityJson & Record<string, any>;
  received.get(req.socket.localPort ?? 0)?.push(activity);
  if (activity.type === 'message' && activity.text === 'fail') {
    res.writeHead(500);
    res.end();
    return;
  }
  if (activity.type === 'message' && activity.text === 'slow')
    await new Promise((resolve) => setTimeout(resolve, 1000));
  if (activity.type === 'message') {
    const conversation = encodeURIComponent(activity.conversation.id);
    const reply = `${activity.serviceUrl}v3/conversations/${conversation}/activities/${encodeURIComponent(activity.id ?? '')}`;
    const text = `echo (${activity.channelId} ${activity.from.id} ${activity.locale ?? '-'}): ${activity.text}`;
    await post(reply, {
      type: 'message',
      text,
      from: activity.recipient,
      recipient: activity.from,
      replyToId: activity.id,
    });
    await post(`${activity.serviceUrl}v3/conversations/${conversation}/activities`, {
      type: 'trace',
      name: 'trygg.decision',
      value: { route: 'office' },
    });
  }
  res.writeHead(200);
  res.end();
}

async function post(url: string, body: unknown): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`fake bot: ${url} answered ${response.status}`);
}

// Keyed by the server's port so that parallel harnesses in one worker keep their own lists.
const received = new Map<number, ActivityJson[]>();

/** Starts a harness; `pages` also mounts the chat page. */
export async function startHarness(
  options: Partial<Omit<DirectLineOptions, 'publicBaseUrl' | 'botEndpoint'>> & {
    pages?: boolean;
    botEndpoint?: string;
  } = {},
): Promise<Harness> {
  const server = restify.createServer();
  server.post(FAKE_BOT_PATH, fakeBot);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const list: ActivityJson[] = [];
  received.set(port, list);
  const { pages, botEndpoint, ...shimOptions } = options;
  const store = mountDirectLine(server, {
    ...shimOptions,
    botEndpoint: botEndpoint ?? `${baseUrl}${FAKE_BOT_PATH}`,
    publicBaseUrl: baseUrl,
  });
  if (pages) mountLocalPages(server);
  return {
    baseUrl,
    received: list,
    store,
    close: async () => {
      received.delete(port);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A JSON request against the harness; answers status and parsed body. */
export async function call(
  harness: Harness,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string } = {},
): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const body = !hasBody
    ? undefined
    : (options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)));
  const response = await fetch(`${harness.baseUrl}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** Generates a token and starts its conversation, as Web Chat does; answers the grant. */
export async function startConversation(
  harness: Harness,
  request: Record<string, unknown> = {},
): Promise<{ conversationId: string; token: string; expires_in: number }> {
  const generated = await call(harness, 'POST', '/v3/directline/tokens/generate', { body: request });
  if (generated.status !== 200)
    throw new Error(`generate answered ${generated.status}: ${JSON.stringify(generated.body)}`);
  const started = await call(harness, 'POST', '/v3/directline/conversations', { token: generated.body.token });
  if (started.status !== 201) throw new Error(`start answered ${started.status}: ${JSON.stringify(started.body)}`);
  return started.body;
}
