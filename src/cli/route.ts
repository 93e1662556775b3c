/** `trygg route`: one decision as JSON, a human explanation, or a stream of decisions (--jsonl). */
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { translator } from '../i18n.ts';
import { routeMessage, type Decision, type Override, type Policy } from '../routing/index.ts';
import { CliError, loadContext, parseAt, type CliIo } from './io.ts';
import { loadStoredOverrides } from './overrides.ts';

const CHANNELS = ['webchat', 'directline', 'emulator', 'sms', 'telephony', 'msteams'];

/** The JSON written for a decision: the decision plus the caller's id and channel. */
function output(decision: Decision, extra: { id?: unknown; channel?: string }): string {
  return JSON.stringify({
    ...(extra.id !== undefined ? { id: extra.id } : {}),
    ...decision,
    ...(extra.channel ? { channel: extra.channel } : {}),
  });
}

export async function routeCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      at: { type: 'string' },
      channel: { type: 'string' },
      policy: { type: 'string' },
      explain: { type: 'boolean', default: false },
      lang: { type: 'string', default: 'sv' },
      jsonl: { type: 'boolean', default: false },
    },
  });
  if (values.channel && !CHANNELS.includes(values.channel))
    throw new CliError(`--channel: one of ${CHANNELS.join(', ')}`);
  const { config, policy } = loadContext(io, values.policy);
  const overrides = await loadStoredOverrides(config);
  if (values.jsonl) return routeJsonl(io, policy, overrides);

  const text = positionals.join(' ').trim();
  if (!text) throw new CliError('give the message to route, e.g. trygg route "det brinner i trapphuset"');
  const at = parseAt(values.at, io, policy.timeZone);
  const decision = routeMessage(text, { at, policy, overrides });
  if (values.explain) io.out(explain(decision, policy, values.lang === 'en' ? 'en' : 'sv'));
  else io.out(output(decision, values.channel ? { channel: values.channel } : {}) + '\n');
  return 0;
}

/** One JSON object per input line, in input order; a bad line gives an error line with its id. */
async function routeJsonl(io: CliIo, policy: Policy, overrides: readonly Override[]): Promise<number> {
  const now = io.now();
  let batch: string[] = [];
  let lineNo = 0;
  for await (const raw of io.lines()) {
    lineNo++;
    const line = raw.trim();
    if (!line) continue;
    batch.push(routeLine(line, lineNo, policy, overrides, now, io));
    if (batch.length >= 512) {
      io.out(batch.join('\n') + '\n');
      batch = [];
    }
  }
  if (batch.length) io.out(batch.join('\n') + '\n');
  return 0;
}

function routeLine(
  line: string,
  lineNo: number,
  policy: Policy,
  overrides: readonly Override[],
  now: Date,
  io: CliIo,
): string {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return JSON.stringify({ id: null, line: lineNo, error: 'not valid JSON' });
  }
  const record = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const id = record.id ?? null;
  const fail = (error: string) => JSON.stringify({ id, line: lineNo, error });
  if (typeof record.text !== 'string' || !record.text.trim()) return fail('"text" must be a non-empty string');
  if (record.channel !== undefined && (typeof record.channel !== 'string' || !CHANNELS.includes(record.channel)))
    return fail(`"channel" must be one of ${CHANNELS.join(', ')}`);
  let at = now;
  if (record.at !== undefined) {
    try {
      at = parseAt(String(record.at), io, policy.timeZone, '"at"');
    } catch (e) {
      return fail((e as Error).message);
    }
  }
  return output(routeMessage(record.text, { at, policy, overrides }), {
    id,
    ...(record.channel ? { channel: record.channel as string } : {}),
  });
}

/** A decision for a human, in Swedish or English (texts in locales/{sv,en}/cli.json). */
export function explain(d: Decision, policy: Policy, lang: 'sv' | 'en'): string {
  const t = translator(lang, 'cli');
  const when = (iso?: string) =>
    iso ? DateTime.fromISO(iso, { zone: policy.timeZone }).toFormat('yyyy-MM-dd HH:mm') : t('never');
  const lines = [
    t('explain.route', { route: d.route, name: d.destination.name, phone: d.destination.phone }) +
      (d.destination.placeholder ? ` ${t('placeholder')}` : ''),
    t('explain.at', { at: when(d.at), zone: policy.timeZone }),
    t('explain.category', { category: t(`category.${d.category}`) }) +
      (d.danger ? ` — ${t(`danger.${d.danger}`)}` : ''),
    t('explain.rule', {
      rule: d.reason.rule,
      why: t(`rule.${d.reason.rule.replace(/\.(on|off)-duty$/, '').replace(/^danger\..*$/, 'danger')}`),
    }),
    t('explain.matched', { terms: d.reason.matched.length ? d.reason.matched.join(', ') : '—' }),
  ];
  if (d.reason.discounted.length) lines.push(t('explain.discounted', { terms: d.reason.discounted.join(', ') }));
  lines.push(...explainLayer(d, t));
  if (d.confirm) lines.push(t('explain.confirm'));
  lines.push(
    d.destination.onDuty
      ? d.destination.closesAt
        ? t('explain.onDuty', { until: when(d.destination.closesAt) })
        : t('explain.alwaysOn')
      : t('explain.closed', { opens: when(d.destination.opensAt) }),
  );
  if (d.offDuty) lines.push(t('explain.offDuty', { route: d.offDuty.route, opens: when(d.offDuty.opensAt) }));
  for (const a of d.advice)
    lines.push(t('explain.advice', { name: a.name ?? t(`advice.${a.id}`), phone: a.phone ?? '' }).trimEnd());
  return lines.join('\n') + '\n';
}

/** Which layer of triage decided, and why (the three layers are described in src/routing/triage/layers.ts). */
function explainLayer(d: Decision, t: ReturnType<typeof translator>): string[] {
  const { layer, signs, classifier: c } = d.reason;
  const danger = (kind: string) => t(`danger.${kind}`);
  const lines: string[] = [];
  const signList = signs?.join(', ') ?? '';
  if (layer === 'classifier' && d.category === 'acute_danger' && c) {
    lines.push(t('explain.layer.classifier', { acute: c.acute.toFixed(2), kind: danger(c.kind) }));
  } else if (layer === 'classifier' && c) {
    lines.push(t('explain.layer.classifierCategory', { category: t(`category.${c.category}`), p: c.p.toFixed(2) }));
  } else if (layer === 'safety-net') {
    lines.push(
      d.category === 'acute_danger' ? t('explain.layer.safetyNet', { signs: signList }) : t('explain.layer.unplaced'),
    );
  } else if (layer === 'lexicon') {
    lines.push(t('explain.layer.lexicon'));
  }
  if (signs?.length && layer !== 'safety-net') lines.push(t('explain.signs', { signs: signList }));
  if (c && layer !== 'classifier') {
    lines.push(
      t('explain.classifier', {
        acute: c.acute.toFixed(2),
        kind: danger(c.kind),
        category: t(`category.${c.category}`),
        p: c.p.toFixed(2),
      }),
    );
  }
  return lines;
}
