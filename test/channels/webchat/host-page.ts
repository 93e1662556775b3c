/**
 * The browser tests' stage: Trygg in local mode on 127.0.0.1 and a landlord's page on another origin
 * (127.0.0.2) that embeds the widget with the one script tag, under the strict CSP the README recommends.
 * Each page records what the tests check: CSP violations, what the widget announced to screen readers, and
 * every request that left for somewhere other than these two origins.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { buildApp, type App } from '../../../src/app.ts';
import { widgetCsp } from '../../../src/channels/webchat/index.ts';
import { loadConfig } from '../../../src/config.ts';
import { createLogger } from '../../../src/log.ts';

const AXE = readFileSync(new URL('../../../node_modules/axe-core/axe.min.js', import.meta.url));

/** Trygg and the host page, started. */
export interface Stage {
  app: App;
  /** Trygg's base URL (http://127.0.0.1:port). */
  trygg: string;
  /** The host page's origin (http://127.0.0.2:port). */
  host: string;
  close(): Promise<void>;
}

/** Starts Trygg (local mode, the clock at `now`) and the host page server. */
export async function startStage(now: Date): Promise<Stage> {
  const config = loadConfig({ DATA_DIR: mkdtempSync(path.join(tmpdir(), 'trygg-widget-')), LOG_LEVEL: 'silent' });
  const app = await buildApp(config, { now: () => now, log: createLogger('silent') });
  const trygg = await app.listen(0, '127.0.0.1');
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://host');
    if (url.pathname === '/axe.min.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript' });
      res.end(AXE);
      return;
    }
    if (url.pathname !== '/') {
      res.writeHead(404);
      res.end();
      return;
    }
    const nonce = randomBytes(16).toString('base64');
    const lang = url.searchParams.get('lang') === 'ar' ? 'ar' : 'sv';
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': widgetCsp({ trygg, directLine: trygg, nonce }),
    });
    res.end(`<!doctype html>
<html lang="${lang}"${lang === 'ar' ? ' dir="rtl"' : ''}>
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Hyresvärden</title>
    <style nonce="${nonce}">body { font-family: Georgia, serif; margin: 0 1rem; }</style>
  </head>
  <body>
    <header><a href="#main">Till innehållet</a></header>
    <main id="main"><h1>Trygghet i ditt boende</h1><p>Vid akut fara: ring 112.</p></main>
    <script src="${trygg}/webchat/embed.js" async nonce="${nonce}"></script>
  </body>
</html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.2', resolve));
  const host = `http://127.0.0.2:${(server.address() as AddressInfo).port}`;
  return {
    app,
    trygg,
    host,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.close();
    },
  };
}

/** A page in a fresh context (its own sessionStorage), recording as described above. */
export async function openHost(
  browser: Browser,
  stage: Stage,
  options: BrowserContextOptions & { query?: string; beforeGoto?: (page: Page) => Promise<void> } = {},
): Promise<{ page: Page; outside: string[] }> {
  const { query = '', beforeGoto, ...contextOptions } = options;
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const outside: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (![stage.trygg, stage.host, 'data:', 'blob:'].some((prefix) => url.startsWith(prefix))) outside.push(url);
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[]; __announced: string[] };
    w.__csp = [];
    w.__announced = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.columnNumber}`),
    );
    new MutationObserver((records) => {
      for (const record of records)
        for (const node of Array.from(record.addedNodes))
          if ((node.parentNode as Element | null)?.classList?.contains('trygg-wc-live'))
            w.__announced.push(node.textContent ?? '');
    }).observe(document, { childList: true, subtree: true });
  });
  await beforeGoto?.(page);
  await page.goto(`${stage.host}/${query}`);
  return { page, outside };
}

/** What the page's live region received since the page loaded. */
export const announced = (page: Page) =>
  page.evaluate(() => (window as unknown as { __announced: string[] }).__announced);

/** CSP violations since the page loaded. */
export const cspViolations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

/** The widget's state in sessionStorage (see embed.js). */
export interface StoredState {
  open?: boolean;
  lang?: string;
  session?: { conversationId: string; token: string; userId: string; watermark?: string; expiresAt: number };
  announced?: string[];
}

/** The widget's state in sessionStorage. */
export const stored = (page: Page) =>
  page.evaluate(() => JSON.parse(sessionStorage.getItem('trygg.webchat') ?? '{}') as StoredState);

/** Web Chat's send box, once connected. */
export const sendBox = (page: Page) => page.locator('[data-id="webchat-sendbox-input"]');

/** Writes a message in the open chat and sends it with Enter. */
export async function send(page: Page, text: string): Promise<void> {
  const input = sendBox(page);
  await input.waitFor({ timeout: 20_000 });
  await input.fill(text);
  await input.press('Enter');
}

/** The bot's messages as shown, oldest first. */
export const botMessages = (page: Page) =>
  page
    .locator('.webchat__stacked-layout:not(.webchat__stacked-layout--from-user) .webchat__bubble__content')
    .allInnerTexts();
