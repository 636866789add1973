import { describe, expect, it } from 'vitest';
import { warningAfterRecord } from './due-field.tsx';

describe('the calibration warning under the record', () => {
  const record = '80% of deliveries for this account took ≤ 7 business days (3,360 min).';

  it('says only what the record line above it does not', () => {
    expect(
      warningAfterRecord(
        '80% of deliveries for this account took ≤ 7 business days (3,360 min); you are proposing 3 business days (1,440 min): on this record, the chance of keeping it is 20%.',
        record,
      ),
    ).toBe(
      'You are proposing 3 business days (1,440 min): on this record, the chance of keeping it is 20%.',
    );
  });

  it('keeps a warning that does not start with the record whole', () => {
    expect(warningAfterRecord('Something else entirely.', record)).toBe('Something else entirely.');
  });
});
