/**
 * `npm run manifest`: writes build/trygg-teams.zip, the Teams app package to upload (manifest.json with the
 * bot's app id from MicrosoftAppId, and the two icons). With PUBLIC_BASE_URL (https) the package also has
 * the operations page `/staff` as a tab ("Drift"); without it the tab is left out.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The package's files: manifest.json with the app id filled in, and the icons. Throws on a bad id. */
export function buildPackage(
  appId: string | undefined,
  dir = new URL('../manifest/', import.meta.url).pathname,
  publicBaseUrl: string | undefined = process.env.PUBLIC_BASE_URL,
): Record<string, Uint8Array> {
  if (!appId || !GUID.test(appId))
    throw new Error('MicrosoftAppId must be set to the bot’s app id (a GUID) to build the Teams package');
  const base = publicBaseUrl && URL.canParse(publicBaseUrl) ? new URL(publicBaseUrl) : undefined;
  const tab = base?.protocol === 'https:' ? base : undefined;
  const filled = readFileSync(path.join(dir, 'manifest.json'), 'utf8')
    .replaceAll('${{MicrosoftAppId}}', appId)
    .replaceAll('${{PUBLIC_BASE_URL}}', tab ? tab.origin + tab.pathname.replace(/\/+$/, '') : '')
    .replaceAll('${{PUBLIC_HOST}}', tab?.host ?? '');
  const parsed = JSON.parse(filled) as { staticTabs?: unknown; validDomains: string[] };
  // Teams needs an https address for a tab: without one, no tab and no domain.
  if (!tab) {
    delete parsed.staticTabs;
    parsed.validDomains = [];
  }
  const manifest = JSON.stringify(parsed, null, 2);
  return {
    'manifest.json': new TextEncoder().encode(manifest),
    'color.png': readFileSync(path.join(dir, 'color.png')),
    'outline.png': readFileSync(path.join(dir, 'outline.png')),
  };
}

if (import.meta.main) {
  try {
    const files = buildPackage(process.env.MicrosoftAppId);
    const out = path.resolve('build/trygg-teams.zip');
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, zipSync(files));
    console.log(`wrote ${out}: upload it in Teams (Apps → Manage your apps → Upload an app)`);
  } catch (e) {
    console.error(`manifest: ${(e as Error).message}`);
    process.exit(2);
  }
}
