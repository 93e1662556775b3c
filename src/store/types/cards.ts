/**
 * Where a staff card was posted: the staff side (Microsoft Teams today) records the thread and message of a
 * case's or an incident's card here, apart from the case and incident tables, which know nothing of Teams.
 */

/** What a card is about. */
export const CARD_SUBJECT_KINDS = ['case', 'incident'] as const;
export type CardSubjectKind = (typeof CARD_SUBJECT_KINDS)[number];

/** A card as posted. */
export interface StaffCard {
  /** The case id (`T-…`) or incident id (`H-…`) the card is about. Unique: one card per subject. */
  subject: string;
  /** Whether the subject is a case or an incident. */
  kind: CardSubjectKind;
  /** The conversation id of the thread that holds the card (staff replies arrive here). */
  threadId: string;
  /** The id of the card's own message, to update it in place. */
  messageId: string;
  /** When the card was recorded (ISO, UTC). */
  postedAt: string;
}

/** Cards of cases and incidents, by subject, thread and message. */
export interface StaffCards {
  /** The card of a case or incident, or undefined while it is not posted. */
  get(subject: string): Promise<StaffCard | undefined>;
  /**
   * Record where a subject's card was posted (replacing an earlier record: a card posted again). Rejects with
   * `StoreNotFoundError` when the case or incident is gone (erased while its card was on its way), so the
   * caller can take the card down again.
   */
  record(card: Omit<StaffCard, 'postedAt'>): Promise<StaffCard>;
  /** The card whose thread has this conversation id. */
  byThread(threadId: string): Promise<StaffCard | undefined>;
  /** The cards whose own message has this id (in any channel: the caller checks the channel). */
  byMessage(messageId: string): Promise<StaffCard[]>;
  /**
   * Remember a message the bot posted in a card's thread, so that erasing a case can have it deleted.
   * Recording the same id twice, or for a subject without a card, does nothing.
   */
  recordPost(subject: string, messageId: string): Promise<void>;
}
