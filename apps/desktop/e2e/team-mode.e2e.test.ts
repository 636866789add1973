import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDataDir } from '../src/main/__tests__/temp-data-dir.ts';
import { screenshot } from './support/browser.ts';
import { type DesktopFixture, openDesktop } from './support/desktop-fixture.ts';
import { buildRenderer } from './support/renderer-server.ts';
import { startTeamServer } from './support/server-process.ts';

let desktop: DesktopFixture;
let server: Awaited<ReturnType<typeof startTeamServer>>;
const serverData = tempDataDir();
beforeAll(async () => {
  await buildRenderer();
  server = await startTeamServer(serverData.path);
  desktop = await openDesktop({ firstStart: true });
});
afterAll(async () => {
  await desktop?.close();
  await server?.stop();
  serverData.remove();
});

describe('team mode', () => {
  it('refuses a wrong password with the server’s own message', async () => {
    const { page } = desktop;
    await page.getByRole('button', { name: /With my team/ }).click();
    await page.getByLabel('Server address').fill(server.url);
    await page.getByLabel('E-mail').fill('maria.lopez@steadfast.demo');
    await page.getByLabel('Password').fill('not-her-password');
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await page.getByText('That e-mail address and password do not match.').waitFor();
    await screenshot(page, 'team-login-refused');
  });

  it('logs in to the team’s server and works on the account manager’s own promises there', async () => {
    const { page } = desktop;
    await page.getByLabel('Password').fill('steadfast-demo');
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await page.getByRole('heading', { name: 'Today', exact: true }).waitFor();
    await page.getByText('Team server').waitFor();
    expect(await desktop.call('query', 'auth.me', undefined)).toMatchObject({
      email: 'maria.lopez@steadfast.demo',
      role: 'account_manager',
    });
    await screenshot(page, 'team-today');

    // What the desktop shows is what the server holds for her.
    await page.keyboard.press('2');
    const accounts = (await desktop.call('query', 'account.list', {})) as unknown as {
      name: string;
    }[];
    expect(accounts.length).toBeGreaterThan(0);
    await page
      .getByRole('button', { name: new RegExp(accounts[0]?.name ?? '') })
      .first()
      .waitFor();
  });

  it('logs out: the session ends on the server and both modes are offered again', async () => {
    const { page } = desktop;
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('button', { name: /On this laptop/ }).waitFor();
    expect(await desktop.call('query', 'auth.me', undefined)).toBeNull();
  });
});
