// The BCF return as an Excel workbook (exceljs): writes the sheets `buildReturn` lays out, reads a filled one
// back into rows for `parseReturn`.
import ExcelJS from 'exceljs';
import { HEADER_ROW, type Cell, type ReadSheet, type Sheet } from '../../domain/bcf/returnTemplate.js';

/** The workbook's bytes. Titles in rows 1–2, the header in row 4 (bold, frozen), money as £#,##0.00. */
export async function writeReturnWorkbook(sheets: readonly Sheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Steward';
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, {
      state: s.hidden ? 'veryHidden' : 'visible',
      views: [{ state: 'frozen', ySplit: HEADER_ROW }],
    });
    s.title.forEach((t, i) => {
      ws.getCell(i + 1, 1).value = t;
      if (i === 0) ws.getCell(i + 1, 1).font = { bold: true, size: 14 };
    });
    const header = ws.getRow(HEADER_ROW);
    header.values = s.header;
    header.font = { bold: true };
    s.rows.forEach((r, i) => {
      ws.getRow(HEADER_ROW + 1 + i).values = r.map((c) => (c === null ? null : c));
    });
    s.header.forEach((h, i) => {
      const col = ws.getColumn(i + 1);
      col.width = Math.min(60, Math.max(12, h.length + 2));
      if (s.money?.includes(h)) col.numFmt = '£#,##0.00';
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('result' in v) return cellValue(v.result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
  }
  return null;
}

/**
 * Every sheet's rows with their row numbers. @throws Error with a readable message when the bytes are not an
 * XLSX workbook
 */
export async function readReturnWorkbook(bytes: Buffer): Promise<ReadSheet[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new Error('The file is not an Excel (XLSX) workbook');
  }
  return wb.worksheets.map((ws) => {
    const rows: ReadSheet['rows'] = [];
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      const values = row.values as ExcelJS.CellValue[];
      rows.push({ line: n, cells: values.slice(1).map(cellValue) });
    });
    return { name: ws.name, rows };
  });
}
