/**
 * The case lifecycle in one place: open a case (with its staff card), add a tenant's words, note something
 * for staff, claim, reply, close, and remind staff of cases nobody took. Every change and the notices it
 * causes (`notices.ts`) are written in one transaction; the staff side only delivers them. The dialogs, the
 * phone line and the Teams commands all act on cases through here.
 */
import type { AlertNotice } from '../alerts.ts';
import { translator } from '../i18n.ts';
import type { Logger } from '../log.ts';
import type { Policy } from '../routing/policy.ts';
import type { Case, NewCase, NewOutboxItem, Store } from '../store/index.ts';
import { cardUpdate, caseCardNotice, staffNotice, staffPost, tenantMessage, type StaffChannel } from './notices.ts';

/** The staff side as the desk sees it: something that delivers notices, and knows its channels. */
export interface StaffSide {
  /** Wakes the delivery after notices were written. */
  wake(): void;
  /** Whether a staff channel is registered (an alert for operators goes only where someone reads it). */
  hasChannel(channel: StaffChannel): Promise<boolean>;
}

export interface CaseDeskDeps {
  store: Store;
  policy: Policy;
  now: () => Date;
  log?: Pick<Logger, 'info' | 'warn' | 'error'>;
  /**
   * The staff side. Without one, cases wait in the store (`trygg cases`) and no staff notices are written:
   * nothing would deliver them.
   */
  staff?: StaffSide;
}

/** The longest staff or tenant text carried in a notice. */
const MAX_TEXT = 1000;

const staffTexts = () => translator('sv', 'staff');

/**
 * What the tenant is told about who took the case (`handoff.staffNameToTenant`): the team's name in the
 * tenant's language, or the staff member's first name. Never the full name: the tenant may be the disturber.
 */
export function staffNameForTenant(c: Case, displayName: string | undefined, policy: Policy): string {
  const team = policy.destinations[c.route].name;
  const teamName = team[c.language] ?? team.en ?? team.sv;
  if (policy.handoff.staffNameToTenant !== 'firstName') return teamName;
  return (displayName ?? '').trim().split(/[\s,]+/)[0] || teamName;
}

export class CaseDesk {
  readonly store: Store;
  readonly policy: Policy;
  readonly #deps: CaseDeskDeps;

  constructor(deps: CaseDeskDeps) {
    this.#deps = deps;
    this.store = deps.store;
    this.policy = deps.policy;
  }

  /** Whether a staff side delivers cards and posts. */
  get hasStaff(): boolean {
    return this.#deps.staff !== undefined;
  }

  /** Wakes the delivery of notices written outside the desk (a no-op without a staff side). */
  wake(): void {
    this.#deps.staff?.wake();
  }

  /** Writes notices that belong to no case change (a post about a cap, a re-alert). */
  async #notify(items: NewOutboxItem[]): Promise<void> {
    if (!items.length) return;
    await this.store.outbox.enqueue(items);
    this.wake();
  }

  /**
   * Stores a case and, atomically, its staff card (unless `card` is false: kept without a card of its own,
   * over a new-case cap) and a notice in its thread.
   */
  async open(input: NewCase, options: { card?: boolean; staffNotice?: string } = {}): Promise<Case> {
    const staff = this.#deps.staff;
    const card = options.card !== false;
    const kase = await this.store.cases.create(
      input,
      staff && card
        ? {
            outbox: (written) => [
              caseCardNotice(written),
              ...(options.staffNotice ? [staffPost(written.id, options.staffNotice)] : []),
            ],
          }
        : {},
    );
    this.wake();
    return kase;
  }

  /**
   * Adds the tenant's further words to a case's transcript and, unless `post` is false (a case kept without
   * a card), posts them in its thread.
   */
  async addTenantWords(kase: Case, lines: { at: string; text: string }[], post = true): Promise<void> {
    for (const e of lines) await this.store.cases.appendTranscript(kase.id, { at: e.at, from: 'tenant', text: e.text });
    if (!lines.length || !post || !this.#deps.staff) return;
    const text = lines
      .map((e) => e.text)
      .join('\n')
      .slice(0, MAX_TEXT);
    await this.#notify([staffPost(kase.id, staffTexts()('thread.tenantWrote', { text }), undefined, text)]);
  }

  /** A Swedish note for staff: a transcript line on the case, and a post in its thread (once per `key`). */
  async noteForStaff(caseId: string, text: string, key: string): Promise<void> {
    await this.store.cases.appendTranscript(caseId, { at: this.#deps.now(), from: 'bot', text });
    if (this.#deps.staff) await this.#notify([staffPost(caseId, text, key)]);
  }

  /** A post in the case's thread only (a cap was reached). */
  async tellStaff(caseId: string, text: string, key?: string): Promise<void> {
    if (this.#deps.staff) await this.#notify([staffPost(caseId, text, key)]);
  }

  /**
   * Claims an open case for `who` (a staff member's display name) and tells the tenant which team has it.
   * Rejects with `StoreConflictError` when the case is no longer open.
   */
  async claim(c: Case, who: string): Promise<Case> {
    const name = staffNameForTenant(c, who, this.policy);
    const updated = await this.store.cases.update(
      c.id,
      { status: 'claimed', claimedBy: who },
      { ifStatus: 'open', outbox: [tenantMessage(c.id, 'staff.claimed', { name })] },
    );
    this.wake();
    return updated;
  }

  /**
   * A staff member's words to the tenant (the case becomes theirs if nobody had it). `key` makes a
   * redelivered message reach the tenant once. Empty text changes nothing.
   */
  async reply(c: Case, who: string, text: string, key?: string): Promise<Case> {
    const words = text.trim().slice(0, MAX_TEXT);
    if (!words) return c;
    const team = this.policy.destinations[c.route].name.sv;
    const updated = await this.store.cases.update(
      c.id,
      c.status === 'open' ? { status: 'claimed', claimedBy: who } : {},
      {
        outbox: [tenantMessage(c.id, 'staff.reply', { team }, words, key)],
      },
    );
    this.wake();
    return updated;
  }

  /** Closes the case with an outcome and tells the tenant. */
  async close(c: Case, who: string, outcome: string): Promise<Case> {
    const updated = await this.store.cases.update(
      c.id,
      { status: 'closed', outcome, claimedBy: c.claimedBy ?? who },
      { outbox: [tenantMessage(c.id, 'staff.closed')] },
    );
    this.wake();
    return updated;
  }

  /**
   * "Jag åtgärdar" on the night report: `who` fixes the fault; it becomes theirs (a claim, and the tenant
   * hears that MKB has it, when nobody had it). Rejects with `StoreConflictError` when the case changed since
   * `c` was read.
   */
  async takeFix(c: Case, who: string): Promise<Case> {
    const items = [cardUpdate(c.id)];
    if (c.status === 'open')
      items.push(tenantMessage(c.id, 'staff.claimed', { name: staffNameForTenant(c, who, this.policy) }));
    const updated = await this.store.cases.update(
      c.id,
      { status: 'claimed', claimedBy: who },
      { ifStatus: c.status, outbox: items },
    );
    this.wake();
    return updated;
  }

  /**
   * "Åtgärdat" on the night report: the fault is fixed and the case closed; a tenant who asked to hear back
   * is told, once per case however many click. Rejects with `StoreConflictError` when the case changed.
   */
  async fixed(c: Case, who: string): Promise<Case> {
    const items = [cardUpdate(c.id)];
    if (c.contact.hearBack) items.push(tenantMessage(c.id, 'staff.fixed', {}, undefined, `fixed:${c.id}`));
    const updated = await this.store.cases.update(
      c.id,
      { status: 'closed', outcome: 'resolved', claimedBy: c.claimedBy ?? who },
      { ifStatus: c.status, outbox: items },
    );
    this.wake();
    return updated;
  }

  /** The case's card redrawn as it is now. */
  async refreshCard(caseId: string): Promise<void> {
    await this.#notify([cardUpdate(caseId)]);
  }

  /**
   * Re-alerts cases nobody has claimed within the policy's minutes, and tells their tenants what to do
   * meanwhile. Pages through every open case; fixed keys, so each case is re-alerted once, on every instance
   * and after any restart. Resolves with the number of stale cases.
   */
  async remindUnclaimed(): Promise<number> {
    const minutes = this.policy.handoff.unclaimedAfterMinutes;
    const cutoff = this.#deps.now().getTime() - minutes * 60_000;
    let stale = 0;
    let cursor: string | undefined;
    do {
      const page = await this.store.cases.page({ status: 'open', limit: 200, ...(cursor ? { cursor } : {}) });
      for (const c of page.cases) {
        if (c.route === 'emergency' || Date.parse(c.createdAt) > cutoff) continue;
        stale++;
        await this.store.outbox.enqueue([
          staffPost(c.id, staffTexts()('thread.unclaimed', { caseId: c.id, minutes }), `realert:${c.id}`),
          this.#unclaimedTenantMessage(c),
        ]);
      }
      cursor = page.next ?? undefined;
    } while (cursor);
    if (stale) this.wake();
    return stale;
  }

  /** "Nobody has taken your case yet, call … meanwhile": one key per case, so the tenant gets it once. */
  #unclaimedTenantMessage(c: Case): NewOutboxItem {
    const phone = this.policy.destinations[c.route].phone;
    return tenantMessage(c.id, 'staff.unclaimed', { phone }, undefined, `unclaimed:${c.id}`);
  }

  /**
   * The notice of an alert about a case that cannot reach staff: the tenant, who was told staff know, is told
   * to call meanwhile (the re-alert's own message, so once per case); operators get a post in the incidents
   * channel, once per case and alert, when that channel is registered.
   */
  readonly alertNotice: AlertNotice = async (code, fields) => {
    if (!fields.caseId) return;
    const c = await this.store.cases.get(fields.caseId);
    if (!c || c.route === 'emergency') return; // an emergency's tenant was sent to 112 first thing
    const items: NewOutboxItem[] = [];
    const told = c.status === 'open' && c.channelId !== 'telephony';
    if (told) items.push(this.#unclaimedTenantMessage(c));
    if (await this.#deps.staff?.hasChannel('incidents')) {
      const phone = this.policy.destinations[c.route].phone;
      // The `told` variant of the text adds what the tenant was advised (i18next context).
      const params = { caseId: c.id, route: c.route, phone, ...(told ? { context: 'told' } : {}) };
      items.push(staffNotice({ to: 'incidents' }, `alert.${code}`, params, `alert:${code}:${c.id}`));
    }
    await this.#notify(items);
  };
}
