// Number, money, percentage and date formats used across Steward (GOV.UK style: "23 November 2026").
import type { FigureUnit } from '../../../src/domain/core/figures';
export { pluralise } from '../../../src/domain/core/plural';
export {
  NOT_AVAILABLE,
  formatCount,
  formatNumber,
  formatWholeNumber,
  formatGbp,
  formatPence,
  formatWholePounds,
  formatGbpPerWeek,
  formatPercent,
  formatRatio,
  formatMultiplier,
  formatRate,
  formatShortfall,
  formatHours,
  formatMonth,
  formatQuarter,
  formatSpan,
  MONTH_NAMES,
} from '../../../src/domain/core/format';
import {
  NOT_AVAILABLE,
  formatGbpPerWeek,
  formatHours,
  formatNumber,
  formatPercent,
  formatWholePounds,
  MONTH_NAMES,
} from '../../../src/domain/core/format';

function missing(value: number | null | undefined): value is null | undefined {
  return value === null || value === undefined || Number.isNaN(value);
}

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
 * shown in whole pounds for a sum ("£60,523,931") and to the penny for a weekly price ("£1,030.92 a week").
 */
export function formatFigure(value: number | null | undefined, unit: FigureUnit): string {
  switch (unit) {
    case 'percent':
      return formatPercent(value);
    case 'pence':
      return formatWholePounds(value);
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
