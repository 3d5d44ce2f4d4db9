// CSV and XLSX exports of the rows a page shows. XLSX uses exceljs, loaded only when asked for.

export interface DownloadColumn<T> {
  key: string;
  header: string;
  /** Cell value; defaults to `row[key]`. Numbers stay numbers in XLSX. */
  value?: (row: T) => string | number | boolean | Date | null | undefined;
  /** XLSX number format, e.g. '#,##0', '£#,##0.00', '0.0%'. */
  numFmt?: string;
}

type Cell = string | number | boolean | Date | null | undefined;

function cellOf<T>(col: DownloadColumn<T>, row: T): Cell {
  return col.value ? col.value(row) : ((row as Record<string, unknown>)[col.key] as Cell);
}

function csvField(v: Cell): string {
  if (v === null || v === undefined) return '';
  let s = v instanceof Date ? v.toISOString() : String(v);
  // Text that a spreadsheet would run as a formula is prefixed with an apostrophe (CSV injection).
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV with a header row and CRLF line ends. */
export function toCsv<T>(columns: readonly DownloadColumn<T>[], rows: readonly T[]): string {
  const lines = [columns.map((c) => csvField(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(cellOf(c, row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
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
