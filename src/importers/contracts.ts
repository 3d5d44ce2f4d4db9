// `steward import contracts <file>`: a council's contract register as CSV or XLSX (first sheet), validated
// whole (every bad cell reported with line and field); providers are matched to the market register.
import { importRegister, resolveRegisterRefs, type RegisterRefs } from '../db/contracts/contracts.js';
import {
  mapHeaders,
  parseRegister,
  registerColumnLabel,
  registerHeading,
  type RegisterContract,
} from '../domain/contracts/register.js';
import { ImportRejected, type Importer, type ParsedImport } from './framework.js';
import { readAllTable } from './read.js';

type RegisterParsed = ParsedImport<RegisterContract> & { refs: RegisterRefs[]; heading: (field: string) => string };

export const contractsImporter: Importer<RegisterContract> = {
  kind: 'contracts',
  label: 'Contract register',
  formats: ['csv', 'xlsx'],
  source: "The council's own contract register",
  description:
    'Contract register (CSV or XLSX): reference, title, provider, service area, care group, contract form, funding, values, dates, extensions, notice',
  async parse(source) {
    const records = await readAllTable(source);
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
    const parsed: RegisterParsed = {
      rows: contracts,
      issues,
      refs,
      heading: (field) => registerHeading(field, header.cells, map),
    };
    return parsed;
  },
  async check(db, parsed) {
    const { refs = [], heading = registerColumnLabel } = parsed as Partial<RegisterParsed>;
    return (await resolveRegisterRefs(db, refs)).unresolved.map((i) => ({ ...i, field: heading(i.field) }));
  },
  async write(db, rows, ctx) {
    const result = await importRegister(db, rows, { actor: ctx.actor, fileName: ctx.fileName });
    // Providers are matched inside the transaction; an unknown provider rejects the whole file.
    if (result.unresolved.length)
      throw new ImportRejected(
        ctx.fileName,
        result.unresolved.map((i) => ({ ...i, field: registerColumnLabel(i.field) })),
      );
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
