/**
 * Answers to common questions from locale content: grannsamverkan, gardening, safety walks, Skåne
 * Stadsmission's outreach, and when the jour and the office are open (computed from the policy).
 */
import { getI18n } from '../src/i18n.ts';
import type { Decision } from '../src/routing/decide.ts';
import { dutyStatus } from '../src/routing/schedule.ts';
import { LANGUAGES } from '../src/routing/types.ts';
import type { Turn } from './context.ts';
import { fold } from './words.ts';

export const TOPICS = ['hours', 'grannsamverkan', 'gardening', 'safetyWalks', 'stadsmission'] as const;
export type Topic = (typeof TOPICS)[number];

let patterns: [Topic, RegExp][] | undefined;

/** Topic keywords from every language (locales/{lng}/words.json → topics), as word-prefix patterns. */
function topicPatterns(): [Topic, RegExp][] {
  if (patterns) return patterns;
  const i18n = getI18n();
  patterns = TOPICS.map((topic) => {
    const words = LANGUAGES.flatMap(
      (lng) => (i18n.getResource(lng, 'words', `topics.${topic}`) as string[] | undefined) ?? [],
    );
    const alternatives = words.map((w) => fold(w).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).filter(Boolean);
    return [topic, new RegExp(`(?:^|\\s)(?:${alternatives.join('|') || '(?!)'})`, 'u')] as [Topic, RegExp];
  });
  return patterns;
}

/** The topic a question is about, if it is one we have content for. */
export function topicOf(text: string): Topic | undefined {
  const t = fold(text);
  return topicPatterns().find(([, re]) => re.test(t))?.[0];
}

/** Answers an information question; false when there is no content for it (the office dialog takes over). */
export async function answerInformation(turn: Turn, d: Decision): Promise<boolean> {
  const text = [...(turn.profile.transcript ?? [])].reverse().find((e) => e.from === 'tenant')?.text ?? '';
  const topic = topicOf(text);
  if (!topic) return false;
  if (topic === 'hours') {
    await turn.say(openingHours(turn));
    return true;
  }
  const office = d.destination;
  await turn.say(
    `${turn.t(`info.${topic}`)}\n\n${turn.t('info.more', { phone: office.phone, web: office.web ?? '' })}`,
  );
  return true;
}

/** The jour's and the office's hours from the policy, and their state now. */
function openingHours(turn: Turn): string {
  const p = turn.policy;
  const now = turn.deps.now();
  const jour = p.schedules.trygghetsjour;
  const office = p.schedules.office;
  const lines: string[] = [];
  const jourRule = 'weekly' in jour ? jour.weekly[0] : undefined;
  if (jourRule) {
    const closes =
      typeof jourRule.closes === 'string'
        ? { workingMorning: jourRule.closes, nonWorkingMorning: jourRule.closes }
        : jourRule.closes;
    lines.push(
      turn.t('info.hours.jour', {
        opens: jourRule.opens,
        closes: closes.workingMorning,
        closesHoliday: closes.nonWorkingMorning,
      }),
    );
  }
  const officeRule = 'weekly' in office ? office.weekly[0] : undefined;
  if (officeRule && typeof officeRule.closes === 'string')
    lines.push(turn.t('info.hours.office', { opens: officeRule.opens, closes: officeRule.closes }));
  const jourNow = dutyStatus('trygghetsjour', now, p);
  const officeNow = dutyStatus('office', now, p);
  lines.push(
    jourNow.onDuty
      ? turn.t('info.hours.jourNow')
      : turn.t('info.hours.jourNext', { when: turn.when(jourNow.nextOpening?.toISO() ?? undefined) }),
  );
  lines.push(
    officeNow.onDuty
      ? turn.t('info.hours.officeNow')
      : turn.t('info.hours.officeNext', { when: turn.when(officeNow.nextOpening?.toISO() ?? undefined) }),
  );
  lines.push(turn.t('info.hours.fault', { phone: p.destinations.fastighetsjour.phone }));
  return lines.join('\n');
}
