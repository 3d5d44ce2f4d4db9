// Writes the delivery plan as an Excel workbook in Halton's layout (rows from the pure haltonLayout).
import ExcelJS from 'exceljs';
import type { LayoutRow } from '../../domain/contracts/deliveryPlan.js';

const RAG_FILL: Record<string, string> = {
  Red: 'FFD4351C',
  Amber: 'FFFFDD00',
  Green: 'FF00703C',
  Complete: 'FF1D70B8',
};

/**
 * The delivery plan as an Excel workbook in the Halton layout (intentions, actions, a column a year, service area,
 * RAG). @returns the XLSX bytes
 */
export async function deliveryPlanWorkbook(rows: LayoutRow[], years: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Steward';
  const ws = wb.addWorksheet('Delivery Plan');
  const width = 2 + years + 2; // intention, action, years, service area, RAG
  ws.columns = [
    { width: 60 },
    { width: 60 },
    ...Array.from({ length: years }, () => ({ width: 26 })),
    { width: 44 },
    { width: 12 },
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
      const rag = r.getCell(width);
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
  return Buffer.from(await wb.xlsx.writeBuffer());
}
