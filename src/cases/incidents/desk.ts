/**
 * The incident lifecycle, shared by the Teams form, the CLI and the conversation: open, update and close an
 * incident (each notice to its subscribers once, its card kept current), find the open incident at a place
 * someone names, link a contact to it, subscribe and stop, and propose an incident when contacts cluster.
 * Every change and its notices are written in one transaction; the staff side and the tenants' channels
 * deliver them (a CLI's writes too: the running bot's outbox picks them up within its poll interval).
 */
import { DateTime } from 'luxon';
import type { Logger } from '../../log.ts';
import type { Policy } from '../../routing/policy.ts';
import {
  INCIDENT_KINDS,
  StoreConflictError,
  StoreNotFoundError,
  type Incident,
  type IncidentContact,
  type IncidentKind,
  type IncidentProposal,
  type IncidentSubscription,
  type NoticeText,
  type Store,
} from '../../store/index.ts';
import type { StaffSide } from '../desk.ts';
import { PROPOSAL_KINDS } from './kinds.ts';
import { incidentCard, incidentCardUpdate, proposalCard, tenantNotices } from './notices.ts';
import type { FoundPlace, Places } from './places.ts';

/** What was wrong with what staff asked for; `reason` picks the text (Swedish for Teams, the CLI's own). */
export class IncidentInputError extends Error {
  readonly reason: 'where' | 'kind' | 'text' | 'officeHours' | 'missing' | 'closed';
  constructor(reason: IncidentInputError['reason'], message: string) {
    super(message);
    this.name = 'IncidentInputError';
    this.reason = reason;
  }
}

export interface IncidentDeskDeps {
  store: Store;
  policy: Policy;
  places: Places;
  now: () => Date;
  log?: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Wakes the delivery; without a staff side the notices wait in the outbox for the running bot. */
  staff?: StaffSide;
  /** Gap between two SMS of one fan-out (the SMS channel's pace); default 1 s. */
  smsGapMs?: number;
  /** How long the open incidents are remembered between turns; default 2 s (a CLI's new incident is seen then). */
  cacheMs?: number;
  /** Contacts within `windowMs` about one kind at one place that propose an incident; default 3 in 30 minutes. */
  proposals?: { threshold: number; windowMs: number };
  /** The card is redrawn at most this often (a burst of reports is one update); default 5 s. */
  cardEveryMs?: number;
}

/** The timing an app may set (tests shorten it). */
export type IncidentTiming = Pick<IncidentDeskDeps, 'smsGapMs' | 'cacheMs' | 'cardEveryMs'>;

/** "2027-01-24 08:00-20:00" in the policy's zone (an end not after the start is the next day). */
export function parseOfficeHours(text: string, zone: string): { from: Date; to: Date } {
  const m = /^(\d{4}-\d{2}-\d{2})\s+(\d{1,2}[:.]\d{2})\s*[-–]\s*(\d{1,2}[:.]\d{2})$/.exec(text.trim());
  const at = (time: string) => DateTime.fromISO(`${m![1]}T${time.replace('.', ':').padStart(5, '0')}`, { zone });
  const from = m && at(m[2]!);
  let to = m && at(m[3]!);
  if (!from?.isValid || !to?.isValid)
    throw new IncidentInputError(
      'officeHours',
      'office hours: write "YYYY-MM-DD HH:MM-HH:MM", e.g. "2027-01-24 08:00-20:00"',
    );
  if (to <= from) to = to.plus({ days: 1 });
  return { from: from.toJSDate(), to: to.toJSDate() };
}

function checkText(text: NoticeText): NoticeText {
  const clean = (s: string | undefined) => s?.trim().slice(0, 2000) || undefined;
  const sv = clean(text.sv);
  if (!sv) throw new IncidentInputError('text', 'the notice needs a Swedish text');
  const en = clean(text.en);
  const ar = clean(text.ar);
  return { sv, ...(en ? { en } : {}), ...(ar ? { ar } : {}) };
}

export class IncidentDesk {
  readonly places: Places;
  readonly #d: IncidentDeskDeps;
  #cache: { at: number; incidents: Promise<Incident[]> } | undefined;

  constructor(deps: IncidentDeskDeps) {
    this.#d = deps;
    this.places = deps.places;
  }

  get #smsGap(): number {
    return this.#d.smsGapMs ?? 1_000;
  }

  #changed(): void {
    this.#cache = undefined;
    this.#d.staff?.wake();
  }

  /** Opens an incident with its first notice and its card; extra office hours become an office shift too. */
  async open(input: {
    where: string;
    kind: string;
    text: NoticeText;
    officeHours?: string;
    by: string;
  }): Promise<Incident> {
    const kind = input.kind.trim().toLowerCase() as IncidentKind;
    if (!INCIDENT_KINDS.includes(kind))
      throw new IncidentInputError('kind', `kind: one of ${INCIDENT_KINDS.join(', ')}`);
    const where = this.places.parseWhere(input.where);
    if (!where) throw new IncidentInputError('where', 'where: an area or a street [number]');
    const text = checkText(input.text);
    const hours = input.officeHours ? parseOfficeHours(input.officeHours, this.#d.policy.timeZone) : undefined;
    const incident = await this.#d.store.incidents.open(
      { kind, ...where, text, by: input.by, ...(hours ? { officeHours: hours } : {}) },
      { outbox: (written) => [incidentCard(written.id)] },
    );
    if (hours) await this.#officeShift(incident.id, hours, input.by);
    this.#changed();
    return incident;
  }

  /**
   * A new notice to everyone subscribed (once each) and on the card. The same text again within a minute (a
   * double click, a form sent twice) is the same notice: it is not sent again.
   */
  async update(id: string, input: { text: NoticeText; by: string }): Promise<Incident> {
    const text = checkText(input.text);
    const current = await this.#d.store.incidents.get(id);
    const latest = current?.notices.at(-1);
    const again =
      current?.status === 'open' &&
      latest &&
      JSON.stringify(latest.text) === JSON.stringify(text) &&
      this.#d.now().getTime() - Date.parse(latest.at) < 60_000;
    if (again) return current;
    return this.#notice(id, { text, by: input.by });
  }

  /** The closing notice (with the extra office hours, when given) to everyone subscribed; then no more. */
  async close(id: string, input: { text: NoticeText; officeHours?: string; by: string }): Promise<Incident> {
    const text = checkText(input.text);
    const hours = input.officeHours ? parseOfficeHours(input.officeHours, this.#d.policy.timeZone) : undefined;
    const closed = await this.#notice(id, {
      text,
      by: input.by,
      close: true,
      ...(hours ? { officeHours: hours } : {}),
    });
    if (hours) await this.#officeShift(closed.id, hours, input.by);
    return closed;
  }

  async #notice(
    id: string,
    notice: { text: NoticeText; by: string; close?: boolean; officeHours?: { from: Date; to: Date } },
  ): Promise<Incident> {
    const now = this.#d.now();
    try {
      const written = await this.#d.store.incidents.addNotice(id, notice, {
        outbox: (incident, active) => [
          incidentCardUpdate(incident.id, now, this.#d.cardEveryMs),
          ...tenantNotices(incident, [incident.notices.at(-1)!], active, now, this.#smsGap),
        ],
      });
      this.#changed();
      return written;
    } catch (err) {
      if (err instanceof StoreConflictError) throw new IncidentInputError('closed', `incident ${id} is closed already`);
      if (err instanceof StoreNotFoundError) throw new IncidentInputError('missing', `no incident ${id}`);
      throw err;
    }
  }

  /** The office is open longer: an extra office shift, so that routing says so too. */
  async #officeShift(id: string, hours: { from: Date; to: Date }, by: string): Promise<void> {
    await this.#d.store.shifts.add({
      route: 'office',
      kind: 'extra',
      ...hours,
      note: `Händelse ${id}`,
      createdBy: by || 'cli',
    });
  }

  /** The open incidents, newest first; remembered for a moment, since every tenant's message asks. */
  openIncidents(): Promise<Incident[]> {
    const now = Date.now();
    if (!this.#cache || now - this.#cache.at > (this.#d.cacheMs ?? 2_000)) {
      const incidents = this.#d.store.incidents.list({ status: 'open' });
      this.#cache = { at: now, incidents };
      incidents.catch(() => (this.#cache = undefined));
    }
    return this.#cache.incidents;
  }

  /** The newest open incident at the place named in `text`, and the place; undefined when none. */
  async at(text: string): Promise<{ incident: Incident; found: FoundPlace } | undefined> {
    const open = await this.openIncidents();
    if (!open.length || !text) return undefined;
    const found = this.places.find(text);
    const incident = found && open.find((i) => this.places.matches(i.place, found));
    return incident && found ? { incident, found } : undefined;
  }

  /** Counts a contact on the incident (once per conversation) and redraws its card when it is new. */
  async link(incidentId: string, contact: IncidentContact & { caseId?: string }): Promise<Incident> {
    const { incident, first } = await this.#d.store.incidents.link(incidentId, contact);
    if (first) await this.#refreshCard(incidentId);
    return incident;
  }

  /** Subscribes a conversation; notices after `seenSeq` it missed are sent to it at once. */
  async subscribe(
    incidentId: string,
    seenSeq: number,
    subscriber: Pick<IncidentSubscription, 'channelId' | 'conversation' | 'language'>,
  ): Promise<IncidentSubscription> {
    const now = this.#d.now();
    const sub = await this.#d.store.incidents.subscribe(
      incidentId,
      { ...subscriber, seenSeq },
      { outbox: (incident, s, missed) => tenantNotices(incident, missed, [s], now, this.#smsGap) },
    );
    await this.#refreshCard(incidentId);
    return sub;
  }

  /** Stops every update to a conversation at once. */
  async stop(contact: IncidentContact): Promise<number> {
    return this.#d.store.incidents.unsubscribe(contact);
  }

  /** Records a contact about an event at a place; three or so in a short time propose an incident to staff. */
  async signal(found: FoundPlace, kind: IncidentKind, contact: IncidentContact): Promise<IncidentProposal | undefined> {
    if (!PROPOSAL_KINDS.has(kind)) return undefined;
    const placeKey = this.places.key(found);
    const rule = this.#d.proposals ?? { threshold: 3, windowMs: 30 * 60_000 };
    const proposal = await this.#d.store.incidents.signal({ ...contact, kind, placeKey }, rule, {
      outbox: (p) => [proposalCard(p, this.places.describeKey(p.placeKey))],
    });
    if (proposal) {
      this.#d.log?.info({ proposal: proposal.id, kind, contacts: proposal.contacts }, 'incident proposed to staff');
      this.#d.staff?.wake();
    }
    return proposal;
  }

  async #refreshCard(incidentId: string): Promise<void> {
    await this.#d.store.outbox.enqueue([incidentCardUpdate(incidentId, this.#d.now(), this.#d.cardEveryMs)]);
    this.#d.staff?.wake();
  }
}
