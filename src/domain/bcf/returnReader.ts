// Reading cells of a filled BCF return: each check records a problem naming the sheet, row and column, so the
// whole workbook is checked before anything is applied. Used by returnParse.ts, one reader per workbook.
import type { FieldError } from '../core/errors.js';
import type { Place } from './plan.js';
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

/**
 * A reader over one workbook's sheets that collects problems into `errors` (each `in: 'file'`, field like
 * "Expenditure!row 12 (Planned expenditure (£))") rather than throwing. Checks return null for a cell that
 * failed, so the caller can go on to the next cell and report every problem at once.
 */
export function returnReader(sheets: readonly ReadSheet[], plan: ReaderPlan, errors: FieldError[]) {
  const err = (sheet: string, line: number | null, column: string | null, message: string) =>
    errors.push({
      field: `${sheet}${line === null ? '' : `!row ${line}`}${column ? ` (${column})` : ''}`,
      message,
      in: 'file',
    });
  const get = (name: string) => sheets.find((s) => s.name.trim().toLowerCase() === name.toLowerCase());

  /** Body rows of a sheet, mapped by header name, after checking the header names every column expected. */
  function body(name: string, expected: string[]): BodyRow[] {
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
      .map((r) => ({ line: r.line, get: (col: string) => r.cells[names.indexOf(col)] ?? null }));
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
        `"${text(r.get('Health and Wellbeing Board'))}" is not a place of this plan`,
      );
    return p ?? null;
  };
  /** A number of 0 or more (pound signs and commas allowed), or null if blank or not valid. */
  const number = (
    sheet: string,
    line: number,
    col: string,
    v: Cell,
    opts: { integer?: boolean; required?: boolean } = {},
  ): number | null => {
    if (v === null || text(v) === '') {
      if (opts.required) err(sheet, line, col, 'Enter a number');
      return null;
    }
    const n = typeof v === 'number' ? v : Number(text(v).replace(/[£,]/g, ''));
    if (!Number.isFinite(n) || n < 0) {
      err(sheet, line, col, `"${text(v)}" is not a number of 0 or more`);
      return null;
    }
    if (opts.integer && !Number.isInteger(n)) {
      err(sheet, line, col, `"${text(v)}" is not a whole number`);
      return null;
    }
    return n;
  };
  /** Pounds (at most two decimal places) as pence, or null if blank or not valid. */
  const toPence = (sheet: string, line: number, col: string, v: Cell, required = false): number | null => {
    const n = number(sheet, line, col, v, { required });
    if (n === null) return null;
    const pence = Math.round(n * 100);
    if (Math.abs(pence - n * 100) > 1e-6) err(sheet, line, col, `${n} has more than two decimal places of pounds`);
    return pence;
  };
  /** A year of the plan (or its baseline year, for metrics), or null. */
  const yearOk = (sheet: string, line: number, v: Cell, withBaseline = false) => {
    const y = text(v);
    const allowed = withBaseline ? [plan.baselineYear, ...plan.years] : plan.years;
    if (!allowed.includes(y)) {
      err(sheet, line, 'Year', `"${y}" is not a year of this plan (${allowed.join(', ')})`);
      return null;
    }
    return y;
  };
  return { err, get, body, placeBy, place, number, toPence, yearOk };
}

/** A reader over one workbook (see `returnReader`). */
export type ReturnReader = ReturnType<typeof returnReader>;
