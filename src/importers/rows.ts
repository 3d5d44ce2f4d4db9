// A table as every importer's reader yields it, CSV or XLSX alike, and the options a reader takes.

/** A row of a table with its 1-based line (CSV) or row number (XLSX) in the file. */
export interface TableRow {
  line: number;
  cells: string[];
}

/** Options for reading a table (see readTable in ./read.ts). */
export interface TableOptions {
  /** CSV: the 1-based line to start at. XLSX: rows before it are skipped. */
  fromLine?: number;
  /** CSV delimiter (default ","). */
  delimiter?: string;
  /** XLSX: the worksheet to read (default the first). */
  sheet?: string;
  /** XLSX: milliseconds without progress before a workbook is refused as damaged (default XLSX_STALL_MS). */
  stallMs?: number;
}

/** Whether every cell of a row is empty or blank (such rows are skipped). */
export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}
