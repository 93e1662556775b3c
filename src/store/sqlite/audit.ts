/** The routing audit log on SQLite. Entries are checked to hold exactly the audit fields: no message text. */
import type { Category, DangerKind, Lang, RouteId } from '../../routing/types.ts';
import { toIso, toMs } from '../time.ts';
import type { AuditEntry, AuditLog, AuditQuery, Instant } from '../types.ts';
import { auditEntrySchema, checkLimit, parseInput } from '../validate.ts';
import type { SqliteDb } from './db.ts';

interface AuditRow {
  at: number;
  route: RouteId;
  rule: string;
  category: Category;
  danger: DangerKind | null;
  channel_id: string;
  language: Lang;
  conversation_hash: string;
}

export function sqliteAudit(db: SqliteDb): AuditLog {
  return {
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
      return rows.map((row) => ({
        at: toIso(row.at),
        route: row.route,
        rule: row.rule,
        category: row.category,
        danger: row.danger,
        channelId: row.channel_id,
        language: row.language,
        conversationHash: row.conversation_hash,
      }));
    },
  };
}
