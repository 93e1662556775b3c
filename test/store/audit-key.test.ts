// The audit log's conversation hashes are keyed (issue 19, finding 10): an SMS conversation id is the tenant's
// number, and a plain SHA-256 of it is reversed by hashing every Swedish number.
import { createHash } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { AUDIT_KEY_FILE, loadAuditKey } from '../../src/store/index.ts';
import { startConnectorSink, type ConnectorSink } from '../channels/connector-sink.ts';

const PHONE = '+46701234567';
const opened: (App | ConnectorSink)[] = [];
afterEach(async () => {
  for (const o of opened.splice(0)) await o.close();
});

describe('the audit key', () => {
  it('outside production without AUDIT_HMAC_KEY: generated once, kept in DATA_DIR for the owner only', () => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'trygg-key-')), 'data');
    const first = loadAuditKey({ dataDir });
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(loadAuditKey({ dataDir })).toBe(first);
    expect(statSync(path.join(dataDir, AUDIT_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(loadAuditKey({ dataDir, key: 'from-the-environment-0123456789abcdef' })).toBe(
      'from-the-environment-0123456789abcdef',
    );
  });

  it('an SMS decision is audited under the key, not as a hash anyone can reverse', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'trygg-key-app-'));
    const sms = await startConnectorSink();
    opened.push(sms);
    const build = async (env: Record<string, string> = {}) => {
      const app = await buildApp(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env }), {
        log: createLogger('silent'),
      });
      opened.push(app);
      return app;
    };
    const app = await build();
    const base = await app.listen(0, '127.0.0.1');
    const res = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: 'sms-1',
        channelId: 'sms',
        serviceUrl: sms.url,
        from: { id: PHONE },
        recipient: { id: '+46700000000' },
        conversation: { id: PHONE },
        text: 'Kranen droppar',
      }),
    });
    expect(res.status).toBe(200);
    const [entry] = await app.store.audit.list();
    const reversible = createHash('sha256').update(PHONE).digest('hex').slice(0, 16);
    expect(entry?.conversationHash).toBeDefined();
    expect(entry!.conversationHash).not.toContain(reversible);
    expect(entry!.conversationHash).toBe(app.store.audit.hashConversation('070-123 45 67'));

    // The same DATA_DIR gives the same key (repeat contacts still count together across restarts); another
    // key, another hash.
    expect((await build()).store.audit.hashConversation(PHONE)).toBe(entry!.conversationHash);
    const rekeyed = await build({ AUDIT_HMAC_KEY: 'another-key-from-the-environment-0123' });
    expect(rekeyed.store.audit.hashConversation(PHONE)).not.toBe(entry!.conversationHash);
  });
});
