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

interface RecordedEvent {
  type: string;
  channel?: string;
  apologised?: boolean;
  alternativesOffered?: string[];
  message?: string | null;
}

describe('the slip notice', () => {
  it('drafts the notice with alternatives and an apology, lets it be edited, and records the customer as informed', async () => {
    const { page } = desktop;
    const row = page.locator(`[data-promise-id="${desktop.seeded?.overdueId}"]`);
    await row.getByRole('button', { name: 'Deliver the spare parts' }).click();
    await page.keyboard.press('t');
    const dialog = page.getByRole('dialog', { name: 'Tell the customer: Deliver the spare parts' });
    const message = dialog.getByLabel('Message to Pat Jones <pat@northwind.example>');
    await message.waitFor();

    const draft = await message.inputValue();
    expect(draft).toContain('We promised you "Deliver the spare parts"');
    expect(draft).toContain('The reason: The carrier lost the pallet.');
    expect(draft).toMatch(/sorry|apolog/i);
    expect(draft).not.toContain('Subject:');
    expect(draft).toMatch(/Kind regards,\nAda Lovelace$/);
    const alternatives = dialog
      .getByRole('group', { name: 'Alternatives offered' })
      .getByRole('checkbox');
    expect(await alternatives.count()).toBeGreaterThan(0);
    await screenshot(page, 'slip-notice-draft');

    // The account manager makes it theirs, drops one alternative, hands it to the mail client.
    await message.press('ControlOrMeta+End');
    await message.pressSequentially(
      '\n\nI will call you this afternoon to agree the next step. — Ada',
    );
    const dropped =
      (await dialog
        .getByRole('group', { name: 'Alternatives offered' })
        .locator('label')
        .first()
        .textContent()) ?? '';
    await alternatives.first().uncheck();
    // The message follows: the dropped alternative is no longer offered in it, the edit is kept.
    expect((await message.inputValue()).toLowerCase()).not.toContain(dropped.toLowerCase());
    expect(await message.inputValue()).toContain('I will call you this afternoon');
    const offered = await dialog
      .getByRole('group', { name: 'Alternatives offered' })
      .locator('label')
      .filter({ has: page.locator('input:checked') })
      .allTextContents();
    await dialog.getByRole('button', { name: 'Open in mail' }).click();
    await dialog.getByText('Opened in your mail client.').waitFor();
    expect(desktop.opened).toHaveLength(1);
    expect(desktop.opened[0]).toMatch(/^mailto:pat@northwind\.example\?subject=.+&body=.+/);
    expect(decodeURIComponent(desktop.opened[0] ?? '')).toContain('I will call you this afternoon');

    await dialog.getByRole('button', { name: 'Copy' }).click();
    await dialog.getByText('Copied.').waitFor();
    expect(
      await page.evaluate(() =>
        (
          globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
        ).navigator.clipboard.readText(),
      ),
    ).toContain('I will call you this afternoon to agree the next step.');
    await screenshot(page, 'slip-notice-edited');

    await dialog.getByRole('button', { name: 'Record “customer informed”' }).click();
    await page.getByText('Recorded: customer informed about Deliver the spare parts').waitFor();
    await row.locator('.chip-told').waitFor();
    await screenshot(page, 'slip-notice-recorded');

    const { events } = (await desktop.call('query', 'promise.get', {
      id: desktop.seeded?.overdueId,
    })) as {
      events: RecordedEvent[];
    };
    const informed = events.filter((event) => event.type === 'customer_informed');
    expect(informed).toHaveLength(1);
    expect(informed[0]).toMatchObject({
      channel: 'email',
      apologised: true,
      alternativesOffered: offered,
    });
    expect(informed[0]?.message).toContain(
      'I will call you this afternoon to agree the next step. — Ada',
    );
  });
});
