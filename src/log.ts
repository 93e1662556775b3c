/**
 * Structured JSON logs (pino) that never carry personal data: known personal fields are removed by path,
 * and every logged string is scrubbed of phone numbers, e-mail addresses and personal identity numbers.
 * Message text, addresses and names are never logged; log ids, routes, rules and counts instead.
 */
import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

/** Fields whose values are personal wherever they appear. */
const REDACT = [
  'text',
  '*.text',
  'activity.text',
  'body',
  '*.body',
  'phone',
  '*.phone',
  'address',
  '*.address',
  'name',
  '*.name',
  'from',
  '*.from',
  'recipient',
  '*.recipient',
  'transcript',
  '*.transcript',
  'contact',
  '*.contact',
  'summary',
  '*.summary',
  'req.headers.authorization',
  'headers.authorization',
];

const PATTERNS: [RegExp, string][] = [
  [/[\w.+-]+@[\w-]+\.[\w.-]+/g, '[e-mail]'],
  // Swedish personal identity numbers: (19|20)YYMMDD-XXXX or YYMMDD-XXXX / +XXXX.
  [/\b(?:19|20)?\d{6}[-+]?\d{4}\b/g, '[personnummer]'],
  // Phone numbers: +46…, 0046…, 07x…, 040-…, with spaces or dashes; 7 digits or more.
  [/(?:\+|00)?\d[\d\s-]{5,}\d/g, '[phone]'],
];

/** Case ids (`T-2701-0001`): digits enough to look like a phone number, but what an operator needs to act. */
const CASE_ID = /\bT-\d{4}-\d{4,}\b/g;

/** Removes phone numbers, e-mail addresses and personal identity numbers from a string; case ids stay. */
export function scrub(text: string): string {
  const caseIds: string[] = [];
  let out = text.replace(CASE_ID, (id) => `\u0000${caseIds.push(id) - 1}\u0000`);
  for (const [re, mask] of PATTERNS) out = out.replace(re, mask);
  return caseIds.length ? out.replace(/\u0000(\d+)\u0000/g, (_, n: string) => caseIds[Number(n)]!) : out;
}

function scrubDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrub(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error)
    return { type: value.name, message: scrub(value.message), stack: value.stack ? scrub(value.stack) : undefined };
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubDeep(v, depth + 1)]));
}

/** The application logger. `destination` is for tests (defaults to stdout). */
export function createLogger(level = 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'trygg' },
      redact: { paths: REDACT, remove: true },
      formatters: { log: (obj) => scrubDeep(obj) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === 'string' ? scrub(a) : a)) as Parameters<typeof method>);
        },
      },
      serializers: { err: (e: Error) => scrubDeep(e) },
    },
    destination,
  );
}
