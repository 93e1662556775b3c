/**
 * Staff open, update and close incidents in Teams: `@Trygg incident` gives the form, and the form, a
 * proposal's button and the incident card's actions act through the incident desk (the same code the CLI
 * uses). Only from the channel registered for `incidents` (or an incident card's thread there), only in the
 * allowed Microsoft 365 tenant; every action, and every refusal, is in the staff audit.
 */
import type { AdaptiveCard, Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { IncidentInputError, type IncidentDesk } from '../../cases/incidents/desk.ts';
import { translator } from '../../i18n.ts';
import type { Incident, StaffAction } from '../../store/index.ts';
import { actorOf } from './commands.ts';
import { incidentCard, incidentForm, INCIDENT_VERBS, openedCard, type IncidentVerb } from './incident-cards.ts';
import type { StaffAppDeps } from './staff-app.ts';

type IncidentData = {
  verb?: string;
  incidentId?: string;
  proposalId?: string;
  where?: string;
  kind?: string;
  text?: string;
  textEn?: string;
  textAr?: string;
  officeHours?: string;
};

const t = () => translator('sv', 'staff');
const channelOf = (conversationId: string) => conversationId.split(';')[0] ?? '';
const str = (v: unknown) => (typeof v === 'string' ? v : '');

export interface IncidentActionDeps extends StaffAppDeps {
  /** Whether the activity comes from the allowed Microsoft 365 tenant. */
  allowed: (ctx: TurnContext) => boolean;
}

/** Whether the activity is in the channel registered for incidents (or a thread of it). */
export async function inIncidentsChannel(
  ctx: TurnContext,
  deps: Pick<StaffAppDeps, 'registrations'>,
): Promise<boolean> {
  const reg = await deps.registrations.get('incidents');
  return Boolean(reg && channelOf(ctx.activity.conversation?.id ?? '') === reg.channelId);
}

/** `@Trygg incident`: the form, in the incidents channel only. */
export async function sendIncidentForm(
  ctx: TurnContext,
  deps: Pick<StaffAppDeps, 'registrations' | 'store' | 'now'>,
): Promise<void> {
  if (!(await deps.registrations.get('incidents'))) {
    await ctx.sendActivity(t()('incident.noChannel'));
    return;
  }
  if (!(await inIncidentsChannel(ctx, deps))) {
    await audit(ctx, deps, 'teams.incident.refused', { verb: 'form' });
    await ctx.sendActivity(t()('incident.refused'));
    return;
  }
  await ctx.sendActivity({
    type: 'message',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: incidentForm() }],
  });
}

function audit(
  ctx: TurnContext,
  deps: Pick<StaffAppDeps, 'store' | 'now'>,
  action: StaffAction,
  details: Record<string, string>,
) {
  return deps.store.staffAudit.append({
    at: deps.now(),
    action,
    actor: actorOf(ctx),
    details: { ...details, channel: channelOf(ctx.activity.conversation?.id ?? '').slice(0, 200) },
  });
}

/** Does what the card asked; returns the card to show now, or a message. */
async function act(ctx: TurnContext, verb: IncidentVerb, data: IncidentData, deps: IncidentActionDeps) {
  const s = t();
  if (!deps.allowed(ctx)) return { message: s('command.refused') };
  if (!(await inIncidentsChannel(ctx, deps))) {
    await audit(ctx, deps, 'teams.incident.refused', { verb, incident: str(data.incidentId).slice(0, 40) });
    deps.log.warn({ verb }, 'teams: an incident action from outside the incidents channel was refused');
    return { message: s('incident.refused') };
  }
  const by = actorOf(ctx) || 'teams';
  const texts = { sv: str(data.text), en: str(data.textEn), ar: str(data.textAr) };
  const officeHours = str(data.officeHours).trim();
  try {
    let incident: Incident;
    if (verb === 'incident.open') {
      incident = await deps.incidentDesk.open({
        where: str(data.where),
        kind: str(data.kind),
        text: texts,
        by,
        ...(officeHours ? { officeHours } : {}),
      });
      await audit(ctx, deps, 'teams.incident.open', {
        incident: incident.id,
        proposal: str(data.proposalId).slice(0, 20),
      });
      return { card: openedCard(incident) };
    }
    const id = str(data.incidentId);
    incident =
      verb === 'incident.update'
        ? await deps.incidentDesk.update(id, { text: texts, by })
        : await deps.incidentDesk.close(id, { text: texts, by, ...(officeHours ? { officeHours } : {}) });
    await audit(ctx, deps, verb === 'incident.update' ? 'teams.incident.update' : 'teams.incident.close', {
      incident: id,
    });
    return { card: incidentCard(incident, deps.policy.timeZone) };
  } catch (err) {
    if (err instanceof IncidentInputError)
      return { message: s(`incident.error.${err.reason}`, { id: str(data.incidentId).slice(0, 40) }) };
    throw err;
  }
}

/** Registers the incident card actions on the staff app (Universal Actions, and the Action.Submit fallback). */
export function incidentActions(app: Application<TurnState>, deps: IncidentActionDeps): void {
  app.adaptiveCards.actionExecute<IncidentData>([...INCIDENT_VERBS], async (ctx, _state, data) => {
    const verb = (ctx.activity.value as { action?: { verb?: string } })?.action?.verb as IncidentVerb;
    const result = await act(ctx, verb, data ?? {}, deps);
    return result.card ? (result.card as AdaptiveCard) : result.message!;
  });
  app.adaptiveCards.actionSubmit<IncidentData>([...INCIDENT_VERBS], async (ctx, _state, data) => {
    const result = await act(ctx, data.verb as IncidentVerb, data, deps);
    if (result.message) await ctx.sendActivity({ type: 'message', text: result.message, textFormat: 'plain' });
  });
}
