import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demo, launchChromium, openPage, screenshot, type WatchedPage } from './browser.ts';

const baseUrl = inject('webAdminUrl');

describe('a leader reads the portfolio in the web admin', () => {
  let browser: Browser;
  let watched: WatchedPage;
  beforeAll(async () => {
    browser = await launchChromium();
    watched = await openPage(browser);
  });
  afterAll(async () => {
    await browser.close();
  });

  it('sends a visitor to the login page and back to the address they asked for', async () => {
    const { page } = watched;
    await page.goto(`${baseUrl}/charters`);
    await page.waitForURL((url) => url.pathname === '/login');
    expect(new URL(page.url()).searchParams.get('redirect')).toBe('/charters');
    await screenshot(page, '01-login');
    await page.getByLabel('E-mail').fill(demo.leader);
    await page.getByLabel('Password').fill('steadfast-demo');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Charters' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/charters');
  });

  it('shows the company trust with its interval and a 12-month trend', async () => {
    const { page } = watched;
    await page.getByRole('link', { name: 'Portfolio' }).click();
    await page.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    const trust = page.locator('#company-trust-title').locator('..').locator('..');
    const score = Number(
      await trust.locator('.sf-score-number').first().getAttribute('data-score'),
    );
    expect(score).toBeGreaterThan(0);
    expect(score).toBeLessThan(100);
    const range = await trust.locator('.sf-score-range').first().textContent();
    expect(range).toMatch(/^\d+–\d+$/);
    // Twelve month-ends, each a dot on the line whose hover text gives trust and its range.
    const trend = page.locator('[data-testid="trust-trend"]');
    await trend.locator('.chart-dot').nth(11).waitFor();
    expect(await trend.locator('.chart-dot').count()).toBe(12);
    expect(await trend.getByRole('img').getAttribute('aria-label')).toMatch(/^Trust at each/);
    expect(await trend.locator('.chart-point title').first().textContent()).toMatch(
      /^\d{4}-\d{2}-\d{2}: trust \d+(\.\d)?, likely range \d+(\.\d)?–\d+(\.\d)?$/,
    );
    // Outcome shares per kind: stacked bars, with the four outcomes named in the legend.
    const slips = page.locator('[data-testid="kind-slips-chart"]');
    await slips.locator('.chart-bar').first().waitFor();
    expect(await slips.locator('.chart-legend li').allTextContents()).toEqual([
      'kept on time',
      'renegotiated, kept',
      'late',
      'missed',
    ]);
    expect(
      await page.locator('#ranking-title').locator('..').locator('..').locator('tbody tr').count(),
    ).toBe(30);
    await screenshot(page, '02-portfolio');
  });

  it('opens the company score to show the points each component brings', async () => {
    const { page } = watched;
    await page.getByRole('button', { name: /^Company trust: .* show its parts$/ }).click();
    const panel = page.locator('.sf-parts-panel').first();
    await expect.poll(() => panel.textContent()).toContain('Reliability');
    expect(await panel.textContent()).toMatch(/\d+\.\d pts/);
    await page.getByRole('button', { name: /^Company trust: .* hide its parts$/ }).click();
  });

  it('ranks managers at a shareable address and sorts by a column header', async () => {
    const { page } = watched;
    await page.getByRole('link', { name: 'Managers' }).click();
    await page.waitForURL((url) => url.searchParams.get('ranking') === 'manager');
    const rows = page.locator('#ranking-title').locator('..').locator('..').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(4);
    const closedHeader = page.locator('th', {
      has: page.getByRole('button', { name: /^Promises closed/ }),
    });
    await closedHeader.getByRole('button').click();
    expect(await closedHeader.getAttribute('aria-sort')).toBe('descending');
    const closed = (await rows.locator('td:nth-child(4)').allTextContents()).map(Number);
    expect(closed).toEqual([...closed].sort((a, b) => b - a));
  });

  it('opens an account and its trust breakdown, in words and numbers', async () => {
    const { page } = watched;
    await page.goto(`${baseUrl}/`);
    const firstAccount = page
      .locator('#ranking-title')
      .locator('..')
      .locator('..')
      .locator('tbody tr a')
      .first();
    const name = (await firstAccount.textContent()) ?? '';
    await firstAccount.click();
    await page.waitForURL(/\/accounts\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    const breakdown = page.locator('ul[aria-label="Why Account trust is what it is"]');
    await breakdown.waitFor();
    const text = (await breakdown.textContent()) ?? '';
    expect(text).toContain('Reliability');
    expect(text).toMatch(/closed promises kept on time or early/);
    await page.getByRole('heading', { name: 'Promise timeline' }).waitFor();
    expect(await page.locator('.timeline-item').count()).toBeGreaterThan(0);
    // The account's own year, month by month.
    await page.locator('[data-testid="trust-trend"] .chart-dot').nth(11).waitFor();
    await screenshot(page, '03-account');

    // The address is the page: opened afresh, it shows the same account.
    const shared = page.url();
    const fresh = await watched.context.newPage();
    await fresh.goto(shared);
    await fresh.getByRole('heading', { level: 1, name }).waitFor();
    await fresh.close();
  });

  it('renders every leadership page without a console error, and each is screenshotted', async () => {
    const { page, errors } = watched;
    const pages = [
      { path: '/accounts', heading: 'Accounts', shot: '04-accounts' },
      { path: '/charters', heading: 'Charters', shot: '05-charters' },
      { path: '/gaps', heading: 'Service-quality gaps', shot: '06-gaps' },
      { path: '/friction', heading: 'Friction', shot: '07-friction' },
      { path: '/attention', heading: 'Attention', shot: '08-attention' },
    ];
    for (const { path, heading, shot } of pages) {
      await page.goto(`${baseUrl}${path}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await screenshot(page, shot);
      expect(await page.locator('.sf-error').count(), path).toBe(0);
    }
    await page.locator('[data-testid="gaps-chart"]').count();
    expect(errors).toEqual([]);
  });

  it('opens the full list of accounts behind a service-quality gap', async () => {
    const { page } = watched;
    await page.goto(`${baseUrl}/gaps`);
    const knowledge = page.locator('#gap-knowledge-accounts');
    await knowledge.waitFor();
    expect(await knowledge.locator('li').count()).toBe(8);
    const showAll = page.getByRole('button', { name: /^Show all \d+$/ }).first();
    const total = Number((await showAll.textContent())?.replace(/\D/g, ''));
    await showAll.click();
    // The full list is read a page at a time (portfolio.serviceGapAccounts) once asked for.
    await expect.poll(() => knowledge.locator('li').count()).toBe(total);
  });

  it('reaches the navigation and the page with the keyboard', async () => {
    const { page } = watched;
    await page.goto(`${baseUrl}/gaps`);
    await page.getByRole('heading', { level: 1, name: 'Service-quality gaps' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the page');
    // Through the brand and Log out to the navigation's first page.
    const reached: string[] = [];
    for (let n = 0; n < 5; n += 1) {
      await page.keyboard.press('Tab');
      reached.push((await page.evaluate(() => document.activeElement?.textContent)) ?? '');
    }
    expect(reached).toContain('Portfolio');
    expect(reached).toContain('Charters');
    await page.keyboard.press('Enter');
    expect(await page.locator('a[aria-current="page"]').textContent()).not.toBe(
      'Service-quality gaps',
    );
  });

  it('leaves Admin out of a leader’s navigation, and the page says not allowed', async () => {
    const { page } = watched;
    expect(
      await page
        .getByRole('navigation', { name: 'Pages' })
        .getByRole('link', { name: 'Admin' })
        .count(),
    ).toBe(0);
    await page.goto(`${baseUrl}/admin`);
    await page.getByRole('heading', { level: 1, name: 'Not allowed' }).waitFor();
  });

  it('is served under a strict Content-Security-Policy that nothing on these pages violated', async () => {
    const { page, cspViolations } = watched;
    const response = await page.goto(`${baseUrl}/`);
    const policy = response?.headers()['content-security-policy'] ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("style-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    await page.locator('[data-testid="trust-trend"] .chart-dot').nth(11).waitFor();
    // Every page this file visited, charts and tables included, ran under that policy.
    expect(cspViolations).toEqual([]);
  });

  it('says what failed, with a way to try again, when a read cannot reach the server', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('E-mail').fill(demo.leader);
    await page.getByLabel('Password').fill('steadfast-demo');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    // The service-gap read is cut off on the way: its page shows the failure, not a blank.
    await page.route('**/trpc/*portfolio.serviceGaps*', (route) => route.abort());
    await page.getByRole('link', { name: 'Service-quality gaps' }).click();
    const failure = page.getByRole('alert').filter({ hasText: 'Could not load this.' });
    await failure.waitFor({ timeout: 20_000 });
    await screenshot(page, '13-error-state');
    await page.unroute('**/trpc/*portfolio.serviceGaps*');
    await failure.getByRole('button', { name: 'Try again' }).click();
    await page.locator('[data-testid="gaps-chart"]').waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'Could not load this.' }).count()).toBe(
      0,
    );
    await page.close();
  });
});
