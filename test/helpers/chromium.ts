/**
 * Debian's Chromium for the browser tests (`apt-get install -y chromium`; `npx playwright install` cannot work
 * offline), with the flags this closed network needs. A test file skips itself, saying why, when it is absent.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** Why a browser suite is skipped, in the form scripts/test-report.ts accepts as an agreed reason. */
export const SKIP_REASON = `SKIPPED: ${CHROMIUM} is absent (apt-get install -y chromium)`;

/** The suite title, with the reason when it is skipped (so the report says it). */
export const titled = (name: string) => (hasChromium ? name : `${name} — ${SKIP_REASON}`);

/** Warns once per test file that it is skipped, and why. */
export function warnIfNoChromium(file: string): void {
  if (!hasChromium) console.warn(`${file}: ${SKIP_REASON}`);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
