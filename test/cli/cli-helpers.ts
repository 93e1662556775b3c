/** Runs the CLI in-process with captured output and a fixed clock. */
import { main } from '../../src/cli/main.ts';
import type { CliIo } from '../../src/cli/io.ts';

export async function runCli(
  argv: string[],
  options: { stdin?: string[]; env?: NodeJS.ProcessEnv; now?: string } = {},
) {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    lines: async function* () {
      yield* options.stdin ?? [];
    },
    now: () => new Date(options.now ?? '2027-01-19T22:00:00Z'),
    env: options.env ?? { DATA_DIR: '/nonexistent-trygg-test' },
  };
  const code = await main(argv, io);
  return { code, out, err };
}
