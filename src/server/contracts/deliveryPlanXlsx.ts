// Writes the delivery plan as an Excel workbook in Halton's layout (rows from the pure haltonLayout).
import ExcelJS from 'exceljs';
import { AMBER_WITHIN_DAYS, RED_AFTER_DAYS_OVERDUE } from '../../domain/contracts/deliveryPlan.js';
import type { LayoutRow, ReadRow } from '../../domain/contracts/haltonWorkbook.js';
import { londonDateTimeText, longDateText } from '../../domain/core/dates.js';

const RAG_FILL: Record<string, string> = {
  Red: 'FFD4351C',
  Amber: 'FFFFDD00',
  Green: 'FF00703C',
  Complete: 'FF1D70B8',
};

/**
 * The delivery plan as an Excel workbook in the Halton layout (intentions, actions, a column a year, service area,
 * RAG) on the first sheet, and, when `about` is given, an "About" sheet saying the day the RAG ratings are as at and
 * when the file was made (UK time). @returns the XLSX bytes
 */
export async function deliveryPlanWorkbook(
  rows: LayoutRow[],
  years: number,
  about?: { asAt: string; producedAt: Date },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Steward';
  const ws = wb.addWorksheet('Delivery Plan');
  const width = 2 + years + 5; // intention, action, years, service area, RAG, owner, contracts, procurements
  ws.columns = [
    { width: 60 },
    { width: 60 },
    ...Array.from({ length: years }, () => ({ width: 26 })),
    { width: 44 },
    { width: 12 },
    { width: 30 },
    { width: 20 },
    { width: 40 },
  ];
  rows.forEach((row) => {
    const r = ws.addRow(row.cells);
    const n = r.number;
    if (row.kind === 'title' || row.kind === 'priority') {
      ws.mergeCells(n, 1, n, width);
      r.font = { bold: true, size: row.kind === 'title' ? 16 : 13 };
    } else if (row.kind === 'header') {
      r.font = { bold: true };
      r.eachCell((c) => {
        c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDEE0E2' } };
      });
    } else {
      r.alignment = { vertical: 'top', wrapText: true };
      const rag = r.getCell(width - 3);
      const fill = RAG_FILL[String(rag.value)];
      if (fill) {
        rag.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
        rag.font = { color: { argb: String(rag.value) === 'Amber' ? 'FF0B0C0C' : 'FFFFFFFF' }, bold: true };
      }
    }
  });
  // Merge each intention down over its actions, as in the printed plan.
  rows.forEach((row, i) => {
    if (row.kind === 'action' && row.intentionRowSpan > 1) ws.mergeCells(i + 1, 1, i + row.intentionRowSpan, 1);
  });
  if (about) {
    const sheet = wb.addWorksheet('About');
    sheet.columns = [{ width: 30 }, { width: 80 }];
    sheet.addRows([
      ['Delivery plan', ''],
      ['RAG ratings as at', longDateText(about.asAt)],
      ['Produced', `${londonDateTimeText(about.producedAt)} (UK time)`],
      ['Source', 'Steward: the delivery plan’s priorities, intentions, actions and milestones'],
      [
        'RAG',
        `Red: a milestone more than ${RED_AFTER_DAYS_OVERDUE} days overdue; Amber: one overdue by less, or due within ${AMBER_WITHIN_DAYS} days and not done; Green: on track; Complete: every milestone done`,
      ],
    ]);
    sheet.getRow(1).font = { bold: true, size: 14 };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The rows of a plan workbook (the sheet called "Delivery Plan", else the first) as text, for `parseHaltonRows`.
 * A merged cell's value is read once, at its top-left cell; the cells it covers read as empty, so an intention
 * merged down over its actions continues, as in the printed plan. @throws Error when the bytes are not XLSX
 */
export async function readDeliveryPlanWorkbook(bytes: Buffer): Promise<ReadRow[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new Error('The file is not an Excel (XLSX) workbook');
  }
  const ws = wb.getWorksheet('Delivery Plan') ?? wb.worksheets[0];
  if (!ws) throw new Error('The workbook has no sheets');
  const rows: ReadRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = row.getCell(c);
      cells.push(cell.isMerged && cell.master.address !== cell.address ? '' : textOf(cell.value));
    }
    rows.push({ line: n, cells });
  });
  return rows;
}

function textOf(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return textOf(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
  }
  return '';
}
