/**
 * /staff in Chromium (local mode: open on 127.0.0.1 without sign-in): a month of nights in the store, the page
 * draws its six charts with Chart.js from this origin (nothing else is requested), the open cases and faults,
 * and a night chosen in the form. `TRYGG_STAFF_SCREENSHOT=docs/staff.png` also saves the README's picture.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../../src/app.ts';
import { loadConfig } from '../../../src/config.ts';
import { createLogger } from '../../../src/log.ts';
import { CHROMIUM, hasChromium, launchChromium, titled, warnIfNoChromium } from '../../helpers/chromium.ts';
import { seedMonth } from './seed.ts';

warnIfNoChromium('staff.browser.test.ts');

describe.skipIf(!hasChromium)(titled(`/staff in Chromium (needs ${CHROMIUM})`), () => {
  let app: App;
  let base: string;
  let browser: Browser;
  let page: Page;
  const requested: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    const clock = { now: new Date('2026-12-01T15:00:00Z') };
    const config = loadConfig({ DATA_DIR: mkdtempSync(path.join(tmpdir(), 'trygg-staff-')), LOG_LEVEL: 'silent' });
    app = await buildApp(config, { now: () => clock.now, log: createLogger('silent') });
    // 30 nights from Tuesday 1 December 16:00 (CET); the last, 30 December, has the cases.
    await seedMonth(app.store, clock, new Date('2026-12-01T15:00:00Z'), 30);
    clock.now = new Date('2026-12-31T09:00:00Z'); // the morning after
    base = await app.listen(0, '127.0.0.1');
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    page.on('request', (request) => requested.push(request.url()));
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** Each chart's type and the sum of its first dataset, as Chart.js holds them. */
  const charts = () =>
    page.evaluate(() =>
      Array.from(document.querySelectorAll('canvas')).map((canvas) => {
        const chart = (window as unknown as { Chart: { getChart(c: unknown): any } }).Chart.getChart(canvas);
        const data: number[] = chart?.data.datasets[0]?.data ?? [];
        return {
          id: canvas.id,
          type: chart?.config.type,
          sum: data.reduce((a, b) => a + b, 0),
          drawn: canvas.width > 0,
        };
      }),
    );

  it('draws the night’s six charts from this origin, with the open cases and faults', async () => {
    await page.goto(`${base}/staff`);
    await page.locator('body[data-ready="true"]').waitFor({ timeout: 20_000 });
    expect(await page.locator('input[name="night"]').inputValue()).toBe('2026-12-30');
    const drawn = await charts();
    expect(drawn.map((c) => [c.id, c.type])).toEqual([
      ['c-hour', 'bar'],
      ['c-route', 'bar'],
      ['c-channel', 'bar'],
      ['c-language', 'bar'],
      ['c-claim', 'bar'],
      ['c-trend', 'line'],
    ]);
    expect(drawn.every((c) => c.drawn)).toBe(true);
    const contacts = Number(await page.locator('#k-contacts').textContent());
    expect(contacts).toBeGreaterThan(0);
    for (const id of ['c-hour', 'c-route', 'c-channel', 'c-language'])
      expect(drawn.find((c) => c.id === id)!.sum, id).toBe(contacts);
    expect(drawn.find((c) => c.id === 'c-claim')!.sum).toBe(6); // six claimed cases that night
    expect(drawn.find((c) => c.id === 'c-trend')!.sum).toBeGreaterThan(30 * 8 - 1); // every night has contacts
    await expect.poll(() => page.locator('#faults tbody tr').count()).toBe(2);
    expect(await page.locator('#faults').textContent()).toContain('Rosengårdsvägen 12, B');
    expect(await page.locator('#open').textContent()).toMatch(/Jour 2[\s\S]*Jour 4|Jour 4[\s\S]*Jour 2/);
    // Everything came from this origin: Chart.js too, no CDN.
    expect(requested.filter((u) => !u.startsWith(base))).toEqual([]);
    expect(requested).toContain(`${base}/staff/assets/chart.umd.js`);
    expect(problems).toEqual([]);
    if (process.env.TRYGG_STAFF_SCREENSHOT)
      await page.screenshot({ path: process.env.TRYGG_STAFF_SCREENSHOT, fullPage: true });
  });

  it('another night from the form; the CSV link follows it', async () => {
    await page.locator('input[name="night"]').fill('2026-12-02');
    await page.locator('button[type="submit"]').click();
    await page.locator('body[data-ready="true"]').waitFor({ timeout: 20_000 });
    expect(await page.locator('#shown').textContent()).toMatch(/^2026-12-02 16:00–2026-12-03 07:00$/);
    expect(await page.locator('#csv').getAttribute('href')).toBe('/staff/report.csv?night=2026-12-02');
    const csv = await page.evaluate(async () => (await fetch('/staff/report.csv?night=2026-12-30')).text());
    expect(csv.split('\r\n')[0]).toMatch(/^case,created_at,route/);
    expect(csv).not.toMatch(/Rosengård|läcker/);
    expect(problems).toEqual([]);
  });
});
