/**
 * A fresh PostgreSQL schema per test for the multi-instance suites, on the server named by
 * TRYGG_TEST_DATABASE_URL (`bash scripts/postgres-test-server.sh` prints one). Without it the suites are
 * skipped and say why.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const baseUrl = process.env.TRYGG_TEST_DATABASE_URL;

export const SKIP_REASON =
  'SKIPPED: TRYGG_TEST_DATABASE_URL is not set. Run: TRYGG_TEST_DATABASE_URL=$(bash scripts/postgres-test-server.sh) npx vitest run test/multi-instance';

/** The suite title, with the reason when it is skipped (so the report says it). */
export const titled = (name: string) => (baseUrl ? name : `${name} — ${SKIP_REASON}`);

const RUN = `trygg_mi${process.pid}_${randomBytes(3).toString('hex')}`;
let n = 0;
let adminPool: pg.Pool | undefined;

export const admin = () => (adminPool ??= new pg.Pool({ connectionString: baseUrl, max: 3 }));

/** The test database's URL with `search_path` set to `schema`. */
export function inSchema(schema: string): string {
  const url = new URL(baseUrl as string);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

export interface Schema {
  schema: string;
  /** DATABASE_URL for this schema. */
  url: string;
  drop(): Promise<void>;
}

/** A new, empty schema; `drop` removes it and everything in it. */
export async function freshSchema(): Promise<Schema> {
  const schema = `${RUN}_${++n}`;
  await admin().query(`CREATE SCHEMA ${schema}`);
  return {
    schema,
    url: inSchema(schema),
    drop: async () => void (await admin().query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)),
  };
}

/** Drops whatever this run left behind and closes the admin pool. */
export async function dropAll(): Promise<void> {
  if (!adminPool) return;
  const left = await adminPool.query<{ nspname: string }>('SELECT nspname FROM pg_namespace WHERE nspname LIKE $1', [
    `${RUN}\\_%`,
  ]);
  for (const { nspname } of left.rows) await adminPool.query(`DROP SCHEMA ${nspname} CASCADE`);
  await adminPool.end();
  adminPool = undefined;
}
