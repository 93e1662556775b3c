/**
 * `trygg`: the command-line tool. Reads the same DATA_DIR / DATABASE_URL / POLICY_FILE as the server.
 * Each command is a function of (args, io) returning an exit code, so tests run it in-process.
 */
import { AreasError } from '../cases/incidents/places.ts';
import { ConfigError } from '../config.ts';
import { PolicyError } from '../routing/policy.ts';
import { StoreError } from '../store/errors.ts';

import { scheduleCommand } from './schedule.ts';
import { CliError, defaultIo, type CliIo } from './io.ts';

type Command = (args: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  route: async (a, io) => (await import('./route.ts')).routeCommand(a, io),
  schedule: scheduleCommand,
  shift: async (a, io) => (await import('./shift.ts')).shiftCommand(a, io),
  cases: async (a, io) => (await import('./cases.ts')).casesCommand(a, io),
  case: async (a, io) => (await import('./cases.ts')).caseCommand(a, io),
  purge: async (a, io) => (await import('./cases.ts')).purgeCommand(a, io),
  export: async (a, io) => (await import('./cases.ts')).phoneCommand('export', a, io),
  forget: async (a, io) => (await import('./cases.ts')).phoneCommand('forget', a, io),
  migrate: async (a, io) => (await import('./migrate.ts')).migrateCommand(a, io),
  incident: async (a, io) => (await import('./incident.ts')).incidentCommand(a, io),
  report: async (a, io) => (await import('./report.ts')).reportCommand(a, io),
};

const USAGE = `usage: trygg <command> [options]

  route [--at ISO] [--channel webchat|sms|telephony] [--policy FILE] [--explain] [--lang sv|en] "text"
  route --jsonl                 stdin {"id","text","at"?,"channel"?} per line -> one decision per line
  schedule [--at ISO] [--days N] [--policy FILE] [--lang sv|en] [--json]
  shift add <route> --from <ISO|now> --to <ISO|+Nh> [--note "…"] [--closed]
  shift list | shift remove <id>
  cases [--status open|claimed|closed] [--route R] [--limit N] [--json]
  case <id>
  purge [--days N]              delete cases, transcripts and state older than the retention (policy)
  export --phone <number>       everything stored about a phone number (data-subject access)
  forget --phone <number>       erase everything stored about a phone number
  migrate                       apply the PostgreSQL schema migrations (DATABASE_URL)
  incident open --where "<area | street [number]>" --kind <kind> --text "<sv>" [--text-en "…"] [--text-ar "…"]
           [--office-hours "YYYY-MM-DD HH:MM-HH:MM"] [--json]
  incident update <id> --text "<sv>" [--text-en "…"] [--text-ar "…"] [--json]
  incident close <id> --text "<sv>" [--text-en "…"] [--text-ar "…"] [--json]
  incident list [--json]
  report [--night YYYY-MM-DD | --from ISO --to ISO] [--format md|json|csv]
                                the night report for a night or any span (default: the latest morning's)
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
    const parseError = (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (
      e instanceof CliError ||
      e instanceof PolicyError ||
      e instanceof ConfigError ||
      e instanceof AreasError ||
      e instanceof StoreError ||
      parseError
    ) {
      io.err(`trygg ${name}: ${(e as Error).message}\n`);
      return 2;
    }
    throw e;
  }
}
