/**
 * `trygg`: the command-line tool. Reads the same DATA_DIR / DATABASE_URL / POLICY_FILE as the server.
 * Each command is a function of (args, io) returning an exit code, so tests run it in-process.
 */
import { ConfigError } from '../config.ts';
import { PolicyError } from '../routing/policy.ts';

import { scheduleCommand } from './schedule.ts';
import { CliError, defaultIo, type CliIo } from './io.ts';

type Command = (args: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  route: async (a, io) => (await import('./route.ts')).routeCommand(a, io),
  schedule: scheduleCommand,
};

const USAGE = `usage: trygg <command> [options]

  route [--at ISO] [--channel webchat|sms|telephony] [--policy FILE] [--explain] [--lang sv|en] "text"
  route --jsonl                 stdin {"id","text","at"?,"channel"?} per line -> one decision per line
  schedule [--at ISO] [--days N] [--policy FILE] [--lang sv|en]
`;

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function main(argv: string[], io: CliIo = defaultIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`trygg: unknown command "${name}"\n${USAGE}`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (e) {
    if (e instanceof CliError || e instanceof PolicyError || e instanceof ConfigError) {
      io.err(`trygg ${name}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
