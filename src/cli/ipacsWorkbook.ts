// Reads an IPACS input workbook (.xlsx) into plain rows for src/domain/discharge/simulation/ipacs.ts: the sheets
// arrivals, initial conditions, capacity, los and costs, each row keyed by its header, formulas read as their
// cached results. Problems name the file, the sheet and the column.
import ExcelJS from 'exceljs';
import { InputError, type FieldError } from '../domain/core/errors.js';
import { IPACS_SHEETS, type IpacsWorkbook, type SheetRow } from '../domain/discharge/simulation/ipacs.js';

function cellValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return value.text;
    if ('error' in value) return null;
  }
  return value;
}

/**
 * The five IPACS sheets of a workbook as rows.
 * @throws InputError when the file cannot be read as a workbook, a sheet is missing or a column is missing
 */
export async function readIpacsWorkbook(file: string): Promise<IpacsWorkbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (err) {
    throw InputError.field(file, `cannot read it as an Excel workbook (${(err as Error).message})`, 'file');
  }
  const problems: FieldError[] = [];
  const out = {} as IpacsWorkbook;
  for (const [key, { sheet, columns }] of Object.entries(IPACS_SHEETS) as [
    keyof IpacsWorkbook,
    (typeof IPACS_SHEETS)[keyof IpacsWorkbook],
  ][]) {
    const ws = workbook.getWorksheet(sheet);
    if (!ws) {
      problems.push({ field: sheet, message: `the workbook has no sheet called "${sheet}"`, in: file });
      continue;
    }
    const header: string[] = [];
    ws.getRow(1).eachCell((cell, col) => (header[col] = String(cellValue(cell.value) ?? '').trim()));
    for (const column of columns)
      if (!header.includes(column))
        problems.push({ field: `${sheet} row 1`, message: `the sheet has no column "${column}"`, in: file });
    const rows: SheetRow[] = [];
    ws.eachRow((row, number) => {
      if (number === 1) return;
      const values: Record<string, unknown> = {};
      let filled = false;
      header.forEach((name, col) => {
        if (!name) return;
        const v = cellValue(row.getCell(col).value);
        if (v !== null && v !== '') filled = true;
        values[name] = v;
      });
      if (filled) rows.push({ row: number, values });
    });
    out[key] = rows;
  }
  if (problems.length) throw new InputError(problems, `${file} is not an IPACS input workbook`);
  return out;
}
