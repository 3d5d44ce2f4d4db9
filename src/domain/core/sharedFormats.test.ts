// The shared number and date formats (issue 15) write exactly what the per-value toLocaleString calls they replace
// wrote: the old expressions are kept here as the reference, and every changed formatter is compared with them.
import { describe, expect, it } from 'vitest';
import { formatKpiFigure } from '../contracts/kpi.js';
import { poundsText as historyPoundsText } from '../contracts/history.js';
import { dateRangeError } from './bounds.js';
import { longDateText } from './dates.js';
import { numberFormat } from './format.js';
import { rangeMessage, userMessage } from './messages.js';
import { poundsText } from './money.js';

const VALUES = [
  0,
  -0,
  1,
  -1,
  0.5,
  0.005,
  0.125,
  1.005,
  2.675,
  12.3456789,
  99.99,
  100,
  101,
  149.5,
  1234.5,
  71_250,
  123_456_789,
  -4_200.75,
  1e9,
  2 ** 53 - 1,
  1 / 3,
  2 / 3,
  1e-7,
  1.23456789e-4,
  NaN,
  Infinity,
  -Infinity,
];
const PENCE = [0, 1, 49, 50, 99, 100, 101, 2_500, 71_250, 6_600_000, 123_456_789, 100_000_000_000, -1_234, -100];

const oldPounds = (pence: number) =>
  `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: pence % 100 ? 2 : 0, maximumFractionDigits: 2 })}`;

describe('shared number formats write what toLocaleString wrote', () => {
  it('numberFormat(min, max) is toLocaleString with the same decimal places, for every kind of value', () => {
    for (const [min, max] of [
      [0, 0],
      [0, 1],
      [0, 2],
      [0, 3],
      [0, 6],
      [2, 2],
      [1, 1],
    ])
      for (const v of VALUES)
        expect(numberFormat(min, max).format(v), `${v} ${min}-${max}`).toBe(
          v.toLocaleString('en-GB', { minimumFractionDigits: min, maximumFractionDigits: max }),
        );
    expect(numberFormat(0, 2).format(1234.5)).toBe('1,234.5');
    expect(numberFormat(0, 3).format(12_345_678_901_234_567_890n)).toBe(
      12_345_678_901_234_567_890n.toLocaleString('en-GB'),
    );
  });

  it('money in pence reads as before: "£25,000", "£712.50", "−" signs and all', () => {
    for (const p of PENCE) {
      expect(poundsText(p), String(p)).toBe(oldPounds(p));
      const pounds = p / 100;
      expect(historyPoundsText(p), String(p)).toBe(
        `£${pounds.toLocaleString('en-GB', { minimumFractionDigits: Number.isInteger(pounds) ? 0 : 2, maximumFractionDigits: 2 })}`,
      );
    }
    expect(poundsText(2_500_000)).toBe('£25,000');
    expect(poundsText(71_250)).toBe('£712.50');
  });

  it('KPI figures read as before for every measure', () => {
    for (const v of [...VALUES, ...PENCE]) {
      const n = (x: number, digits = 2) => x.toLocaleString('en-GB', { maximumFractionDigits: digits });
      expect(formatKpiFigure({ measure: 'percent', unit: '%' }, v)).toBe(`${n(v, 1)}%`);
      expect(formatKpiFigure({ measure: 'count', unit: 'people' }, v)).toBe(`${n(v)} people`);
      expect(formatKpiFigure({ measure: 'days', unit: 'days' }, v)).toBe(`${n(v)} days`);
      expect(formatKpiFigure({ measure: 'pence', unit: '£' }, v)).toBe(
        `£${(v / 100).toLocaleString('en-GB', { minimumFractionDigits: v % 100 === 0 ? 0 : 2, maximumFractionDigits: 2 })}`,
      );
    }
    expect(formatKpiFigure({ measure: 'pence', unit: '£' }, 123_456)).toBe('£1,234.56');
    expect(formatKpiFigure({ measure: 'percent', unit: '%' }, 87.46)).toBe('87.5%');
  });

  it('range and limit messages read as before, in pounds and in plain numbers', () => {
    for (const [min, max] of [
      [0, 5_000],
      [1, 100_000_000_000],
      [0.5, 99.75],
      [-10, 1e-7],
    ]) {
      const plain = (v: number) => v.toLocaleString('en-GB', { maximumFractionDigits: 6 });
      expect(rangeMessage('places', { min, max }, { whole: true })).toBe(
        `Places must be a whole number from ${plain(min)} to ${plain(max)}`,
      );
      expect(rangeMessage('weekly price', { min, max }, { pence: true })).toBe(
        `Weekly price must be from ${oldPounds(min)} to ${oldPounds(max)}`,
      );
    }
    expect(rangeMessage('places', { min: 0, max: 5_000 }, { whole: true })).toBe(
      'Places must be a whole number from 0 to 5,000',
    );
    expect(userMessage({ code: 'too_big', origin: 'number', maximum: 1234567.1234567, inclusive: true }, 'beds')).toBe(
      `Beds must be ${(1234567.1234567).toLocaleString('en-GB', { maximumFractionDigits: 6 })} or less`,
    );
    expect(
      userMessage({ code: 'too_big', origin: 'bigint', maximum: 9_007_199_254_740_993n, inclusive: true }, 'count'),
    ).toBe(`Count must be ${9_007_199_254_740_993n.toLocaleString('en-GB')} or less`);
    expect(
      userMessage({ code: 'too_big', origin: 'number', maximum: 9_007_199_254_740_993n, inclusive: true }, 'count'),
    ).toBe('Count must be 9,007,199,254,740,993 or less');
  });

  it('dates in words read as before', () => {
    const old = (iso: string) => {
      const [y, m, d] = iso.split('-').map(Number);
      return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      });
    };
    for (const iso of ['2026-11-30', '2024-02-29', '1999-01-01', '2027-03-31', '0999-12-31']) {
      expect(longDateText(iso)).toBe(old(iso));
      expect(dateRangeError('day', 'day', '0001-01-01', { earliest: iso })?.message).toBe(
        `Day must be on or after ${old(iso)}`,
      );
    }
    expect(longDateText('2027-03-31')).toBe('31 March 2027');
  });
});
