/** The privacy notice as a small HTML page, from locales/{lng}/privacy.json (Swedish when a language lacks it). */
import { getI18n, translator } from '../i18n.ts';
import { LANGUAGES, type Lang } from '../routing/types.ts';

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function privacyPage(requested: string, retentionDays: number): string {
  const lang: Lang =
    (LANGUAGES as readonly string[]).includes(requested) && getI18n().hasResourceBundle(requested, 'privacy')
      ? (requested as Lang)
      : 'sv';
  const t = translator(lang, 'privacy');
  const sections = t('sections', { returnObjects: true, days: retentionDays }) as unknown as {
    title: string;
    text: string;
  }[];
  const dir = lang === 'ar' || lang === 'fa' ? 'rtl' : 'ltr';
  return `<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(t('title'))}</title><style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}</style></head>
<body><h1>${escape(t('title'))}</h1><p>${escape(t('intro'))}</p>${sections.map((s) => `<h2>${escape(s.title)}</h2><p>${escape(s.text)}</p>`).join('')}</body></html>`;
}
