import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Screenshots of every page land here (gitignored); look at them after a run. */
export const screenshotDir = fileURLToPath(new URL('../.screenshots/', import.meta.url));

export const demoPassword = 'steadfast-demo';
export const demo = {
  leader: 'helen.okafor@steadfast.demo',
  admin: 'sam.carter@steadfast.demo',
  manager: 'maria.lopez@steadfast.demo',
} as const;

/** Debian's Chromium (CHROMIUM_PATH overrides): Playwright cannot download browsers here. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
}

/**
 * A page that records every console error and uncaught exception, for "renders without errors",
 * and every Content-Security-Policy violation (the browser's `securitypolicyviolation` event and
 * its console report), for "the server's CSP does not break the UI".
 */
export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  errors: string[];
  cspViolations: string[];
}

export async function openPage(browser: Browser): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  const cspViolations: string[] = [];
  await context.exposeBinding('reportCspViolation', ({ page }, violation: string) => {
    cspViolations.push(`${page.url()}: ${violation}`);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation: (v: string) => void })
        .reportCspViolation;
      report(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) {
      cspViolations.push(`${page.url()}: ${message.text()}`);
    }
    if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  return { page, context, errors, cspViolations };
}

/** Logs in through the login page, as a person does, and waits for the first page after it. */
export async function logIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(demoPassword);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
  await page.getByRole('button', { name: 'Log out' }).waitFor();
}

/** A full-page screenshot under .screenshots/, once nothing is loading any more. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => document.querySelector('.sf-loading') === null, undefined, {
    timeout: 20_000,
  });
  await page.screenshot({ path: `${screenshotDir}${name}.png`, fullPage: true });
}
