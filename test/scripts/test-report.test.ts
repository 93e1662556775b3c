// scripts/test-report.ts, the CI's last word: vitest JSON reports recorded from real runs (test/fixtures/vitest)
// of files that pass, fail, throw in beforeAll, fail to load, and skip with and without an agreed reason.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarize, type VitestReport } from '../../scripts/test-report.ts';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/vitest');
const report = (name: string) => JSON.parse(readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8')) as VitestReport;
const ROOT = '/repo';

describe('summarize', () => {
  it('a clean run: only passes, no problems', () => {
    expect(summarize(report('clean'), { strict: true, root: ROOT })).toEqual({
      passed: 2,
      failed: 0,
      skipped: 0,
      problems: [],
      line: '2 passed, 0 failed',
      ok: true,
    });
  });

  it('a file whose beforeAll throws, and one that fails to load, count as failed and are named', () => {
    const broken = report('broken');
    // What vitest itself counts: one failure, and the broken file's tests as merely skipped.
    expect(broken).toMatchObject({ numFailedTests: 1, numPendingTests: 4 });
    const s = summarize(broken, { root: ROOT });
    expect(s.ok).toBe(false);
    expect(s.problems).toContain(
      'ERROR test/b-beforeall.test.ts: a hook or the file itself failed (see the output above); its 2 test(s) did not run',
    );
    expect(s.problems).toContain('ERROR test/c-import.test.ts: module failed; its 0 test(s) did not run');
    expect(s.problems).toContain('FAILED test/d-fail.test.ts › fails');
    // d-fail's test, b-beforeall's two tests and c-import itself.
    expect(s.failed).toBe(4);
    expect(s.passed).toBe(1);
    expect(s.line).toBe('1 passed, 4 failed, 3 skipped');
  });

  it('a skip without an agreed reason fails the run; "SKIPPED: <reason>" is agreed outside strict mode', () => {
    const s = summarize(report('broken'), { root: ROOT });
    expect(s.problems).toContain('SKIPPED without an agreed reason: test/a-pass.test.ts › ok plain skip');
    expect(s.problems).toContain('SKIPPED without an agreed reason: test/a-pass.test.ts › ok a todo');
    expect(s.problems.join('\n')).not.toMatch(/agreed reason: .*TRYGG_TEST_DATABASE_URL/);

    const agreed = summarize(report('agreed-skips'), { root: ROOT });
    expect(agreed).toMatchObject({ ok: true, problems: [], line: '1 passed, 0 failed, 3 skipped' });
  });

  it('in strict mode (CI, where Chromium and PostgreSQL are installed) nothing may be skipped', () => {
    const s = summarize(report('agreed-skips'), { strict: true, root: ROOT });
    expect(s.ok).toBe(false);
    expect(s.problems).toHaveLength(3);
    expect(s.problems[0]).toMatch(
      /^SKIPPED test\/a\.test\.ts › postgres store — SKIPPED: .* \(nothing may be skipped here\)$/,
    );
    expect(s.line).toBe('1 passed, 0 failed, 3 skipped');
  });

  it('vitest failing outside any test (in no report) fails the run too', () => {
    const s = summarize(report('clean'), { root: ROOT, vitestStatus: 1 });
    expect(s.ok).toBe(false);
    expect(s.problems[0]).toMatch(/^vitest exited with status 1 though no test failed/);
    expect(s.line).toBe('2 passed, 0 failed');
    expect(summarize(report('clean'), { root: ROOT, vitestStatus: 0 }).ok).toBe(true);
  });

  it('an empty report is a failure', () => {
    expect(summarize({ testResults: [] })).toMatchObject({
      ok: false,
      problems: ['no tests ran'],
      line: '0 passed, 0 failed',
    });
  });
});

describe('the command', () => {
  const run = (...args: string[]) => {
    try {
      return {
        code: 0,
        out: execFileSync(process.execPath, [path.join(import.meta.dirname, '../../scripts/test-report.ts'), ...args], {
          encoding: 'utf8',
        }),
      };
    } catch (err) {
      const e = err as { status: number; stdout: string };
      return { code: e.status, out: e.stdout };
    }
  };

  it('ends with the counts line and exits 1 on any problem', () => {
    const ok = run(path.join(FIXTURES, 'agreed-skips.json'), '--root', ROOT);
    expect(ok).toEqual({ code: 0, out: '1 passed, 0 failed, 3 skipped\n' });
    const strict = run(path.join(FIXTURES, 'agreed-skips.json'), '--strict', '--root', ROOT);
    expect(strict.code).toBe(1);
    expect(strict.out.trimEnd().split('\n').at(-1)).toBe('1 passed, 0 failed, 3 skipped');
    const broken = run(path.join(FIXTURES, 'broken.json'), '--root', ROOT);
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(/^ERROR test\/b-beforeall\.test\.ts/m);
    expect(broken.out.trimEnd().split('\n').at(-1)).toBe('1 passed, 4 failed, 3 skipped');
    const crashed = run(path.join(FIXTURES, 'clean.json'), '--root', ROOT, '--vitest-status', '1');
    expect(crashed.code).toBe(1);
    expect(crashed.out.trimEnd().split('\n').at(-1)).toBe('2 passed, 0 failed');
    const missing = run(path.join(FIXTURES, 'no-such-report.json'));
    expect(missing.code).toBe(1);
    expect(missing.out.trimEnd().split('\n').at(-1)).toBe('0 passed, 0 failed');
  });
});
