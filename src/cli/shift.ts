/** `trygg shift add|list|remove`: extra shifts and closures, shared with a running server through the store. */
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { loadConfig } from '../config.ts';
import { loadPolicy } from '../routing/policy.ts';
import { ROUTES, type RouteId } from '../routing/types.ts';
import { CliError, parseAt, type CliIo } from './io.ts';
import { openConfiguredStore } from './overrides.ts';

/** `--to`: an ISO time, or `+2h` / `+90m` from `--from`. */
function parseTo(value: string, from: Date, io: CliIo, zone: string): Date {
  const rel = /^\+(\d+(?:\.\d+)?)([hm])$/.exec(value);
  if (rel) return new Date(from.getTime() + Number(rel[1]) * (rel[2] === 'h' ? 3_600_000 : 60_000));
  return parseAt(value, io, zone, '--to');
}

export async function shiftCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      from: { type: 'string', default: 'now' },
      to: { type: 'string' },
      note: { type: 'string' },
      closed: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const config = loadConfig(io.env);
  const policy = loadPolicy(config.policyFile);
  if (sub !== 'add' && sub !== 'list' && sub !== 'remove')
    throw new CliError(
      'usage: trygg shift add <route> --from <ISO|now> --to <ISO|+Nh> [--note "…"] [--closed] | shift list | shift remove <id>',
    );
  const store = await openConfiguredStore(config);
  try {
    if (sub === 'add') {
      const route = positionals[0] as RouteId | undefined;
      if (!route || !(ROUTES as readonly string[]).includes(route))
        throw new CliError(`shift add: the route, one of ${ROUTES.join(', ')}`);
      if (!values.to) throw new CliError('shift add: --to <ISO|+Nh> is required');
      const from = parseAt(values.from, io, policy.timeZone, '--from');
      const to = parseTo(values.to, from, io, policy.timeZone);
      if (to <= from) throw new CliError('shift add: --to must be after --from');
      const id = await store.shifts.add({
        route,
        kind: values.closed ? 'closed' : 'extra',
        from,
        to,
        ...(values.note ? { note: values.note } : {}),
        createdBy: 'cli',
      });
      const fmt = (d: Date) => DateTime.fromJSDate(d, { zone: policy.timeZone }).toFormat('yyyy-MM-dd HH:mm');
      io.out(
        values.json
          ? JSON.stringify({
              id,
              route,
              kind: values.closed ? 'closed' : 'extra',
              from: from.toISOString(),
              to: to.toISOString(),
            }) + '\n'
          : `${id}  ${route} ${values.closed ? 'closed' : 'extra'} ${fmt(from)} → ${fmt(to)}\n`,
      );
      return 0;
    }
    if (sub === 'list') {
      const shifts = await store.shifts.list({});
      if (values.json) io.out(JSON.stringify(shifts) + '\n');
      else {
        const fmt = (iso: string) => DateTime.fromISO(iso, { zone: policy.timeZone }).toFormat('yyyy-MM-dd HH:mm');
        for (const s of shifts)
          io.out(
            `${s.id}  ${s.route.padEnd(14)} ${s.kind.padEnd(6)} ${fmt(s.from)} → ${fmt(s.to)}${s.note ? `  ${s.note}` : ''}\n`,
          );
        if (!shifts.length) io.out('-\n');
      }
      return 0;
    }
    const id = positionals[0];
    if (!id) throw new CliError('shift remove: the shift id (see trygg shift list)');
    if (!(await store.shifts.remove(id))) {
      io.err(`trygg shift remove: no shift ${id}\n`);
      return 1;
    }
    io.out(`removed ${id}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
