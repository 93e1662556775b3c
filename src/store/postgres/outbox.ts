/**
 * The transactional outbox on PostgreSQL: enqueue (alone or inside a case write), lease, complete, fail.
 * `claimDue` picks due rows with `FOR UPDATE SKIP LOCKED` and leases them in the same statement: a row
 * another instance is claiming is skipped, and a row it has just claimed no longer matches, so every item
 * goes to exactly one instance while its lease holds. An expired lease makes the row due again, and the
 * instance that takes it over is recorded in `leased_by`.
 */
import { StoreNotFoundError, StoreValidationError } from '../errors.ts';
import { toMs } from '../time.ts';
import type { Instant, JsonValue, NewOutboxItem, Outbox, OutboxItem, OutboxQuery, OutboxStatus } from '../types.ts';
import { checkLimit, newOutboxItemSchema, parseInput } from '../validate.ts';
import type { PgDb, Sql } from './db.ts';

export interface OutboxRow {
  id: string;
  kind: string;
  key: string;
  case_id: string | null;
  payload: JsonValue;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: Date | null;
  lease_until: Date | null;
  lease_token: string | null;
  fair_seq: number;
  last_error: string | null;
  created_at: Date;
  updated_at: Date;
}

/** How much of a delivery error is kept. */
const MAX_ERROR_LENGTH = 500;

/** The columns of `OutboxRow` (the bigint id as text), optionally qualified by a table alias. */
export function outboxColumns(alias = ''): string {
  const p = alias ? `${alias}.` : '';
  return `${p}id::text AS id, ${p}kind, ${p}key, ${p}case_id, ${p}payload, ${p}status, ${p}attempts, ${p}next_attempt_at,
    ${p}lease_until, ${p}lease_token, ${p}fair_seq, ${p}last_error, ${p}created_at, ${p}updated_at`;
}

export function outboxItem(row: OutboxRow): OutboxItem {
  return {
    id: row.id,
    kind: row.kind,
    key: row.key,
    caseId: row.case_id,
    payload: row.payload,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at?.toISOString() ?? null,
    status: row.status,
    leaseUntil: row.lease_until?.toISOString() ?? null,
    lease: row.lease_token,
    lastError: row.last_error,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/**
 * The item's turn in its conversation's queue (`claimDue` serves turn 1 of every conversation before turn 2
 * of any): one more than the last turn still waiting among the items of cases from the same conversation
 * (channel and conversation id), or 1. Found through indexes: the conversation's cases, then each one's
 * last waiting turn, so it costs a few lookups per case of that conversation (new cases are capped). Two
 * instances enqueuing for one conversation at once may give the same turn: a tie, served oldest first.
 */
const NEXT_TURN = `1 + COALESCE((
  SELECT MAX(o.fair_seq) FROM cases AS mine
    JOIN cases AS c ON c.channel_id = mine.channel_id
      AND c.conversation->'conversation'->>'id' = mine.conversation->'conversation'->>'id'
    JOIN outbox AS o ON o.case_id = c.id AND o.status IN ('pending', 'leased')
  WHERE mine.id = $3), 0)`;

/**
 * Insert outbox items on `sql`; pass a transaction to make them part of it. A key already present is left
 * as it is and its id returned. `caseId` fills in items that name no case.
 */
export async function insertOutboxItems(
  sql: Sql,
  now: Date,
  items: NewOutboxItem[],
  caseId?: string,
): Promise<string[]> {
  if (!Array.isArray(items)) throw new StoreValidationError('Invalid outbox items: expected an array.');
  const parsed = items.map((raw) => parseInput(newOutboxItemSchema, raw, 'outbox item'));
  const ids: string[] = [];
  for (const item of parsed) {
    const inserted = await sql.query<{ id: string }>(
      `INSERT INTO outbox (kind, key, case_id, payload, status, attempts, next_attempt_at, fair_seq, created_at, updated_at)
       VALUES ($1, $2, $3, $4::jsonb, 'pending', 0, $5, ${NEXT_TURN}, $6, $6)
       ON CONFLICT (key) DO NOTHING
       RETURNING id::text AS id`,
      [
        item.kind,
        item.key,
        item.caseId ?? caseId ?? null,
        JSON.stringify(item.payload),
        item.nextAttemptAt === undefined ? now : new Date(item.nextAttemptAt),
        now,
      ],
    );
    let id = inserted.rows[0]?.id;
    if (id === undefined) {
      // The key was there (maybe enqueued by another instance a moment ago): the existing item's id.
      id = (await sql.query<{ id: string }>('SELECT id::text AS id FROM outbox WHERE key = $1', [item.key])).rows[0]
        ?.id;
    }
    ids.push(String(id));
  }
  return ids;
}

/** The bigint id behind an outbox id string; -1 (no such row) when it cannot be one. */
function rowId(id: string): string {
  return typeof id === 'string' && /^\d{1,15}$/.test(id) ? id : '-1';
}

/** Claim order: turn in the conversation's queue, then oldest due, then oldest enqueued. */
function inTurn(a: OutboxRow, b: OutboxRow): number {
  return (
    a.fair_seq - b.fair_seq ||
    (a.next_attempt_at?.getTime() ?? 0) - (b.next_attempt_at?.getTime() ?? 0) ||
    Number(a.id) - Number(b.id)
  );
}

export function postgresOutbox(db: PgDb): Outbox {
  /** Apply `set` if `lease` still holds the item; false when it does not, NotFound for an unknown id. */
  async function settle(id: string, lease: string, set: string, params: unknown[]): Promise<boolean> {
    if (typeof lease !== 'string' || !lease) throw new StoreValidationError('Invalid lease: expected the claim token.');
    const { count } = await db.sql.query(
      `UPDATE outbox SET ${set}, lease_until = NULL, leased_by = NULL, lease_token = NULL, updated_at = $2
       WHERE id = $1::bigint AND status = 'leased' AND lease_token = $3`,
      [rowId(id), db.now(), lease, ...params],
    );
    if (count > 0) return true;
    const found = await db.sql.query('SELECT 1 FROM outbox WHERE id = $1::bigint', [rowId(id)]);
    if (found.count === 0) throw new StoreNotFoundError('No such outbox item; it may have been purged or erased.');
    return false;
  }

  return {
    async enqueue(items: NewOutboxItem[]): Promise<string[]> {
      return db.transaction((tx) => insertOutboxItems(tx, db.now(), items));
    },

    async claimDue(now: Instant, limit: number, leaseMs: number): Promise<OutboxItem[]> {
      const at = toMs(now, 'claim time');
      const max = checkLimit(limit, 1);
      if (!Number.isFinite(leaseMs) || leaseMs <= 0) throw new StoreValidationError('Invalid lease: expected ms > 0.');
      const { rows } = await db.sql.query<OutboxRow>(
        `WITH due AS (
           SELECT id FROM outbox
           WHERE (status = 'pending' AND next_attempt_at <= $1) OR (status = 'leased' AND lease_until <= $1)
           ORDER BY fair_seq, next_attempt_at, id
           LIMIT $2
           FOR UPDATE SKIP LOCKED)
         UPDATE outbox AS o
         SET status = 'leased', lease_until = $3, leased_by = $4, lease_token = gen_random_uuid()::text,
           attempts = o.attempts + 1, updated_at = $5
         FROM due WHERE o.id = due.id
         RETURNING ${outboxColumns('o')}`,
        [new Date(at), max, new Date(at + leaseMs), db.instanceId, db.now()],
      );
      return rows.sort(inTurn).map(outboxItem);
    },

    async complete(id: string, lease: string): Promise<boolean> {
      return settle(id, lease, "status = 'done', next_attempt_at = NULL", []);
    },

    async fail(id: string, lease: string, error: string, nextAttemptAt: Instant | null): Promise<boolean> {
      const next = nextAttemptAt === null ? null : toMs(nextAttemptAt, 'next attempt');
      return settle(id, lease, 'status = $4, next_attempt_at = $5, last_error = $6', [
        next === null ? 'dead' : 'pending',
        next === null ? null : new Date(next),
        String(error).slice(0, MAX_ERROR_LENGTH),
      ]);
    },

    async get(id: string): Promise<OutboxItem | undefined> {
      const { rows } = await db.sql.query<OutboxRow>(`SELECT ${outboxColumns()} FROM outbox WHERE id = $1::bigint`, [
        rowId(id),
      ]);
      return rows[0] && outboxItem(rows[0]);
    },

    async list(query: OutboxQuery = {}): Promise<OutboxItem[]> {
      const { rows } = await db.sql.query<OutboxRow>(
        `SELECT ${outboxColumns()} FROM outbox
         WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR case_id = $2)
         ORDER BY id LIMIT $3`,
        [query.status ?? null, query.caseId ?? null, checkLimit(query.limit, 100)],
      );
      return rows.map(outboxItem);
    },
  };
}
