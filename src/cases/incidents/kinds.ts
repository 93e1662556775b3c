/**
 * What kind of event a tenant's message is about, in the incidents' terms: from triage's danger kind where
 * there is one (fire and smoke, explosion, a break-in in progress, a weapon), else from the words for each
 * kind in `locales/{lng}/words.json` (`incidentKinds`), read in the message's language and in Swedish. Pure.
 */
import { fold } from '../../../dialogs/words.ts';
import { getI18n } from '../../i18n.ts';
import type { DangerKind, Lang, Triage } from '../../routing/types.ts';
import { INCIDENT_KINDS, type IncidentKind } from '../../store/index.ts';

/** The kinds a cluster of contacts can propose an incident for. */
export const PROPOSAL_KINDS: ReadonlySet<IncidentKind> = new Set(['fire', 'explosion', 'water', 'power', 'police']);

const FROM_DANGER: Partial<Record<DangerKind, IncidentKind>> = {
  fire: 'fire',
  explosion: 'explosion',
  break_in: 'burglary',
  weapon: 'police',
};

const words = new Map<Lang, [IncidentKind, string[]][]>();

/** Each kind's words in a language, folded; a word matches a whole word or the start of one ("vatten…"). */
function kindWords(lang: Lang): [IncidentKind, string[]][] {
  let list = words.get(lang);
  if (list) return list;
  const resource = getI18n().getResource(lang, 'words', 'incidentKinds') as Record<string, string[]> | undefined;
  list = INCIDENT_KINDS.flatMap((k): [IncidentKind, string[]][] =>
    resource?.[k] ? [[k, resource[k].map((w) => fold(w)).filter(Boolean)]] : [],
  );
  words.set(lang, list);
  return list;
}

/** The incident kind a message is about, or undefined when it names none. */
export function eventKindOf(t: Triage | undefined, text: string): IncidentKind | undefined {
  const danger = t?.danger ?? t?.discounted.find((m) => m.group.startsWith('danger.'))?.group.slice(7);
  const fromDanger = danger ? FROM_DANGER[danger as DangerKind] : undefined;
  if (fromDanger) return fromDanger;
  const folded = ` ${fold(text)} `;
  for (const lang of new Set<Lang>([t?.language ?? 'sv', 'sv'])) {
    for (const [kind, list] of kindWords(lang)) if (list.some((w) => folded.includes(` ${w}`))) return kind;
  }
  return undefined;
}

const homes = new Map<Lang, string[]>();

/**
 * Whether a message is about the tenant's own home ("i min lägenhet", "my flat"): then it reports something
 * of its own (damage in the flat), not only the incident, and gets a case of its own.
 */
export function aboutOwnHome(t: Triage | undefined, text: string): boolean {
  const folded = ` ${fold(text)} `;
  for (const lang of new Set<Lang>([t?.language ?? 'sv', 'sv'])) {
    let list = homes.get(lang);
    if (!list) {
      const words = getI18n().getResource(lang, 'words', 'ownHome') as string[] | undefined;
      homes.set(lang, (list = (words ?? []).map((w) => fold(w)).filter(Boolean)));
    }
    if (list.some((w) => folded.includes(` ${w} `))) return true;
  }
  return false;
}
