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

describe('accounts, requests and nudges', () => {
  it('keeps an account’s charter, trust and history at hand', async () => {
    const { page } = desktop;
    await page.getByRole('heading', { name: 'Today', exact: true }).waitFor();
    await page.keyboard.press('2');
    await page.getByRole('button', { name: /Northwind Traders/ }).click();
    const charter = page.getByRole('region', { name: 'Service charter' });
    await charter.getByText('First response time: 95% within 4 business hours').waitFor();
    await charter.getByText('they said: “An answer the same morning”').waitFor();
    await charter.getByText('Delivery lead time: 90% within 10 business days').waitFor();
    const trust = page.getByRole('region', { name: 'Trust' });
    expect(await trust.locator('.trust-score strong').textContent()).toMatch(/^\d{1,3}$/);
    const history = page.getByRole('region', { name: 'History' });
    await history.getByText('Deliver order #4100').waitFor();
    await screenshot(page, 'account-northwind');
  });

  it('counters a request with what can be done provided a condition is met', async () => {
    const { page } = desktop;
    await page.keyboard.press('3');
    const request = page.locator('.request', { hasText: 'Rush delivery of 500 units by Friday' });
    await request.getByRole('button', { name: 'Counter…' }).click();
    await request
      .getByLabel('What we can do')
      .fill('Delivery of 300 units now, the rest next week');
    await request.getByLabel('Provided that').fill('you confirm the order by Wednesday noon');
    await request.getByLabel('Within (once that is done)').fill('5 business days');
    await screenshot(page, 'request-counter');
    await request.getByRole('button', { name: 'Send counter-offer' }).click();
    await page.getByText('Countered: Rush delivery of 500 units by Friday').waitFor();
    const answered = (await desktop.call('query', 'request.get', {
      id: desktop.seeded?.rushRequestId,
    })) as {
      status: string;
      answer: { condition: string; within: { amount: number; unit: string } };
    };
    expect(answered).toMatchObject({
      status: 'countered',
      answer: {
        condition: 'you confirm the order by Wednesday noon',
        within: { amount: 5, unit: 'business_days' },
      },
    });
  });

  it('declines with a reason in plain words, and says so when the reason is just "no"', async () => {
    const { page } = desktop;
    const request = page.locator('.request', { hasText: 'A 40% discount on the annual renewal' });
    await request.getByRole('button', { name: 'Decline…' }).click();
    const reason = request.getByLabel('The reason, as you tell the customer');
    await reason.fill('no');
    await reason.press('Enter');
    await request.getByText(/reason must tell the customer why in plain words/).waitFor();
    await reason.fill(
      'Our pricing is the same for every client of your size; we can add a free training day instead',
    );
    await reason.press('Enter');
    await page.getByText('Declined: A 40% discount on the annual renewal').waitFor();
    const answered = (await desktop.call('query', 'request.get', {
      id: desktop.seeded?.discountRequestId,
    })) as {
      status: string;
    };
    expect(answered.status).toBe('declined');
  });

  it('shows the nudges the rules suggested and marks one done', async () => {
    const { page } = desktop;
    await page.keyboard.press('4');
    const first = page.locator('.request').first();
    await first.waitFor();
    await screenshot(page, 'nudges');
    const before = await page.locator('.request').count();
    await first.getByRole('button', { name: 'Done' }).click();
    await page.getByText(/^Done: /).waitFor();
    await expect.poll(() => page.locator('.request').count()).toBe(before - 1);
    const done = (await desktop.call('query', 'touchpoint.list', { status: 'done' })) as {
      items: unknown[];
    };
    expect(done.items).toHaveLength(1);
  });
});
