import { describe, expect, it } from 'vitest';
import {
  wholePoundsTotal,
  formatMonth,
  formatSpan,
  formatNumber,
  formatPence,
  formatQuarter,
  formatRate,
  formatWholeNumber,
  formatWholePounds,
  NOT_AVAILABLE,
} from './format.js';

describe('figures as people read them (fresh-user review 8, 16, 19)', () => {
  it('writes a sum of money in whole pounds with separators: the home BCF card showed "£60,523,931.35"', () => {
    expect(formatWholePounds(6_052_393_135)).toBe('£60,523,931');
    expect(formatWholePounds(41_666_667)).toBe('£416,667'); // the register's "£416,666.67"
    expect(formatWholePounds(-1_234_567)).toBe('−£12,346');
    expect(formatWholePounds(49)).toBe('£0');
    expect(formatWholePounds(null)).toBe(NOT_AVAILABLE);
  });
  it('keeps pence on a unit price, with a thousands separator ("£1508.37" had none)', () => {
    expect(formatPence(150_837)).toBe('£1,508.37');
    expect(formatPence(80_000)).toBe('£800');
  });
  it('writes a mean count of people, visits or places whole: "263.0 visits a day", "61.0 places"', () => {
    expect(formatWholeNumber(263.04)).toBe('263');
    expect(formatWholeNumber(61)).toBe('61');
    expect(formatWholeNumber(20_448.8)).toBe('20,449');
    expect(formatWholeNumber(0.3)).toBe('fewer than 1');
    expect(formatWholeNumber(0)).toBe('0');
    expect(formatWholeNumber(-0.2)).toBe('0');
    expect(formatNumber(Math.round(3627.8))).toBe('3,628');
  });
  it('writes a rate to three significant figures ("0.018" shown as 1.8%, no "1.8000%")', () => {
    expect(formatRate(0.018)).toBe('1.8%');
    expect(formatRate(0.2)).toBe('20%');
    expect(formatRate(0.12345)).toBe('12.3%');
    expect(formatRate(0.0003456)).toBe('0.0346%');
    expect(formatRate(0)).toBe('0%');
  });
  it('writes a rate to four significant figures where a page shows its working (published 10.95% stays 10.95%)', () => {
    expect(formatRate(0.1095, 4)).toBe('10.95%');
    expect(formatRate(0.303, 4)).toBe('30.3%');
    expect(formatRate(0.0165, 4)).toBe('1.65%');
  });
  it('writes months and calendar quarters in words: "2023-11" → "November 2023", "2024-Q1" → "Jan–Mar 2024"', () => {
    expect(formatMonth('2023-11')).toBe('November 2023');
    expect(formatMonth('2026-01-01')).toBe('January 2026');
    expect(formatMonth('2026-13')).toBe('2026-13');
    expect(formatQuarter('2024-Q1')).toBe('Jan–Mar 2024');
    expect(formatQuarter('2024-Q4')).toBe('Oct–Dec 2024');
    expect(formatQuarter('2026/27 Q1')).toBe('2026/27 Q1');
    expect(formatMonth(null)).toBe(NOT_AVAILABLE);
  });
});

describe('formatSpan', () => {
  it('reads a one-year range as the year alone (review 13: "2024–2024")', () => {
    expect(formatSpan(2024, 2024)).toBe('2024');
    expect(formatSpan(2020, 2024)).toBe('2020–2024');
    expect(formatSpan('2026/27', '2028/29', ' – ')).toBe('2026/27 – 2028/29');
    expect(formatSpan('2026/27', '2026/27', ' – ')).toBe('2026/27');
    expect(formatSpan('2024-01-01', undefined, ' to ')).toBe('2024-01-01');
  });
});

describe('wholePoundsTotal (review 13 finding 23)', () => {
  it('totals the whole pounds shown for each part, so a headline equals the sum of its rows', () => {
    // Two funding lines of £10,000,000.40 and £7,468,801.40: shown as £10,000,000 and £7,468,801, so the headline
    // is £17,468,801 (rounding the exact total once gave £17,468,802, a pound more than the rows).
    const lines = [1_000_000_040, 746_880_140];
    expect(lines.map((p) => formatWholePounds(p))).toEqual(['£10,000,000', '£7,468,801']);
    expect(formatWholePounds(wholePoundsTotal(lines))).toBe('£17,468,801');
    expect(formatWholePounds(lines[0] + lines[1])).toBe('£17,468,802');
    expect(wholePoundsTotal([])).toBe(0);
  });
});
