import { describe, expect, it } from 'vitest';
import {
  composeNoticeText,
  type NoticeParts,
  withApology,
  withOfferedAlternatives,
} from './notice-text.ts';

const parts: NoticeParts = {
  subject: 'Update on "Deliver the spare parts"',
  greeting: 'Hello Pat Jones,',
  whatHappened:
    'We promised you "Deliver the spare parts" by Sunday, and we have not kept that date.',
  apology: 'We are sorry.',
  newDateSentence: 'Our realistic new date is Wednesday.',
  alternatives: ['a partial delivery now', 'expedited shipping at our cost'],
  closing: 'Reply to let us know what suits you best.',
};

describe('the notice text', () => {
  it('is composed from its parts with the alternatives ticked, the apology and the sender', () => {
    expect(
      composeNoticeText(parts, { offered: parts.alternatives, apologised: true, signature: 'Ada' }),
    ).toBe(
      [
        'Hello Pat Jones,',
        parts.whatHappened,
        'We are sorry.',
        'Our realistic new date is Wednesday.',
        'If that does not work for you, we can offer:\n- A partial delivery now\n- Expedited shipping at our cost',
        'Reply to let us know what suits you best.',
        'Kind regards,\nAda',
      ].join('\n\n'),
    );
  });

  it('follows the ticked alternatives while keeping what the account manager wrote', () => {
    const written = `${composeNoticeText(parts, { offered: parts.alternatives, apologised: true, signature: '' })}\nI will call you today.`;
    const fewer = withOfferedAlternatives(
      written,
      ['expedited shipping at our cost'],
      parts.closing,
    );
    expect(fewer).toContain('we can offer:\n- Expedited shipping at our cost\n\nReply');
    expect(fewer).not.toContain('partial delivery');
    expect(fewer).toContain('I will call you today.');
    const none = withOfferedAlternatives(fewer, [], parts.closing);
    expect(none).not.toContain('we can offer');
    expect(withOfferedAlternatives(none, ['a partial delivery now'], parts.closing)).toContain(
      'Wednesday.\n\nIf that does not work for you, we can offer:\n- A partial delivery now\n\nReply',
    );
  });

  it('takes the apology out and puts it back after what happened', () => {
    const text = composeNoticeText(parts, { offered: [], apologised: true, signature: '' });
    const without = withApology(text, parts, false);
    expect(without).not.toContain('We are sorry.');
    expect(withApology(without, parts, true)).toBe(text);
  });
});
