// Formats for the statement's figures (money in pence, shares as fractions).
import { formatNumber, formatPence, formatRatio, NOT_AVAILABLE } from '../components';
import type { Figure } from './types';

/** Whole pounds from pence: 161840000 → "£1,618,400"; values of a million or more: "£16.2 million". */
export function formatPounds(pence: number | null | undefined): string {
  if (pence === null || pence === undefined) return NOT_AVAILABLE;
  const pounds = pence / 100;
  if (Math.abs(pounds) >= 1_000_000) return `£${formatNumber(Math.round(pounds / 100_000) / 10, 1)} million`;
  return `£${formatNumber(Math.round(pounds))}`;
}

/** A headline figure in its unit. */
export function formatStatementFigure(value: number | null, unit: Figure['unit']): string {
  switch (unit) {
    case 'share':
      return formatRatio(value);
    case 'pence':
      return formatPounds(value);
    case 'pence_per_week':
      return value === null ? NOT_AVAILABLE : `${formatPence(Math.round(value))} a week`;
    case 'pence_per_hour':
      return value === null ? NOT_AVAILABLE : `${formatPence(Math.round(value))} an hour`;
    default:
      return formatNumber(value);
  }
}

/** A change between two figures: "+1,234", "−2.5 percentage points", "+£12.50 a week". */
export function formatDifference(difference: number | null, unit: Figure['unit']): string {
  if (difference === null) return '';
  if (difference === 0) return 'No change';
  const sign = difference > 0 ? '+' : '−';
  const abs = Math.abs(difference);
  if (unit === 'share') return `${sign}${formatNumber(Math.round(abs * 1000) / 10)} percentage points`;
  return `${sign}${formatStatementFigure(abs, unit)}`;
}
