import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/browser.ts';
import { type DesktopFixture, openDesktop } from './support/desktop-fixture.ts';
import { buildRenderer } from './support/renderer-server.ts';

let desktop: DesktopFixture;
beforeAll(async () => {
  await buildRenderer();
  desktop = await openDesktop();
});
afterAll(() => desktop?.close());

describe('the today view', () => {
  it('shows what is due today, at risk and overdue, each promise once', async () => {
    const { page } = desktop;
    const dueToday = page.getByRole('region', { name: 'Due today' });
    const atRisk = page.getByRole('region', { name: 'At risk' });
    await dueToday.getByText('Call Pat back about the invoice').waitFor();
    await atRisk.getByText('Install the new firmware').waitFor();
    // Late and flagged: it sits with the at-risk ones, to be told about, and only there.
    await atRisk.getByText('Deliver the spare parts').waitFor();
    expect(await page.getByText('Deliver the spare parts').count()).toBe(1);
    await page
      .getByRole('region', { name: 'Overdue' })
      .getByText('Send the signed contract')
      .waitFor();
    expect(await atRisk.getByText('2 days late').count()).toBe(1);
    await screenshot(page, 'today');
  });

  it('records the selected promise as fulfilled with one key', async () => {
    const { page } = desktop;
    const row = page.locator(`[data-promise-id="${desktop.seeded?.dueTodayId}"]`);
    // The first row is selected; j and k move the selection.
    expect(await row.getAttribute('aria-current')).toBe('true');
    await page.keyboard.press('j');
    expect(await row.getAttribute('aria-current')).toBeNull();
    await page.keyboard.press('k');
    expect(await row.getAttribute('aria-current')).toBe('true');

    await page.keyboard.press('f');
    await page.getByText('Fulfilled: Call Pat back about the invoice').waitFor();
    await row.waitFor({ state: 'detached' });
    await screenshot(page, 'today-after-fulfil');

    const { promise, events } = (await desktop.call('query', 'promise.get', {
      id: desktop.seeded?.dueTodayId,
    })) as {
      promise: { status: string };
      events: { type: string; completeness?: string }[];
    };
    expect(promise.status).toBe('fulfilled');
    expect(events.at(-1)).toMatchObject({ type: 'fulfilled', completeness: 'full' });
  });

  it('renegotiates with r: the new due is read and checked, and recorded with its reason', async () => {
    const { page } = desktop;
    const row = page.locator(`[data-promise-id="${desktop.seeded?.atRiskId}"]`);
    await row.getByRole('button', { name: 'Install the new firmware' }).click();
    await page.keyboard.press('r');
    const dialog = page.getByRole('dialog', { name: 'Renegotiate: Install the new firmware' });
    await dialog.getByLabel('New due, as agreed with the customer').fill('next Tuesday');
    await expect
      .poll(() => dialog.getByTestId('due-reading').textContent())
      .toMatch(/→ Tue .*17:00/);
    await dialog.getByLabel('Why').fill('The vendor ships the patch on Monday');
    await dialog.getByLabel('Why').press('Enter');
    await page.getByText('Renegotiated: Install the new firmware').waitFor();
    const { events } = (await desktop.call('query', 'promise.get', {
      id: desktop.seeded?.atRiskId,
    })) as {
      events: { type: string; reason?: string }[];
    };
    expect(events.at(-1)).toMatchObject({
      type: 'renegotiated',
      reason: 'The vendor ships the patch on Monday',
    });
  });
});
