/** `trygg cases`, `trygg case <id>`, `trygg purge`, `trygg export --phone`, `trygg forget --phone`. */
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { loadConfig } from '../config.ts';
import { loadPolicy } from '../routing/policy.ts';
import { ROUTES, type RouteId } from '../routing/types.ts';
import { CASE_STATUSES, type CaseStatus, type Store } from '../store/index.ts';
import { CliError, type CliIo } from './io.ts';
import { openConfiguredStore } from './overrides.ts';

async function withStore<T>(
  io: CliIo,
  fn: (store: Store, zone: string, retentionDays: number) => Promise<T>,
): Promise<T> {
  const config = loadConfig(io.env);
  const policy = loadPolicy(config.policyFile);
  const store = await openConfiguredStore(config);
  try {
    return await fn(store, policy.timeZone, policy.retention.days);
  } finally {
    await store.close();
  }
}

export async function casesCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      status: { type: 'string' },
      route: { type: 'string' },
      limit: { type: 'string', default: '50' },
      json: { type: 'boolean', default: false },
    },
  });
  if (values.status && !(CASE_STATUSES as readonly string[]).includes(values.status))
    throw new CliError(`--status: one of ${CASE_STATUSES.join(', ')}`);
  if (values.route && !(ROUTES as readonly string[]).includes(values.route))
    throw new CliError(`--route: one of ${ROUTES.join(', ')}`);
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000)
    throw new CliError('--limit: a whole number from 1 to 10000');
  return withStore(io, async (store, zone) => {
    const cases = await store.cases.list({
      ...(values.status ? { status: values.status as CaseStatus } : {}),
      ...(values.route ? { route: values.route as RouteId } : {}),
      limit,
    });
    if (values.json) {
      io.out(JSON.stringify(cases) + '\n');
      return 0;
    }
    for (const c of cases) {
      const at = DateTime.fromISO(c.createdAt, { zone }).toFormat('yyyy-MM-dd HH:mm');
      io.out(
        `${c.id.padEnd(12)} ${at}  ${c.route.padEnd(14)} ${c.status.padEnd(8)} ${c.channelId.padEnd(9)} ${c.language}  ${c.category}${c.danger ? `/${c.danger}` : ''}\n`,
      );
    }
    if (!cases.length) io.out('-\n');
    return 0;
  });
}

export async function caseCommand(args: string[], io: CliIo): Promise<number> {
  const id = args[0];
  if (!id) throw new CliError('usage: trygg case <id>');
  return withStore(io, async (store) => {
    const c = await store.cases.get(id);
    if (!c) {
      io.err(`trygg case: no case ${id}\n`);
      return 1;
    }
    io.out(JSON.stringify(c, null, 2) + '\n');
    return 0;
  });
}

export async function purgeCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { days: { type: 'string' } } });
  return withStore(io, async (store, _zone, retentionDays) => {
    const days = values.days === undefined ? retentionDays : Number(values.days);
    if (!Number.isInteger(days) || days < 1) throw new CliError('--days: a whole number of days, at least 1');
    const counts = await store.purge(new Date(io.now().getTime() - days * 86_400_000));
    io.out(JSON.stringify({ olderThanDays: days, purged: counts }) + '\n');
    return 0;
  });
}

export async function phoneCommand(kind: 'export' | 'forget', args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { phone: { type: 'string' } } });
  if (!values.phone) throw new CliError(`usage: trygg ${kind} --phone <number>`);
  return withStore(io, async (store) => {
    const result = kind === 'export' ? await store.findByPhone(values.phone!) : await store.forgetPhone(values.phone!);
    io.out(JSON.stringify(result, null, kind === 'export' ? 2 : 0) + '\n');
    return 0;
  });
}
