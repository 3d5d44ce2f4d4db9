// The import framework: an importer reads one public file format, validates the WHOLE file, and reports
// every bad row with its line and field; nothing is written unless the file is valid, and then everything
// is written in one transaction with an audit entry.
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { gatherStatistics } from '../db/statistics.js';
import type { Db } from '../db/client.js';
import { type AuditActor, recordAudit } from '../db/core/audit.js';
import { recordImportRun } from '../db/data/imports.js';
import type { ImporterOption } from './options.js';

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

/** A file format an importer reads: CSV text, an Excel (.xlsx) workbook, or JSON. */
export type ImportFileFormat = 'csv' | 'xlsx' | 'json';

const FORMAT_WORDS: Record<ImportFileFormat, string> = { csv: 'CSV', xlsx: 'Excel (.xlsx)', json: 'JSON' };

/**
 * The files an importer takes, in plain words for `steward import --help` and the Data page:
 * `['csv', 'xlsx']` → "a CSV or Excel (.xlsx) file", `['json']` → "a JSON file".
 */
export function fileFormatWords(formats: readonly ImportFileFormat[]): string {
  const words = formats.map((f) => FORMAT_WORDS[f]);
  const list = words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words.at(-1)}` : (words[0] ?? 'any');
  return `${list.startsWith('Excel') ? 'an' : 'a'} ${list} file`;
}

export interface Importer<Row> {
  kind: string;
  /** The dataset's plain name, as the Data page shows it ("Population estimates and projections"). */
  label: string;
  /** The file formats it reads (CSV and XLSX go through the shared table reader; JSON for API records). */
  formats: readonly ImportFileFormat[];
  /** Who publishes the file (the Data page's Source column), e.g. "Care Quality Commission (CQC) public API". */
  source: string;
  description: string;
  /** The options it takes (`-o key=value`, the Data page's fields); none when absent. */
  options?: readonly ImporterOption[];
  parse(source: ImportSource, options: Record<string, string | undefined>): Promise<ParsedImport<Row>>;
  write(db: Db, rows: Row[], ctx: ImportContext): Promise<ImportSummary>;
  /**
   * Checks against the database (e.g. that each named provider exists), run on every parsed file even when the
   * parse found problems, so the user gets every problem in one go. Reads only.
   */
  check?(db: Db, parsed: ParsedImport<Row>, options: Record<string, string | undefined>): Promise<ImportIssue[]>;
}

/**
 * An importer for national-size files (a million placements, 200,000 CQC records): it reads the file and writes it
 * batch by batch inside the import's one transaction, so memory stays flat whatever the file's size. It returns
 * every problem it found (then the transaction is rolled back and nothing is written) or the summary.
 */
export interface StreamingImporter {
  kind: string;
  /** The dataset's plain name, as the Data page shows it. */
  label: string;
  /** The file formats it reads. */
  formats: readonly ImportFileFormat[];
  /** Who publishes the file (the Data page's Source column). */
  source: string;
  description: string;
  /** The options it takes (`-o key=value`, the Data page's fields); none when absent. */
  options?: readonly ImporterOption[];
  streaming: true;
  /**
   * Reads `source` and writes it with `tx` (the import's transaction), batch by batch.
   * @returns `issues` (line and field of each problem; the caller rolls back when there is any) and the summary.
   */
  importFile(
    tx: Db,
    source: ImportSource,
    ctx: ImportContext,
  ): Promise<{ issues: ImportIssue[]; summary: ImportSummary | null }>;
}

/** Any importer `steward import` and the Data page know: whole-file (parse, then write) or streaming. */
export type AnyImporter = Importer<unknown> | StreamingImporter;

/** True for an importer that streams its file into the transaction (see {@link StreamingImporter}). */
export function isStreaming(importer: AnyImporter | Importer<never>): importer is StreamingImporter {
  return (importer as StreamingImporter).streaming === true;
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

/** What a file's first bytes say it is. */
export type SniffedKind = 'xlsx' | 'zip' | 'xls' | 'pdf' | 'image' | 'utf16' | 'binary' | 'text';

/** The kind of file from its first bytes (magic numbers), whatever its name says. */
export function sniffFileKind(head: Buffer): SniffedKind {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04))
    return head.includes('[Content_Types].xml') || head.includes('xl/') ? 'xlsx' : 'zip';
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return 'xls';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'pdf';
  if (starts(0x89, 0x50, 0x4e, 0x47) || starts(0xff, 0xd8, 0xff) || starts(0x47, 0x49, 0x46, 0x38)) return 'image';
  // UTF-16 text (Excel's "Unicode Text"): a byte-order mark, or ASCII with every other byte NUL.
  if (starts(0xff, 0xfe) || starts(0xfe, 0xff)) return 'utf16';
  const sample = head.subarray(0, 512);
  if (sample.length >= 8) {
    let even = 0;
    let odd = 0;
    for (let i = 0; i < sample.length; i++) {
      if (sample[i] !== 0) continue;
      if (i % 2 === 0) even++;
      else odd++;
    }
    const half = Math.floor(sample.length / 2);
    if (odd >= half * 0.9 || even >= half * 0.9) return 'utf16';
  }
  // Text has no NUL bytes in its first kilobytes.
  return head.subarray(0, 4096).includes(0) ? 'binary' : 'text';
}

const KIND_WORDS: Record<SniffedKind, string> = {
  xlsx: 'an Excel workbook',
  zip: 'a zip archive',
  xls: 'an old-style Excel workbook (.xls)',
  pdf: 'a PDF document',
  image: 'an image',
  utf16: 'text saved as UTF-16 ("Unicode Text")',
  binary: 'not text (it looks like an image or another kind of file)',
  text: 'a text file',
};

async function readHead(source: ImportSource, bytes = 8192): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const c of source.open()) {
    const b = typeof c === 'string' ? Buffer.from(c) : (c as Buffer);
    chunks.push(b);
    n += b.length;
    if (n >= bytes) break;
  }
  return Buffer.concat(chunks).subarray(0, bytes);
}

/**
 * Refuses, in plain words, a file that is not what an importer reads (a PNG sent as a register, an .xls, a PDF):
 * a `.xlsx` name must hold an Excel workbook, anything else must be text (CSV, JSON).
 */
export async function checkFileKind(source: ImportSource): Promise<void> {
  const kind = sniffFileKind(await readHead(source));
  const wantsXlsx = /\.xlsx$/i.test(source.fileName);
  if (kind === (wantsXlsx ? 'xlsx' : 'text')) return;
  const message =
    kind === 'xls'
      ? 'This is an old-style Excel file (.xls): open it in Excel, save it as .xlsx or CSV, then upload it again'
      : kind === 'utf16'
        ? 'This file is text saved as UTF-16 ("Unicode Text"), an encoding Steward does not read: save it from Excel as "CSV UTF-8 (Comma delimited)" or "CSV (Comma delimited)", then upload it again'
        : kind === 'text'
          ? 'This file is text but its name ends in .xlsx: save it as CSV (.csv) or as an Excel workbook, then upload it again'
          : `This file is ${KIND_WORDS[kind]}, not ${wantsXlsx ? 'an Excel (.xlsx) workbook' : 'a CSV or text file'}: choose the spreadsheet itself and upload it again`;
  throw new ImportRejected(source.fileName, [{ line: null, field: 'file', message }]);
}

/**
 * Parse and validate the whole file; write it in one transaction only if it is valid, with an audit entry and a
 * row in the register of imports (`import_runs`, shown on the "Data" page). A streaming importer reads and writes
 * in the same transaction, which is rolled back if it finds any problem.
 * @throws ImportRejected when the file has any problem (nothing is written).
 */
export async function runImport<Row>(
  db: Db,
  importer: Importer<Row> | StreamingImporter,
  source: ImportSource,
  ctx: Omit<ImportContext, 'fileName'>,
): Promise<ImportSummary> {
  await checkFileKind(source);
  const record = async (tx: Db, summary: ImportSummary) => {
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
  };
  // Once committed, the planner's statistics are gathered (PGlite never does it on its own; see gatherStatistics).
  if (isStreaming(importer)) {
    const summary = await db.transaction(async (tx) => {
      const r = await importer.importFile(tx, source, { ...ctx, fileName: source.fileName });
      if (r.issues.length || !r.summary) throw new ImportRejected(source.fileName, sortIssues(r.issues));
      return record(tx, r.summary);
    });
    await gatherStatistics(db);
    return summary;
  }
  const parsed = await importer.parse(source, ctx.options);
  const checked = importer.check ? await importer.check(db, parsed, ctx.options) : [];
  const issues = sortIssues([...parsed.issues, ...checked]);
  if (issues.length) throw new ImportRejected(source.fileName, issues);
  const summary = await db.transaction(async (tx) =>
    record(tx, await importer.write(tx, parsed.rows, { ...ctx, fileName: source.fileName })),
  );
  await gatherStatistics(db);
  return summary;
}

/** Problems in file order: whole-file problems first, then by line, then by field. */
export function sortIssues(issues: ImportIssue[]): ImportIssue[] {
  return [...issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.field ?? '').localeCompare(b.field ?? ''));
}
