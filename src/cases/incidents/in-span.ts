/**
 * Incidents for the night report: those open at some time in a span, as the report lists them (id, kind,
 * where, status, how many tenants wrote). Read-only; nothing personal.
 */
import { translator } from '../../i18n.ts';
import type { Incident, Store } from '../../store/index.ts';

/** An incident as the night report lists it. */
export interface IncidentInSpan {
  id: string;
  kind: Incident['kind'];
  where: string;
  status: Incident['status'];
  reports: number;
}

/** The incidents open at some time in [`from`, `to`), oldest first. */
export async function incidentsInSpan(
  store: Pick<Store, 'incidents'>,
  span: { from: Date; to: Date },
): Promise<IncidentInSpan[]> {
  const all = await store.incidents.list({ limit: 500 });
  return all
    .filter(
      (i) =>
        Date.parse(i.createdAt) < span.to.getTime() && (!i.closedAt || Date.parse(i.closedAt) >= span.from.getTime()),
    )
    .reverse()
    .map((i) => ({ id: i.id, kind: i.kind, where: i.where, status: i.status, reports: i.reports }));
}

/** An incident's line values in Swedish, for the report's texts (`report.incidentLine`). */
export function incidentLineValues(i: { id: string; kind: string; where: string; status: string; reports: number }) {
  const s = translator('sv', 'staff');
  return {
    ...i,
    kind: s(`incident.kinds.${i.kind}`, { defaultValue: i.kind }),
    status: s(`incident.status.${i.status}`, { defaultValue: i.status }),
  };
}
