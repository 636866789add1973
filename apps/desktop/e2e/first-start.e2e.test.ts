import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/browser.ts';
import { type DesktopFixture, openDesktop } from './support/desktop-fixture.ts';
import { buildRenderer } from './support/renderer-server.ts';

let desktop: DesktopFixture;
beforeAll(async () => {
  await buildRenderer();
  desktop = await openDesktop({ firstStart: true });
});
afterAll(() => desktop?.close());

describe('first start', () => {
  it('asks for team or local mode, and in local mode starts on an empty day', async () => {
    const { page } = desktop;
    await page.getByRole('button', { name: /On this laptop/ }).waitFor();
    await page.getByRole('button', { name: /With my team/ }).waitFor();
    await screenshot(page, 'first-start');

    await page.getByRole('button', { name: 'Start on this laptop' }).click();
    await page.getByText('Your name must not be empty').waitFor();
    await page.getByLabel('Your name').fill('Ada Lovelace');
    await page.getByRole('button', { name: 'Start on this laptop' }).click();
    await page.getByRole('heading', { name: 'Today', exact: true }).waitFor();
    await page.getByText('All clear. Press c to capture a promise.').waitFor();
    expect(await desktop.call('query', 'auth.me', undefined)).toMatchObject({
      name: 'Ada Lovelace',
      role: 'account_manager',
    });
  });

  it('lets the new account manager add their first account', async () => {
    const { page } = desktop;
    await page.keyboard.press('2');
    await page.getByLabel('New account').fill('Fabrikam');
    await page.getByLabel('New account').press('Enter');
    await page.getByRole('heading', { name: 'Fabrikam' }).waitFor();
    await screenshot(page, 'first-account');
    expect(await desktop.call('query', 'account.list', {})).toEqual([
      expect.objectContaining({ name: 'Fabrikam', stage: 'active' }),
    ]);
  });
});
