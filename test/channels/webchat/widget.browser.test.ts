/**
 * The embeddable widget in Debian's Chromium, on a landlord's page from another origin (127.0.0.2), against
 * Trygg in local mode (127.0.0.1) and its Direct Line shim, under the strict CSP the README recommends:
 * a Swedish emergency gets 112; a reload keeps the history; 320 px without sideways scrolling, the 112 link in
 * view and nothing serious for axe-core; keyboard alone; each new message announced once; eight languages.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, titled, warnIfNoChromium } from '../../helpers/chromium.ts';
import { announced, cspViolations, openHost, send, sendBox, startStage, stored, type Stage } from './host-page.ts';

warnIfNoChromium('widget.browser.test.ts');

// A Tuesday night: Trygghetsjouren is on duty.
const NIGHT = new Date('2027-01-19T22:00:00Z');

describe.skipIf(!hasChromium)(titled('the web chat widget on another origin (Chromium, local shim)'), () => {
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

  const launcher = (page: Page, name = 'Chatta med Trygg') => page.getByRole('button', { name });
  const emergencyLink = (page: Page) => page.getByRole('link', { name: 'Akut fara? Ring 112' });

  it('opens from the launcher; a Swedish emergency gets 112; a reload keeps the history; each message is announced once', async () => {
    const { page, outside } = await openHost(browser, stage);
    await launcher(page).click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Trygg' }).isVisible()).toBe(true);
    // The 112 link is there before the chat has even connected.
    await expect(emergencyLink(page).getAttribute('href')).resolves.toBe('tel:112');
    await send(page, 'Det brinner i trapphuset!');
    await page
      .getByText(/Ring 112 nu/)
      .first()
      .waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Ring 112' }).first().waitFor();

    // Announced: the greeting and every reply, each once; never the visitor's own words.
    await expect.poll(() => announced(page), { timeout: 10_000 }).toContainEqual(expect.stringMatching(/Ring 112 nu/));
    const first = await announced(page);
    expect(first.some((a) => /Hej! Jag är Trygg/.test(a))).toBe(true);
    expect(new Set(first).size).toBe(first.length);
    expect(first.some((a) => a.includes('Det brinner'))).toBe(false);
    // The one live region that reads messages is the widget's: Web Chat's own would read the history again.
    const reading = await page.evaluate(() =>
      Array.from(document.querySelectorAll('[aria-live]'))
        .filter((e) => e.checkVisibility() && /Ring 112 nu/.test(e.textContent ?? ''))
        .map((e) => e.className),
    );
    expect(reading).toEqual(['trygg-wc-live']);
    const { session } = await stored(page);
    expect(session?.conversationId).toBeTruthy();

    await page.reload();
    // Open again by itself, same conversation, the whole history back.
    await page
      .locator('.webchat__stacked-layout--from-user')
      .getByText('Det brinner i trapphuset!')
      .waitFor({ timeout: 20_000 });
    await page
      .getByText(/Ring 112 nu/)
      .first()
      .waitFor({ timeout: 20_000 });
    expect((await stored(page)).session?.conversationId).toBe(session?.conversationId);
    // The history is not read out again.
    expect(await announced(page)).toEqual([]);

    // A new answer is announced, once.
    await send(page, 'hjälp');
    await expect.poll(async () => (await announced(page)).length, { timeout: 20_000 }).toBeGreaterThan(0);
    const after = await announced(page);
    expect(after.some((a) => /Ring 112 nu|Hej! Jag är Trygg/.test(a))).toBe(false);
    expect(new Set(after).size).toBe(after.length);

    expect(await cspViolations(page)).toEqual([]);
    expect(outside).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('at 320 px: no sideways scrolling, the 112 link in view, and axe-core finds nothing serious in the open panel', async () => {
    const { page } = await openHost(browser, stage, { viewport: { width: 320, height: 640 } });
    await launcher(page).click();
    await send(page, 'Det brinner i trapphuset!');
    await page.getByRole('button', { name: 'Ring 112' }).first().waitFor({ timeout: 20_000 });
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
      // Anything in the panel the visitor could scroll sideways (the transcript included).
      sideways: Array.from(document.querySelectorAll('.trygg-wc-panel *'))
        .filter((e) => {
          // Shown at all: not cut down to nothing by a clipping ancestor (Web Chat keeps its keyboard help so).
          let { left, right, top, bottom } = e.getBoundingClientRect();
          for (let a = e.parentElement; a; a = a.parentElement) {
            if (getComputedStyle(a).overflow === 'visible') continue;
            const r = a.getBoundingClientRect();
            [left, right, top, bottom] = [
              Math.max(left, r.left),
              Math.min(right, r.right),
              Math.max(top, r.top),
              Math.min(bottom, r.bottom),
            ];
          }
          return right > left && bottom > top;
        })
        .filter((e) => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX) && e.scrollWidth > e.clientWidth + 1)
        .map((e) => e.className),
    }));
    expect(widths.page).toBeLessThanOrEqual(widths.viewport);
    expect(widths.sideways).toEqual([]);
    const box = await emergencyLink(page).boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(320);
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(await emergencyLink(page).isVisible()).toBe(true);
    expect(await cspViolations(page)).toEqual([]);

    // axe-core from node_modules, served by the host page itself (its CSP allows its own scripts).
    await page.addScriptTag({ url: `${stage.host}/axe.min.js` });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<any> } }).axe;
      const result = await axe.run(document.querySelector('#trygg-wc-panel'), { preload: false });
      return (result.violations as { id: string; impact: string; nodes: { target: string[] }[] }[]).map((v) => ({
        id: v.id,
        impact: v.impact,
        where: v.nodes.map((n) => n.target.join(' ')).slice(0, 3),
      }));
    });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('works by keyboard alone: Tab to the launcher, Enter, write, Escape closes and gives focus back', async () => {
    const { page } = await openHost(browser, stage);
    await launcher(page).waitFor();
    const focused = () =>
      page.evaluate(() => {
        const e = document.activeElement;
        return e ? `${e.tagName} ${e.getAttribute('class') ?? ''} ${e.getAttribute('data-id') ?? ''}` : '';
      });
    for (let i = 0; i < 5 && !/trygg-wc-launcher/.test(await focused()); i++) await page.keyboard.press('Tab');
    expect(await focused()).toMatch(/trygg-wc-launcher/);
    await page.keyboard.press('Enter');
    await expect.poll(focused, { timeout: 20_000 }).toMatch(/webchat-sendbox-input/);
    await page.keyboard.type('Grannen spelar hög musik');
    await page.keyboard.press('Enter');
    await page
      .getByText(/Är någon i fara just nu\?/)
      .first()
      .waitFor({ timeout: 20_000 });
    // The 112 link and the language menu are within reach of the keyboard.
    const reached: string[] = [];
    for (let i = 0; i < 25 && !reached.some((f) => /trygg-wc-112/.test(f)); i++) {
      await page.keyboard.press('Shift+Tab');
      reached.push(await focused());
    }
    expect(reached.some((f) => /trygg-wc-112/.test(f))).toBe(true);
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toMatch(/^SELECT/);
    await sendBox(page).focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#trygg-wc-panel').isVisible()).toBe(false);
    expect(await focused()).toMatch(/trygg-wc-launcher/);
    await page.context().close();
  }, 120_000);

  it('offers eight languages in the page language; Arabic and Persian turn the panel right-to-left', async () => {
    const { page } = await openHost(browser, stage, { query: '?lang=ar' });
    // An Arabic page gets an Arabic launcher.
    await launcher(page, 'تحدّث مع Trygg').click();
    const root = page.locator('.trygg-wc');
    await expect.poll(() => root.getAttribute('dir')).toBe('rtl');
    const menu = page.locator('#trygg-wc-lang');
    expect(await menu.locator('option').allInnerTexts()).toEqual([
      'Svenska',
      'English',
      'العربية',
      'فارسی',
      'Soomaali',
      'Polski',
      'Bosanski / Hrvatski / Srpski',
      'Türkçe',
    ]);
    await sendBox(page).waitFor({ timeout: 20_000 });
    const arabicPlaceholder = await sendBox(page).getAttribute('placeholder');
    await menu.selectOption('fa');
    expect(await root.getAttribute('dir')).toBe('rtl');
    expect(await root.getAttribute('lang')).toBe('fa');
    await menu.selectOption('sv');
    expect(await root.getAttribute('dir')).toBe('ltr');
    await expect.poll(() => emergencyLink(page).isVisible()).toBe(true);
    // Web Chat itself speaks the chosen language too.
    await expect.poll(() => sendBox(page).getAttribute('placeholder')).not.toBe(arabicPlaceholder);
    await menu.selectOption('pl');
    await page.getByRole('button', { name: 'Zamknij czat' }).click();
    await launcher(page, 'Czat z Trygg').waitFor();
    expect((await stored(page)).lang).toBe('pl');
    expect(await cspViolations(page)).toEqual([]);
    await page.context().close();
  }, 120_000);
});
