/** What a CLI command may touch: its output streams, its input, the clock and the environment. */
import { DateTime } from 'luxon';
import { loadConfig, type Config } from '../config.ts';
import { loadPolicy, type Policy } from '../routing/policy.ts';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Standard input, line by line. */
  lines(): AsyncIterable<string>;
  now(): Date;
  env: NodeJS.ProcessEnv;
}

/** A usage mistake: reported in one line with exit code 2. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

export function defaultIo(): CliIo {
  return {
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    lines: async function* () {
      const { createInterface } = await import('node:readline');
      yield* createInterface({ input: process.stdin, crlfDelay: Infinity });
    },
    now: () => new Date(),
    env: process.env,
  };
}

/** The configuration and the policy (`--policy` wins over POLICY_FILE). */
export function loadContext(io: CliIo, policyFlag?: string): { config: Config; policy: Policy } {
  const config = loadConfig(io.env);
  return { config, policy: loadPolicy(policyFlag ?? config.policyFile) };
}

/** Parses an `--at` value: an ISO-8601 time (with or without offset, read in the policy's zone), or now. */
export function parseAt(value: string | undefined, io: CliIo, zone: string, flag = '--at'): Date {
  if (!value || value === 'now') return io.now();
  const dt = DateTime.fromISO(value, { zone });
  if (!dt.isValid) throw new CliError(`${flag}: not an ISO-8601 time: ${JSON.stringify(value)}`);
  return dt.toJSDate();
}
