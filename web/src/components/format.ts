// Number, money, percentage and date formats used across Steward (GOV.UK style: "23 November 2026").
import type { FigureUnit } from '../../../src/domain/core/figures';
import { pluralise } from '../../../src/domain/core/plural';
const nf = new Map<string, Intl.NumberFormat>();
function numberFormat(minDp: number, maxDp: number): Intl.NumberFormat {
  const key = `${minDp}:${maxDp}`;
  let f = nf.get(key);
  if (!f) {
    f = new Intl.NumberFormat('en-GB', { minimumFractionDigits: minDp, maximumFractionDigits: maxDp });
    nf.set(key, f);
  }
  return f;
}

/** Shown for a missing value (null/undefined/NaN). */
export const NOT_AVAILABLE = 'Not available';

function missing(value: number | null | undefined): value is null | undefined {
  return value === null || value === undefined || Number.isNaN(value);
}

export { pluralise } from '../../../src/domain/core/plural';

/**
 * A count with its noun, for every count of homes, beds, people, placements, referrals… the web app writes:
 * en-GB thousands separators and the singular for exactly one. "1 care home", "1,468 beds", "2 people".
 * `plural` overrides the plural {@link pluralise} makes. A missing count reads "Not available".
 */
export function formatCount(value: number | null | undefined, singular: string, plural = pluralise(singular)): string {
  if (missing(value)) return NOT_AVAILABLE;
  return `${formatNumber(value)} ${value === 1 ? singular : plural}`;
}

/** 268000 → "268,000"; `dp` fixes the decimal places (default: up to 1 for non-integers). */
export function formatNumber(value: number | null | undefined, dp?: number): string {
  if (missing(value)) return NOT_AVAILABLE;
  if (dp !== undefined) return numberFormat(dp, dp).format(value);
  return numberFormat(0, Number.isInteger(value) ? 0 : 1).format(value);
}

/** Pounds: 1234.5 → "£1,234.50"; whole pounds drop the pence unless `pence` is true. Negative: "−£12". */
export function formatGbp(pounds: number | null | undefined, options: { pence?: boolean } = {}): string {
  if (missing(pounds)) return NOT_AVAILABLE;
  const showPence = options.pence ?? !Number.isInteger(pounds);
  const body = numberFormat(showPence ? 2 : 0, showPence ? 2 : 0).format(Math.abs(pounds));
  return `${pounds < 0 ? '−' : ''}£${body}`;
}

/** Money stored in pence (integer) shown in pounds: 123450 → "£1,234.50". */
export function formatPence(pence: number | null | undefined): string {
  if (missing(pence)) return NOT_AVAILABLE;
  return formatGbp(pence / 100, { pence: pence % 100 !== 0 });
}

/** Weekly price: 1234.5 → "£1,234.50 a week". */
export function formatGbpPerWeek(pounds: number | null | undefined): string {
  if (missing(pounds)) return NOT_AVAILABLE;
  return `${formatGbp(pounds, { pence: !Number.isInteger(pounds) })} a week`;
}

/** Percentage points: 87.46 → "87.5%". Use `formatRatio` for fractions (0.8746). */
export function formatPercent(points: number | null | undefined, dp = 1): string {
  if (missing(points)) return NOT_AVAILABLE;
  const rounded = Number(points.toFixed(dp));
  return `${numberFormat(0, dp).format(rounded)}%`;
}

/** A fraction as a percentage: 0.8746 → "87.5%". */
export function formatRatio(fraction: number | null | undefined, dp = 1): string {
  if (missing(fraction)) return NOT_AVAILABLE;
  return formatPercent(fraction * 100, dp);
}

/**
 * A multiplier or factor, to what the data supports (three significant figures, at most three decimals):
 * 0.603968252178945 → "×0.604", 1.25 → "×1.25", 12.3456 → "×12.3".
 */
export function formatMultiplier(factor: number | null | undefined): string {
  if (missing(factor)) return NOT_AVAILABLE;
  const sig = Number(factor.toPrecision(3));
  const dp = Math.min(3, Math.max(0, 2 - Math.floor(Math.log10(Math.abs(sig) || 1))));
  return `×${numberFormat(0, dp).format(sig)}`;
}

/**
 * Supply against need in whole units, in words (never a negative shortfall or a fraction of a bed):
 * (120.4, 'beds') → "120 beds short", (-35.6, 'beds') → "36 beds spare", (0.3, 'beds') → "None short".
 */
export function formatShortfall(gap: number | null | undefined, unit: string): string {
  if (missing(gap)) return NOT_AVAILABLE;
  const n = Math.round(Math.abs(gap));
  if (n === 0) return 'None short';
  return `${numberFormat(0, 0).format(n)} ${unit} ${gap > 0 ? 'short' : 'spare'}`;
}

export function formatHours(hours: number | null | undefined): string {
  if (missing(hours)) return NOT_AVAILABLE;
  return `${formatNumber(hours)} ${hours === 1 ? 'hour' : 'hours'}`;
}

/** The months' names in English, January first. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const shortMonths = MONTH_NAMES.map((m) => m.slice(0, 3));

function toDate(value: string | Date): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  // A bare ISO date is a calendar date: read it as UTC midnight so it never shifts by time zone.
  const bare = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = bare ? new Date(Date.UTC(+bare[1], +bare[2] - 1, +bare[3])) : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "2026-11-23" → "23 November 2026" (UTC calendar date). */
export function formatDate(value: string | Date | null | undefined, options: { short?: boolean } = {}): string {
  if (value === null || value === undefined || value === '') return NOT_AVAILABLE;
  const d = toDate(value);
  if (!d) return String(value);
  const m = (options.short ? shortMonths : MONTH_NAMES)[d.getUTCMonth()];
  return `${d.getUTCDate()} ${m} ${d.getUTCFullYear()}`;
}

/**
 * An instant in GOV.UK style, in UK time (GMT or BST as the date falls): "2026-11-23T14:05:00Z" →
 * "23 November 2026, 2:05pm". Every page's timestamps (histories, audit trail) use this one formatter.
 */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return NOT_AVAILABLE;
  const d = toDate(value);
  if (!d) return String(value);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    // h12 (1–12), not hour12 (en-GB's hour12 writes midnight as "0:00 am").
    hourCycle: 'h12',
  }).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const dayPeriod = get('dayPeriod').toLowerCase().replace(/\s|\./g, '');
  return `${get('day')} ${get('month')} ${get('year')}, ${get('hour')}:${get('minute')}${dayPeriod}`;
}

/** How old a piece of data is, for freshness notes: "today", "yesterday", "3 days ago", "2 months ago". */
export function formatAge(value: string | Date | null | undefined, now: Date = new Date()): string {
  if (value === null || value === undefined || value === '') return NOT_AVAILABLE;
  const d = toDate(value);
  if (!d) return String(value);
  const ms = now.getTime() - d.getTime();
  if (ms < 0) return 'in the future';
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'} ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} ${hours === 1 ? 'hour' : 'hours'} ago`;
  const days = Math.floor(hours / 24);
  if (days === 1) return 'yesterday';
  if (days < 31) return `${days} days ago`;
  const monthsAgo = Math.floor(days / 30.4375);
  if (monthsAgo < 12) return `${monthsAgo} ${monthsAgo === 1 ? 'month' : 'months'} ago`;
  const years = Math.floor(days / 365.25);
  return `${years} ${years === 1 ? 'year' : 'years'} ago`;
}

export type { FigureUnit } from '../../../src/domain/core/figures';

/**
 * Formats a key figure by its unit (src/domain/core/figures.ts): percent is percentage points; money is pence,
 * shown in pounds ("£2,500,000", "£1,234.50", "£1,030.92 a week").
 */
export function formatFigure(value: number | null | undefined, unit: FigureUnit): string {
  switch (unit) {
    case 'percent':
      return formatPercent(value);
    case 'pence':
      return formatPence(value);
    case 'pence_per_week':
      return missing(value) ? NOT_AVAILABLE : formatGbpPerWeek(value / 100);
    case 'hours':
      return formatHours(value);
    case 'days':
      return missing(value) ? NOT_AVAILABLE : `${formatNumber(value)} ${value === 1 ? 'day' : 'days'}`;
    case 'count':
      return formatNumber(value);
  }
}
