/**
 * The real bot behind the local chat page, in Debian's Chromium: what a new user sees after `npm start`.
 * A Swedish emergency is answered with 112; a disturbance at night with the follow-up question.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hasChromium, launchChromium, titled, warnIfNoChromium } from '../../helpers/chromium.ts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../../src/app.ts';
import { loadConfig } from '../../../src/config.ts';
import { createLogger } from '../../../src/log.ts';

warnIfNoChromium('bot-page.browser.test.ts');

// A Tuesday night: Trygghetsjouren is on duty.
const NIGHT = new Date('2027-01-19T22:00:00Z');

describe.skipIf(!hasChromium)(titled('the bot in the local chat page (Chromium)'), () => {
  let app: App;
  let base: string;
  let browser: Browser;
  const outside: string[] = [];

  beforeAll(async () => {
    const config = loadConfig({ DATA_DIR: mkdtempSync(path.join(tmpdir(), 'trygg-page-')), LOG_LEVEL: 'silent' });
    app = await buildApp(config, { now: () => NIGHT, log: createLogger('silent') });
    base = await app.listen(0, '127.0.0.1');
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function open(query = ''): Promise<Page> {
    const page = await browser.newPage();
    page.on('request', (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith('data:') && !r.url().startsWith('blob:'))
        outside.push(r.url());
    });
    await page.goto(`${base}/${query}`);
    return page;
  }

  async function send(page: Page, text: string): Promise<void> {
    await page.locator('body[data-connection-status="2"]').waitFor({ timeout: 20_000 });
    const input = page.locator('[data-id="webchat-sendbox-input"]');
    await input.waitFor({ timeout: 20_000 });
    await input.fill(text);
    await input.press('Enter');
  }

  it('a Swedish emergency gets 112; a disturbance gets the follow-up question', async () => {
    const page = await open();
    await send(page, 'Det brinner i trapphuset!');
    await page
      .getByText(/Ring 112 nu/)
      .first()
      .waitFor({ timeout: 20_000 });
    // The tap-to-call card.
    await page
      .getByRole('button', { name: /Ring 112/ })
      .first()
      .waitFor({ timeout: 10_000 });
    if (process.env.TRYGG_SCREENSHOT) await page.screenshot({ path: process.env.TRYGG_SCREENSHOT, fullPage: true });

    const other = await open();
    await send(other, 'Grannen spelar hög musik');
    await other
      .getByText(/Är någon i fara just nu\?/)
      .first()
      .waitFor({ timeout: 20_000 });
    await send(other, 'Nej');
    await other
      .getByText(/Skriv adress eller område/)
      .first()
      .waitFor({ timeout: 20_000 });
    expect(outside).toEqual([]);
  }, 90_000);

  it('as SMS, in Arabic: plain text, 112 first', async () => {
    const page = await open('?channel=sms&locale=ar&phone=%2B46700000001');
    await send(page, 'الشقة المجاورة تحترق');
    await page.getByText(/112/).first().waitFor({ timeout: 20_000 });
    // The transcript in the order it is shown: the bot's first message is the one that says 112.
    const shown = await page.$$eval('.webchat__basic-transcript__activity', (items) =>
      items.map((item) => ({
        fromUser: item.querySelector('.webchat__bubble--from-user') !== null,
        text: (item as HTMLElement).innerText,
      })),
    );
    expect(shown.filter((item) => item.fromUser).map((item) => item.text)).toEqual([
      expect.stringContaining('الشقة المجاورة تحترق'),
    ]);
    const fromBot = shown.filter((item) => !item.fromUser && item.text.trim());
    expect(fromBot.length).toBeGreaterThan(0);
    expect(fromBot[0]!.text).toMatch(/112/);
    expect(fromBot[0]!.text).toMatch(/[\u0600-\u06ff]/);
    for (const item of fromBot) expect(item.text).not.toContain('**');
  }, 90_000);
});
