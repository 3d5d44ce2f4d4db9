// The one file-reading layer every importer goes through, so files are read as councils actually hold them:
// - text encodings: UTF-8 with or without a byte order mark, and Windows-1252 as Excel writes "CSV (Comma
//   delimited)"; anything else (UTF-16, Shift_JIS, a binary file…) is refused, naming what it looks like;
// - tables from CSV or XLSX alike (the first worksheet, or the one named), detected from the bytes, not the
//   file name; rows whose cells are all empty are skipped;
// - XLSX cells as text the way Excel shows them: numbers rounded to the decimals of the cell's number format
//   (money formatted £#,##0.00 to the penny) and otherwise cleared of binary-float noise (124599.99999999999
//   is 124600), dates as ISO `YYYY-MM-DD` (with ` HH:MM:SS` when the cell holds a time of day).
// Files stream through: a national file never sits whole in memory.
import chardet from 'chardet';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { CsvError, parse } from 'csv-parse';
import { ImportRejected, type ImportSource } from './framework.js';

/** A row of a table with its 1-based line (CSV) or row number (XLSX) in the file. */
export interface TableRow {
  line: number;
  cells: string[];
}

export type TextEncoding = 'utf-8' | 'windows-1252';

/** The encodings Steward refuses by name when the detector recognises them (non-Latin or multi-byte). */
const NAMED_FOREIGN = /^(UTF-16|UTF-32|Shift_JIS|EUC-|ISO-2022|GB18030|Big5|KOI8|windows-125[15678]|ISO-8859-[5678])/i;
/** Bytes Windows-1252 leaves undefined: a file holding them is not Windows-1252. */
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
const HOW_TO_SAVE = 'save it from Excel as "CSV UTF-8 (Comma delimited)" or "CSV (Comma delimited)"';

function refuse(source: ImportSource, message: string): never {
  throw new ImportRejected(source.fileName, [{ line: null, field: 'file', message }]);
}

const mixed = (line: number) =>
  `the file mixes encodings: it is UTF-8 before line ${line}, where a character is not valid UTF-8; ${HOW_TO_SAVE}`;

function guessEncoding(sample: Buffer): string | null {
  const best = chardet.analyse(sample)[0];
  return best ? best.name : null;
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Offset of the first byte at or after `from` that is not part of a well-formed UTF-8 sequence, or -1; a sequence
 * cut off by the end of the buffer counts as well formed (the next chunk completes it).
 */
export function firstInvalidUtf8(buf: Uint8Array, from = 0): number {
  let i = from;
  while (i < buf.length) {
    const b = buf[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= buf.length) return -1;
      const c = buf[i + k];
      const lo = k === 1 && b === 0xe0 ? 0xa0 : k === 1 && b === 0xf0 ? 0x90 : 0x80;
      const hi = k === 1 && b === 0xed ? 0x9f : k === 1 && b === 0xf4 ? 0x8f : 0xbf;
      if (c < lo || c > hi) return i;
    }
    i += need + 1;
  }
  return -1;
}

async function* chunksOf(source: ImportSource): AsyncGenerator<Buffer> {
  let bytes = 0;
  for await (const chunk of source.open() as AsyncIterable<Buffer | string>) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    bytes += b.length;
    source.onProgress?.(bytes);
    yield b;
  }
}

/**
 * The file's text, decoded as it streams. The encoding is decided at the first byte above 0x7F (until then
 * UTF-8 and Windows-1252 read the same): valid UTF-8 there means UTF-8 for the whole file (a later invalid
 * sequence is refused with its line), otherwise Windows-1252 unless the detector recognises another encoding.
 * A UTF-8 byte order mark is dropped. `onEncoding` is told the encoding once decided ('utf-8' for plain ASCII).
 * @throws ImportRejected (field "file") for UTF-16/32, binary files, non-Latin encodings, or mixed encodings.
 */
export async function* decodeText(
  source: ImportSource,
  onEncoding?: (encoding: TextEncoding) => void,
): AsyncGenerator<string> {
  let mode: 'ascii' | TextEncoding = 'ascii';
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  let linesSoFar = 0;
  const emit = (text: string) => {
    linesSoFar += countLines(text);
    return text;
  };
  for await (let chunk of chunksOf(source)) {
    if (first) {
      first = false;
      if (chunk.length >= 4 && chunk.readUInt32LE(0) === 0x0000feff)
        refuse(source, `the file is encoded as UTF-32LE: ${HOW_TO_SAVE}`);
      if (chunk.length >= 4 && chunk.readUInt32BE(0) === 0x0000feff)
        refuse(source, `the file is encoded as UTF-32BE: ${HOW_TO_SAVE}`);
      if (chunk[0] === 0xff && chunk[1] === 0xfe) refuse(source, `the file is encoded as UTF-16LE: ${HOW_TO_SAVE}`);
      if (chunk[0] === 0xfe && chunk[1] === 0xff) refuse(source, `the file is encoded as UTF-16BE: ${HOW_TO_SAVE}`);
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
        mode = 'utf-8';
        onEncoding?.('utf-8');
        chunk = chunk.subarray(3);
      }
      const nul = chunk.subarray(0, 65536).indexOf(0);
      if (nul >= 0) {
        const guess = guessEncoding(chunk.subarray(0, 65536));
        refuse(
          source,
          guess && /^UTF-(16|32)/i.test(guess)
            ? `the file is encoded as ${guess}: ${HOW_TO_SAVE}`
            : `the file is not text (it holds a zero byte at offset ${nul}): expected CSV, XLSX or JSON`,
        );
      }
    }
    if (mode === 'ascii') {
      let i = 0;
      while (i < chunk.length && chunk[i] < 0x80) i++;
      if (i === chunk.length) {
        yield emit(chunk.toString('latin1'));
        continue;
      }
      const invalid = firstInvalidUtf8(chunk, i);
      if (invalid < 0) {
        mode = 'utf-8';
        onEncoding?.('utf-8');
      } else {
        const guess = guessEncoding(chunk);
        if (guess && NAMED_FOREIGN.test(guess))
          refuse(source, `the file looks encoded as ${guess}, which Steward does not read: ${HOW_TO_SAVE}`);
        if (invalid > i) refuse(source, mixed(linesSoFar + countLines(chunk.toString('latin1', 0, invalid)) + 1));
        mode = 'windows-1252';
        onEncoding?.('windows-1252');
      }
    }
    if (mode === 'utf-8') {
      try {
        yield emit(utf8.decode(chunk, { stream: true }));
      } catch {
        const at = Math.max(0, firstInvalidUtf8(chunk));
        refuse(source, mixed(linesSoFar + countLines(chunk.toString('latin1', 0, at)) + 1));
      }
    } else {
      for (let j = 0; j < chunk.length; j++) {
        if (CP1252_UNDEFINED.has(chunk[j])) {
          const guess = guessEncoding(chunk);
          const line = linesSoFar + countLines(chunk.toString('latin1', 0, j)) + 1;
          refuse(
            source,
            `the file is neither UTF-8 nor Windows-1252 (byte 0x${chunk[j].toString(16).toUpperCase()} on line ${line})${guess ? `; it looks like ${guess}` : ''}: ${HOW_TO_SAVE}`,
          );
        }
      }
      yield emit(iconv.decode(chunk, 'win1252'));
    }
  }
  if (mode === 'utf-8') {
    try {
      const tail = utf8.decode();
      if (tail) yield tail;
    } catch {
      refuse(source, 'the file ends part-way through a UTF-8 character: it may have been cut short');
    }
  }
}

/** The whole text of a (small) file, decoded as {@link decodeText} does. */
export async function readText(source: ImportSource): Promise<string> {
  let text = '';
  for await (const part of decodeText(source)) text += part;
  return text;
}

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

function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
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

/** Decimals a number format shows (`£#,##0.00` → 2, `0` → 0), or null for General and other free formats. */
export function formatDecimals(numFmt: string | undefined): number | null {
  if (!numFmt || /general/i.test(numFmt)) return null;
  const section = numFmt.split(';')[0].replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  if (!/[0#?]/.test(section)) return null;
  if (/E[+-]/i.test(section)) return null;
  const m = /\.([0#?]+)/.exec(section);
  return m ? m[1].length : 0;
}

/**
 * A spreadsheet number as the text it stands for: rounded to the decimals its number format shows, otherwise to
 * 15 significant digits (what Excel itself displays), so binary-float noise such as 124599.99999999999 reads
 * as 124600.
 */
export function numberText(value: number, numFmt?: string): string {
  if (!Number.isFinite(value)) return String(value);
  const decimals = formatDecimals(numFmt);
  const clean = Number(value.toPrecision(15));
  if (decimals === null) return String(clean);
  const factor = 10 ** decimals;
  return String(Number((Math.round(clean * factor) / factor).toFixed(decimals)));
}

function dateText(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** A cell's value as text (see the module header). */
export function cellText(value: ExcelJS.CellValue, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'number') return numberText(value, numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue, numFmt);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
    return '';
  }
  return String(value);
}

/**
 * How long the XLSX reader may go without reading a byte or producing a row before the workbook is refused as
 * damaged (milliseconds). The streaming unzip under exceljs waits for ever on some corrupt archives (a stray byte
 * inside a compressed entry: found by src/server/data/mutations.int.test.ts), which would hold the upload open
 * and a database transaction with it.
 */
export const XLSX_STALL_MS = 10_000;

async function* readXlsx(source: ImportSource, options: TableOptions): AsyncGenerator<TableRow> {
  let bytes = 0;
  let lastActivity = Date.now();
  const input = source.open();
  input.on('data', (chunk: Buffer | string) => {
    bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    lastActivity = Date.now();
    source.onProgress?.(bytes);
  });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  /** Awaits the next item of a reader's iterator, or rejects once nothing has happened for XLSX_STALL_MS. */
  const stallMs = options.stallMs ?? XLSX_STALL_MS;
  const next = <T>(it: AsyncIterator<T>): Promise<IteratorResult<T>> => {
    let timer: NodeJS.Timeout | undefined;
    const stalled = new Promise<never>((_, reject) => {
      const check = () => {
        const idle = Date.now() - lastActivity;
        if (idle >= stallMs) reject(new Error('the archive is damaged (its contents stop part-way)'));
        else timer = setTimeout(check, stallMs - idle);
      };
      timer = setTimeout(check, stallMs);
    });
    return Promise.race([it.next(), stalled]).finally(() => {
      clearTimeout(timer);
      lastActivity = Date.now();
    });
  };
  let index = 0;
  const names: string[] = [];
  try {
    const sheets = reader[Symbol.asyncIterator]();
    for (let sheet = await next(sheets); !sheet.done; sheet = await next(sheets)) {
      index++;
      const ws = sheet.value as unknown as AsyncIterable<ExcelJS.Row> & { name?: string };
      const name = ws.name ?? `Sheet${index}`;
      names.push(name);
      const wanted = options.sheet ? name === options.sheet : index === 1;
      const rows = ws[Symbol.asyncIterator]();
      if (!wanted) {
        while (!(await next(rows)).done); // the reader needs each sheet consumed
        continue;
      }
      for (let r = await next(rows); !r.done; r = await next(rows)) {
        const row = r.value;
        if (row.number < (options.fromLine ?? 1)) continue;
        const cells: string[] = [];
        row.eachCell({ includeEmpty: true }, (cell, col) => {
          cells[col - 1] = cellText(cell.value, cell.numFmt);
        });
        for (let i = 0; i < cells.length; i++) cells[i] ??= '';
        if (isBlankRow(cells)) continue;
        yield { line: row.number, cells };
      }
      return;
    }
  } catch (err) {
    input.destroy();
    throw new ImportRejected(source.fileName, [
      { line: null, field: 'file', message: `not a readable XLSX workbook: ${(err as Error).message}` },
    ]);
  }
  refuse(
    source,
    options.sheet
      ? `the workbook has no worksheet "${options.sheet}" (it has ${names.join(', ') || 'none'})`
      : 'the workbook has no worksheet',
  );
}
