import { describe, expect, it } from 'vitest';
import { parsePublishedDischarge } from './published.js';

const daily = (rows: string[][]) =>
  parsePublishedDischarge(
    [['nhs_trust22_code', 'date', 'do_not_meet_criteria_to_reside'], ...rows].map((cells, i) => ({
      line: i + 1,
      cells,
    })),
  );

const monthlyHead = [
  'Period',
  'Level',
  'Region',
  'ICB',
  'Org Code',
  'Org Name',
  'Metric',
  'Metric Type',
  'Metric Group',
  'Value',
];
const nctr = 'Number of patients who no longer meet the criteria to reside';

describe('parsePublishedDischarge: plausible numbers of patients', () => {
  it('keeps a trust’s real daily figures (University Hospitals Plymouth, April 2022)', () => {
    const r = daily([
      ['RK9', '2022-04-01', '307'],
      ['RK9', '2022-04-02', '250'],
      ['RK9', '2022-04-03', 'NA'],
    ]);
    expect(r.issues).toEqual([]);
    expect(r.figures.map((f) => f.value)).toEqual([307, 250]);
    expect(r.skipped).toBe(1);
  });

  it('refuses a negative, a fractional and an impossibly large count, naming line and column', () => {
    const r = daily([
      ['RK9', '2022-04-01', '307'],
      ['RK9', '2025-09-02', '-4'],
      ['RK9', '2025-09-04', '12.5'],
      ['RK9', '2025-09-05', '99999999'],
      ['RK9', '2025-09-06', '5000'],
    ]);
    expect(r.issues).toEqual([
      {
        line: 3,
        field: 'do_not_meet_criteria_to_reside',
        message: '"-4" is below 0: a number of patients is 0 or more',
      },
      { line: 4, field: 'do_not_meet_criteria_to_reside', message: '"12.5" is not a whole number of patients' },
      {
        line: 5,
        field: 'do_not_meet_criteria_to_reside',
        message:
          '"99999999" is more than 5,000 patients in one trust on one day, far above any published figure: check the value',
      },
    ]);
  });

  it('lists a bad date and a bad count on different lines in one go', () => {
    const r = daily([
      ['RK9', '2022-04-01', '307'],
      ['RK9', '2022-04-02', '250'],
      ['RK9', '2022-04-03', '226'],
      ['RK9', '2022-04-04', '292'],
      ['RK9', '2025-13-45', '200'],
      ['RK9', '2025-09-02', '-4'],
    ]);
    expect(r.issues.map((i) => [i.line, i.field])).toEqual([
      [6, 'date'],
      [7, 'do_not_meet_criteria_to_reside'],
    ]);
  });

  it('bounds an ICB’s daily series by the area range, not the trust’s', () => {
    const r = parsePublishedDischarge(
      [
        ['icb22_code', 'date', 'do_not_meet_criteria_to_reside'],
        ['QJK', '2024-01-15', '6200'],
        ['QJK', '2024-01-16', '250000'],
      ].map((cells, i) => ({ line: i + 1, cells })),
    );
    expect(r.figures.map((f) => f.value)).toEqual([6200]);
    expect(r.issues).toEqual([
      {
        line: 3,
        field: 'do_not_meet_criteria_to_reside',
        message:
          '"250000" is more than 200,000 patients in one ICB on one day, far above any published figure: check the value',
      },
    ]);
  });

  it('in the monthly CSV, bounds counts by level and lets averages be fractional but not negative', () => {
    const r = parsePublishedDischarge(
      [
        monthlyHead,
        ['01/08/2026', 'National', '', '', 'ENG', 'ENGLAND', nctr, 'Daily metric', 'NCTR', '21082.00'],
        [
          '01/08/2026',
          'PROVIDER',
          'Y58',
          'QJK',
          'RK9',
          'UNIVERSITY HOSPITALS PLYMOUTH NHS TRUST',
          nctr,
          'Daily metric',
          'NCTR',
          '5001.00',
        ],
        [
          '01/08/2026',
          'PROVIDER',
          'Y58',
          'QJK',
          'RK9',
          'UNIVERSITY HOSPITALS PLYMOUTH NHS TRUST',
          'Average days from discharge ready date to date of discharge',
          'Monthly metric',
          'Delay',
          '1.4',
        ],
        [
          '01/08/2026',
          'PROVIDER',
          'Y58',
          'QJK',
          'RK9',
          'UNIVERSITY HOSPITALS PLYMOUTH NHS TRUST',
          'Average days from discharge ready date to date of discharge',
          'Monthly metric',
          'Delay',
          '-0.5',
        ],
        [
          '01/08/2026',
          'PROVIDER',
          'Y58',
          'QJK',
          'RK9',
          'UNIVERSITY HOSPITALS PLYMOUTH NHS TRUST',
          'Number of patients discharged',
          'Monthly metric',
          'Discharges',
          '6800',
        ],
      ].map((cells, i) => ({ line: i + 1, cells })),
    );
    expect(r.figures.map((f) => [f.orgCode, f.value])).toEqual([
      ['ENG', 21082],
      ['RK9', 1.4],
      ['RK9', 6800],
    ]);
    expect(r.issues).toEqual([
      {
        line: 3,
        field: 'Value',
        message:
          '"5001.00" is more than 5,000 patients in one trust on one day, far above any published figure: check the value',
      },
      { line: 5, field: 'Value', message: '"-0.5" is below 0: a number of patients is 0 or more' },
    ]);
  });
});
