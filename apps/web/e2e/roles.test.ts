import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demo, launchChromium, logIn, openPage, screenshot } from './browser.ts';

const baseUrl = inject('webAdminUrl');

describe('admins change settings; account managers cannot open the admin pages', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('an admin sees every admin section without a console error', async () => {
    const { page, errors, context } = await openPage(browser);
    await logIn(page, baseUrl, demo.admin);
    const sections = [
      { tab: 'users', heading: 'People and roles' },
      { tab: 'teams', heading: 'Who is in which team' },
      { tab: 'tokens', heading: 'Integration tokens' },
      { tab: 'settings', heading: 'Scoring settings' },
      { tab: 'audit', heading: 'Audit trail (latest 100)' },
    ];
    for (const { tab, heading } of sections) {
      await page.goto(`${baseUrl}/admin?tab=${tab}`);
      await page.getByRole('heading', { name: heading }).waitFor();
      await screenshot(page, `09-admin-${tab}`);
    }
    expect(await page.locator('table tbody tr').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an admin shortens the trust half-life and sees the company score move', async () => {
    const { page, errors, context } = await openPage(browser);
    await logIn(page, baseUrl, demo.admin);
    await page.goto(`${baseUrl}/admin?tab=settings`);
    const score = page.locator('[data-testid="settings-company-score"] .sf-score-number');
    await score.waitFor();
    const before = await score.getAttribute('data-score');
    const halfLife = page.getByLabel('Trust half-life (days)');
    await expect.poll(() => halfLife.inputValue()).toBe('180');
    await halfLife.fill('30');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await expect.poll(() => score.getAttribute('data-score'), { timeout: 30_000 }).not.toBe(before);
    await screenshot(page, '10-admin-settings-changed');

    // The audit trail has the change, with who made it.
    await page.goto(`${baseUrl}/admin?tab=audit`);
    await page.getByRole('cell', { name: 'settings.updateAnalytics' }).first().waitFor();
    // A refused value is named with its rule, and nothing is saved.
    await page.goto(`${baseUrl}/admin?tab=settings`);
    await expect.poll(() => halfLife.inputValue()).toBe('30');
    await halfLife.fill('0');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect
      .poll(() => page.locator('.form-error').first().textContent())
      .toContain('patch.trust.halfLifeDays');
    expect(await halfLife.getAttribute('aria-invalid')).toBe('true');
    await page.reload();
    await expect.poll(() => halfLife.inputValue()).toBe('30');
    expect(errors.filter((error) => !error.includes('400'))).toEqual([]);
    await context.close();
  });

  it('an account manager has no Admin in the navigation, reads "not allowed", and the API refuses', async () => {
    const { page, errors, context } = await openPage(browser);
    await logIn(page, baseUrl, demo.manager);
    // A manager's start is their accounts: they have no portfolio to read.
    await page.getByRole('heading', { level: 1, name: 'Accounts' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Pages' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Accounts']);
    await page.goto(`${baseUrl}/admin?tab=users`);
    await page.getByRole('heading', { level: 1, name: 'Not allowed' }).waitFor();
    expect(await page.getByRole('heading', { name: 'People and roles' }).count()).toBe(0);
    await screenshot(page, '11-manager-admin-not-allowed');
    const refused = await page.request.get(`${baseUrl}/trpc/audit.list`);
    expect(refused.status()).toBe(403);
    const settings = await page.request.post(`${baseUrl}/trpc/settings.updateAnalytics`, {
      data: { expectedVersion: 1, patch: { trust: { halfLifeDays: 10 } } },
    });
    expect(settings.status()).toBe(403);

    // Their own accounts, and nothing else.
    await page.goto(`${baseUrl}/accounts`);
    await page.getByRole('heading', { level: 1, name: 'Accounts' }).waitFor();
    await page.locator('tbody tr').first().waitFor();
    const owners = await page.locator('tbody tr td:nth-child(4)').allTextContents();
    expect(new Set(owners)).toEqual(new Set(['María López']));
    await screenshot(page, '12-manager-accounts');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a wrong password is refused in the server’s words, and nobody is let in', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('E-mail').fill(demo.admin);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Log in' }).click();
    const refusal = page.locator('#login-error');
    await expect.poll(() => refusal.textContent()).not.toBe('');
    await screenshot(page, '14-login-refused');
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.goto(`${baseUrl}/admin`);
    await page.waitForURL((url) => url.pathname === '/login');
    await context.close();
  });
});
