/**
 * Text that Trygg did not write (a tenant's message, address or name, a staff member's Teams display name,
 * a model's summary or translation), made safe to show staff. Teams renders Markdown and turns addresses
 * into links in card text and messages: a tenant could plant a clickable phishing link or a bold line that
 * looks like Trygg's own. Cards put such text only in `TextRun`s, which do not parse Markdown (`cards.ts`);
 * `plain` also takes what Teams would still turn into a link or a new line.
 */

/** Control characters, zero-width characters and bidirectional overrides (which can disguise a link). */
const INVISIBLE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * One line of untrusted text, shown as typed but inert: line breaks become " ⏎ " (so nothing can start a
 * line of its own that looks like Trygg's), invisible and direction-changing characters go, and addresses
 * are defanged (`https[:]//…`, `www[.]…`) so Teams does not make them links.
 */
export function plain(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ⏎ ')
    .replace(/\b([a-z][a-z0-9+.-]{1,20}):\/\//gi, '$1[:]//')
    .replace(/\bwww\./gi, 'www[.]')
    .trim();
}

/**
 * A model's text without links: Markdown links and images keep only their text, HTML anchors their content,
 * other tags and bare addresses go. Applied to summaries and translations before anyone sees them.
 */
export function stripLinks(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<a\b[^>]*>(.*?)<\/a\s*>/gis, '$1')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/\b(?:[a-z][a-z0-9+.-]{1,20}:\/\/|www\.)\S+/gi, '')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}
