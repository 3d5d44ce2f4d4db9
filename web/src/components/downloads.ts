// CSV and XLSX exports of the rows a page shows. XLSX uses exceljs, loaded only when asked for.
import { csvOfRows, type CsvCell } from '../../../src/domain/core/csv';

interface DownloadColumnBase {
  header: string;
  /**
   * Number format as the page rounds, e.g. '#,##0', '£#,##0.00', '0.0%'. A percentage format takes a share
   * (0 to 1): the XLSX cell shows it as a percentage, the CSV writes 0 to 100 under a heading ending "(%)".
   */
  numFmt?: string;
  /** The page's words for codes in this column ({ female: 'Female', none: 'None' }); a code not listed is kept. */
  labels?: Readonly<Record<string, string>>;
}

/** A cell's value as a download takes it. */
export type DownloadValue = string | number | boolean | Date | null | undefined;

/**
 * One column of a download. A column without a `value` reads `row[key]`, so its key must be a field of the
 * row: the compiler then catches a column left reading a field that was renamed (issue 13: the budget pressure
 * download kept reading `total` after money moved to `totalPence`, and its cost columns came out empty).
 */
export type DownloadColumn<T> = DownloadColumnBase &
  (
    | { key: Extract<keyof T, string>; value?: undefined }
    | {
        key: string;
        /** Cell value. Numbers stay numbers in XLSX. */
        value: (row: T) => DownloadValue;
      }
  );

/** Sex as the pages show it: persons → All. */
export const SEX_LABELS: Readonly<Record<string, string>> = { female: 'Female', male: 'Male', persons: 'All' };

type Cell = string | number | boolean | Date | null | undefined;

function rawCellOf<T>(col: DownloadColumn<T>, row: T): Cell {
  return col.value ? col.value(row) : ((row as Record<string, unknown>)[col.key] as Cell);
}

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const CODE = /^[a-z][a-z0-9]*(_[a-z0-9]+)+$/;
const london = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A moment as London local time, as the pages show it: "2026-11-23 14:05". */
export function londonDateTime(d: Date): string {
  const p = Object.fromEntries(london.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** Decimal places a number format shows ('#,##0.0' → 1, '0.0%' → 3 as a fraction, '£#,##0' → 0). */
function decimalsOf(numFmt: string): number {
  const m = /\.(0+)/.exec(numFmt);
  const dp = m ? m[1].length : 0;
  return numFmt.includes('%') ? dp + 2 : dp;
}

/**
 * A cell as the page shows it (issue 13: downloads carried `care_home_residential`, `true`, unrounded numbers
 * and UTC timestamps): yes/no for booleans, London local times, numbers rounded to their format (2 decimal
 * places when none is given), and any internal code left by a caller in words ("care home residential").
 */
export function presentCell(v: Cell, numFmt?: string): Cell {
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : londonDateTime(v);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return null;
    const dp = numFmt ? decimalsOf(numFmt) : 2;
    return Number(v.toFixed(dp));
  }
  if (typeof v === 'string') {
    if (ISO_TIMESTAMP.test(v)) {
      const d = new Date(v);
      return Number.isNaN(d.getTime()) ? v : londonDateTime(d);
    }
    if (CODE.test(v)) return v[0].toUpperCase() + v.slice(1).replace(/_/g, ' ');
  }
  return v;
}

function cellOf<T>(col: DownloadColumn<T>, row: T): Cell {
  const raw = rawCellOf(col, row);
  const labelled = typeof raw === 'string' && col.labels && raw in col.labels ? col.labels[raw] : raw;
  return presentCell(labelled, col.numFmt);
}

const isPercent = (numFmt?: string) => numFmt !== undefined && numFmt.includes('%');

/** A column's CSV heading: a percentage column says "(%)", as its cells are 0 to 100. */
export function csvHeaderOf<T>(col: DownloadColumn<T>): string {
  return isPercent(col.numFmt) && !col.header.includes('(%)') ? `${col.header} (%)` : col.header;
}

/** A cell as the CSV writes it: a share in a percentage column as 0 to 100, rounded as the page shows it. */
function csvValueOf<T>(col: DownloadColumn<T>, row: T): CsvCell {
  const v = cellOf(col, row);
  if (typeof v === 'number' && isPercent(col.numFmt)) {
    return Number((v * 100).toFixed(Math.max(0, decimalsOf(col.numFmt!) - 2)));
  }
  return csvCellOf(v);
}

/** A presented cell as CSV takes it: a moment as London local time, yes/no in words. */
function csvCellOf(v: Cell): CsvCell {
  if (v instanceof Date) return londonDateTime(v);
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  return v;
}

/**
 * The rows as CSV with a header row (percentage columns headed "(%)" with 0 to 100 values, codes in the
 * column's labels), written by the one CSV writer every download uses (RFC 4180, CRLF line
 * ends, text that a spreadsheet would run as a formula written with a leading apostrophe).
 */
export function toCsv<T>(columns: readonly DownloadColumn<T>[], rows: readonly T[]): string {
  return csvOfRows([columns.map((c) => csvHeaderOf(c)), ...rows.map((row) => columns.map((c) => csvValueOf(c, row)))]);
}

/** An XLSX workbook (one sheet, bold header, frozen first row) as bytes. */
export async function toXlsx<T>(
  columns: readonly DownloadColumn<T>[],
  rows: readonly T[],
  sheetName = 'Data',
): Promise<ArrayBuffer> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Steward';
  const ws = wb.addWorksheet(sheetName.slice(0, 31).replace(/[[\]:*?/\\]/g, ' '), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  ws.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: Math.min(60, Math.max(10, c.header.length + 2)),
    style: c.numFmt ? { numFmt: c.numFmt } : {},
  }));
  ws.getRow(1).font = { bold: true };
  for (const row of rows) {
    ws.addRow(Object.fromEntries(columns.map((c) => [c.key, cellOf(c, row) ?? null])));
  }
  const buf = await wb.xlsx.writeBuffer();
  return buf as ArrayBuffer;
}

/** Saves bytes or text as a file in the browser. */
export function saveFile(data: BlobPart, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
