/**
 * Reads vitest's JSON report and says plainly what the run proved, for `.ci/run`:
 *   node scripts/test-report.ts .ci/vitest-report.json [--strict] [--root DIR] [--vitest-status N]
 *
 * vitest reports a test file whose `beforeAll` throws (or that fails to load) as a failed file whose tests are
 * all "skipped", and counts no failure for it. Here such a file is named and its tests count as failed. A test
 * skipped without an agreed reason is named too and fails the run; the agreed reasons are the suites titled
 * "… SKIPPED: <reason>" (no Chromium, no TRYGG_TEST_DATABASE_URL). With `--strict` (CI, where both are
 * installed) nothing may be skipped at all. `--vitest-status` is vitest's own exit code: an error outside any
 * test (an unhandled rejection, a crashed worker) fails vitest but is in no report. The last line is always
 * `N passed, N failed[, N skipped]`; the exit code is 1 when anything above went wrong.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The part of vitest's JSON report read here. */
export interface VitestReport {
  testResults?: {
    name: string;
    status: string;
    message?: string;
    assertionResults?: { fullName?: string; title?: string; status: string }[];
  }[];
}

/** What a run proved. */
export interface TestSummary {
  passed: number;
  failed: number;
  skipped: number;
  /** One line per errored file, failed test and unexplained skip, naming its file. */
  problems: string[];
  /** The final line: `N passed, N failed` and `, N skipped` when any were. */
  line: string;
  ok: boolean;
}

/** A skip whose suite or test title says why, in the agreed form. */
export const AGREED_SKIP = /\bSKIPPED: \S/;

const SKIP_STATUSES = new Set(['skipped', 'pending', 'todo', 'disabled']);

/**
 * Sums up a report; `strict` allows no skip at all; `root` shortens the file names; `vitestStatus` is vitest's
 * exit code, when known.
 */
export function summarize(
  report: VitestReport,
  options: { strict?: boolean; root?: string; vitestStatus?: number } = {},
): TestSummary {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const problems: string[] = [];
  const files = report.testResults ?? [];
  for (const file of files) {
    const name = options.root ? path.relative(options.root, file.name) : file.name;
    const tests = file.assertionResults ?? [];
    const failures = tests.filter((t) => t.status === 'failed');
    // A file vitest marks failed without a failed test: a hook or the file itself threw.
    const errored = file.status === 'failed' && failures.length === 0;
    if (errored) {
      const message = file.message?.trim().split('\n')[0] || 'a hook or the file itself failed (see the output above)';
      problems.push(`ERROR ${name}: ${message}; its ${tests.length} test(s) did not run`);
    }
    for (const test of tests) {
      const title = test.fullName ?? test.title ?? '(untitled)';
      if (test.status === 'passed') passed++;
      else if (test.status === 'failed') {
        failed++;
        problems.push(`FAILED ${name} › ${title}`);
      } else if (errored) failed++;
      else if (SKIP_STATUSES.has(test.status)) {
        skipped++;
        if (options.strict) problems.push(`SKIPPED ${name} › ${title} (nothing may be skipped here)`);
        else if (!AGREED_SKIP.test(title)) problems.push(`SKIPPED without an agreed reason: ${name} › ${title}`);
      } else {
        failed++;
        problems.push(`UNKNOWN STATUS ${test.status}: ${name} › ${title}`);
      }
    }
    if (errored && tests.length === 0) failed++;
  }
  if (passed + failed + skipped === 0) problems.push('no tests ran');
  if (options.vitestStatus && failed === 0 && problems.length === 0)
    problems.push(
      `vitest exited with status ${options.vitestStatus} though no test failed: an error outside the tests ` +
        '(an unhandled rejection, a crashed worker); see the output above',
    );
  const line = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
  return { passed, failed, skipped, problems, line, ok: failed === 0 && problems.length === 0 };
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const values = new Set([args.indexOf('--root') + 1, args.indexOf('--vitest-status') + 1].filter((i) => i > 0));
  const file = args.find((a, i) => !a.startsWith('--') && !values.has(i));
  const rootAt = args.indexOf('--root');
  const statusAt = args.indexOf('--vitest-status');
  if (!file) {
    console.error('usage: node scripts/test-report.ts <vitest-report.json> [--strict] [--root DIR]');
    process.exit(2);
  }
  let report: VitestReport;
  try {
    report = JSON.parse(readFileSync(file, 'utf8')) as VitestReport;
  } catch (err) {
    console.log(`vitest wrote no readable report (${(err as Error).message})`);
    console.log('0 passed, 0 failed');
    process.exit(1);
  }
  const summary = summarize(report, {
    strict: args.includes('--strict'),
    root: rootAt >= 0 ? args[rootAt + 1] : process.cwd(),
    ...(statusAt >= 0 ? { vitestStatus: Number(args[statusAt + 1]) } : {}),
  });
  for (const problem of summary.problems) console.log(problem);
  console.log(summary.line);
  process.exit(summary.ok ? 0 : 1);
}
