/**
 * The notices of incidents, as data for the outbox (delivered by the staff side and the tenants' channels):
 * - `staff.incidentCard`: the incident's one card, a new thread in the incidents channel;
 * - `staff.incidentCardUpdate`: the card redrawn (a notice, a report, a subscriber); one per incident every
 *   few seconds at most, drawn as the incident is when it is delivered, so a burst of reports is one update;
 * - `staff.proposal`: a card in the incidents channel proposing an incident, with a button to open it;
 * - `tenant.incidentNotice`: one notice to one subscription, exactly once (its key), SMS paced.
 */
import type {
  Incident,
  IncidentNotice,
  IncidentProposal,
  IncidentSubscription,
  NewOutboxItem,
} from '../../store/index.ts';

export const INCIDENT_NOTICE = {
  card: 'staff.incidentCard',
  cardUpdate: 'staff.incidentCardUpdate',
  proposal: 'staff.proposal',
  tenant: 'tenant.incidentNotice',
} as const;

/** How often an incident's card is redrawn at most, by default. */
export const CARD_UPDATE_EVERY_MS = 5_000;

export interface IncidentCardPayload {
  incidentId: string;
}

export interface ProposalPayload {
  proposalId: string;
  kind: IncidentProposal['kind'];
  /** What staff would write in `--where` for it, and how it reads. */
  where: string;
  contacts: number;
}

export interface TenantNoticePayload {
  incidentId: string;
  seq: number;
  subscriptionId: string;
}

export const incidentCard = (incidentId: string): NewOutboxItem => ({
  kind: INCIDENT_NOTICE.card,
  key: `icard:${incidentId}`,
  payload: { incidentId } satisfies IncidentCardPayload,
});

/** The card redrawn at the end of the current few seconds: reports in the same moment share one update. */
export function incidentCardUpdate(incidentId: string, now: Date, everyMs = CARD_UPDATE_EVERY_MS): NewOutboxItem {
  const slot = Math.floor(now.getTime() / everyMs);
  return {
    kind: INCIDENT_NOTICE.cardUpdate,
    key: `icard:${incidentId}:${everyMs}:${slot}`,
    payload: { incidentId } satisfies IncidentCardPayload,
    nextAttemptAt: new Date((slot + 1) * everyMs),
  };
}

export const proposalCard = (proposal: IncidentProposal, where: string): NewOutboxItem => ({
  kind: INCIDENT_NOTICE.proposal,
  key: `proposal:${proposal.id}`,
  payload: {
    proposalId: proposal.id,
    kind: proposal.kind,
    where,
    contacts: proposal.contacts,
  } satisfies ProposalPayload,
});

/**
 * A notice to each subscription, once each (the key): web chat at once, SMS one every `smsGapMs` so a long
 * list of numbers goes out at the SMS channel's pace without holding back anything else in the outbox.
 */
export function tenantNotices(
  incident: Pick<Incident, 'id'>,
  notices: IncidentNotice[],
  subscriptions: IncidentSubscription[],
  now: Date,
  smsGapMs: number,
): NewOutboxItem[] {
  let sms = 0;
  return subscriptions.flatMap((s) =>
    notices.map((n) => ({
      kind: INCIDENT_NOTICE.tenant,
      key: `inotice:${incident.id}:${n.seq}:${s.id}`,
      payload: { incidentId: incident.id, seq: n.seq, subscriptionId: s.id } satisfies TenantNoticePayload,
      nextAttemptAt: new Date(now.getTime() + (s.channelId === 'sms' ? smsGapMs * sms++ : 0)),
    })),
  );
}
