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

describe('quick capture', () => {
  it('opens from the global shortcut, reads the due while typing and warns when it is tighter than the record', async () => {
    const { page } = desktop;
    await page.getByRole('heading', { name: 'Today', exact: true }).waitFor();
    await desktop.sendCommand({ type: 'quick-capture' });
    const dialog = page.getByRole('dialog', { name: 'Capture a promise' });
    await dialog.waitFor();

    await dialog.getByLabel('What did you promise?').fill('Deliver the replacement pump');
    await dialog.getByLabel('To', { exact: true }).selectOption({ label: 'Northwind Traders' });
    await page.getByLabel('By when?').fill('in 3 business days');

    await expect
      .poll(() => page.getByTestId('due-reading').textContent())
      .toMatch(/→ .+\(in \d+ (h|days)\)/);
    await expect
      .poll(() => page.getByTestId('record-says').textContent())
      .toMatch(/^80% of deliveries for this account took ≤ 7 business days/);
    const warning = page.getByTestId('calibration-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(
      /^Tighter than the record: You are proposing [\d.]+ business days \([\d,]+ min\): on this record, the chance of keeping it is \d+%\.$/,
    );
    // What was agreed with this client is at hand too.
    expect(await dialog.getByTestId('charter-at-hand').textContent()).toBe(
      'Charter: Delivery lead time: 90% within 10 business days',
    );
    await screenshot(page, 'capture-calibration-warning');

    // A date the record supports: the warning gives way to a calm confirmation.
    await page.getByLabel('By when?').fill('in 10 business days');
    await page.getByTestId('calibration-ok').waitFor();
    expect(await warning.count()).toBe(0);

    await page.getByLabel('By when?').fill('in 3 business days');
    await warning.waitFor();
    await page.getByLabel('By when?').press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Captured: Deliver the replacement pump').waitFor();

    const upcoming = await desktop.call('query', 'promise.list', {
      view: 'upcoming',
      accountId: desktop.seeded?.northwindId,
    });
    const captured = (
      upcoming.items as { title: string; kind: string; dueDeadline: string }[]
    ).find((promise) => promise.title === 'Deliver the replacement pump');
    expect(captured).toMatchObject({ kind: 'delivery' });
    const promised = await desktop.call('query', 'calendar.addDuration', {
      accountId: desktop.seeded?.northwindId,
      start: new Date().toISOString(),
      duration: { amount: 3, unit: 'business_days' },
    });
    // Counted in the account's business calendar a moment before: within a minute of it now.
    expect(
      Math.abs(Date.parse(String(captured?.dueDeadline)) - Date.parse(String(promised.end))),
    ).toBeLessThan(60_000 * 5);
  });

  it('reads a window said as "between Mon and Wed" and shows both ends', async () => {
    const { page } = desktop;
    await page.keyboard.press('c');
    await page.getByLabel('By when?').fill('between Mon and Wed');
    await expect
      .poll(() => page.getByTestId('due-reading').textContent())
      .toMatch(/Mon .+ – Wed .+/);
    await screenshot(page, 'capture-window');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });
});
