/**
 * `trygg incident open|update|close|list`: incidents from scripts, through the same incident desk as the
 * Teams form. What it writes (the incident, its card, each subscriber's notice) waits in the shared store;
 * the running bot delivers it within its outbox poll interval and sees a new incident within seconds.
 *
 *   trygg incident open --where "<area | street [number]>" --kind <kind> --text "<sv>" [--text-en "…"]
 *     [--text-ar "…"] [--office-hours "YYYY-MM-DD HH:MM-HH:MM"] [--json]
 *   trygg incident update <id> --text "<sv>" [--text-en "…"] [--text-ar "…"] [--json]
 *   trygg incident close <id> --text "<sv>" [--text-en "…"] [--text-ar "…"] [--json]
 *   trygg incident list [--json]
 *
 * `--json` prints `{"id","kind","where","status","reports","subscribers"}` (a list prints an array of them).
 * A usage mistake exits 2; an unknown or closed incident exits 1.
 */
import { parseArgs } from 'node:util';
import { IncidentDesk, IncidentInputError } from '../cases/incidents/desk.ts';
import { loadAreas, Places } from '../cases/incidents/places.ts';
import { loadConfig } from '../config.ts';
import { loadPolicy } from '../routing/policy.ts';
import { INCIDENT_KINDS, type Incident } from '../store/index.ts';
import { CliError, type CliIo } from './io.ts';
import { openConfiguredStore } from './overrides.ts';

const USAGE = `usage:
  trygg incident open --where "<area | street [number]>" --kind <${INCIDENT_KINDS.join('|')}> --text "<sv>" [--text-en "…"] [--text-ar "…"] [--office-hours "YYYY-MM-DD HH:MM-HH:MM"] [--json]
  trygg incident update <id> --text "<sv>" [--text-en "…"] [--text-ar "…"] [--json]
  trygg incident close <id> --text "<sv>" [--text-en "…"] [--text-ar "…"] [--office-hours "…"] [--json]
  trygg incident list [--json]`;

/** What `--json` prints for an incident: a contract for scripts. */
export function incidentSummary(i: Incident) {
  return { id: i.id, kind: i.kind, where: i.where, status: i.status, reports: i.reports, subscribers: i.subscribers };
}

const line = (i: Incident) =>
  `${i.id.padEnd(12)} ${i.kind.padEnd(9)} ${i.status.padEnd(6)} reports ${String(i.reports).padStart(3)}  subscribers ${String(i.subscribers).padStart(3)}  ${i.where}\n`;

export async function incidentCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (!sub || !['open', 'update', 'close', 'list'].includes(sub)) throw new CliError(USAGE);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      where: { type: 'string' },
      kind: { type: 'string' },
      text: { type: 'string' },
      'text-en': { type: 'string' },
      'text-ar': { type: 'string' },
      'office-hours': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const id = positionals[0];
  if ((sub === 'update' || sub === 'close') && !id) throw new CliError(`trygg incident ${sub} <id> …\n${USAGE}`);
  if (sub !== 'list' && !values.text) throw new CliError(`--text: the notice in Swedish\n${USAGE}`);
  if (sub === 'open' && (!values.where || !values.kind)) throw new CliError(`--where and --kind are needed\n${USAGE}`);

  const config = loadConfig(io.env);
  const policy = loadPolicy(config.policyFile);
  const places = new Places(loadAreas(config.areasFile));
  const store = await openConfiguredStore(config);
  try {
    const desk = new IncidentDesk({ store, policy, places, now: () => io.now() });
    const text = {
      sv: values.text ?? '',
      ...(values['text-en'] ? { en: values['text-en'] } : {}),
      ...(values['text-ar'] ? { ar: values['text-ar'] } : {}),
    };
    const hours = values['office-hours'] ? { officeHours: values['office-hours'] } : {};
    const print = (result: Incident | Incident[]) => {
      if (values.json)
        io.out(`${JSON.stringify(Array.isArray(result) ? result.map(incidentSummary) : incidentSummary(result))}\n`);
      else for (const i of [result].flat()) io.out(line(i));
      if (!values.json && Array.isArray(result) && !result.length) io.out('-\n');
    };
    try {
      if (sub === 'list') print(await store.incidents.list());
      else if (sub === 'open')
        print(await desk.open({ where: values.where!, kind: values.kind!, text, by: 'cli', ...hours }));
      else if (sub === 'update') print(await desk.update(id!, { text, by: 'cli' }));
      else print(await desk.close(id!, { text, by: 'cli', ...hours }));
      return 0;
    } catch (err) {
      if (!(err instanceof IncidentInputError)) throw err;
      if (err.reason === 'missing' || err.reason === 'closed') {
        io.err(`trygg incident ${sub}: ${err.message}\n`);
        return 1;
      }
      throw new CliError(err.message);
    }
  } finally {
    await store.close();
  }
}
