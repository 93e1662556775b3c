/**
 * `trygg report [--night YYYY-MM-DD | --from ISO --to ISO] [--format md|json|csv]`: the night report for
 * any span, from the same store the server uses. Without a span: what the latest morning report covered.
 */
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { loadConfig } from '../config.ts';
import { loadPolicy, withOverrides } from '../routing/policy.ts';
import { buildReport } from '../report/build.ts';
import { toCsv, toMarkdown } from '../report/format.ts';
import { latestReportAt } from '../report/job.ts';
import { nightOf, reportSpan, type Span } from '../report/span.ts';
import { CliError, parseAt, type CliIo } from './io.ts';
import { openConfiguredStore, shiftToOverride } from './overrides.ts';

const FORMATS = ['md', 'json', 'csv'] as const;

export async function reportCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      night: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      format: { type: 'string', default: 'md' },
    },
  });
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new CliError(`--format: one of ${FORMATS.join(', ')}`);
  if (values.night !== undefined && (values.from !== undefined || values.to !== undefined))
    throw new CliError('give either --night or --from and --to, not both');
  if ((values.from === undefined) !== (values.to === undefined)) throw new CliError('--from and --to go together');
  if (values.night !== undefined && !DateTime.fromFormat(values.night, 'yyyy-MM-dd').isValid)
    throw new CliError(`--night: a date as YYYY-MM-DD, not ${JSON.stringify(values.night)}`);
  const config = loadConfig(io.env);
  const filePolicy = loadPolicy(config.policyFile);
  const store = await openConfiguredStore(config);
  try {
    const policy = withOverrides(filePolicy, (await store.shifts.list({})).map(shiftToOverride));
    let span: Span;
    if (values.night) span = nightOf(values.night, policy);
    else if (values.from && values.to) {
      span = {
        from: parseAt(values.from, io, policy.timeZone, '--from'),
        to: parseAt(values.to, io, policy.timeZone, '--to'),
      };
      if (span.to <= span.from) throw new CliError('--to must be after --from');
    } else span = reportSpan(latestReportAt(io.now(), policy), policy);
    const { report, rows } = await buildReport(store, span);
    if (format === 'json') io.out(JSON.stringify(report, null, 2) + '\n');
    else if (format === 'csv') io.out(toCsv(rows, policy));
    else io.out(toMarkdown(report, policy));
    return 0;
  } finally {
    await store.close();
  }
}
