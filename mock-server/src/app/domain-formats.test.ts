import { fullFormats } from 'ajv-formats/dist/formats.js';
import { describe, expect, it } from 'vitest';
import { VALIDATOR_FORMATS } from './domain-formats.js';

/** ajv-formats' own `date`, which the validators' `date` replaces. */
const ajvDate = (fullFormats.date as { validate: (value: string) => boolean }).validate;
const ownDate = (VALIDATOR_FORMATS['date'] as { validate: (value: string) => boolean }).validate;

describe('the date format', () => {
  it('answers what ajv-formats answers, for dates, non-dates and near-dates', () => {
    const samples = [
      '2025-09-26', '2024-02-29', '2023-02-29', '2000-02-29', '1900-02-29', '2025-12-31', '2025-04-31', '2025-04-30',
      '2025-00-10', '2025-13-01', '2025-01-00', '2025-01-32', '0000-01-01', '9999-12-31', '2025-9-26', '2025-09-6',
      '20250926', '2025/09/26', '2025-09-26 ', ' 2025-09-26', '2025-09-26\n', '２０２５-09-26', '2025-0a-26', '2025-09-2x',
      '', '2025-09-260', 'abcd-ef-gh', '2025--9-26', '-025-09-26', '2025-09-26T10:00:00+08:00',
    ];
    // Every day of two years, one of them leap, and the day after each month's last.
    for (const year of [2024, 2025]) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 0; day <= 32; day++) samples.push(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
      }
    }
    const disagreements = samples.filter((value) => ownDate(value) !== ajvDate(value));
    expect(disagreements).toEqual([]);
    expect(ownDate('2024-02-29')).toBe(true);
    expect(ownDate('2025-02-29')).toBe(false);
  });
});

describe('the credit-code format', () => {
  const creditCode = (VALIDATOR_FORMATS['credit-code'] as { validate: (value: string) => boolean }).validate;

  it('refuses a wrong check character only: a code without the shape is left to the pattern (one error, not a misleading checksum one too)', () => {
    expect(creditCode('91350100M000100Y43')).toBe(true);
    expect(creditCode('91350100M000100Y44')).toBe(false);
    for (const shapeless of ['', '91350200MA2Y8K3L1', '91350100m000100y43', '91350100M000100Y430']) expect(creditCode(shapeless), shapeless).toBe(true);
  });
});
