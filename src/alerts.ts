/**
 * Alerts: conditions an operator must act on, because a tenant's case would otherwise not reach staff or a
 * background job keeps failing. Each has a stable code that monitoring can match in the logs (the `alert`
 * field of an error line); where a case is concerned, a notice also goes to people (see `AlertNotice`).
 * Nothing personal goes into an alert: codes, case ids, routes and reasons only.
 */
import type { Logger } from './log.ts';

/** The alert codes. Monitoring matches them: never rename one, add new ones. */
export const ALERTS = {
  /** No Teams channel is registered for the case's route: its card or post waits (and is retried). */
  noChannel: 'TRYGG_ALERT_NO_CHANNEL',
  /** Teams refused a case card for good (400, 401, 403, 404): the case will not reach staff by Teams. */
  cardRejected: 'TRYGG_ALERT_CARD_REJECTED',
  /** A delivery pass of the outbox failed (the store failed): the worker backs off and tries again. */
  outboxFailing: 'TRYGG_ALERT_OUTBOX_FAILING',
  /** A scheduled job (re-alerts, retention) failed: it runs again at its next interval. */
  jobFailed: 'TRYGG_ALERT_JOB_FAILED',
} as const;

export type AlertCode = (typeof ALERTS)[keyof typeof ALERTS];

/** What an alert may say besides its code. Never personal data. */
export interface AlertFields {
  caseId?: string | null;
  route?: string;
  /** The outbox item kind or the job name. */
  kind?: string;
  /** Why, for operators: an HTTP status, an error name. */
  reason?: string;
  attempts?: number;
  err?: unknown;
}

/** Tells people about an alert that concerns a case (staff in Teams, the tenant). May throw: it is logged. */
export type AlertNotice = (code: AlertCode, fields: AlertFields) => Promise<void>;

/** Raises alerts: an error line with the code, then the notice, if any. */
export class Alerts {
  readonly #log: Pick<Logger, 'error'>;
  readonly #notice: AlertNotice | undefined;

  constructor(log: Pick<Logger, 'error'>, notice?: AlertNotice) {
    this.#log = log;
    this.#notice = notice;
  }

  /** Logs the alert and sends its notice; never rejects (a failed notice is logged too). */
  async raise(code: AlertCode, message: string, fields: AlertFields = {}): Promise<void> {
    this.#log.error({ alert: code, ...fields }, message);
    if (!this.#notice) return;
    try {
      await this.#notice(code, fields);
    } catch (err) {
      this.#log.error({ alert: code, caseId: fields.caseId, err }, 'alert: the notice could not be written');
    }
  }
}
