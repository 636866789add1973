/** The parts of a customer notice, as risk.review drafts them (or as a plain start when it does not). */
export interface NoticeParts {
  subject: string;
  greeting: string;
  whatHappened: string;
  apology: string;
  newDateSentence: string;
  alternatives: string[];
  closing: string;
}

const offerLead = 'If that does not work for you, we can offer:';

function capitalise(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

function offerBlock(offered: readonly string[]): string {
  return [offerLead, ...offered.map((alternative) => `- ${capitalise(alternative)}`)].join('\n');
}

/** The message body: greeting, what happened, the apology, the new date, what we offer, closing, name. */
export function composeNoticeText(
  parts: NoticeParts,
  choices: { offered: readonly string[]; apologised: boolean; signature: string },
): string {
  return [
    parts.greeting,
    parts.whatHappened,
    choices.apologised ? parts.apology : null,
    parts.newDateSentence,
    choices.offered.length > 0 ? offerBlock(choices.offered) : null,
    parts.closing,
    choices.signature === '' ? null : `Kind regards,\n${choices.signature}`,
  ]
    .filter((paragraph): paragraph is string => paragraph !== null)
    .join('\n\n');
}

/**
 * The text with its list of alternatives made to match the ones ticked, keeping every other word
 * the account manager wrote; added before the closing line when the list was not there.
 */
export function withOfferedAlternatives(
  text: string,
  offered: readonly string[],
  closing: string,
): string {
  const block = /\n*If that does not work for you, we can offer:(\n- [^\n]*)*/;
  const replacement = offered.length > 0 ? `\n\n${offerBlock(offered)}` : '';
  if (block.test(text)) return text.replace(block, replacement);
  if (offered.length === 0) return text;
  const at = text.indexOf(closing);
  return at < 0
    ? `${text}${replacement}`
    : `${text.slice(0, at).trimEnd()}${replacement}\n\n${text.slice(at)}`;
}

/** The text with the apology in (after what happened) or out, as ticked. */
export function withApology(
  text: string,
  parts: Pick<NoticeParts, 'apology' | 'whatHappened'>,
  apologised: boolean,
): string {
  const has = text.includes(parts.apology);
  if (apologised === has) return text;
  if (!apologised) return text.replace(`\n\n${parts.apology}`, '').replace(parts.apology, '');
  const at = text.indexOf(parts.whatHappened);
  if (at < 0) return `${text}\n\n${parts.apology}`;
  const end = at + parts.whatHappened.length;
  return `${text.slice(0, end)}\n\n${parts.apology}${text.slice(end)}`;
}

/**
 * A notice to start from when the record does not call the promise at risk but the account
 * manager knows it is slipping: the facts and an apology; the new date and options are theirs.
 */
export function plainNoticeParts(options: {
  title: string;
  dueWords: string;
  contactName: string | null;
}): NoticeParts {
  return {
    subject: `Update on "${options.title}"`,
    greeting: options.contactName ? `Hello ${options.contactName},` : 'Hello,',
    whatHappened: `We promised you "${options.title}" by ${options.dueWords}, and it now looks unlikely that we will make it.`,
    apology:
      'We are sorry. You planned around the date we gave you, and we want you to hear it from us now rather than find out on the day.',
    newDateSentence: 'We will confirm a realistic new date as soon as we know it.',
    alternatives: [],
    closing: 'Reply to let us know what suits you best.',
  };
}
