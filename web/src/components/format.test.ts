import { describe, expect, it } from 'vitest';
import {
  formatCount,
  pluralise,
  formatMultiplier,
  formatShortfall,
  formatAge,
  formatDate,
  formatDateTime,
  formatFigure,
  formatGbp,
  formatGbpPerWeek,
  formatHours,
  formatNumber,
  formatPence,
  formatPercent,
  formatRatio,
  NOT_AVAILABLE,
} from './format';

describe('number and money formats', () => {
  it('groups thousands and keeps one decimal for fractions', () => {
    expect(formatNumber(268000)).toBe('268,000');
    expect(formatNumber(1530)).toBe('1,530');
    expect(formatNumber(12.345)).toBe('12.3');
    expect(formatNumber(12.345, 2)).toBe('12.35');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(null)).toBe(NOT_AVAILABLE);
    expect(formatNumber(Number.NaN)).toBe(NOT_AVAILABLE);
  });

  it('formats pounds, pence and weekly prices', () => {
    expect(formatGbp(1234)).toBe('£1,234');
    expect(formatGbp(1234.5)).toBe('£1,234.50');
    expect(formatGbp(-12)).toBe('−£12');
    expect(formatGbp(1234, { pence: true })).toBe('£1,234.00');
    expect(formatPence(123450)).toBe('£1,234.50');
    expect(formatPence(100000)).toBe('£1,000');
    // Havering's 2025/26 usual rate for residential care (DOMAIN.md), as a weekly price.
    expect(formatGbpPerWeek(1014.23)).toBe('£1,014.23 a week');
    expect(formatGbpPerWeek(undefined)).toBe(NOT_AVAILABLE);
  });

  it('formats percentage points and fractions the same way', () => {
    expect(formatPercent(87.46)).toBe('87.5%');
    expect(formatPercent(100)).toBe('100%');
    expect(formatPercent(4.04, 2)).toBe('4.04%');
    expect(formatRatio(0.8746)).toBe('87.5%');
    // Issue 13: an explain page showed "× 0.603968252178945".
    expect(formatMultiplier(0.603968252178945)).toBe('×0.604');
    expect(formatMultiplier(1.25)).toBe('×1.25');
    expect(formatMultiplier(12.3456)).toBe('×12.3');
    expect(formatMultiplier(1)).toBe('×1');
    expect(formatMultiplier(null)).toBe('Not available');
    // Issue 13: "120.4 beds short" and negative shortfalls.
    expect(formatShortfall(120.4, 'beds')).toBe('120 beds short');
    expect(formatShortfall(-35.6, 'beds')).toBe('36 beds spare');
    expect(formatShortfall(-0.2, 'beds')).toBe('None short');
    expect(formatShortfall(1234.5, 'hours a week')).toBe('1,235 hours a week short');
    expect(formatRatio(1530 / 1700)).toBe('90%');
  });

  it('formats dashboard figures by unit', () => {
    expect(formatFigure(1530, 'count')).toBe('1,530');
    expect(formatFigure(91.2, 'percent')).toBe('91.2%');
    expect(formatFigure(250_000_000, 'pence')).toBe('£2,500,000');
    expect(formatFigure(-1_234_567, 'pence')).toBe('−£12,346');
    expect(formatFigure(85_050, 'pence_per_week')).toBe('£850.50 a week');
    expect(formatFigure(3, 'days')).toBe('3 days');
    expect(formatFigure(1, 'hours')).toBe('1 hour');
    expect(formatHours(12.5)).toBe('12.5 hours');
    expect(formatFigure(null, 'percent')).toBe(NOT_AVAILABLE);
  });
});

describe('date formats', () => {
  it('writes dates the GOV.UK way, without time-zone shifts for calendar dates', () => {
    expect(formatDate('2026-11-23')).toBe('23 November 2026');
    expect(formatDate('2026-01-01')).toBe('1 January 2026');
    expect(formatDate('2026-03-05', { short: true })).toBe('5 Mar 2026');
    expect(formatDate(new Date(Date.UTC(2024, 1, 29)))).toBe('29 February 2024');
    expect(formatDate(null)).toBe(NOT_AVAILABLE);
    expect(formatDate('not a date')).toBe('not a date');
  });

  it('shows date and time in UK time (GMT in winter, BST in summer)', () => {
    expect(formatDateTime('2026-11-23T14:05:00Z')).toBe('23 November 2026, 2:05pm');
    expect(formatDateTime('2026-07-01T08:30:00Z')).toBe('1 July 2026, 9:30am');
    // Midnight and noon in UK time, and an instant whose UK date is the next day (BST).
    expect(formatDateTime('2026-11-30T00:00:00Z')).toBe('30 November 2026, 12:00am');
    expect(formatDateTime('2026-06-30T23:30:00.000Z')).toBe('1 July 2026, 12:30am');
    expect(formatDateTime('2026-11-30T12:00:00Z')).toBe('30 November 2026, 12:00pm');
  });

  it('says how old data is', () => {
    const now = new Date('2026-11-23T12:00:00Z');
    expect(formatAge('2026-11-23T11:59:30Z', now)).toBe('just now');
    expect(formatAge('2026-11-23T11:15:00Z', now)).toBe('45 minutes ago');
    expect(formatAge('2026-11-23T11:00:00Z', now)).toBe('1 hour ago');
    expect(formatAge('2026-11-22T09:00:00Z', now)).toBe('yesterday');
    expect(formatAge('2026-11-20T12:00:00Z', now)).toBe('3 days ago');
    expect(formatAge('2026-09-01', now)).toBe('2 months ago');
    expect(formatAge('2024-11-01', now)).toBe('2 years ago');
    expect(formatAge('2026-12-01', now)).toBe('in the future');
  });
});

describe('counts with their noun', () => {
  it('is singular for exactly one and plural otherwise, with thousands separated', () => {
    expect(formatCount(1, 'day')).toBe('1 day');
    expect(formatCount(0, 'day')).toBe('0 days');
    expect(formatCount(2.5, 'day')).toBe('2.5 days');
    expect(formatCount(1200, 'bed')).toBe('1,200 beds');
    expect(formatCount(3, 'person', 'people')).toBe('3 people');
  });
  it('makes the plural itself: the fresh-user check saw "1 care homes" and "1468 beds"', () => {
    expect(formatCount(1, 'care home')).toBe('1 care home');
    expect(formatCount(1468, 'bed')).toBe('1,468 beds');
    expect(formatCount(1, 'person')).toBe('1 person');
    expect(formatCount(12_345, 'person')).toBe('12,345 people');
    expect(formatCount(2, 'agency')).toBe('2 agencies');
    expect(formatCount(4, 'KPI')).toBe('4 KPIs');
    expect(formatCount(3, 'day')).toBe('3 days');
    expect(formatCount(null, 'referral')).toBe('Not available');
    expect(pluralise('new hour')).toBe('new hours');
    expect(pluralise('box')).toBe('boxes');
  });
});
