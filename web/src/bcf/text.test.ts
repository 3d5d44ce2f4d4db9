import { describe, expect, it } from 'vitest';
import { dcChartDescription, dcYearNote, monthsShortText } from './text';

const services = [
  { key: 'pathway0', label: 'Other social support for simple discharges (pathway 0)' },
  { key: 'reablement', label: 'Reablement at home (pathway 1)' },
] as never;

describe('BCF demand and capacity words', () => {
  const summary = [
    { placeId: 'p', service: 'pathway0', demand: 1928, capacity: null, shortfall: null, monthsShort: 0 },
    { placeId: 'p', service: 'reablement', demand: 2998, capacity: 3198, shortfall: 12, monthsShort: 2 },
  ] as never;

  it('says "capacity not planned", never null, and writes thousands separators', () => {
    expect(dcChartDescription(summary, services)).toBe(
      'Other social support for simple discharges (pathway 0): demand 1,928, capacity not planned over the year; ' +
        'Reablement at home (pathway 1): demand 2,998, capacity 3,198, shortfall 12 over the year',
    );
  });

  it('gives "Not planned" for months short when no capacity is planned, else the count', () => {
    expect(monthsShortText({ capacity: null, monthsShort: 0 })).toBe('Not planned');
    expect(monthsShortText({ capacity: 3198, monthsShort: 2 })).toBe('2');
    expect(monthsShortText({ capacity: 10, monthsShort: 0 })).toBe('0');
  });

  it('says which year is shown and points to the other years, and when there are no figures', () => {
    const years = ['2026/27', '2027/28'];
    expect(dcYearNote('2026/27', years, '2026-12-01', true)).toBe(
      'Showing 2026/27, the current plan year. Choose another financial year above to see 2027/28.',
    );
    expect(dcYearNote('2027/28', years, '2026-12-01', false)).toBe(
      'Showing 2027/28, a later year of the plan, for planning ahead. There are no figures for this place in 2027/28 yet: prefill them below or enter them. Choose another financial year above to see 2026/27.',
    );
  });
});
