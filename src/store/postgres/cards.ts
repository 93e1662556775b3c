/**
 * Where staff cards were posted, on PostgreSQL (`staff_cards`, `staff_card_posts`). Recording a card locks
 * its subject's row first, so a card recorded while the case is being erased either lands before the erasure
 * (and is redacted with it) or finds the case gone.
 */
import { StoreNotFoundError } from '../errors.ts';
import type { CardSubjectKind, StaffCard, StaffCards } from '../types.ts';
import { parseInput, staffCardSchema, staffPostSchema } from '../validate.ts';
import type { PgDb } from './db.ts';

interface CardRow {
  subject: string;
  kind: CardSubjectKind;
  thread_id: string;
  message_id: string;
  posted_at: Date;
}

const card = (row: CardRow): StaffCard => ({
  subject: row.subject,
  kind: row.kind,
  threadId: row.thread_id,
  messageId: row.message_id,
  postedAt: row.posted_at.toISOString(),
});

/** The table each kind of subject lives in: a card is recorded only while its subject exists. */
const SUBJECT_TABLES: Record<CardSubjectKind, string> = { case: 'cases', incident: 'incidents' };

export function postgresCards(db: PgDb): StaffCards {
  return {
    async get(subject) {
      const { rows } = await db.sql.query<CardRow>('SELECT * FROM staff_cards WHERE subject = $1', [String(subject)]);
      return rows[0] && card(rows[0]);
    },

    async record(input) {
      const c = parseInput(staffCardSchema, input, 'staff card');
      return db.transaction(async (tx) => {
        const exists = await tx.query(`SELECT 1 FROM ${SUBJECT_TABLES[c.kind]} WHERE id = $1 FOR UPDATE`, [c.subject]);
        if (!exists.rows.length) throw new StoreNotFoundError(`No such ${c.kind}; it may have been purged or erased.`);
        const { rows } = await tx.query<CardRow>(
          `INSERT INTO staff_cards (subject, kind, thread_id, message_id, posted_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (subject) DO UPDATE SET thread_id = excluded.thread_id, message_id = excluded.message_id,
             posted_at = excluded.posted_at
           RETURNING *`,
          [c.subject, c.kind, c.threadId, c.messageId, db.now()],
        );
        return card(rows[0]!);
      });
    },

    async byThread(threadId) {
      const { rows } = await db.sql.query<CardRow>(
        'SELECT * FROM staff_cards WHERE thread_id = $1 ORDER BY posted_at DESC LIMIT 1',
        [String(threadId)],
      );
      return rows[0] && card(rows[0]);
    },

    async byMessage(messageId) {
      const { rows } = await db.sql.query<CardRow>(
        'SELECT * FROM staff_cards WHERE message_id = $1 ORDER BY posted_at DESC LIMIT 20',
        [String(messageId)],
      );
      return rows.map(card);
    },

    async recordPost(subject, messageId) {
      const p = parseInput(staffPostSchema, { subject, messageId }, 'staff post');
      await db.sql.query(
        `INSERT INTO staff_card_posts (subject, message_id)
         SELECT $1, $2 WHERE EXISTS (SELECT 1 FROM staff_cards WHERE subject = $1)
         ON CONFLICT DO NOTHING`,
        [p.subject, p.messageId],
      );
    },
  };
}
