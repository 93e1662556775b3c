/**
 * Debian's Chromium for the browser tests (`apt-get install -y chromium`; `npx playwright install` cannot work
 * offline), with the flags this closed network needs. A test file skips itself, saying why, when it is absent.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** Warns once per test file that it is skipped, and why. */
export function warnIfNoChromium(file: string): void {
  if (!hasChromium) console.warn(`${file} skipped: ${CHROMIUM} is absent (apt-get install -y chromium)`);
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
