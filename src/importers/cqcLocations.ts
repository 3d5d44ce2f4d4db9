// `steward import cqc-locations <file>`: location records from the CQC public API (JSON as the API returns them:
// one record, a list of records, or one record per line), with registered beds, ratings by key question,
// coordinates, ODS code and registration status. Provider records in the same file name the providers.
// Idempotent by CQC location ID. Option `borough=<GSS>` flags locations in that council as in-borough
// (default: the council Steward serves; once one is set up, another council's code is refused). The file streams:
// records are written in batches of 2,000 inside the import's one transaction, so a national file imports in flat
// memory.
import type { Db } from '../db/client.js';
import { writeCqcApiLocations, type CqcApiWriteResult } from '../db/market/cqcApi.js';
import { countOf } from '../domain/core/plural.js';
import { parseCqcApiRecord, type CqcApiLocation } from '../domain/market/cqcApi.js';
import type { ImportContext, ImportIssue, ImportSource, ImportSummary, StreamingImporter } from './framework.js';
import { readJsonRecords } from './json.js';
import { BOROUGH_OPTION, importArea } from './options.js';
import { locationLabel } from './cqc.js';

const MAX_ISSUES = 200;
/** Location records written per batch: a national file (15,000 care homes, 200,000 records) never sits in memory. */
const BATCH = 2_000;

/**
 * Reads the records and writes them batch by batch inside the import's transaction `tx`. Once a record is bad
 * nothing more is written (the transaction is rolled back) but the rest are still checked, so every problem is
 * listed at once. Provider records name the providers of the locations in the same batch and later ones.
 */
async function importCqcLocations(
  tx: Db,
  source: ImportSource,
  ctx: ImportContext,
): Promise<{ issues: ImportIssue[]; summary: ImportSummary | null }> {
  const issues: ImportIssue[] = [];
  let more = 0;
  const area = await importArea(tx, ctx.options.borough);
  if (area.problem) issues.push({ line: null, field: 'borough', message: area.problem });
  const boroughGss = area.gssCode;
  const seen = new Map<string, number>();
  const total = { read: 0, skipped: 0, homes: 0, beds: 0 };
  const written: CqcApiWriteResult = {
    created: 0,
    updated: 0,
    unchanged: 0,
    deregistered: 0,
    deregisteredLocations: [],
    providersCreated: 0,
    providersRenamed: 0,
  };
  let batch: CqcApiLocation[] = [];
  let providerNames = new Map<string, string>();
  const now = new Date();
  const flush = async () => {
    if (issues.length || (!batch.length && !providerNames.size)) return;
    const r = await writeCqcApiLocations(tx, batch, providerNames, { boroughGss, now });
    for (const k of [
      'created',
      'updated',
      'unchanged',
      'deregistered',
      'providersCreated',
      'providersRenamed',
    ] as const)
      written[k] += r[k];
    written.deregisteredLocations.push(...r.deregisteredLocations.slice(0, 20 - written.deregisteredLocations.length));
    batch = [];
    providerNames = new Map();
  };
  for await (const item of readJsonRecords(source)) {
    if ('issue' in item) {
      issues.push(item.issue);
      break;
    }
    const r = parseCqcApiRecord(item.value, item.line);
    if (r.kind === 'invalid') {
      for (const i of r.issues) {
        if (issues.length < MAX_ISSUES) issues.push(i);
        else more++;
      }
    } else if (r.kind === 'provider') providerNames.set(r.cqcProviderId, r.name);
    else if (r.kind === 'skipped') total.skipped++;
    else {
      const first = seen.get(r.location.cqcLocationId);
      if (first !== undefined) {
        issues.push({
          line: item.line,
          field: 'locationId',
          message: `${r.location.cqcLocationId} is repeated (first on line ${first})`,
        });
        continue;
      }
      seen.set(r.location.cqcLocationId, item.line);
      total.read++;
      if (r.location.registeredBeds !== null && !r.location.deregisteredAt) {
        total.homes++;
        total.beds += r.location.registeredBeds;
      }
      if (issues.length) continue;
      batch.push(r.location);
      if (batch.length >= BATCH) await flush();
    }
  }
  if (more) issues.push({ line: null, message: `${more} more problems (only the first ${MAX_ISSUES} are listed)` });
  if (!issues.length && total.read === 0)
    issues.push({
      line: null,
      field: 'file',
      message: `no adult social care location records found (${total.skipped} other records skipped)`,
    });
  if (issues.length) return { issues, summary: null };
  await flush();
  return {
    issues: [],
    summary: {
      kind: 'cqc-locations',
      fileName: ctx.fileName,
      rowsRead: total.read,
      created: written.created,
      updated: written.updated,
      unchanged: written.unchanged,
      removed: written.deregistered,
      messages: [
        `${countOf(total.read, 'adult social care location')} read (${countOf(total.skipped, 'other record')} skipped); ${countOf(total.homes, 'registered location')} with beds, ${countOf(total.beds, 'bed')} in all`,
        `${written.created} new, ${written.updated} changed, ${written.unchanged} unchanged, ${written.deregistered} newly deregistered`,
        `${countOf(written.providersCreated, 'new provider')}${written.providersRenamed ? `, ${countOf(written.providersRenamed, 'provider')} renamed` : ''}`,
        ...written.deregisteredLocations.map((l) => `deregistered ${locationLabel(l.name, l.cqcLocationId)}`),
      ],
      registeredBeds: total.beds,
    },
  };
}

export const cqcLocationsImporter: StreamingImporter = {
  kind: 'cqc-locations',
  label: 'CQC location records',
  formats: ['json'],
  source: 'Care Quality Commission (CQC) public API',
  description:
    'CQC public API location records (JSON: one record, a list, or one per line): beds, ratings by key question, coordinates, ODS code, deregistration',
  options: [BOROUGH_OPTION],
  streaming: true,
  importFile: importCqcLocations,
};
