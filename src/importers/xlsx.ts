// Reading XLSX workbooks as tables of text cells, streaming (the first worksheet, or the one named). Cells read as
// text the way Excel shows them: numbers rounded to the decimals of the cell's number format (money formatted
// £#,##0.00 to the penny) and otherwise cleared of binary-float noise (124599.99999999999 is 124600), dates as ISO
// `YYYY-MM-DD` (with ` HH:MM:SS` when the cell holds a time of day).
import ExcelJS from 'exceljs';
import { refuse } from './decode.js';
import { ImportRejected, type ImportSource } from './framework.js';
import { isBlankRow, type TableOptions, type TableRow } from './rows.js';

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

/** A cell's value as text (see the module header): '' for an empty cell, a formula's result, rich text joined. */
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

/**
 * The rows of an XLSX workbook's first worksheet (or `options.sheet`) from `options.fromLine`, as text cells with
 * each row's number; rows of empty cells are skipped.
 * @throws ImportRejected for a workbook that cannot be read or stalls (damaged), or has no such worksheet
 */
export async function* readXlsx(source: ImportSource, options: TableOptions): AsyncGenerator<TableRow> {
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
