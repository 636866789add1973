import { formatMoment } from '../../ui/format.ts';

/**
 * A notice to start from when the record does not call the promise at risk but the account
 * manager knows it is slipping: the facts and an apology; the new date and options are theirs.
 */
export function plainNotice(
  promise: { title: string; dueDeadline: string },
  contactName: string | null,
) {
  const subject = `About "${promise.title}"`;
  const text = [
    `Dear ${contactName ?? 'customer'},`,
    '',
    `We promised you "${promise.title}" by ${formatMoment(promise.dueDeadline)}, and it now looks unlikely that we will make it.`,
    'We are sorry: you planned around that date.',
    '',
    'Here is what we can offer instead:',
    '',
    'Kind regards',
  ].join('\n');
  return { subject, text, alternatives: [] as string[] };
}
