// Shared by the contracts area's forms: turning typed text into API values, and the API's field errors into
// error-summary entries that link to the form's inputs (a date's first box is `${field}-day`).
import { datePartsToIso, serverErrorsForForm, type DateParts, type SummaryError } from '../components';
import { enterMessage } from '../../../src/domain/core/messages';
import { parseMoneyToPence } from '../../../src/domain/core/money';
import { londonToday, parseDateText } from '../../../src/domain/core/dates';

export const filledDate = (d: DateParts) => !!(d.day.trim() || d.month.trim() || d.year.trim());

/**
 * A date typed in day/month/year boxes: its ISO form, or an error on `${field}-day`. Blank gives null when the date
 * is optional, an error naming it when it is required.
 */
export function readDate(
  parts: DateParts,
  field: string,
  label: string,
  problems: SummaryError[],
  required = true,
  missing = enterMessage(label),
): string | null {
  if (!filledDate(parts)) {
    if (required) problems.push({ field: `${field}-day`, message: missing });
    return null;
  }
  const r = datePartsToIso(parts, label);
  if ('error' in r) {
    problems.push({ field: `${field}-day`, message: r.error });
    return null;
  }
  return r.iso;
}

/**
 * A date still to come (a planned go-live, a next review), as the API checks it: a date before today (London) is
 * refused on `${field}-day` with the form's label, and null returned.
 */
export function notInThePast(
  iso: string | null,
  field: string,
  label: string,
  problems: SummaryError[],
): string | null {
  if (iso && iso < londonToday()) {
    problems.push({ field: `${field}-day`, message: `${label} must be today or in the future` });
    return null;
  }
  return iso;
}

/**
 * Pounds typed in a box ("1,250,000" or "£712.50") as whole pence, or an error on `field`; with `range` (pence, a
 * BOUNDS entry) an amount outside it is refused here, in the API's own words, before any check-answers page.
 */
export function readPounds(
  text: string,
  field: string,
  label: string,
  problems: SummaryError[],
  range?: { min: number; max: number },
): number | null {
  if (!text.trim()) {
    problems.push({ field, message: `${enterMessage(label)} in pounds` });
    return null;
  }
  const pence = parseMoneyToPence(text);
  if (pence === null) {
    problems.push({
      field,
      message: `${label[0].toUpperCase()}${label.slice(1)} must be an amount in pounds, like 1,250,000`,
    });
    return null;
  }
  const L = `${label[0].toUpperCase()}${label.slice(1)}`;
  if (range && pence > range.max) {
    problems.push({ field, message: `${L} must be ${formatPounds(range.max)} or less` });
    return null;
  }
  if (range && pence < range.min) {
    problems.push({ field, message: `${L} must be ${formatPounds(range.min)} or more` });
    return null;
  }
  return pence;
}

/** Pence as pounds in a message: 100000000000 → "£1,000,000,000". */
function formatPounds(pence: number): string {
  return `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: pence % 100 ? 2 : 0, maximumFractionDigits: 2 })}`;
}

/** Pence as the pounds a person would type back: 125000050 → "1250000.50". */
export function penceToText(pence: number): string {
  return pence % 100 === 0 ? String(pence / 100) : (pence / 100).toFixed(2);
}

/** Whole months listed as "12, 12" or "12+12": numbers, or an error on `field`. */
export function readMonthsList(text: string, field: string, problems: SummaryError[]): number[] {
  const parts = text.split(/[+,\s]+/).filter(Boolean);
  if (parts.some((p) => !/^\d{1,3}$/.test(p))) {
    problems.push({ field, message: 'Extension options must be whole numbers of months, like 12 + 12' });
    return [];
  }
  return parts.map(Number);
}

/**
 * Break clause dates typed as "31/03/2028, 30/09/2028" (commas or semicolons between them): ISO dates, or an error
 * on `field` when any is not a date.
 */
export function readDateList(text: string, field: string, problems: SummaryError[]): string[] {
  const dates = text
    .split(/[,;]/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map(parseDateText);
  if (dates.some((d) => d === null)) {
    problems.push({ field, message: 'Break clauses must be dates like 31/03/2028, separated by commas' });
    return [];
  }
  return dates as string[];
}

/** The API's errors for the summary, each pointed at the input on this form (dates at their day box). */
export function apiErrorsForForm(err: unknown, dateFields: readonly string[] = []): SummaryError[] {
  return serverErrorsForForm(err, { dateFields, prefixes: CONTRACT_PREFIXES });
}

/** The contracts API names a PATCH's fields `changes.<field>`: the form's inputs are `<field>`. */
export const CONTRACT_PREFIXES = ['changes.'];
