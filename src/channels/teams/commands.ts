/**
 * Staff commands in a Teams channel, with the bot mentioned:
 *   register <route|incidents> (also "registrera"), status, shift add <route> HH:MM-HH:MM [note], incident
 *   (the form that opens an incident, in the incidents channel).
 * Only the allowed Microsoft 365 tenant may use commands at all; only the admins in TEAMS_ADMIN_IDS may
 * register a channel or add a shift (both change where cases go), and both are audited; only registered
 * teams may ask for the status.
 */
import type { TurnContext } from 'botbuilder';
import { DateTime } from 'luxon';
import { translator } from '../../i18n.ts';
import type { Policy } from '../../routing/policy.ts';
import { withOverrides } from '../../routing/policy.ts';
import { dutyStatus } from '../../routing/schedule.ts';
import { ROUTES, type RouteId } from '../../routing/types.ts';
import type { StaffAction } from '../../store/index.ts';
import { staffNotice } from '../../cases/notices.ts';
import { sendIncidentForm } from './incident-actions.ts';
import { REGISTRABLE, type Registrable } from './registrations.ts';
import { plain } from './untrusted.ts';
import type { StaffAppDeps } from './staff-app.ts';

/** The staff side's deps, and whether this activity's tenant may use commands at all. */
export interface CommandDeps extends StaffAppDeps {
  allowed: boolean;
}

/** The Entra object id of the activity's sender, lower case ('' when Teams sent none). */
export function actorOf(ctx: TurnContext): string {
  return (ctx.activity.from?.aadObjectId ?? '').trim().toLowerCase();
}

/** Whether the sender is one of the admins in TEAMS_ADMIN_IDS (nobody when it is empty). */
export function isAdmin(ctx: TurnContext, adminIds: readonly string[]): boolean {
  const actor = actorOf(ctx);
  return actor !== '' && adminIds.includes(actor);
}

const t = () => translator('sv', 'staff');

function teamOf(ctx: TurnContext): { teamId?: string; channelId?: string } {
  const cd = ctx.activity.channelData as { team?: { id?: string }; channel?: { id?: string } } | undefined;
  return { ...(cd?.team?.id ? { teamId: cd.team.id } : {}), ...(cd?.channel?.id ? { channelId: cd.channel.id } : {}) };
}

/** "22:00-06:00" today in the policy's zone; an end not after the start is the next morning; a shift already over moves to tomorrow. */
export function parseShiftRange(range: string, now: Date, zone: string): { from: Date; to: Date } | undefined {
  const m = /^([01]?\d|2[0-3])[:.]([0-5]\d)\s*[-–]\s*([01]?\d|2[0-3])[:.]([0-5]\d)$/.exec(range.trim());
  if (!m) return undefined;
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  let from = today.set({ hour: Number(m[1]), minute: Number(m[2]) });
  let to = today.set({ hour: Number(m[3]), minute: Number(m[4]) });
  if (to <= from) to = to.plus({ days: 1 });
  if (to.toMillis() <= now.getTime()) {
    from = from.plus({ days: 1 });
    to = to.plus({ days: 1 });
  }
  return { from: from.toJSDate(), to: to.toJSDate() };
}

export async function handleCommand(ctx: TurnContext, text: string, deps: CommandDeps): Promise<void> {
  const s = t();
  const [word = '', ...args] = text.split(/\s+/).filter(Boolean);
  const command = word.toLowerCase();
  if (!deps.allowed) {
    await ctx.sendActivity(s('command.refused'));
    return;
  }
  const { teamId, channelId } = teamOf(ctx);
  const actor = actorOf(ctx);
  const audit = (action: StaffAction, details: Record<string, string>) =>
    deps.store.staffAudit.append({ at: deps.now(), action, actor, details });
  const isRegister = command === 'register' || command === 'registrera';
  const isShiftAdd = command === 'shift' && (args[0] ?? '').toLowerCase() === 'add';

  if ((isRegister || isShiftAdd) && !isAdmin(ctx, deps.config.teamsAdminIds)) {
    await audit(isRegister ? 'teams.register.refused' : 'teams.shift.refused', {
      target: (args[isRegister ? 0 : 1] ?? '').slice(0, 40),
      channel: channelId ?? '',
      team: teamId ?? '',
    });
    deps.log.warn({ command }, 'teams: a staff command that needs an admin was refused');
    await ctx.sendActivity(s('command.adminOnly'));
    return;
  }

  if (isRegister) {
    const target = (args[0] ?? '').toLowerCase();
    if (!(REGISTRABLE as readonly string[]).includes(target)) {
      await ctx.sendActivity(s('command.badTarget', { target, list: REGISTRABLE.join(', ') }));
      return;
    }
    if (!teamId || !channelId) {
      await ctx.sendActivity(s('command.notInChannel'));
      return;
    }
    const registeredAt = deps.now().toISOString();
    const previous = await deps.registrations.register(target as Registrable, {
      channelId,
      teamId,
      tenantId:
        ctx.activity.conversation.tenantId ??
        (ctx.activity.channelData as { tenant?: { id?: string } })?.tenant?.id ??
        '',
      serviceUrl: ctx.activity.serviceUrl,
      // The Entra object id, not the display name: the registration is configuration, not a record of people.
      registeredBy: actor,
      registeredAt,
    });
    await audit('teams.register', {
      target,
      fromChannel: previous?.channelId ?? '',
      fromTeam: previous?.teamId ?? '',
      toChannel: channelId,
      toTeam: teamId,
    });
    // The channel that had the route hears that it lost it, so a takeover cannot go unnoticed.
    if (previous && previous.channelId !== channelId) {
      const at = DateTime.fromISO(registeredAt, { zone: deps.policy.timeZone }).toFormat('yyyy-MM-dd HH:mm');
      await deps.store.outbox.enqueue([
        staffNotice(
          { channelId: previous.channelId, serviceUrl: previous.serviceUrl },
          'command.movedAway',
          { target, at },
          `moved:${target}:${registeredAt}`,
        ),
      ]);
      deps.kick();
    }
    deps.log.info(
      { target, moved: Boolean(previous && previous.channelId !== channelId) },
      'teams: channel registered',
    );
    await ctx.sendActivity(s('command.registered', { target }));
    return;
  }

  // The other commands: only teams that have registered a channel.
  if (!teamId || !(await deps.registrations.isRegisteredTeam(teamId))) {
    await ctx.sendActivity(s('command.refused'));
    return;
  }

  if (command === 'status') {
    const now = deps.now();
    const shifts = await deps.store.shifts.list({ from: now });
    const policy = withOverrides(
      deps.policy,
      shifts.map((x) => ({ id: x.id, route: x.route, kind: x.kind, from: x.from, to: x.to })),
    );
    const fmt = (d: DateTime | null) => (d ? d.setLocale('sv').toFormat('ccc HH:mm') : '—');
    const lines = [
      s('command.statusHeading', {
        at: DateTime.fromJSDate(now, { zone: policy.timeZone }).toFormat('yyyy-MM-dd HH:mm'),
      }),
    ];
    for (const route of ['trygghetsjour', 'fastighetsjour', 'office'] as RouteId[]) {
      const st = dutyStatus(route, now, policy);
      lines.push(
        st.onDuty ? s('command.onDuty', { route }) : s('command.offDuty', { route, next: fmt(st.nextOpening) }),
      );
    }
    const open =
      (await deps.store.cases.count({ status: 'open' })) + (await deps.store.cases.count({ status: 'claimed' }));
    lines.push(s('command.openCases', { count: open }));
    for (const i of await deps.store.incidents.list({ status: 'open', limit: 20 }))
      lines.push(
        s('command.incident', { id: i.id, kind: s(`incident.kinds.${i.kind}`), where: i.where, reports: i.reports }),
      );
    lines.push(shifts.length ? s('command.shifts') : s('command.noShifts'));
    for (const x of shifts)
      lines.push(
        `- ${x.id} ${x.route} ${x.kind} ${fmt(DateTime.fromISO(x.from, { zone: policy.timeZone }))}–${fmt(DateTime.fromISO(x.to, { zone: policy.timeZone }))}${x.note ? ` (${x.note})` : ''}`,
      );
    await ctx.sendActivity({ type: 'message', text: lines.join('\n\n'), textFormat: 'markdown' });
    return;
  }

  if (command === 'incident') {
    await sendIncidentForm(ctx, deps);
    return;
  }

  if (isShiftAdd) {
    const route = (args[1] ?? '').toLowerCase();
    const range = parseShiftRange(args[2] ?? '', deps.now(), deps.policy.timeZone);
    if (!(ROUTES as readonly string[]).includes(route) || !range) {
      await ctx.sendActivity(s('command.shiftUsage'));
      return;
    }
    const note = args.slice(3).join(' ').slice(0, 200);
    const id = await deps.store.shifts.add({
      route: route as RouteId,
      kind: 'extra',
      from: range.from,
      to: range.to,
      ...(note ? { note } : {}),
      createdBy: actor || 'teams',
    });
    await audit('teams.shift.add', { route, shift: id, channel: channelId ?? '', team: teamId ?? '' });
    const fmt = (d: Date) => DateTime.fromJSDate(d, { zone: deps.policy.timeZone }).toFormat('yyyy-MM-dd HH:mm');
    await ctx.sendActivity(s('command.shiftAdded', { route, from: fmt(range.from), to: fmt(range.to), id }));
    return;
  }
  await ctx.sendActivity(s('command.help'));
}
