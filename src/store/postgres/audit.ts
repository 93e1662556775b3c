/** The routing audit log on PostgreSQL. Entries are checked to hold exactly the audit fields: no message text. */
import type { Category, DangerKind, Lang, RouteId } from '../../routing/types.ts';
import { toMs } from '../time.ts';
import type { AuditEntry, AuditLog, AuditQuery, Instant } from '../types.ts';
import { auditEntrySchema, checkLimit, parseInput } from '../validate.ts';
import type { PgDb } from './db.ts';

interface AuditRow {
  at: Date;
  route: RouteId;
  rule: string;
  category: Category;
  danger: DangerKind | null;
  channel_id: string;
  language: Lang;
  conversation_hash: string;
}

export function postgresAudit(db: PgDb): AuditLog {
  return {
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
        `SELECT at, route, rule, category, danger, channel_id, language, conversation_hash FROM audit
         WHERE ($1::timestamptz IS NULL OR at >= $1) ORDER BY at DESC, id DESC LIMIT $2`,
        [since, checkLimit(query.limit, 1000)],
      );
      return rows.map((row) => ({
        at: row.at.toISOString(),
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
