/**
 * The phone simulator page in a real browser: Debian's Chromium rings the bot at /phone, presses keys, "says"
 * things by typing, and sees the SSML and the actions (transfer, hang-up). Everything stays on 127.0.0.1.
 * Skipped (with a reason) only when /usr/bin/chromium is absent (`apt-get install -y chromium`).
 */
import { CHROMIUM, hasChromium, launchChromium, titled, warnIfNoChromium } from '../../helpers/chromium.ts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { local, startPhoneApp, type PhoneApp } from './harness.ts';

warnIfNoChromium('simulator.browser.test.ts');

describe.skipIf(!hasChromium)(titled(`phone simulator in Chromium (needs ${CHROMIUM})`), () => {
  let phone: PhoneApp;
  let browser: Browser;
  let page: Page;
  const requested: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    // Tuesday 23:00: Trygghetsjouren is on duty.
    phone = await startPhoneApp({ at: local('2027-01-19 23:00'), acs: false });
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
    await phone?.close();
  });

  const entries = (type: string) => page.locator(`#log li[data-type="${type}"]`);
  const sayAloud = async (text: string) => {
    await page.getByTestId('say-input').fill(text);
    await page.getByTestId('say-input').press('Enter');
  };

  it('rings, chooses Swedish on the keypad, says there is a fire, hears 112 twice and sees the hang-up', async () => {
    await page.goto(`${phone.base}/phone`);
    await page.getByTestId('ring').click();
    await entries('listen').first().waitFor({ timeout: 20_000 });
    expect(await entries('listen').first().locator('.text').textContent()).toContain('tolkas automatiskt');
    expect(await entries('listen').first().locator('pre.ssml').textContent()).toMatch(
      /xml:lang="sv-SE"><voice name="sv-SE-SofieNeural">/,
    );
    await page.getByTestId('status').getByText('Språkmenyn').waitFor();

    await page.locator('#keypad button[data-key="1"]').click();
    await entries('listen').nth(1).locator('.text', { hasText: 'Berätta med egna ord' }).waitFor({ timeout: 20_000 });
    await sayAloud('det brinner i trapphuset');
    await entries('hangUp').first().waitFor({ timeout: 20_000 });
    const said = (await entries('say').first().locator('.text').textContent()) ?? '';
    expect(said.match(/Lägg på och ring 112 nu\./g)).toHaveLength(2);
    expect(said.indexOf('112')).toBeLessThan(20);
    await page.getByTestId('status').getByText('Samtalet är slut').waitFor();
    expect(await page.getByTestId('ring').isEnabled()).toBe(true);
    expect(await page.getByTestId('say').isDisabled()).toBe(true);
  }, 90_000);

  it('a disturbance: the minimum questions, the transfer to the jour, and what happens when nobody answers', async () => {
    await page.getByTestId('ring').click();
    await entries('listen').first().waitFor({ timeout: 20_000 });
    await page.locator('#keypad button[data-key="1"]').click();
    await entries('listen').nth(1).waitFor({ timeout: 20_000 });
    await sayAloud('grannarna har fest och spelar hög musik');
    await entries('listen')
      .nth(2)
      .locator('.text', { hasText: 'Är någon i fara just nu?' })
      .waitFor({ timeout: 20_000 });
    await page.locator('#keypad button[data-key="2"]').click(); // 2 = Nej
    await entries('listen').nth(3).locator('.text', { hasText: 'Var är det?' }).waitFor({ timeout: 20_000 });
    await sayAloud('Lönngatan 3, trappuppgång A');
    await entries('transfer')
      .first()
      .locator('.what', { hasText: 'Kopplar vidare till +46400000001' })
      .waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('transfer-failed').isEnabled()).toBe(true);

    await page.getByTestId('transfer-failed').click();
    await entries('hangUp').first().waitFor({ timeout: 20_000 });
    expect(await entries('say').last().locator('.text').textContent()).toMatch(
      /Jag kunde inte koppla dig till Trygghetsjouren.*ringer upp dig på 070-174 06 05/,
    );
    await page.screenshot({ path: '/tmp/shot-phone-simulator.png', fullPage: true });

    const kase = (await phone.app.store.cases.list({ route: 'trygghetsjour' }))[0];
    expect(kase!.transcript.at(-1)!.text).toMatch(/kunde inte kopplas till Trygghetsjouren/);
  }, 90_000);

  it('talked only to this machine, without page errors', () => {
    expect(requested.filter((url) => !url.startsWith(phone.base) && !url.startsWith('data:'))).toEqual([]);
    expect(problems).toEqual([]);
  });
});
