/** Where staff cards were posted, on SQLite (`staff_cards`, `staff_card_posts`). */
import { StoreNotFoundError } from '../errors.ts';
import { toIso } from '../time.ts';
import type { CardSubjectKind, StaffCard, StaffCards } from '../types.ts';
import { parseInput, staffCardSchema, staffPostSchema } from '../validate.ts';
import type { SqliteDb } from './db.ts';

interface CardRow {
  subject: string;
  kind: CardSubjectKind;
  thread_id: string;
  message_id: string;
  posted_at: number;
}

const card = (row: CardRow): StaffCard => ({
  subject: row.subject,
  kind: row.kind,
  threadId: row.thread_id,
  messageId: row.message_id,
  postedAt: toIso(row.posted_at),
});

/** The table each kind of subject lives in: a card is recorded only while its subject exists. */
export const SUBJECT_TABLES: Record<CardSubjectKind, string> = { case: 'cases', incident: 'incidents' };

export function sqliteCards(db: SqliteDb): StaffCards {
  return {
    async get(subject) {
      const row = db.get<CardRow>('SELECT * FROM staff_cards WHERE subject = $subject', { subject: String(subject) });
      return row && card(row);
    },

    async record(input) {
      const c = parseInput(staffCardSchema, input, 'staff card');
      return db.transaction(() => {
        const exists = db.get(`SELECT 1 AS x FROM ${SUBJECT_TABLES[c.kind]} WHERE id = $id`, { id: c.subject });
        if (!exists) throw new StoreNotFoundError(`No such ${c.kind}; it may have been purged or erased.`);
        const row = db.get<CardRow>(
          `INSERT INTO staff_cards (subject, kind, thread_id, message_id, posted_at)
           VALUES ($subject, $kind, $threadId, $messageId, $now)
           ON CONFLICT (subject) DO UPDATE SET thread_id = excluded.thread_id, message_id = excluded.message_id,
             posted_at = excluded.posted_at
           RETURNING *`,
          { subject: c.subject, kind: c.kind, threadId: c.threadId, messageId: c.messageId, now: db.now() },
        );
        return card(row!);
      });
    },

    async byThread(threadId) {
      const row = db.get<CardRow>('SELECT * FROM staff_cards WHERE thread_id = $threadId ORDER BY posted_at DESC', {
        threadId: String(threadId),
      });
      return row && card(row);
    },

    async byMessage(messageId) {
      return db
        .all<CardRow>('SELECT * FROM staff_cards WHERE message_id = $messageId ORDER BY posted_at DESC LIMIT 20', {
          messageId: String(messageId),
        })
        .map(card);
    },

    async recordPost(subject, messageId) {
      const p = parseInput(staffPostSchema, { subject, messageId }, 'staff post');
      db.run(
        `INSERT INTO staff_card_posts (subject, message_id)
         SELECT $subject, $messageId WHERE EXISTS (SELECT 1 FROM staff_cards WHERE subject = $subject)
         ON CONFLICT DO NOTHING`,
        p,
      );
    },
  };
}
