// The one file-reading layer every importer goes through, so files are read as councils actually hold them:
// - text encodings (./decode.ts): UTF-8 with or without a byte order mark, and Windows-1252 as Excel writes "CSV
//   (Comma delimited)"; anything else (UTF-16, Shift_JIS, a binary file…) is refused, naming what it looks like;
// - tables from CSV or XLSX alike (the first worksheet, or the one named), detected from the bytes, not the
//   file name; rows whose cells are all empty are skipped;
// - XLSX cells (./xlsx.ts) as text the way Excel shows them: numbers rounded to the decimals of the cell's number
//   format and otherwise cleared of binary-float noise, dates as ISO `YYYY-MM-DD` (with ` HH:MM:SS` for a time).
// Files stream through: a national file never sits whole in memory.
import { CsvError, parse } from 'csv-parse';
import { decodeText, refuse } from './decode.js';
import { ImportRejected, type ImportSource } from './framework.js';
import { isBlankRow, type TableOptions, type TableRow } from './rows.js';
import { readXlsx } from './xlsx.js';

/** What a file holds: an XLSX workbook, or text (CSV, JSON…). */
export type FileFormat = 'xlsx' | 'text';

/** Tells an XLSX workbook (a zip) from text by its first bytes; refuses the old binary .xls format. */
export async function sniffFormat(source: ImportSource): Promise<FileFormat> {
  const stream = source.open();
  let head = Buffer.alloc(0);
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    head = Buffer.concat([head, typeof chunk === 'string' ? Buffer.from(chunk) : chunk]);
    if (head.length >= 8) break;
  }
  stream.destroy();
  if (head.length >= 4 && head.readUInt32BE(0) === 0x504b0304) return 'xlsx';
  if (head.length >= 8 && head.readUInt32BE(0) === 0xd0cf11e0)
    refuse(source, 'the file is an Excel 97–2003 workbook (.xls): save it as .xlsx or as CSV');
  return 'text';
}

/**
 * Reads a CSV or XLSX file as rows of text cells, streaming, with each row's line; rows of empty cells are
 * skipped. See the header of this module for encodings and cell conversion.
 * @throws ImportRejected for refused encodings, .xls files, a missing worksheet or malformed CSV quoting.
 */
export async function* readTable(source: ImportSource, options: TableOptions = {}): AsyncGenerator<TableRow> {
  if ((await sniffFormat(source)) === 'xlsx') {
    yield* readXlsx(source, options);
    return;
  }
  // The parser is fed chunk by chunk and drained synchronously after each: rows come out in batches, not one
  // promise per row (a million-row file reads about ten times faster).
  const parser = parse({
    from_line: options.fromLine ?? 1,
    delimiter: options.delimiter ?? ',',
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
  });
  let failure: unknown = null;
  parser.on('error', (err) => (failure ??= err));
  const drain = (): TableRow[] => {
    const rows: TableRow[] = [];
    for (;;) {
      const item = parser.read() as { record: string[]; info: { lines: number } } | null;
      if (item === null) break;
      if (!isBlankRow(item.record)) rows.push({ line: item.info.lines, cells: item.record });
    }
    return rows;
  };
  const check = () => {
    if (failure === null) return;
    // Every parser error (CSV_QUOTE_NOT_CLOSED, INVALID_OPENING_QUOTE…) is the file's fault: refuse it, with its line.
    const e = failure as Error & { code?: string; lines?: unknown };
    if (e instanceof CsvError || e.code?.startsWith('CSV_') || e.code === 'INVALID_OPENING_QUOTE')
      throw new ImportRejected(source.fileName, [
        { line: typeof e.lines === 'number' ? e.lines : null, message: `not valid CSV: ${e.message}` },
      ]);
    throw e;
  };
  for await (const text of decodeText(source)) {
    parser.write(text);
    check();
    yield* drain();
  }
  const ended = new Promise<void>((resolve) => {
    parser.once('end', resolve);
    parser.once('error', () => resolve());
  });
  parser.end();
  // Rows flushed at the end (the last line without a newline) arrive as the stream finishes.
  for (;;) {
    check();
    const rows = drain();
    if (rows.length) {
      yield* rows;
      continue;
    }
    if (parser.readableEnded) break;
    await Promise.race([ended, new Promise((r) => parser.once('readable', r))]);
    if (parser.readableEnded && parser.readableLength === 0) {
      check();
      break;
    }
  }
}

/** All rows of a table (for files that comfortably fit in memory). */
export async function readAllTable(source: ImportSource, options: TableOptions = {}): Promise<TableRow[]> {
  const out: TableRow[] = [];
  for await (const r of readTable(source, options)) out.push(r);
  return out;
}
