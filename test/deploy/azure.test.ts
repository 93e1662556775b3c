/**
 * deploy/azure/ (no Bicep compiler runs here, so the templates are read, not built): every app setting they
 * write is one src/config.ts knows (or App Service's own WEBSITES_*), every secret is a Key Vault reference,
 * the bot has no app password (a user-assigned managed identity), HTTPS only, the bot's region and the data
 * in the EU, the Event Grid subscription's ?secret= from Key Vault, and the guide is linked from the README.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV_VARIABLES } from '../../src/config.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DIR = path.join(ROOT, 'deploy/azure');
const read = (file: string) => readFileSync(path.join(DIR, file), 'utf8');
const main = read('main.bicep');
const modules = readdirSync(path.join(DIR, 'modules')).map((f) => `modules/${f}`);
const all = [main, ...modules.map(read)].join('\n');

/** The keys of the object literals that follow `start` in `text` (their own keys, not nested ones). */
function objectKeys(text: string, start: string): string[] {
  const at = text.indexOf(start);
  expect(at, start).toBeGreaterThanOrEqual(0);
  const initial = (start.match(/[{(]/g) ?? []).length;
  // After `union(` the keys are one level further in, inside each object.
  const keyDepth = start.endsWith('(') ? initial + 1 : initial;
  let depth = initial;
  const keys: string[] = [];
  for (const line of text.slice(at + start.length).split('\n')) {
    const key = /^\s*([A-Za-z_][A-Za-z0-9_]*):/.exec(line)?.[1];
    if (key && depth === keyDepth) keys.push(key);
    depth += (line.match(/[{(]/g) ?? []).length - (line.match(/[})]/g) ?? []).length;
    if (depth < initial) break;
  }
  return keys;
}

/** Trygg's settings as main.bicep gives them to the app (both branches of the phone line's union). */
const settings = objectKeys(main, 'appSettings: union(');
const platform = objectKeys(read('modules/app.bicep'), 'var platformSettings = {');

describe('deploy/azure', () => {
  it("writes only app settings src/config.ts knows, besides App Service's own", () => {
    expect(settings).toEqual(
      expect.arrayContaining(['MicrosoftAppType', 'MicrosoftAppId', 'DATABASE_URL', 'ACS_INCOMING_SECRET']),
    );
    expect(settings.filter((k) => !ENV_VARIABLES.includes(k))).toEqual([]);
    expect(platform.length).toBeGreaterThan(0);
    expect(platform.filter((k) => !k.startsWith('WEBSITES_'))).toEqual([]);
  });

  it('keeps every secret in Key Vault: the app gets references, never values', () => {
    const secrets = settings.filter((k) => /SECRET|KEY|PASSWORD|CONNECTION_STRING|DATABASE_URL/.test(k));
    expect(secrets.toSorted()).toEqual(
      [
        'ACS_CONNECTION_STRING',
        'ACS_INCOMING_SECRET',
        'AUDIT_HMAC_KEY',
        'DATABASE_URL',
        'DIRECT_LINE_SECRET',
      ].toSorted(),
    );
    for (const key of secrets) expect(main, key).toMatch(new RegExp(`${key}: '@Microsoft\\.KeyVault\\(SecretUri=`));
    expect(read('modules/app.bicep')).toMatch(/keyVaultReferenceIdentity: identity\.id/);
    expect(main).toMatch(/enableRbacAuthorization: true/);
    // Secret parameters are marked secure and never output.
    for (const secret of ['databasePassword', 'auditHmacKey', 'acsIncomingSecret']) {
      expect(main).toMatch(new RegExp(`@secure\\(\\)[^]*?param ${secret} string`));
      expect(all).not.toMatch(new RegExp(`output [^\\n]*${secret}`));
    }
    expect(read('modules/incoming-calls.bicep')).toMatch(/@secure\(\)\nparam incomingSecret string/);
    expect(read('main.bicepparam')).not.toMatch(/(Password|Key|Secret) = '/);
  });

  it('has no app password: the Azure Bot and the app use a user-assigned managed identity', () => {
    expect(all).not.toMatch(/MicrosoftAppPassword|appSecret|msaAppPassword/);
    expect(main).toMatch(/MicrosoftAppType: 'UserAssignedMSI'/);
    const bot = read('modules/bot.bicep');
    expect(bot).toMatch(/msaAppType: 'UserAssignedMSI'/);
    expect(bot).toMatch(/msaAppMSIResourceId: identity\.id/);
    expect(read('modules/app.bicep')).toMatch(/type: 'UserAssigned'/);
  });

  it('serves HTTPS only, TLS 1.2 or later, with no FTP or basic publishing credentials', () => {
    const app = read('modules/app.bicep');
    expect(app).toMatch(/httpsOnly: true/);
    expect(app).toMatch(/minTlsVersion: '1\.2'/);
    expect(app).toMatch(/ftpsState: 'Disabled'/);
    expect(app.match(/properties: \{ allow: false \}/g)).toHaveLength(2);
    expect(main).toMatch(/sslmode=verify-full/);
    expect(app).toMatch(/healthCheckPath: '\/readyz'/);
  });

  it('keeps the bot, Direct Line and the data in the EU', () => {
    expect(main).toMatch(/@allowed\(\['westeurope'\]\)\nparam azureBotRegion string/);
    const eu = ['swedencentral', 'northeurope', 'westeurope', 'germanywestcentral', 'francecentral'];
    for (const param of ['location', 'databaseLocation']) {
      const allowed = new RegExp(`@allowed\\(\\[([^\\]]*)\\]\\)\\nparam ${param} string`).exec(main)?.[1];
      expect(allowed, param).toBeDefined();
      expect(allowed!.split(',').map((s) => s.trim().replace(/'/g, ''))).toEqual(eu);
    }
    expect(read('modules/bot.bicep').match(/location: azureBotRegion/g)).toHaveLength(3); // bot, Direct Line, Teams
    expect(read('modules/phone.bicep')).toMatch(/dataLocation: 'Europe'/);
  });

  it('subscribes the incoming calls with ?secret= read from Key Vault', () => {
    const incoming = read('modules/incoming-calls.bicep');
    expect(incoming).toMatch(/endpointUrl: '\$\{endpoint\}\?secret=\$\{incomingSecret\}'/);
    expect(incoming).toMatch(/includedEventTypes: \['Microsoft\.Communication\.IncomingCall'\]/);
    expect(main).toMatch(/incomingSecret: vaultAtDeployment\.getSecret\(incomingSecret\.name\)/);
    expect(main).toMatch(/endpoint: 'https:\/\/\$\{appHost\}\/api\/calls\/incoming'/);
  });

  it('names only modules that exist, and the guide is linked from the README', () => {
    for (const m of main.matchAll(/module \w+ '([^']+)'/g)) expect(existsSync(path.join(DIR, m[1]!)), m[1]).toBe(true);
    expect(existsSync(path.join(DIR, 'README.md'))).toBe(true);
    expect(readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain('deploy/azure/README.md');
  });
});
