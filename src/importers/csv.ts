// CSV reading for importers: streams the file (so national files never sit whole in memory), reports
// progress in bytes, and yields each record with the line it came from.
import { parse } from 'csv-parse';
import type { ImportIssue, ImportSource } from './framework.js';

export interface CsvRecord {
  /** 1-based line number of the record in the file. */
  line: number;
  values: string[];
}

export interface CsvOptions {
  /** 1-based line to start reading at (e.g. 5 when four title lines precede the header). */
  fromLine?: number;
  delimiter?: string;
}

export async function* readCsv(source: ImportSource, options: CsvOptions = {}): AsyncGenerator<CsvRecord> {
  const input = source.open();
  let bytes = 0;
  input.on('data', (chunk: Buffer | string) => {
    bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    source.onProgress?.(bytes);
  });
  const parser = input.pipe(
    parse({
      bom: true,
      from_line: options.fromLine ?? 1,
      delimiter: options.delimiter ?? ',',
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }),
  );
  for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    yield { line: item.info.lines, values: item.record };
  }
}

/** Read the whole CSV into records (for files that comfortably fit in memory). */
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
        message: `Missing column "${spec.names[0]}" in the header`,
      });
    }
  }
  return { index, issues };
}
