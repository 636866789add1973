import { describe, expect, it } from 'vitest';
import {
  calendarFeedPath,
  newCalendarFeedSecret,
  parseCalendarFeedFile,
} from './calendar-feed-secrets.ts';
import { tokenHash } from './session-tokens.ts';

describe('calendar feed secrets', () => {
  it('are 256 random bits, different every time, stored only as their SHA-256', () => {
    const first = newCalendarFeedSecret();
    const second = newCalendarFeedSecret();
    expect(Buffer.from(first.secret, 'base64url')).toHaveLength(32);
    expect(first.secret).not.toBe(second.secret);
    expect(first.secretHash).toBe(tokenHash(first.secret));
    expect(first.secretHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('read back from the path they are shown as', () => {
    const { secret } = newCalendarFeedSecret();
    const path = calendarFeedPath(secret);
    expect(path).toBe(`/ical/${secret}.ics`);
    expect(parseCalendarFeedFile(path.slice('/ical/'.length))).toBe(secret);
  });

  it('refuse anything that is not a secret of that form', () => {
    const { secret } = newCalendarFeedSecret();
    for (const file of [
      secret,
      `${secret}.ical`,
      `${secret.slice(1)}.ics`,
      `${secret}x.ics`,
      `${secret.slice(1)}+.ics`,
      '../../etc/passwd.ics',
      '.ics',
    ]) {
      expect(parseCalendarFeedFile(file), file).toBeNull();
    }
  });
});
