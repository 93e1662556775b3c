/**
 * The chat page in a real browser: Debian's Chromium runs Microsoft Web Chat from the page against the shim
 * and the fake echo bot, all on 127.0.0.1. Skipped (with a reason) only when /usr/bin/chromium is absent;
 * `npx playwright install` cannot work offline, so the browser comes from `apt-get install -y chromium`.
 */
import { CHROMIUM, hasChromium, launchChromium, titled, warnIfNoChromium } from '../../helpers/chromium.ts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './fake-bot.ts';

warnIfNoChromium('page.browser.test.ts');

describe.skipIf(!hasChromium)(titled(`chat page in Chromium (needs ${CHROMIUM})`), () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;
  const requested: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    harness = await startHarness({ pages: true });
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('request', (request) => requested.push(request.url()));
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  async function send(text: string): Promise<void> {
    // Web Chat shows the send box before Direct Line is online; a message typed then may be lost.
    await page.locator('body[data-connection-status="2"]').waitFor({ timeout: 20_000 });
    const input = page.locator('[data-id="webchat-sendbox-input"]');
    await input.waitFor({ timeout: 20_000 });
    await input.fill(text);
    await input.press('Enter');
  }

  it('chats as web chat in Swedish by default, then as SMS from a phone number, then in Polish', async () => {
    await page.goto(`${harness.baseUrl}/`);
    expect(await page.locator('select[name="channel"]').inputValue()).toBe('webchat');
    expect(await page.locator('html').getAttribute('lang')).toBe('sv-SE');

    await send('hej');
    await page
      .getByText(/echo \(webchat .+ sv-SE\): hej/)
      .first()
      .waitFor({ timeout: 20_000 });

    // Changing the channel restarts: a new conversation whose sender is the phone number.
    await Promise.all([page.waitForURL(/channel=sms/), page.selectOption('select[name="channel"]', 'sms')]);
    expect(await page.locator('#sms-note').isVisible()).toBe(true);
    expect(await page.locator('input[name="phone"]').inputValue()).toBe('+46700000000');
    await send('hallå');
    await page.getByText('echo (sms +46700000000 sv-SE): hallå').first().waitFor({ timeout: 20_000 });
    // An SMS is plain text: markdown from the bot shows as typed.
    await send('**fet**');
    await page.getByText('echo (sms +46700000000 sv-SE): **fet**').first().waitFor({ timeout: 20_000 });

    await Promise.all([page.waitForURL(/locale=pl/), page.selectOption('select[name="locale"]', 'pl')]);
    expect(page.url()).toContain('channel=sms');
    await send('cześć');
    await page.getByText('echo (sms +46700000000 pl): cześć').first().waitFor({ timeout: 20_000 });

    const atBot = harness.received
      .filter((activity) => activity.type === 'message')
      .map((a) => [a.channelId, a.locale, a.text]);
    expect(atBot).toEqual([
      ['webchat', 'sv-SE', 'hej'],
      ['sms', 'sv-SE', 'hallå'],
      ['sms', 'sv-SE', '**fet**'],
      ['sms', 'pl', 'cześć'],
    ]);
  }, 90_000);

  it('never reaches beyond this server, and runs without script errors or CSP refusals', () => {
    const outside = requested.filter((url) => !url.startsWith(`${harness.baseUrl}/`) && !/^(data|blob):/.test(url));
    expect(outside).toEqual([]);
    expect(requested).toContain(`${harness.baseUrl}/webchat/webchat.js`);
    expect(problems).toEqual([]);
  });
});
