import { describe, expect, it } from 'vitest';
import { occupancyMonthCell, occupancyMonthText } from './occupancyMonths';

describe('occupancy months (review 13 finding 13)', () => {
  // The review read the market page on 1 December 2026: December held November's returns, carried forward.
  const asAt = '2026-12-01T09:00:00.000Z';

  it('names the month not yet ended "to date", on the page and in the download', () => {
    expect(occupancyMonthText(asAt)('2026-12')).toBe('December 2026 to date');
    expect(occupancyMonthText(asAt)('2026-11')).toBe('November 2026');
    expect(occupancyMonthCell('2026-12', asAt)).toBe('2026-12 (to date)');
    expect(occupancyMonthCell('2023-12', asAt)).toBe('2023-12');
  });
});
