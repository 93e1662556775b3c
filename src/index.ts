/**
 * Trygg's composition root: load config → build the app → listen.
 */
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { createLogger } from './log.ts';

const config = loadConfig();
const log = createLogger(config.logLevel);
const app = await buildApp(config, { log });
const base = await app.listen();
const placeholders = Object.entries(app.policy.destinations)
  .filter(([, d]) => d.placeholder)
  .map(([r]) => r);
if (placeholders.length)
  log.warn({ routes: placeholders }, 'the policy has placeholder phone numbers: replace them before launch');
if (app.incidents.places.areas.placeholder)
  log.warn("the areas file (AREAS_FILE) is the placeholder sample: replace it with MKB's areas before launch");
if (config.localMode) {
  log.info(
    { url: `http://localhost:${config.port}/` },
    'local mode (no MicrosoftAppId): no Bot Framework authentication; chat page at /',
  );
} else {
  log.info({ port: config.port }, 'Bot Framework mode: every request needs a valid Bot Connector token');
}
log.info(config.acs ? 'phone line on (ACS)' : 'phone line off (ACS_CONNECTION_STRING not set)');
log.info({ base }, 'Trygg is listening');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
