/**
 * What a tenant reads about an incident, in their language: the latest notice as staff wrote it in that
 * language, or the Swedish text with one line in theirs that says so; an update's or the closing notice's
 * heading; and what the closing notice adds (extra office hours, the city's crisis support, 113 13 and an
 * offer to talk to someone).
 */
import { DateTime } from 'luxon';
import { translator } from '../../i18n.ts';
import type { Policy, PublicNumber } from '../../routing/policy.ts';
import type { Lang } from '../../routing/types.ts';
import type { Incident, IncidentNotice } from '../../store/index.ts';

/** A notice's text in `lang`: staff's own words in it, or the Swedish text and a line saying it is Swedish. */
export function noticeWords(notice: IncidentNotice, lang: Lang): string {
  const own = lang === 'en' || lang === 'ar' ? notice.text[lang] : lang === 'sv' ? notice.text.sv : undefined;
  if (own) return own;
  return `${notice.text.sv}\n\n${translator(lang, 'bot')('incident.swedishOnly')}`;
}

/** The latest notice, as a tenant who names the incident's place is told it first. */
export function knownIncident(incident: Incident, lang: Lang): string {
  const t = translator(lang, 'bot');
  return `${t('incident.intro', { where: incident.where })}\n\n${noticeWords(incident.notices.at(-1)!, lang)}`;
}

/** A policy text in the tenant's language, else English, else Swedish. */
const pick = (text: PublicNumber['name'] | undefined, lang: Lang): string =>
  text ? (text[lang] ?? text.en ?? text.sv) : '';

/** An update or the closing notice, as sent to a subscriber. */
export function noticeMessage(incident: Incident, notice: IncidentNotice, lang: Lang, policy: Policy): string {
  const t = translator(lang, 'bot');
  const closing = notice.kind === 'close';
  const parts = [
    `${t(closing ? 'incident.closed' : notice.kind === 'open' ? 'incident.intro' : 'incident.update', { where: incident.where })}\n\n${noticeWords(notice, lang)}`,
  ];
  if (closing) parts.push(...closingAdditions(incident, lang, policy));
  else parts.push(t('incident.stopHint'));
  return parts.join('\n\n');
}

/** What the closing notice adds, in the tenant's language. */
export function closingAdditions(incident: Incident, lang: Lang, policy: Policy): string[] {
  const t = translator(lang, 'bot');
  const out: string[] = [];
  if (incident.officeHours) {
    const z = policy.timeZone;
    const from = DateTime.fromISO(incident.officeHours.from, { zone: z })
      .setLocale(lang)
      .reconfigure({ outputCalendar: 'gregory' });
    const to = DateTime.fromISO(incident.officeHours.to, { zone: z });
    out.push(
      t('incident.closing.officeHours', { when: `${from.toFormat('cccc d MMMM HH:mm')}–${to.toFormat('HH:mm')}` }),
    );
  }
  const { supportCentre, socialServicesOutOfHours, crisisInfo } = policy.numbers;
  out.push(
    t('incident.closing.crisisSupport', {
      supportName: pick(supportCentre.name, lang),
      supportPhone: supportCentre.phone,
      supportHours: pick(supportCentre.hours, lang),
      socialName: pick(socialServicesOutOfHours.name, lang),
      socialPhone: socialServicesOutOfHours.phone,
      socialHours: pick(socialServicesOutOfHours.hours, lang),
    }),
    t('incident.closing.info', { phone: crisisInfo.phone }),
    t('incident.closing.talk', { office: policy.destinations.office.phone }),
  );
  return out;
}
