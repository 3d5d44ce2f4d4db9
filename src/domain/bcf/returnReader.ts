// Reading cells of a filled BCF return: each check records a problem naming the sheet, row and column, so the
// whole workbook is checked before anything is applied. Used by returnParse.ts, one reader per workbook.
import type { FieldError } from '../core/errors.js';
import { fundingPenceProblem, type Place } from './plan.js';
import { HEADER_ROW, type Cell, type ReadSheet } from './returnTemplate.js';

/** A body row of a sheet: its spreadsheet row number and its cells by header name. */
export interface BodyRow {
  line: number;
  get: (col: string) => Cell;
}

/** A cell as trimmed text; empty or missing is "". */
export function text(c: Cell | undefined): string {
  return c === null || c === undefined ? '' : String(c).trim();
}

/** The key whose label (or the key itself) is `text`, ignoring case and surrounding spaces; null if none. */
export const byLabel = <K extends string>(labels: Record<K, string>, text: string): K | null =>
  (Object.keys(labels) as K[]).find(
    (k) => labels[k].toLowerCase() === text.trim().toLowerCase() || k === text.trim(),
  ) ?? null;

/** The plan a return is read for: its years (and the metrics' baseline year) and places. */
export interface ReaderPlan {
  years: string[];
  baselineYear: string;
  places: Place[];
}

/** Where a problem is, in words: "Expenditure sheet, row 9, Q2 actual (£)" (or just the sheet, or sheet and row). */
export function cellName(sheet: string, line: number | null, column: string | null): string {
  return [`${sheet} sheet`, line === null ? null : `row ${line}`, column].filter(Boolean).join(', ');
}

/** A message that reads after a cell's name and a colon: "Enter a number" → "enter a number" (not "LA …"). */
function readsAfterName(message: string): string {
  return /^[A-Z][a-z]/.test(message) ? message[0].toLowerCase() + message.slice(1) : message;
}

/**
 * A reader over one workbook's sheets that collects problems into `errors` (each `in: 'file'`, field like
 * "Expenditure sheet, row 12, Planned expenditure (£)") rather than throwing. Checks return null for a cell that
 * failed, so the caller can go on to the next cell and report every problem at once.
 */
export function returnReader(sheets: readonly ReadSheet[], plan: ReaderPlan, errors: FieldError[]) {
  const err = (sheet: string, line: number | null, column: string | null, message: string) =>
    errors.push({ field: cellName(sheet, line, column), message: readsAfterName(message), in: 'file' });
  const get = (name: string) => sheets.find((s) => s.name.trim().toLowerCase() === name.toLowerCase());

  /**
   * Body rows of a sheet, mapped by header name, after checking the header names every column expected. A row with
   * something in it but one of the `keys` columns (those that say what the row is) blank gets one problem naming
   * them all, and is left out, rather than a problem for each blank.
   */
  function body(name: string, expected: string[], keys: string[] = []): BodyRow[] {
    const sheet = get(name)!;
    const header = sheet.rows.find((r) => r.line === HEADER_ROW);
    const names = header ? header.cells.map(text) : [];
    const missing = expected.filter((e) => !names.includes(e));
    if (missing.length) {
      err(name, HEADER_ROW, null, `The header row is missing ${missing.map((m) => `"${m}"`).join(', ')}`);
      return [];
    }
    return sheet.rows
      .filter((r) => r.line > HEADER_ROW && r.cells.some((c) => text(c) !== ''))
      .map((r) => ({ line: r.line, get: (col: string) => r.cells[names.indexOf(col)] ?? null }))
      .filter((r) => {
        const blank = keys.filter((k) => text(r.get(k)) === '');
        if (blank.length)
          err(name, r.line, null, `this row is only part filled in: fill in ${listText(blank)}, or clear the row`);
        return blank.length === 0;
      });
  }
  const placeBy = (name: string) => plan.places.find((p) => p.name.toLowerCase() === name.toLowerCase());
  /** The plan's place named in the row's "Health and Wellbeing Board" column, or null (and a problem). */
  const place = (sheet: string, r: BodyRow): Place | null => {
    const p = placeBy(text(r.get('Health and Wellbeing Board')));
    if (!p)
      err(
        sheet,
        r.line,
        'Health and Wellbeing Board',
        `"${text(r.get('Health and Wellbeing Board'))}" is not a place of this plan: use ${listText(
          plan.places.map((x) => x.name),
          'or',
        )}`,
      );
    return p ?? null;
  };
  /**
   * A number of 0 or more (pound signs and commas allowed), up to `opts.max`, or null if blank or not valid. The
   * problem says what to enter: "enter a number of 0 or more", "enter a whole number", "enter a number of 0 to …".
   */
  const number = (
    sheet: string,
    line: number,
    col: string,
    v: Cell,
    opts: { integer?: boolean; required?: boolean; max?: number } = {},
  ): number | null => {
    if (v === null || text(v) === '') {
      if (opts.required) err(sheet, line, col, 'enter a number');
      return null;
    }
    const n = typeof v === 'number' ? v : Number(text(v).replace(/[£,]/g, ''));
    if (!Number.isFinite(n) || n < 0) {
      err(sheet, line, col, opts.integer ? 'enter a whole number of 0 or more' : 'enter a number of 0 or more');
      return null;
    }
    if (opts.integer && !Number.isInteger(n)) {
      err(sheet, line, col, 'enter a whole number');
      return null;
    }
    if (opts.max !== undefined && n > opts.max) {
      err(sheet, line, col, `enter a number from 0 to ${opts.max.toLocaleString('en-GB')}`);
      return null;
    }
    return n;
  };
  /**
   * Pounds (at most two decimal places) as pence within BOUNDS.fundingLinePence (the limit the API and the planned
   * spend form use), or null if blank or not valid: "enter an amount of £0 or more".
   */
  const toPence = (sheet: string, line: number, col: string, v: Cell, required = false): number | null => {
    if (v === null || text(v) === '') {
      if (required) err(sheet, line, col, 'enter an amount in pounds');
      return null;
    }
    const n = typeof v === 'number' ? v : Number(text(v).replace(/[£,]/g, ''));
    const pence = Math.round(n * 100);
    const problem = fundingPenceProblem(Number.isFinite(n) ? pence : NaN);
    if (problem) {
      err(sheet, line, col, problem);
      return null;
    }
    if (Math.abs(pence - n * 100) > 1e-6) {
      err(sheet, line, col, 'enter an amount in pounds and pence, with at most two decimal places');
      return null;
    }
    return pence;
  };
  /** A year of the plan (or its baseline year, for metrics), or null. */
  const yearOk = (sheet: string, line: number, v: Cell, withBaseline = false) => {
    const y = text(v);
    const allowed = withBaseline ? [plan.baselineYear, ...plan.years] : plan.years;
    if (!allowed.includes(y)) {
      err(sheet, line, 'Year', `"${y}" is not a year of this plan: use ${listText(allowed, 'or')}`);
      return null;
    }
    return y;
  };
  return { err, get, body, placeBy, place, number, toPence, yearOk };
}

/** A reader over one workbook (see `returnReader`). */
export type ReturnReader = ReturnType<typeof returnReader>;

/** "A, B and C" (or "A, B or C"). */
export function listText(items: readonly string[], last: 'and' | 'or' = 'and'): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)}`;
}
