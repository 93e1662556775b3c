/**
 * What Web Chat's users complain about most, in Debian's Chromium against the local shim: a chat that dies when
 * the network drops or a phone sleeps, and a token that expires while the page is open. The widget refreshes the
 * token at half its life and picks the same conversation up again when the network returns or the page becomes
 * visible after a while.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, titled, warnIfNoChromium } from '../../helpers/chromium.ts';
import { botMessages, cspViolations, openHost, send, startStage, stored, type Stage } from './host-page.ts';

warnIfNoChromium('connection.browser.test.ts');

const NIGHT = new Date('2027-01-19T22:00:00Z');

describe.skipIf(!hasChromium)(titled('the widget keeps its conversation alive (Chromium, local shim)'), () => {
  let stage: Stage;
  let browser: Browser;

  beforeAll(async () => {
    stage = await startStage(NIGHT);
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await stage?.close();
  });

  /** Opens the chat and waits for the greeting; returns how many bot messages are shown. */
  async function openChat(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Chatta med Trygg' }).click();
    await page
      .getByText(/Hej! Jag är Trygg/)
      .first()
      .waitFor({ timeout: 20_000 });
  }

  /** Sends `text` and waits until the bot has answered it with at least one more message. */
  async function exchange(page: Page, text: string): Promise<void> {
    const before = (await botMessages(page)).length;
    await send(page, text);
    await expect.poll(async () => (await botMessages(page)).length, { timeout: 20_000 }).toBeGreaterThan(before);
  }

  it('answers again after the network was gone long enough for polling to fail', async () => {
    const { page } = await openHost(browser, stage);
    await openChat(page);
    const polled = () =>
      page.waitForEvent('requestfailed', { predicate: (r) => r.url().includes('/activities'), timeout: 20_000 });
    await page.context().setOffline(true);
    // Direct Line's client stops polling for good on a failed poll: this is where chats used to die.
    await polled();
    await page.context().setOffline(false);
    await exchange(page, 'hjälp');
    const { session } = await stored(page);
    expect(session?.conversationId).toBeTruthy();
    expect(await cspViolations(page)).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('refreshes the token at half its life, and resumes the same conversation when the page is visible again', async () => {
    const { page } = await openHost(browser, stage, { beforeGoto: (p) => p.clock.install() });
    await openChat(page);
    const first = (await stored(page)).session!;

    // Half an hour later (the shim's tokens live an hour): a new token for the same conversation.
    const refreshed = page.waitForResponse((r) => r.url().endsWith('/api/webchat/token/refresh') && r.ok());
    await page.clock.fastForward('31:00');
    await refreshed;
    await expect.poll(async () => (await stored(page)).session?.token).not.toBe(first.token);
    expect((await stored(page)).session?.conversationId).toBe(first.conversationId);

    // The phone sleeps for a minute and wakes: the widget reconnects to the same conversation.
    const setVisibility = (state: 'hidden' | 'visible') =>
      page.evaluate((s) => {
        Object.defineProperty(document, 'visibilityState', { value: s, configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
      }, state);
    await setVisibility('hidden');
    await page.clock.fastForward('01:00');
    const resumed = page.waitForRequest(
      (r) => r.method() === 'GET' && r.url().includes(`/conversations/${first.conversationId}?watermark=`),
    );
    await setVisibility('visible');
    await resumed;
    await exchange(page, 'hjälp');
    expect((await stored(page)).session?.conversationId).toBe(first.conversationId);
    await page.context().close();
  }, 120_000);
});
