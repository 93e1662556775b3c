/**
 * The night report card's actions. "Jag åtgärdar" makes the staff member the one who fixes a fault (a claim
 * when nobody had it), "Åtgärdat" closes it as fixed and tells the tenant who asked to hear back, and
 * "Kvittera" records who took over the report (the first one counts). Actions count only from the channel
 * registered for `office` or `fastighetsjour` (where the report goes), from the allowed Microsoft 365 tenant;
 * anything else is refused and audited like a case card's action from the wrong place.
 */
import type { Application, AdaptiveCard, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { translator } from '../../i18n.ts';
import { StoreConflictError } from '../../store/index.ts';
import { actorOf } from './commands.ts';
import { currentReportCard, writeAck, type ReportDeps } from './report.ts';
import { REPORT_VERBS, type ReportActionData } from './report-card.ts';
import { tenantAllowed, type StaffAppDeps } from './staff-app.ts';

const t = () => translator('sv', 'staff');
const FAULTS = ['urgent_fault', 'minor_fault'];
const channelOf = (conversationId: string) => conversationId.split(';')[0] ?? '';

type Deps = StaffAppDeps & Pick<ReportDeps, 'incidents'>;

/** What an action did: a short text for the channel (the fallback), and whether the card changed. */
interface Outcome {
  text: string;
  changed: boolean;
}

/** Whether the action comes from a channel the report goes to. */
async function fromReportChannel(ctx: TurnContext, deps: Deps): Promise<boolean> {
  const channel = channelOf(ctx.activity.conversation?.id ?? '');
  const regs = await Promise.all([deps.registrations.get('office'), deps.registrations.get('fastighetsjour')]);
  return regs.some((r) => r && r.channelId === channel);
}

async function refuse(ctx: TurnContext, deps: Deps, data: ReportActionData, text: string): Promise<Outcome> {
  await deps.store.staffAudit.append({
    at: deps.now(),
    action: 'teams.cardAction.refused',
    actor: actorOf(ctx),
    details: {
      verb: String(data.verb ?? '').slice(0, 20),
      caseId: String(data.caseId ?? '').slice(0, 40),
      channel: channelOf(ctx.activity.conversation?.id ?? '').slice(0, 200),
    },
  });
  deps.log.warn(
    { verb: String(data.verb ?? '').slice(0, 20) },
    'teams: a report action from outside the report channel was refused',
  );
  return { text, changed: false };
}

async function act(ctx: TurnContext, deps: Deps, data: ReportActionData): Promise<Outcome> {
  const s = t();
  if (!tenantAllowed(ctx, deps.config)) return { text: s('command.refused'), changed: false };
  if (!(await fromReportChannel(ctx, deps))) return refuse(ctx, deps, data, s('report.wrongPlace'));
  const who = ctx.activity.from?.name || 'MKB';
  const report = String(data.report ?? '');
  if (data.verb === 'reportAck') {
    const ack = await writeAck(deps.store.state, report, { name: who, at: deps.now().toISOString() });
    await deps.store.staffAudit.append({
      at: deps.now(),
      action: 'teams.report.acknowledged',
      actor: actorOf(ctx),
      details: { report: report.slice(0, 40) },
    });
    return { text: s('report.acknowledgedText', { name: ack.name }), changed: true };
  }
  const c = typeof data.caseId === 'string' && data.caseId ? await deps.store.cases.get(data.caseId) : undefined;
  if (!c) return { text: s('claim.missing'), changed: true };
  if (!FAULTS.includes(c.category)) return refuse(ctx, deps, data, s('report.notFault', { caseId: c.id }));
  if (c.status === 'closed') return { text: s('claim.closed', { caseId: c.id }), changed: true };
  try {
    if (data.verb === 'reportFix') {
      await deps.desk.takeFix(c, who);
      return { text: s('report.fixingText', { caseId: c.id, name: who }), changed: true };
    }
    await deps.desk.fixed(c, who);
    return { text: s('report.fixedText', { caseId: c.id, name: c.claimedBy ?? who }), changed: true };
  } catch (err) {
    // Someone else changed the case meanwhile: the card shows it as it is now.
    if (err instanceof StoreConflictError) return { text: s('claim.closed', { caseId: c.id }), changed: true };
    throw err;
  }
}

/** Registers the report card's actions on the staff app (before its catch-all for unknown verbs). */
export function registerReportActions(app: Application<TurnState>, deps: Deps): void {
  const verbs = [...REPORT_VERBS];
  app.adaptiveCards.actionExecute<ReportActionData>(verbs, async (ctx, _state, data) => {
    const verb = (ctx.activity.value as { action?: { verb?: string } })?.action?.verb;
    const input = { ...data, ...(verb ? { verb } : {}) };
    const outcome = await act(ctx, deps, input);
    if (!outcome.changed) return outcome.text;
    const card = await currentReportCard(deps, String(input.report ?? ''));
    return card ? (card as AdaptiveCard) : outcome.text;
  });
  // Older clients: the action arrives as a message; the answer is a line in the channel.
  app.adaptiveCards.actionSubmit<ReportActionData>(verbs, async (ctx, _state, data) => {
    const outcome = await act(ctx, deps, data);
    await ctx.sendActivity({ type: 'message', text: outcome.text, textFormat: 'plain' });
  });
}
