/**
 * Scheduled jobs that must run once across instances (retention purge, re-alerts of unclaimed cases): one
 * row per job with the earliest time it may run again. A single upsert claims a run: it inserts the row the
 * first time, and otherwise moves `next_run_at` on only when it has come. Of several instances asking at
 * once, the first takes the row lock and moves the time; the others then find it in the future.
 */
import { StoreValidationError } from '../errors.ts';
import type { JobRunner } from '../types.ts';
import type { PgDb, Sql } from './db.ts';

/** Longest job name. */
const MAX_NAME = 200;

/**
 * Claim this interval's run of job `name` at `now`: true for exactly one caller per interval, which should
 * then do the work; false for everyone else. The next run is due `intervalMs` after this one.
 */
export async function tryRunJob(
  sql: Sql,
  name: string,
  intervalMs: number,
  now: Date,
  runBy: string,
): Promise<boolean> {
  if (typeof name !== 'string' || name.length === 0 || name.length > MAX_NAME) {
    throw new StoreValidationError(`Invalid job name: expected 1 to ${MAX_NAME} characters.`);
  }
  if (!Number.isInteger(intervalMs) || intervalMs <= 0)
    throw new StoreValidationError('Invalid job interval: expected whole ms > 0.');
  const { count } = await sql.query(
    `INSERT INTO jobs (name, next_run_at, last_run_at, last_run_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (name) DO UPDATE
       SET next_run_at = excluded.next_run_at, last_run_at = excluded.last_run_at, last_run_by = excluded.last_run_by
       WHERE jobs.next_run_at <= excluded.last_run_at
     RETURNING name`,
    [name, new Date(now.getTime() + intervalMs), now, runBy],
  );
  return count === 1;
}

/** Makes job `name` due at once again, if `runBy` made the last claim. */
export async function releaseJob(sql: Sql, name: string, now: Date, runBy: string): Promise<void> {
  await sql.query('UPDATE jobs SET next_run_at = $2 WHERE name = $1 AND last_run_by = $3 AND next_run_at > $2', [
    name,
    now,
    runBy,
  ]);
}

export function postgresJobs(db: PgDb): JobRunner {
  return {
    tryRun: (name, intervalMs) => tryRunJob(db.sql, name, intervalMs, db.now(), db.instanceId),
    release: (name) => releaseJob(db.sql, name, db.now(), db.instanceId),
  };
}
