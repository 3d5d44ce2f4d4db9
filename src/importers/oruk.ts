// `steward import oruk <file>`: another directory's Open Referral UK (ORUK 3.0) feed in — Steward's own export,
// a saved ORUK page, a list of services or one service (see src/domain/directory/exchange.ts). `fetchOrukFeed`
// reads a council's live ORUK API by URL (every page of /services, each /services/{id}, every taxonomy) into the
// same document, so a URL imports exactly as a file does. Validated whole; written in one transaction.
import { readDirectoryDocument, directoryExport, type ReadResult } from '../domain/directory/exchange.js';
import type { OrukService, OrukTaxonomyWithTerms } from '../domain/directory/oruk.js';
import { saveServices } from '../db/directory/records.js';
import { saveTaxonomies } from '../db/directory/taxonomies.js';
import type { ImportIssue, ImportSource, Importer, ImportSummary, ParsedImport } from './framework.js';
import { readText } from './decode.js';

export interface OrukImportRow {
  taxonomies: OrukTaxonomyWithTerms[];
  services: OrukService[];
}

/** JSON.parse with the line of a syntax error, when the engine says where it is. */
function parseJson(text: string): { value: unknown } | { issue: ImportIssue } {
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    const message = (e as Error).message;
    const pos = /position (\d+)/.exec(message);
    const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : null;
    return { issue: { line, message: `Not valid JSON: ${message}` } };
  }
}

export const orukImporter: Importer<OrukImportRow> = {
  kind: 'oruk',
  label: 'Directory of services (Open Referral UK)',
  formats: ['json'],
  source: 'Open Referral UK publishers',
  description: 'Open Referral UK 3.0 directory (JSON): Steward export, ORUK page, list of services or one service',
  async parse(source: ImportSource): Promise<ParsedImport<OrukImportRow>> {
    const parsed = parseJson(await readText(source));
    if ('issue' in parsed) return { rows: [], issues: [parsed.issue] };
    const read: ReadResult = readDirectoryDocument(parsed.value);
    const issues: ImportIssue[] = read.issues.map((i) => ({ line: null, field: i.field, message: i.message }));
    if (!issues.length && read.services.length === 0 && read.taxonomies.length === 0)
      issues.push({ line: null, message: 'The file holds no services and no taxonomies' });
    return { rows: issues.length ? [] : [{ taxonomies: read.taxonomies, services: read.services }], issues };
  },
  async write(db, rows, ctx): Promise<ImportSummary> {
    const [row] = rows;
    await saveTaxonomies(db, row.taxonomies);
    const saved = await saveServices(db, row.services, {
      source: 'import',
      action: 'imported',
      actor: ctx.actor ?? { system: 'import oruk' },
      keepLastModified: true,
    });
    const created = saved.filter((s) => s.created).length;
    const changed = saved.filter((s) => !s.created && s.changes.length > 0).length;
    return {
      kind: 'oruk',
      fileName: ctx.fileName,
      rowsRead: row.services.length,
      created,
      updated: changed,
      unchanged: saved.length - created - changed,
      messages: [
        `${row.taxonomies.length} taxonomies, ${row.services.length} services read`,
        `${created} new entries, ${changed} updated`,
      ],
    };
  },
};

export interface FetchFeedOptions {
  /** Defaults to the global fetch. */
  fetchImpl?: typeof fetch;
  perPage?: number;
  onProgress?: (done: number, total: number) => void;
  /** Stop after this many services (protects against runaway feeds). */
  maxServices?: number;
}

/**
 * Read a live ORUK 3.0 API at `baseUrl` (the URL that answers `/services`) into an export document: every page of
 * `/services`, then `/services/{id}` for each, and every taxonomy with its terms when the API has `/taxonomies`.
 * @throws Error naming the URL and status when a request fails or does not answer JSON.
 */
export async function fetchOrukFeed(baseUrl: string, options: FetchFeedOptions = {}): Promise<string> {
  const doFetch = options.fetchImpl ?? fetch;
  const base = baseUrl.replace(/\/+$/, '');
  const perPage = options.perPage ?? 100;
  const max = options.maxServices ?? 100_000;
  const get = async (path: string, optional = false): Promise<unknown> => {
    const url = `${base}${path}`;
    const res = await doFetch(url, { headers: { accept: 'application/json' } });
    if (!res.ok) {
      if (optional && res.status === 404) return null;
      throw new Error(`${url} answered ${res.status} ${res.statusText}`);
    }
    try {
      return await res.json();
    } catch {
      throw new Error(`${url} did not answer JSON`);
    }
  };
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const body = (await get(`/services?page=${page}&per_page=${perPage}`)) as {
      contents?: { id: string }[];
      total_pages?: number;
      last_page?: boolean;
    };
    const contents = body?.contents ?? [];
    ids.push(...contents.map((c) => c.id));
    if (contents.length === 0 || body.last_page || (body.total_pages !== undefined && page >= body.total_pages)) break;
    if (ids.length >= max) break;
  }
  const services: unknown[] = [];
  for (const [i, id] of ids.slice(0, max).entries()) {
    services.push(await get(`/services/${encodeURIComponent(id)}`));
    options.onProgress?.(i + 1, ids.length);
  }
  const taxonomies: unknown[] = [];
  for (let page = 1; ; page++) {
    const body = (await get(`/taxonomies?page=${page}&per_page=${perPage}`, true)) as {
      contents?: { id: string }[];
      total_pages?: number;
      last_page?: boolean;
    } | null;
    if (!body) break;
    for (const t of body.contents ?? []) taxonomies.push(await get(`/taxonomies/${encodeURIComponent(t.id)}`));
    if (!body.contents?.length || body.last_page || (body.total_pages !== undefined && page >= body.total_pages)) break;
  }
  return JSON.stringify(directoryExport(taxonomies as OrukTaxonomyWithTerms[], services as OrukService[]));
}
