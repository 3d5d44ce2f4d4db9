// The import framework: an importer reads one public file format, validates the WHOLE file, and reports
// every bad row with its line and field; nothing is written unless the file is valid, and then everything
// is written in one transaction with an audit entry.
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Db } from '../db/client.js';
import { type AuditActor, recordAudit } from '../db/core/audit.js';
import { recordImportRun } from '../db/data/imports.js';

export interface ImportIssue {
  /** 1-based line in the file; null for whole-file problems (e.g. a missing column). */
  line: number | null;
  /** Column or field name as it appears in the file. */
  field?: string;
  message: string;
}

export interface ImportSource {
  fileName: string;
  /** Size in bytes, for progress. */
  size: number;
  /** Opens the raw bytes; may be called more than once. */
  open(): Readable;
  /** Called with the number of bytes read so far. */
  onProgress?: (bytesRead: number) => void;
}

export interface ParsedImport<Row> {
  rows: Row[];
  issues: ImportIssue[];
}

export interface ImportSummary {
  kind: string;
  fileName: string;
  rowsRead: number;
  created?: number;
  updated?: number;
  unchanged?: number;
  removed?: number;
  /** Human-readable lines for the CLI and the web, e.g. "3 locations deregistered: …". */
  messages: string[];
  [extra: string]: unknown;
}

export interface ImportContext {
  actor: AuditActor | null;
  fileName: string;
  /** Importer-specific options from the CLI (e.g. --source, --vintage). */
  options: Record<string, string | undefined>;
}

export interface Importer<Row> {
  kind: string;
  description: string;
  parse(source: ImportSource, options: Record<string, string | undefined>): Promise<ParsedImport<Row>>;
  write(db: Db, rows: Row[], ctx: ImportContext): Promise<ImportSummary>;
}

/** The file was refused whole. `issues` lists every problem found, with line and field. */
export class ImportRejected extends Error {
  constructor(
    public readonly fileName: string,
    public readonly issues: ImportIssue[],
  ) {
    super(
      `${fileName} was not imported: ${issues.length} problem${issues.length === 1 ? '' : 's'} found\n${formatIssues(fileName, issues)}`,
    );
  }
}

export function formatIssue(fileName: string, issue: ImportIssue): string {
  const where = issue.line === null ? fileName : `${fileName}:${issue.line}`;
  return `${where}${issue.field ? ` [${issue.field}]` : ''}: ${issue.message}`;
}

export function formatIssues(fileName: string, issues: ImportIssue[], max = 50): string {
  const lines = issues.slice(0, max).map((i) => `  ${formatIssue(fileName, i)}`);
  if (issues.length > max) lines.push(`  … and ${issues.length - max} more`);
  return lines.join('\n');
}

export function fileSource(filePath: string, onProgress?: (bytes: number) => void): ImportSource {
  const size = statSync(filePath).size;
  return { fileName: path.basename(filePath), size, open: () => createReadStream(filePath), onProgress };
}

export function textSource(fileName: string, text: string | Buffer): ImportSource {
  const buf = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  return {
    fileName,
    size: buf.length,
    open: () => Readable.from([buf]),
  };
}

/**
 * Parse and validate the whole file; write it in one transaction only if it is valid, with an audit entry and a
 * row in the register of imports (`import_runs`, shown on the "Data" page).
 * @throws ImportRejected when the file has any problem (nothing is written).
 */
export async function runImport<Row>(
  db: Db,
  importer: Importer<Row>,
  source: ImportSource,
  ctx: Omit<ImportContext, 'fileName'>,
): Promise<ImportSummary> {
  const parsed = await importer.parse(source, ctx.options);
  if (parsed.issues.length) throw new ImportRejected(source.fileName, parsed.issues);
  return db.transaction(async (tx) => {
    const summary = await importer.write(tx, parsed.rows, { ...ctx, fileName: source.fileName });
    await recordAudit(tx, ctx.actor, {
      action: 'import',
      entity: importer.kind,
      detail: {
        fileName: source.fileName,
        rowsRead: summary.rowsRead,
        created: summary.created ?? null,
        updated: summary.updated ?? null,
        unchanged: summary.unchanged ?? null,
        removed: summary.removed ?? null,
      },
    });
    await recordImportRun(tx, ctx.actor, { ...summary, kind: importer.kind, bytes: source.size });
    return summary;
  });
}
