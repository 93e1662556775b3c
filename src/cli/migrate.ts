/** `trygg migrate`: bring the PostgreSQL schema up to date (the embedded store migrates itself at start). */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import type { CliIo } from './io.ts';

export async function migrateCommand(args: string[], io: CliIo): Promise<number> {
  parseArgs({ args, options: {} }); // no options: anything given is a usage mistake
  const config = loadConfig(io.env);
  if (!config.databaseUrl) {
    io.out(
      'DATABASE_URL is not set: the embedded store (DATA_DIR) migrates itself when Trygg starts; nothing to do.\n',
    );
    return 0;
  }
  // Loaded only here, so the rest of the CLI does not load the PostgreSQL driver. Never print the URL.
  const { migrate } = await import('../store/postgres.ts');
  const { version, applied } = await migrate(config.databaseUrl);
  io.out(
    applied.length
      ? `PostgreSQL schema migrated to version ${version} (applied ${applied.join(', ')}).\n`
      : `PostgreSQL schema is up to date at version ${version}.\n`,
  );
  return 0;
}
