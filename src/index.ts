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

// SIGTERM (a deploy, a scale-in) drains within SHUTDOWN_GRACE_SECONDS and exits 0 when everything finished in
// time (src/shutdown.ts), 1 when the grace ran out. A second signal while draining changes nothing.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return void log.info({ signal }, 'already shutting down');
    stopping = true;
    log.info({ signal, graceSeconds: config.shutdownGraceMs / 1000 }, 'shutting down');
    // Should anything hang past the grace, the process still ends.
    setTimeout(() => process.exit(1), config.shutdownGraceMs + 2_000).unref();
    app.shutdown().then(
      (outcome) => process.exit(outcome.clean ? 0 : 1),
      () => process.exit(1),
    );
  });
}
