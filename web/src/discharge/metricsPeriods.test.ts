import { describe, expect, it } from 'vitest';
import { lastEndedPeriods, periodEndedIn } from './metricsPeriods';

describe('metrics periods that have ended (review 13 finding 12)', () => {
  // As the review found it: 1 December 2026, hours into the month, the default window ending today.
  const report = { to: '2026-12-01', asAt: '2026-12-01T08:30:00.000Z' };
  const rows = ['2026-10-01', '2026-11-01', '2026-12-01'].map((period) => ({ period }));

  it('heads the page with the last whole month, not the month one day old', () => {
    const ended = periodEndedIn(report, 'month');
    expect(rows.map((r) => ended(r.period))).toEqual([true, true, false]);
    expect(lastEndedPeriods(rows, ended)).toEqual({ last: { period: '2026-11-01' }, prev: { period: '2026-10-01' } });
  });

  it('counts a week as ended only after its Sunday, and a window ending early ends its periods early', () => {
    const weeks = periodEndedIn(report, 'week');
    expect([weeks('2026-11-23'), weeks('2026-11-30')]).toEqual([true, false]);
    const toMid = periodEndedIn({ to: '2026-11-15', asAt: report.asAt }, 'month');
    expect([toMid('2026-10-01'), toMid('2026-11-01')]).toEqual([true, false]);
  });
});
