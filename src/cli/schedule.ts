/** `trygg schedule`: who is on duty at a moment and the next changes, for staff to check the policy. */
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { translator } from '../i18n.ts';
import { withOverrides } from '../routing/policy.ts';
import { dutyChanges, dutyStatus } from '../routing/schedule.ts';
import type { RouteId } from '../routing/types.ts';
import { CliError, loadContext, parseAt, type CliIo } from './io.ts';
import { loadStoredOverrides } from './overrides.ts';

const SCHEDULED: RouteId[] = ['trygghetsjour', 'fastighetsjour', 'office'];

export async function scheduleCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      at: { type: 'string' },
      days: { type: 'string', default: '2' },
      policy: { type: 'string' },
      lang: { type: 'string', default: 'sv' },
      json: { type: 'boolean', default: false },
    },
  });
  const days = Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > 60) throw new CliError('--days: a whole number from 1 to 60');
  const { config, policy: base } = loadContext(io, values.policy);
  const policy = withOverrides(base, await loadStoredOverrides(config));
  const at = parseAt(values.at, io, policy.timeZone);
  const routes = SCHEDULED.map((route) => ({
    status: dutyStatus(route, at, policy),
    changes: dutyChanges(route, at, policy, days),
  }));
  if (values.json) {
    io.out(
      JSON.stringify({
        at: at.toISOString(),
        routes: routes.map(({ status, changes }) => ({
          route: status.route,
          onDuty: status.onDuty,
          nextChange: status.nextChange?.toISO() ?? null,
          changes: changes.map((c) => ({ at: c.at.toISO(), onDuty: c.onDuty })),
        })),
        overrides: policy.overrides,
      }) + '\n',
    );
    return 0;
  }
  const t = translator(values.lang === 'en' ? 'en' : 'sv', 'cli');
  const fmt = 'ccc yyyy-MM-dd HH:mm';
  const locale = values.lang === 'en' ? 'en-GB' : 'sv-SE';
  const lines = [
    t('schedule.heading', {
      at: DateTime.fromJSDate(at, { zone: policy.timeZone }).setLocale(locale).toFormat(fmt),
      zone: policy.timeZone,
    }),
  ];
  for (const { status, changes } of routes) {
    lines.push(`  ${status.route.padEnd(15)} ${status.onDuty ? t('schedule.on') : t('schedule.off')}`);
    for (const c of changes)
      lines.push(
        `    ${c.at.setLocale(locale).toFormat(fmt)}  ${c.onDuty ? t('schedule.opens') : t('schedule.closes')}`,
      );
  }
  const active = policy.overrides.filter((o) => Date.parse(o.to) > at.getTime());
  if (active.length) {
    lines.push(t('schedule.overrides'));
    for (const o of active)
      lines.push(`  ${o.id ?? '-'}  ${o.route} ${o.kind} ${o.from} → ${o.to}${o.note ? `  (${o.note})` : ''}`);
  }
  io.out(lines.join('\n') + '\n');
  return 0;
}
