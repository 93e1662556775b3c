/**
 * The Content-Security-Policy a page embedding the widget needs, and no more: scripts only from the page itself
 * and Trygg (no inline script, no eval), styles from Trygg plus the page's per-response nonce (Web Chat adds its
 * `<style>` elements with it), connections to Trygg and Direct Line. The README shows its output; the demo page
 * and the browser tests run under it.
 */

/** Where the widget's parts come from. */
export interface WidgetCspOptions {
  /** Trygg's origin (`https://trygg.mkb.se`), or `'self'` when the page is on Trygg's own origin (the demo). */
  trygg: string;
  /** Direct Line's origin; its `wss:` twin is allowed too (Web Chat's WebSocket). */
  directLine: string;
  /** The page's nonce for this response (at least 128 random bits, new for every response). */
  nonce: string;
}

/** The policy as one header value. */
export function widgetCsp({ trygg, directLine, nonce }: WidgetCspOptions): string {
  const sources = (...list: string[]) => [...new Set(list)].join(' ');
  const socket = directLine.replace(/^http/, 'ws');
  return [
    "default-src 'self'",
    `script-src ${sources("'self'", trygg)}`,
    `style-src ${sources("'self'", trygg, `'nonce-${nonce}'`)}`,
    `connect-src ${sources("'self'", trygg, directLine, socket)}`,
    `img-src ${sources("'self'", trygg, 'data:', 'blob:')}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}
