/**
 * The routing policy: everything a landlord may change without touching code (time zone, schedules,
 * non-working days, extra shifts and closures, destinations and the public numbers advice refers to).
 * The schema below is the documentation of the policy file, field by field.
 */
import { readFileSync } from 'node:fs';
import { IANAZone } from 'luxon';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { HOLIDAY_EVES } from './holidays.ts';
import { LANGUAGES, ROUTES } from './types.ts';

const hhmm = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a wall-clock time as HH:MM, e.g. "19:30"')
  .describe('Local wall-clock time, HH:MM (24 h).');

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** Text in several languages; Swedish is required, the rest fall back to Swedish or English. */
const localized = z
  .object({ sv: z.string().min(1) })
  .catchall(z.string().min(1))
  .superRefine((v, ctx) => {
    for (const k of Object.keys(v)) {
      if (!(LANGUAGES as readonly string[]).includes(k))
        ctx.addIssue({ code: 'custom', message: `unknown language "${k}"`, path: [k] });
    }
  });

const isoInstant = z.iso.datetime({
  offset: true,
  message: 'an ISO-8601 time with offset, e.g. "2027-02-10T22:00:00+01:00"',
});

/** One weekly opening rule. A rule whose closing time is not after its opening time runs overnight. */
export const scheduleRuleSchema = z.object({
  /** Which days the shift *starts* on: every day, working days, non-working days, or named weekdays. */
  days: z.union([z.enum(['all', 'working', 'nonWorking']), z.array(z.enum(WEEKDAYS)).min(1)]),
  /** Opening time, local. */
  opens: hhmm,
  /**
   * Closing time, local. Either one time, or one for a working morning and one for a non-working morning
   * (the Trygghetsjour ends 04:00 before a working day and 05:00 before a non-working day).
   */
  closes: z.union([hhmm, z.object({ workingMorning: hhmm, nonWorkingMorning: hhmm })]),
});
export type ScheduleRule = z.infer<typeof scheduleRuleSchema>;

/** A route's weekly schedule: its own rules, or "on duty whenever another route is closed". */
export const scheduleSchema = z.union([
  z.object({ weekly: z.array(scheduleRuleSchema).min(1) }),
  z.object({ whenClosed: z.enum(ROUTES) }),
  z.object({ always: z.literal(true) }),
]);
export type Schedule = z.infer<typeof scheduleSchema>;

/** An extra shift or a closure for a time range. Both win over the weekly schedule; a closure wins over an extra shift. */
export const overrideSchema = z
  .object({
    /** Optional id (the store assigns one to shifts added at run time). */
    id: z.string().optional(),
    route: z.enum(ROUTES),
    kind: z.enum(['extra', 'closed']),
    from: isoInstant,
    to: isoInstant,
    /** Why, for staff ("extra rundor efter explosionen på Rosengård"). */
    note: z.string().optional(),
  })
  .refine((o) => Date.parse(o.to) > Date.parse(o.from), { message: '"to" must be after "from"', path: ['to'] });
export type Override = z.infer<typeof overrideSchema>;

/** A place a contact can be sent to. */
export const destinationSchema = z.object({
  /** Display name per language. */
  name: localized,
  /** Phone number as shown to tenants. */
  phone: z.string().min(1),
  /** True for numbers that are not real yet (sample configuration); shown as such to staff and in logs. */
  placeholder: z.boolean().default(false),
  /** Web address, if any. */
  web: z.url().optional(),
  /** What happens there, one sentence per language. */
  does: localized,
  /** Minutes within which the tenant can usually expect contact (told to the tenant after a handoff). */
  expectedResponseMinutes: z.number().int().positive().optional(),
});
export type Destination = z.infer<typeof destinationSchema>;

/** A public number that advice refers to. */
const publicNumberSchema = z.object({
  name: localized,
  phone: z.string().min(1),
  web: z.url().optional(),
  hours: localized.optional(),
});
export type PublicNumber = z.infer<typeof publicNumberSchema>;

export const ADVICE_IDS = [
  'emergency',
  'policeNonUrgent',
  'healthcare',
  'crisisInfo',
  'suicidePrevention',
  'domesticViolence',
  'crimeVictims',
  'children',
  'socialServicesOutOfHours',
  'supportCentre',
] as const;
export type AdviceId = (typeof ADVICE_IDS)[number];

export const policySchema = z.object({
  /** IANA time zone in which every time in this file is read. */
  timeZone: z
    .string()
    .refine((zone) => IANAZone.isValidZone(zone), 'not a known IANA time zone, e.g. "Europe/Stockholm"'),
  /** Which days are non-working days. */
  calendar: z.object({
    /** Weekdays that are never working days. */
    nonWorkingWeekdays: z.array(z.enum(WEEKDAYS)),
    /** Public holidays computed by the code for any year: `sweden`, or `none`. */
    publicHolidays: z.enum(['sweden', 'none']),
    /** Eves that count as non-working days although not holidays by law. */
    holidayEves: z.array(z.enum(HOLIDAY_EVES)),
    /** Further non-working dates (`YYYY-MM-DD`), e.g. a bridge day the office closes. */
    extraNonWorkingDays: z.array(z.iso.date()).default([]),
  }),
  /** Weekly schedules by route. Routes not listed (emergency, police, stadsmission) are reachable at any time. */
  schedules: z.object({
    trygghetsjour: scheduleSchema,
    office: scheduleSchema,
    fastighetsjour: scheduleSchema,
  }),
  /** Extra shifts and closures written in the file; shifts added at run time live in the store. */
  overrides: z.array(overrideSchema).default([]),
  /** Every route's destination. */
  destinations: z.object(
    Object.fromEntries(ROUTES.map((r) => [r, destinationSchema])) as Record<
      (typeof ROUTES)[number],
      typeof destinationSchema
    >,
  ),
  /** Public numbers the advice refers to. */
  numbers: z.object(
    Object.fromEntries(ADVICE_IDS.map((a) => [a, publicNumberSchema])) as Record<AdviceId, typeof publicNumberSchema>,
  ),
  /** Staff handoff settings. */
  handoff: z
    .object({
      /** Minutes after which an unclaimed case is re-alerted and the tenant told what to do meanwhile. */
      unclaimedAfterMinutes: z.number().int().positive().default(10),
      /**
       * Who the tenant is told has taken their case: `team`, the route's team name in the tenant's language
       * ("Trygghetsjouren"), or `firstName`, the first word of the staff member's Teams display name. Never
       * the full name: the tenant may be the disturber the staff member is about to visit.
       */
      staffNameToTenant: z.enum(['team', 'firstName']).default('team'),
    })
    .default({ unclaimedAfterMinutes: 10, staffNameToTenant: 'team' }),
  /**
   * Caps on new cases (each one a card in Teams), so that one sender cannot flood the staff channels. Over a
   * cap the tenant still gets the right reply (112 for danger first), and the case text goes into the
   * sender's open case, or the case is kept without a card of its own; either way an error is logged
   * (`CASE_CAP_CONVERSATION`, `CASE_CAP_PHONE`, `CASE_CAP_HOUR`) and staff get a notice in Teams.
   */
  caseLimits: z
    .object({
      /** New cases one conversation may open per clock hour. */
      perConversationPerHour: z.number().int().positive().default(3),
      /** New cases one phone number (SMS, phone line) may open per clock hour, over all its conversations. */
      perPhonePerHour: z.number().int().positive().default(5),
      /** New cases per clock hour in all, every channel and route together. */
      perHour: z.number().int().positive().default(60),
      /** Minutes within which further danger messages of a conversation go into its open emergency case. */
      emergencyFollowUpMinutes: z.number().int().positive().default(30),
    })
    .default({ perConversationPerHour: 3, perPhonePerHour: 5, perHour: 60, emergencyFollowUpMinutes: 30 }),
  /** The night report ("Nattens rapport") posted in Teams every morning (`src/report/`). */
  report: z
    .object({
      /**
       * When it is posted, local time. Unset (the default): at the office's opening on working days, and at
       * 07:00 on other days. It goes to the office's channel, or to Fastighetsjouren's when the office is
       * closed that day.
       */
      at: hhmm.optional(),
    })
    .default({}),
  /** How long cases, transcripts and conversation state are kept. */
  retention: z.object({ days: z.number().int().positive().default(90) }).default({ days: 90 }),
  /** Phone line: by default the caller is told to hang up and dial 112 (their position reaches the centre). */
  phone: z
    .object({ emergencyAction: z.enum(['tellToDial', 'transfer']).default('tellToDial') })
    .default({ emergencyAction: 'tellToDial' }),
});

/** A validated policy. */
export type Policy = z.infer<typeof policySchema>;

/** A policy file that cannot be used: names the file, the field and what is wrong. */
export class PolicyError extends Error {
  readonly file: string;
  constructor(file: string, problems: string[], options?: { cause?: unknown }) {
    super(`Routing policy ${file} is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`, options);
    this.name = 'PolicyError';
    this.file = file;
  }
}

/** Validates already-parsed policy data; `source` names where it came from for the error message. */
export function parsePolicy(data: unknown, source: string): Policy {
  const result = policySchema.safeParse(data);
  if (!result.success) {
    throw new PolicyError(
      source,
      result.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(top level)'}: ${i.message}`),
    );
  }
  return result.data;
}

/** The default policy shipped with Trygg (MKB, as in domain.md). */
export const DEFAULT_POLICY_FILE = new URL('../../config/policy.yaml', import.meta.url).pathname;

const loaded = new Map<string, Policy>();

/** Reads and validates a policy file (YAML or JSON). Throws {@link PolicyError} naming the file and field. */
export function loadPolicy(file: string = DEFAULT_POLICY_FILE): Policy {
  const hit = loaded.get(file);
  if (hit) return hit;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new PolicyError(file, [`cannot read the file (${(cause as NodeJS.ErrnoException).code ?? 'error'})`], {
      cause,
    });
  }
  let data: unknown;
  try {
    data = parseYaml(text, { prettyErrors: true });
  } catch (cause) {
    throw new PolicyError(file, [`not valid YAML/JSON: ${(cause as Error).message.split('\n')[0]}`], { cause });
  }
  const policy = parsePolicy(data, file);
  loaded.set(file, policy);
  return policy;
}

/** The policy with run-time extra shifts and closures (from the store) added to the file's own. */
export function withOverrides(policy: Policy, extra: readonly Override[]): Policy {
  return extra.length ? { ...policy, overrides: [...policy.overrides, ...extra] } : policy;
}
