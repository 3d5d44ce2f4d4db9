// `steward import contracts <file>`: a council's contract register as CSV or XLSX (first sheet), validated
// whole (every bad cell reported with line and field); providers are matched to the market register.
import ExcelJS from 'exceljs';
import type { Readable } from 'node:stream';
import { importRegister, resolveRegisterRefs, type RegisterRefs } from '../db/contracts/contracts.js';
import { mapHeaders, parseRegister, type RegisterContract } from '../domain/contracts/register.js';
import { readAllCsv } from './csv.js';
import { ImportRejected, type ImportSource, type Importer, type ParsedImport } from './framework.js';

type RegisterParsed = ParsedImport<RegisterContract> & { refs: RegisterRefs[] };

async function readBuffer(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : c);
  return Buffer.concat(chunks);
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    return '';
  }
  return String(v);
}

/** Rows of the first worksheet with their spreadsheet row numbers. */
export async function readXlsxRows(source: ImportSource): Promise<{ line: number; cells: string[] }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readBuffer(source.open())) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const rows: { line: number; cells: string[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const values = row.values as ExcelJS.CellValue[]; // 1-based
    rows.push({ line: n, cells: values.slice(1).map(cellText) });
  });
  return rows;
}

export const contractsImporter: Importer<RegisterContract> = {
  kind: 'contracts',
  description:
    'Contract register (CSV or XLSX): reference, title, provider, service area, care group, contract form, funding, values, dates, extensions, notice',
  async parse(source) {
    const records = /\.xlsx$/i.test(source.fileName)
      ? await readXlsxRows(source)
      : (await readAllCsv(source)).map((r) => ({ line: r.line, cells: r.values }));
    const nonEmpty = records.filter((r) => r.cells.some((c) => c.trim()));
    if (nonEmpty.length === 0)
      return { rows: [], issues: [{ line: null, field: 'file', message: 'The file is empty' }] };
    // Registers often start with a title or notes: the header is the first row naming every required column
    // (within the first 20), else the first row, whose missing columns are then reported.
    const header = nonEmpty.slice(0, 20).find((r) => mapHeaders(r.cells, r.line).issues.length === 0) ?? nonEmpty[0];
    const body = records.filter((r) => r.line > header.line);
    const { contracts, issues } = parseRegister(body, header.cells, header.line);
    // Every row's provider and location references, valid row or not, for `check`.
    const { map } = mapHeaders(header.cells, header.line);
    const cell = (cells: string[], field: string) => {
      const i = map.get(field);
      return (i === undefined ? '' : (cells[i] ?? '').trim()) || null;
    };
    const refs: RegisterRefs[] = body
      .filter((r) => r.cells.some((c) => c.trim()))
      .map((r) => ({
        line: r.line,
        providerName: cell(r.cells, 'providerName'),
        cqcProviderId: cell(r.cells, 'cqcProviderId'),
        cqcLocationId: cell(r.cells, 'cqcLocationId'),
      }));
    const parsed: RegisterParsed = { rows: contracts, issues, refs };
    return parsed;
  },
  async check(db, parsed) {
    const refs = (parsed as RegisterParsed).refs ?? [];
    return (await resolveRegisterRefs(db, refs)).unresolved;
  },
  async write(db, rows, ctx) {
    const result = await importRegister(db, rows);
    // Providers are matched inside the transaction; an unknown provider rejects the whole file.
    if (result.unresolved.length) throw new ImportRejected(ctx.fileName, result.unresolved);
    return {
      kind: 'contracts',
      fileName: ctx.fileName,
      rowsRead: rows.length,
      created: result.created,
      updated: result.updated,
      messages: [`${result.created} contracts added, ${result.updated} updated`],
    };
  },
};
