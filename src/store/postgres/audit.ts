/**
 * The routing audit log and the staff audit on PostgreSQL. Routing entries are checked to hold exactly the
 * audit fields (no message text); their conversation hashes are keyed (`../audit-key.ts`).
 */
import type { Category, DangerKind, Lang, RouteId } from '../../routing/types.ts';
import { type AuditHasher, LEGACY_HASH } from '../audit-key.ts';
import { toMs } from '../time.ts';
import type {
  AuditEntry,
  AuditLog,
  AuditQuery,
  Instant,
  StaffAction,
  StaffAuditEntry,
  StaffAuditLog,
} from '../types.ts';
import { auditEntrySchema, checkLimit, parseInput, staffAuditEntrySchema } from '../validate.ts';
import type { PgDb } from './db.ts';

export interface AuditRow {
  at: Date;
  route: RouteId;
  rule: string;
  category: Category;
  danger: DangerKind | null;
  channel_id: string;
  language: Lang;
  conversation_hash: string;
}

/** The columns of `AuditRow`. */
export const AUDIT_COLUMNS = 'at, route, rule, category, danger, channel_id, language, conversation_hash';

export const auditEntry = (row: AuditRow): AuditEntry => ({
  at: row.at.toISOString(),
  route: row.route,
  rule: row.rule,
  category: row.category,
  danger: row.danger,
  channelId: row.channel_id,
  language: row.language,
  conversationHash: row.conversation_hash,
});

export function postgresAudit(db: PgDb, hasher: AuditHasher): AuditLog {
  return {
    hashConversation: (conversationId) => hasher.conversation(conversationId),

    async append(entry: Omit<AuditEntry, 'at'> & { at: Instant }): Promise<void> {
      const e = parseInput(auditEntrySchema, entry, 'audit entry');
      await db.sql.query(
        `INSERT INTO audit (at, route, rule, category, danger, channel_id, language, conversation_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [new Date(e.at), e.route, e.rule, e.category, e.danger, e.channelId, e.language, e.conversationHash],
      );
    },

    async list(query: AuditQuery = {}): Promise<AuditEntry[]> {
      const since = query.since === undefined ? null : new Date(toMs(query.since, 'since'));
      const { rows } = await db.sql.query<AuditRow>(
        `SELECT ${AUDIT_COLUMNS} FROM audit
         WHERE ($1::timestamptz IS NULL OR at >= $1) ORDER BY at DESC, id DESC LIMIT $2`,
        [since, checkLimit(query.limit, 1000)],
      );
      return rows.map(auditEntry);
    },
  };
}

/**
 * Migration path from the unkeyed hashes older versions wrote (SHA-256 of the conversation id, reversible
 * for SMS): each becomes its keyed form, so repeat contacts still count together and `forgetPhone` still
 * finds them. Idempotent, and safe when several instances run it at once (an old hash matches only once).
 */
export async function rekeyLegacyAudit(db: PgDb, hasher: AuditHasher): Promise<number> {
  const { rows } = await db.sql.query<{ h: string }>(
    "SELECT DISTINCT conversation_hash AS h FROM audit WHERE conversation_hash ~ '^[0-9a-f]{16}$'",
  );
  const legacy = rows.map((row) => row.h).filter((h) => LEGACY_HASH.test(h));
  if (!legacy.length) return 0;
  const result = await db.sql.query(
    `UPDATE audit AS a SET conversation_hash = m.keyed
     FROM unnest($1::text[], $2::text[]) AS m (legacy, keyed) WHERE a.conversation_hash = m.legacy`,
    [legacy, legacy.map((h) => hasher.rekeyed(h))],
  );
  return result.count;
}

interface StaffAuditRow {
  at: Date;
  action: StaffAction;
  actor: string;
  details: Record<string, string>;
}

export function postgresStaffAudit(db: PgDb): StaffAuditLog {
  return {
    async append(entry: Omit<StaffAuditEntry, 'at'> & { at: Instant }): Promise<void> {
      const e = parseInput(staffAuditEntrySchema, entry, 'staff audit entry');
      await db.sql.query('INSERT INTO staff_audit (at, action, actor, details) VALUES ($1, $2, $3, $4::jsonb)', [
        new Date(e.at),
        e.action,
        e.actor,
        JSON.stringify(e.details),
      ]);
    },

    async list(query: AuditQuery = {}): Promise<StaffAuditEntry[]> {
      const since = query.since === undefined ? null : new Date(toMs(query.since, 'since'));
      const { rows } = await db.sql.query<StaffAuditRow>(
        `SELECT at, action, actor, details FROM staff_audit
         WHERE ($1::timestamptz IS NULL OR at >= $1) ORDER BY at DESC, id DESC LIMIT $2`,
        [since, checkLimit(query.limit, 1000)],
      );
      return rows.map((row) => ({
        at: row.at.toISOString(),
        action: row.action,
        actor: row.actor,
        details: row.details,
      }));
    },
  };
}
