/**
 * Trygg under test, in its own process (forked by bench/bot.ts): the whole app from `buildApp` in local mode
 * (no app id, no auth), the embedded SQLite store in BENCH_DATA_DIR, no logging, no language model (the
 * configuration is built from these variables only, never from the machine's environment), and abuse
 * limits raised out of the way so they do not shape the load.
 *
 * The clock runs from BENCH_AT (default a Tuesday 22:30 in Malmö, when Trygghetsjouren is on duty) at real
 * speed; BENCH_AT=now uses the real clock.
 */
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { serveInChild } from './child.ts';
import { BENCH_LIMITS } from './limits.ts';

await serveInChild(async () => {
  const dataDir = process.env.BENCH_DATA_DIR;
  if (!dataDir) throw new Error('BENCH_DATA_DIR is required');
  const at = process.env.BENCH_AT ?? '2027-01-19T21:30:00Z';
  const offset = at === 'now' ? 0 : Date.parse(at) - Date.now();
  if (Number.isNaN(offset)) throw new Error(`BENCH_AT is not a date: ${at}`);
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', PORT: '0' });
  const app = await buildApp(config, { now: () => new Date(Date.now() + offset), limits: BENCH_LIMITS });
  const url = await app.listen(0, '127.0.0.1');
  return { url, close: () => app.close() };
});
