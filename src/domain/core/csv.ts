// CSV output, once for every download (web pages, API, command line): RFC 4180 by csv-stringify, CRLF line ends,
// fields quoted when they hold a comma, quote or line break, and ONE formula guard. A spreadsheet runs text
// that starts with = + - @ (or a tab or carriage return) as a formula, so such text is written with a leading
// apostrophe, which Excel and LibreOffice show as the text itself (OWASP "CSV injection"). Numbers are written
// as numbers: a negative number is not text and is left alone.
import { stringify } from 'csv-stringify/sync';

/** A CSV cell: text, a number, or empty (null or undefined). */
export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text as a spreadsheet will show it rather than run it: a leading apostrophe when it starts with = + - @,
 * a tab or a carriage return; any other text unchanged.
 */
export function formulaSafe(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The options every CSV is written with: the formula guard on text, CRLF line ends. */
const CSV_OPTIONS = {
  cast: { string: formulaSafe },
  record_delimiter: 'windows',
  // csv-stringify quotes a field holding the record delimiter (CRLF) but not a lone LF or CR: quote those too.
  quoted_match: /[\r\n]/,
} as const;

/**
 * Rows of cells as CSV text (the first row usually the header), RFC 4180 with CRLF line ends and the formula
 * guard. `bom` starts the file with a UTF-8 byte-order mark, so Excel reads accented names right.
 */
export function csvOfRows(rows: readonly (readonly CsvCell[])[], options: { bom?: boolean } = {}): string {
  return stringify(rows as CsvCell[][], { ...CSV_OPTIONS, bom: options.bom ?? false });
}

/**
 * Records as CSV text with a header row of the given columns, in that order (a missing field is an empty
 * cell); RFC 4180, CRLF line ends, the formula guard; `bom` as for `csvOfRows`.
 */
export function csvOfRecords(
  records: readonly Record<string, CsvCell>[],
  columns: readonly string[],
  options: { bom?: boolean } = {},
): string {
  return stringify(records as Record<string, CsvCell>[], {
    ...CSV_OPTIONS,
    header: true,
    columns: [...columns],
    bom: options.bom ?? false,
  });
}
