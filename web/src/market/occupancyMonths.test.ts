import { describe, expect, it } from 'vitest';
import { occupancyMonthCell, occupancyMonthText, quarterCell, quarterText } from './occupancyMonths';

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

describe('price quarters (review 13 finding 13, the same kind)', () => {
  it('names the quarter not yet ended "to date"', () => {
    const asAt = '2026-12-01T09:00:00.000Z';
    expect(quarterText(asAt)('2026-Q4')).toBe('Oct–Dec 2026 to date');
    expect(quarterText(asAt)('2026-Q3')).toBe('Jul–Sep 2026');
    expect(quarterCell('2026-Q4', asAt)).toBe('2026-Q4 (to date)');
    expect(quarterCell('2026-Q3', asAt)).toBe('2026-Q3');
  });
});
