/**
 * The database goes away under a running instance (`node src/index.ts` on PostgreSQL, a server of this
 * test's own on a free port, stopped and started again during the test):
 * - an emergency still gets its 112 reply first (with the tap-to-call card), built without the store, and
 *   is told MKB has not been told; any other message gets a short reply with the phone numbers; in Swedish
 *   and English; never a crash, never a message left unanswered;
 * - `/readyz` says 503 while the store is away and `/livez` stays 200;
 * - once the server is back the instance recovers by itself: ready again, and the next messages get the
 *   full answer (a case for the emergency).
 * Runs where the PostgreSQL tests run (TRYGG_TEST_DATABASE_URL set: the server binaries are installed); it
 * never stops the shared server.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startConnectorSink, type ConnectorSink } from '../channels/connector-sink.ts';
import { freePort, startInstance, until, type ChildInstance } from './child.ts';

const enabled = Boolean(process.env.TRYGG_TEST_DATABASE_URL);
const SKIP_REASON =
  'SKIPPED: TRYGG_TEST_DATABASE_URL is not set (the PostgreSQL tests are off). Run: TRYGG_TEST_DATABASE_URL=$(bash scripts/postgres-test-server.sh) npx vitest run test/service';
if (!enabled) console.warn(`test/service/database-outage.test.ts: ${SKIP_REASON}`);

const SCRIPT = path.resolve(import.meta.dirname, '../../scripts/postgres-test-server.sh');
let port = 0;
/** This test's own PostgreSQL server: `start` (creating it the first time) resolves with its URL. */
const server = {
  start: () =>
    execFileSync('bash', [SCRIPT], { env: { ...process.env, TRYGG_PG_PORT: String(port) }, encoding: 'utf8' }).trim(),
  pause: () => void execFileSync('bash', [SCRIPT, 'pause'], { env: { ...process.env, TRYGG_PG_PORT: String(port) } }),
  remove: () => void execFileSync('bash', [SCRIPT, 'stop'], { env: { ...process.env, TRYGG_PG_PORT: String(port) } }),
};

let instance: ChildInstance | undefined;
let sink: ConnectorSink | undefined;

afterEach(async () => {
  if (instance && instance.child.exitCode === null && instance.child.signalCode === null)
    instance.child.kill('SIGKILL');
  await sink?.close();
});

afterAll(() => {
  if (enabled && port) server.remove();
});

let seq = 0;
/** A web-chat message; resolves with the HTTP status and the messages its turn sent. */
async function says(base: string, conversation: string, text: string, locale = 'sv-SE') {
  const id = `outage-${++seq}`;
  const res = await fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      id,
      type: 'message',
      channelId: 'webchat',
      serviceUrl: sink!.url,
      from: { id: `tenant-${conversation}` },
      recipient: { id: 'trygg' },
      conversation: { id: conversation },
      locale,
      timestamp: new Date().toISOString(),
      text,
    }),
  });
  const replies = sink!.sent
    .filter((s) => s.status === 200 && s.body.type === 'message' && s.body.replyToId === id)
    .map((s) => s.body);
  return { status: res.status, replies, texts: replies.map((r) => String(r.text ?? '')) };
}

const readyz = async (base: string) => (await fetch(`${base}/readyz`)).status;

describe.skipIf(!enabled)(
  enabled ? 'the database goes away and comes back' : `the database goes away — ${SKIP_REASON}`,
  () => {
    it(
      'answers every message meanwhile (112 first for danger), and recovers by itself',
      { timeout: 120_000 },
      async () => {
        port = await freePort();
        const url = server.start();
        sink = await startConnectorSink();
        instance = await startInstance({ DATABASE_URL: url, AUDIT_HMAC_KEY: 'outage-test-audit-key-0123456789abcdef' });
        const { base } = instance;
        expect((await says(base, 'before', 'Det brinner i trapphuset!')).texts.join('\n')).toMatch(/T-\d{4}-\d{4}/);

        server.pause();
        await until(async () => ((await readyz(base)) === 503 ? true : undefined), 15_000);
        const notReady = await (await fetch(`${base}/readyz`)).json();
        expect(notReady).toMatchObject({ error: 'NotReady', message: expect.stringMatching(/store/) });
        expect((await fetch(`${base}/livez`)).status).toBe(200);
        // The background work meets the outage too (the outbox polls every second): logged, not a crash.
        await until(() => (/outbox: a delivery pass failed/.test(instance!.output()) ? true : undefined), 15_000);
        expect(instance.child.exitCode).toBeNull();

        // An emergency: 112 first, with the tap-to-call card, then the advice and that MKB has not been told.
        const fire = await says(base, 'down-fire', 'Det brinner i trapphuset!');
        expect(fire.status).toBe(200);
        expect(fire.texts[0]).toMatch(/Ring 112 nu/);
        expect(JSON.stringify(fire.replies[0]!.attachments)).toContain('tel:112');
        expect(fire.texts.slice(1).join('\n')).toMatch(/kunde inte skickas vidare till MKB/);
        expect(fire.texts.join('\n')).not.toMatch(/har fått veta|Ärende T-/);

        // Anything else: the numbers.
        const fault = await says(base, 'down-fault', 'Kranen i köket droppar');
        expect(fault.status).toBe(200);
        expect(fault.texts).toHaveLength(1);
        expect(fault.texts[0]).toMatch(/tekniskt fel.*112.*Trygghetsjouren.*Fastighetsjouren.*kundservice/s);
        expect(fault.texts[0]).toMatch(/\d{3}-\d{3} \d{2} \d{2}/);

        // In English too.
        const english = await says(base, 'down-en', 'There is smoke and fire in the stairwell', 'en-GB');
        expect(english.texts[0]).toMatch(/Call 112 now/);
        expect(english.texts.slice(1).join('\n')).toMatch(/could not be passed on to MKB/);
        const englishFault = await says(base, 'down-en-2', 'my kitchen tap is dripping', 'en-GB');
        expect(englishFault.texts[0]).toMatch(/technical fault.*call 112/s);

        expect(instance.child.exitCode).toBeNull(); // no crash
        expect(instance.output()).toMatch(/STORE_UNAVAILABLE/);
        expect(instance.output()).not.toMatch(/brinner|Kranen|stairwell/); // nothing personal in the log

        // The server comes back: the instance is ready again by itself, and answers in full.
        server.start();
        await until(async () => ((await readyz(base)) === 200 ? true : undefined), 30_000);
        const after = await says(base, 'after-fire', 'Det brinner i trapphuset!');
        expect(after.texts[0]).toMatch(/Ring 112 nu/);
        expect(after.texts.join('\n')).toMatch(/T-\d{4}-\d{4}/);
        expect((await says(base, 'after-fault', 'Kranen i köket droppar')).texts.join('\n')).not.toMatch(
          /tekniskt fel/,
        );
      },
    );
  },
);
