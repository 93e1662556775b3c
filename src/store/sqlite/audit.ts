/**
 * The routing audit log and the staff audit on SQLite. Routing entries are checked to hold exactly the audit
 * fields (no message text); their conversation hashes are keyed (`../audit-key.ts`).
 */
import type { Category, DangerKind, Lang, RouteId } from '../../routing/types.ts';
import { AuditHasher, LEGACY_HASH } from '../audit-key.ts';
import { toIso, toMs } from '../time.ts';
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
import type { SqliteDb } from './db.ts';

export interface AuditRow {
  at: number;
  route: RouteId;
  rule: string;
  category: Category;
  danger: DangerKind | null;
  channel_id: string;
  language: Lang;
  conversation_hash: string;
}

export const auditEntry = (row: AuditRow): AuditEntry => ({
  at: toIso(row.at),
  route: row.route,
  rule: row.rule,
  category: row.category,
  danger: row.danger,
  channelId: row.channel_id,
  language: row.language,
  conversationHash: row.conversation_hash,
});

export function sqliteAudit(db: SqliteDb, hasher: AuditHasher): AuditLog {
  return {
    hashConversation: (conversationId) => hasher.conversation(conversationId),

    async append(entry: Omit<AuditEntry, 'at'> & { at: Instant }): Promise<void> {
      const e = parseInput(auditEntrySchema, entry, 'audit entry');
      db.run(
        `INSERT INTO audit (at, route, rule, category, danger, channel_id, language, conversation_hash)
         VALUES ($at, $route, $rule, $category, $danger, $channelId, $language, $conversationHash)`,
        { ...e },
      );
    },

    async list(query: AuditQuery = {}): Promise<AuditEntry[]> {
      const rows = db.all<AuditRow>(
        `SELECT * FROM audit WHERE ($since IS NULL OR at >= $since) ORDER BY at DESC, id DESC LIMIT $limit`,
        {
          since: query.since === undefined ? null : toMs(query.since, 'since'),
          limit: checkLimit(query.limit, 1000),
        },
      );
      return rows.map(auditEntry);
    },
  };
}

/**
 * Migration path from the unkeyed hashes older versions wrote (SHA-256 of the conversation id, reversible
 * for SMS): each becomes its keyed form, so repeat contacts still count together and `forgetPhone` still
 * finds them. Idempotent; run at open with the real key.
 */
export function rekeyLegacyAudit(db: SqliteDb, hasher: AuditHasher): number {
  return db.transaction(() => {
    const legacy = db
      .all<{ h: string }>('SELECT DISTINCT conversation_hash AS h FROM audit WHERE length(conversation_hash) = 16')
      .map((row) => row.h)
      .filter((h) => LEGACY_HASH.test(h));
    let changed = 0;
    for (const h of legacy)
      changed += db.run('UPDATE audit SET conversation_hash = $to WHERE conversation_hash = $from', {
        from: h,
        to: hasher.rekeyed(h),
      });
    return changed;
  });
}

interface StaffAuditRow {
  at: number;
  action: StaffAction;
  actor: string;
  details: string;
}

export function sqliteStaffAudit(db: SqliteDb): StaffAuditLog {
  return {
    async append(entry: Omit<StaffAuditEntry, 'at'> & { at: Instant }): Promise<void> {
      const e = parseInput(staffAuditEntrySchema, entry, 'staff audit entry');
      db.run('INSERT INTO staff_audit (at, action, actor, details) VALUES ($at, $action, $actor, $details)', {
        at: e.at,
        action: e.action,
        actor: e.actor,
        details: JSON.stringify(e.details),
      });
    },

    async list(query: AuditQuery = {}): Promise<StaffAuditEntry[]> {
      const rows = db.all<StaffAuditRow>(
        `SELECT at, action, actor, details FROM staff_audit WHERE ($since IS NULL OR at >= $since)
         ORDER BY at DESC, id DESC LIMIT $limit`,
        {
          since: query.since === undefined ? null : toMs(query.since, 'since'),
          limit: checkLimit(query.limit, 1000),
        },
      );
      return rows.map((row) => ({
        at: toIso(row.at),
        action: row.action,
        actor: row.actor,
        details: JSON.parse(row.details) as Record<string, string>,
      }));
    },
  };
}
