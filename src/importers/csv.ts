// Table reading for importers, by line: a thin name over the shared reading layer (`read.ts`), which decodes
// UTF-8 or Windows-1252, reads CSV or XLSX alike, streams, reports progress and skips rows of empty cells.
import type { ImportIssue, ImportSource } from './framework.js';
import { readTable } from './read.js';
import type { TableOptions } from './rows.js';

export interface CsvRecord {
  /** 1-based line number of the record in the file (the row number in a workbook). */
  line: number;
  values: string[];
}

export type CsvOptions = TableOptions;

/** Each row of a CSV or XLSX file with its line (see `readTable`). */
export async function* readCsv(source: ImportSource, options: CsvOptions = {}): AsyncGenerator<CsvRecord> {
  for await (const row of readTable(source, options)) yield { line: row.line, values: row.cells };
}

/** Read the whole file into records (for files that comfortably fit in memory). */
export async function readAllCsv(source: ImportSource, options: CsvOptions = {}): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const r of readCsv(source, options)) out.push(r);
  return out;
}

/**
 * Map a header row to column positions. `columns` maps our field name to the accepted header spellings
 * (exact, case-insensitive, trimmed). Missing required columns become whole-file issues.
 */
export function mapHeader<K extends string>(
  header: string[],
  columns: Record<K, { names: string[]; required?: boolean }>,
  headerLine: number,
): { index: Record<K, number>; issues: ImportIssue[] } {
  const normalised = header.map((h) => h.trim().toLowerCase());
  const index = {} as Record<K, number>;
  const issues: ImportIssue[] = [];
  for (const key of Object.keys(columns) as K[]) {
    const spec = columns[key];
    const pos = spec.names.map((n) => normalised.indexOf(n.toLowerCase())).find((i) => i >= 0) ?? -1;
    index[key] = pos;
    if (pos < 0 && spec.required !== false) {
      issues.push({
        line: headerLine,
        field: spec.names[0],
        // The usual heading first, then the others accepted.
        message: `Missing column "${spec.names[0]}" in the header${
          spec.names.length > 1
            ? ` (or ${spec.names
                .slice(1)
                .map((n) => `"${n}"`)
                .join(' or ')})`
            : ''
        }`,
      });
    }
  }
  return { index, issues };
}
