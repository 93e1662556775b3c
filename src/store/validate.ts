/**
 * Input checks shared by every store implementation: what goes into the database is validated once, here,
 * and comes out normalized (times as epoch ms). Error messages name fields, never values.
 */
import { z } from 'zod';
import { CATEGORIES, DANGER_KINDS, LANGUAGES, ROUTES } from '../routing/types.ts';
import { StoreValidationError } from './errors.ts';
import { toMs } from './time.ts';
import {
  CARD_SUBJECT_KINDS,
  CASE_STATUSES,
  INCIDENT_KINDS,
  INCIDENT_STATUSES,
  SHIFT_KINDS,
  STAFF_ACTIONS,
  TRANSCRIPT_SENDERS,
} from './types.ts';

/** Longest free text the store accepts in one field (a transcript line, a summary). */
const MAX_TEXT = 20_000;
/** Longest short field (a name, an id, a rule). */
const MAX_SHORT = 500;

const instant = z.union([z.date(), z.iso.datetime({ offset: true })]).transform((at) => toMs(at));
const shortText = z.string().max(MAX_SHORT);
const route = z.enum(ROUTES);
const category = z.enum(CATEGORIES);
const danger = z.enum(DANGER_KINDS).nullable();
const language = z.enum(LANGUAGES);
const conversation = z.record(z.string(), z.unknown());

const contact = z.strictObject({
  phone: shortText.optional(),
  name: shortText.optional(),
  address: shortText.optional(),
  stairwell: shortText.optional(),
  consent: z.boolean().optional(),
  hearBack: z.boolean().optional(),
});

export const transcriptEntrySchema = z.strictObject({
  at: instant.optional(),
  from: z.enum(TRANSCRIPT_SENDERS),
  text: z.string().max(MAX_TEXT),
});

export const newCaseSchema = z.strictObject({
  route,
  category,
  danger: danger.optional().default(null),
  language,
  channelId: shortText.min(1),
  conversation,
  summary: z.string().max(MAX_TEXT).optional().default(''),
  transcript: z.array(transcriptEntrySchema).optional().default([]),
  contact: contact.optional().default({}),
});

export const casePatchSchema = z.strictObject({
  route: route.optional(),
  category: category.optional(),
  danger: danger.optional(),
  language: language.optional(),
  conversation: conversation.optional(),
  summary: z.string().max(MAX_TEXT).optional(),
  contact: contact.optional(),
  replaceContact: z.boolean().optional(),
  status: z.enum(CASE_STATUSES).optional(),
  claimedBy: shortText.nullable().optional(),
  outcome: z.string().max(MAX_TEXT).nullable().optional(),
});

export const auditEntrySchema = z.strictObject({
  at: instant,
  route,
  rule: shortText,
  category,
  danger,
  channelId: shortText,
  language,
  conversationHash: shortText,
});

export const staffAuditEntrySchema = z.strictObject({
  at: instant,
  action: z.enum(STAFF_ACTIONS),
  actor: z.string().max(100),
  details: z.record(z.string().max(50), z.string().max(MAX_SHORT)).refine((d) => Object.keys(d).length <= 20, {
    message: 'at most 20 details',
  }),
});

export const newShiftSchema = z
  .strictObject({
    route,
    kind: z.enum(SHIFT_KINDS),
    from: instant,
    to: instant,
    note: shortText.optional(),
    createdBy: shortText.optional(),
  })
  .refine((s) => s.to > s.from, { message: 'must be after from', path: ['to'] });

export const newOutboxItemSchema = z.strictObject({
  kind: shortText.min(1),
  key: shortText.min(1),
  payload: z.json(),
  nextAttemptAt: instant.optional(),
  caseId: shortText.optional(),
});

export const staffCardSchema = z.strictObject({
  subject: shortText.min(1),
  kind: z.enum(CARD_SUBJECT_KINDS),
  threadId: shortText.min(1),
  messageId: shortText.min(1),
});

export const staffPostSchema = z.strictObject({ subject: shortText.min(1), messageId: shortText.min(1) });

/** Longest notice text staff may write (it goes to tenants by SMS too). */
const MAX_NOTICE = 2_000;
const noticeText = z.strictObject({
  sv: z.string().trim().min(1).max(MAX_NOTICE),
  en: z.string().trim().min(1).max(MAX_NOTICE).optional(),
  ar: z.string().trim().min(1).max(MAX_NOTICE).optional(),
});
const officeHours = z
  .strictObject({ from: instant, to: instant })
  .refine((h) => h.to > h.from, { message: 'must end after it starts', path: ['to'] });
const incidentKind = z.enum(INCIDENT_KINDS);
const place = z.union([
  z.strictObject({ area: shortText.min(1) }),
  z.strictObject({ street: shortText.min(1), number: z.string().max(20).optional(), area: shortText.optional() }),
]);

export const newIncidentSchema = z.strictObject({
  kind: incidentKind,
  place,
  where: shortText.min(1),
  text: noticeText,
  officeHours: officeHours.optional(),
  by: z.string().max(100),
});

export const incidentNoticeSchema = z.strictObject({
  text: noticeText,
  by: z.string().max(100),
  close: z.boolean().optional(),
  officeHours: officeHours.optional(),
});

export const incidentQuerySchema = z.strictObject({
  status: z.enum(INCIDENT_STATUSES).optional(),
  limit: z.number().int().min(1).max(10_000).optional(),
});

const incidentContact = { channelId: shortText.min(1), conversationId: shortText.min(1) };
export const incidentContactSchema = z.strictObject(incidentContact);
export const incidentLinkSchema = z.strictObject({ ...incidentContact, caseId: shortText.optional() });
export const incidentSubscriberSchema = z.strictObject({
  channelId: shortText.min(1),
  conversation,
  language,
  seenSeq: z.number().int().min(0),
});
export const incidentSignalSchema = z.strictObject({
  ...incidentContact,
  kind: incidentKind,
  placeKey: shortText.min(1),
});
export const signalRuleSchema = z.strictObject({
  threshold: z.number().int().min(1),
  windowMs: z.number().int().min(1),
});

export const shiftQuerySchema = z.strictObject({
  activeAt: instant.optional(),
  from: instant.optional(),
  to: instant.optional(),
});

/** A positive whole number, for limits; `fallback` when left out. */
export function checkLimit(limit: number | undefined, fallback: number, what = 'limit'): number {
  if (limit === undefined) return fallback;
  if (!Number.isInteger(limit) || limit < 1)
    throw new StoreValidationError(`Invalid ${what}: expected a whole number ≥ 1.`);
  return limit;
}

/** Parse `value` with `schema` or throw a `StoreValidationError` that lists the failing fields. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new StoreValidationError(`Invalid ${what}: ${fields.join('; ')}.`);
}

export type ParsedNewCase = z.output<typeof newCaseSchema>;
export type ParsedCasePatch = z.output<typeof casePatchSchema>;
export type ParsedTranscriptEntry = z.output<typeof transcriptEntrySchema>;
export type ParsedOutboxItem = z.output<typeof newOutboxItemSchema>;

/** Where a page of cases ended: the last case's creation time (ms) and its row number. */
export interface CaseCursor {
  createdAt: number;
  row: number;
}

/** An opaque cursor for the page after the case at (`createdAt`, `row`). */
export function encodeCaseCursor(cursor: CaseCursor): string {
  return `c1.${cursor.createdAt}.${cursor.row}`;
}

/** The position a cursor from `encodeCaseCursor` stands for; a `StoreValidationError` for anything else. */
export function decodeCaseCursor(cursor: string | undefined): CaseCursor | undefined {
  if (cursor === undefined) return undefined;
  const m = typeof cursor === 'string' ? /^c1\.(\d{1,15})\.(\d{1,15})$/.exec(cursor) : null;
  if (!m) throw new StoreValidationError('Invalid cursor: pass `next` from the previous page as it was.');
  return { createdAt: Number(m[1]), row: Number(m[2]) };
}
