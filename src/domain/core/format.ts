// Number, money, percentage, month and quarter formats for every figure Steward writes: the web app's pages
// (through web/src/components/format.ts, which re-exports these) and the domain's prose (notes, sources,
// explanations). en-GB thousands separators; money whole pounds on summaries, pence only on unit prices.
import { pluralise } from './plural.js';

const nf = new Map<string, Intl.NumberFormat>();
/**
 * The en-GB number format with `minDp` to `maxDp` decimal places, made once and shared: the same text as
 * `value.toLocaleString('en-GB', { minimumFractionDigits: minDp, maximumFractionDigits: maxDp })`, without building
 * a formatter for every value (which toLocaleString with options does), for code that formats values in a loop.
 */
export function numberFormat(minDp: number, maxDp: number): Intl.NumberFormat {
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

/**
 * A count that may be a mean (people waiting on average, visits a day), as a whole number the reader can count:
 * 263.04 → "263", 20448.8 → "20,449"; a positive value under a half → "fewer than 1", never "0" for some.
 */
export function formatWholeNumber(value: number | null | undefined): string {
  if (missing(value)) return NOT_AVAILABLE;
  const n = Math.round(value);
  if (n === 0 && value > 0) return 'fewer than 1';
  return numberFormat(0, 0).format(n === 0 ? 0 : n);
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
 * A rate (a fraction, like a prevalence) as a percentage to what the data supports: three significant figures by
 * default, trailing zeros dropped. 0.018 → "1.8%", 0.0003456 → "0.0346%", 0.2 → "20%", 0.12345 → "12.3%".
 * @param significant significant figures; a page showing its working passes 4, so a published rate such as 10.95%
 *   reads as published and the sum can be redone by hand
 */
export function formatRate(fraction: number | null | undefined, significant = 3): string {
  if (missing(fraction)) return NOT_AVAILABLE;
  const points = fraction * 100;
  if (points === 0) return '0%';
  const sig = Number(points.toPrecision(significant));
  const dp = Math.min(6, Math.max(0, significant - 1 - Math.floor(Math.log10(Math.abs(sig)))));
  return `${numberFormat(0, dp).format(sig)}%`;
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

/** Hours with their unit: 1 → "1 hour", 20448.8 → "20,448.8 hours". */
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

const QUARTER_MONTHS = ['Jan–Mar', 'Apr–Jun', 'Jul–Sep', 'Oct–Dec'];

/**
 * Money stored in pence, in whole pounds for totals and summaries: 6052393135 → "£60,523,931" (rounded to the
 * pound; negative "−£12"). Unit prices that need pence use {@link formatPence}.
 */
export function formatWholePounds(pence: number | null | undefined): string {
  if (missing(pence)) return NOT_AVAILABLE;
  return formatGbp(Math.round(pence / 100), { pence: false });
}

/** A month for prose: "2023-11" (or "2023-11-01") → "November 2023"; anything else is returned as it is. */
export function formatMonth(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return NOT_AVAILABLE;
  const m = /^(\d{4})-(\d{2})(?:-\d{2})?$/.exec(value);
  if (!m || +m[2] < 1 || +m[2] > 12) return value;
  return `${MONTH_NAMES[+m[2] - 1]} ${m[1]}`;
}

/**
 * A calendar quarter for prose, tables and chart ticks: "2024-Q1" → "Jan–Mar 2024" (the months, so it cannot be
 * read as a financial-year quarter); anything else is returned as it is.
 */
export function formatQuarter(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return NOT_AVAILABLE;
  const m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (!m) return value;
  return `${QUARTER_MONTHS[+m[2] - 1]} ${m[1]}`;
}

/**
 * A span of years (or financial years, dates, months) for prose and headings: "2024–2026", and a single year when
 * both ends are the same ("2024", never "2024–2024"). `separator` is the text between the ends (" – " between
 * financial years such as "2026/27 – 2028/29", " to " between dates). An empty end leaves just the other one.
 */
export function formatSpan(
  from: string | number | null | undefined,
  to: string | number | null | undefined,
  separator = '–',
): string {
  const a = from === null || from === undefined ? '' : String(from);
  const b = to === null || to === undefined ? '' : String(to);
  if (a === '' || b === '' || a === b) return a || b;
  return `${a}${separator}${b}`;
}

/**
 * A total of amounts in pence as the sum of their whole pounds (in pence, a multiple of 100): a headline total
 * then equals the sum of the rounded parts shown with it (issue 13: "Actual spend to date £17,468,802" over
 * funding lines adding up to £17,468,801). Round each part with {@link formatWholePounds}, total with this.
 */
export function wholePoundsTotal(pence: readonly number[]): number {
  return pence.reduce((sum, p) => sum + Math.round(p / 100) * 100, 0);
}
