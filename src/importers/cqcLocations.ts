// `steward import cqc-locations <file>`: location records from the CQC public API (JSON as the API returns them:
// one record, a list of records, or one record per line), with registered beds, ratings by key question,
// coordinates, ODS code and registration status. Provider records in the same file name the providers.
// Idempotent by CQC location ID. Option `borough=<GSS>` flags new locations in that council as in-borough
// (default: the council in settings).
import { getBorough } from '../db/core/settings.js';
import { writeCqcApiLocations } from '../db/market/cqcApi.js';
import { parseCqcApiRecord, type CqcApiLocation } from '../domain/market/cqcApi.js';
import type { ImportIssue, Importer } from './framework.js';
import { readJsonRecords } from './json.js';

/** What the file held: the adult social care locations and any provider names. */
export interface CqcLocationsFile {
  locations: CqcApiLocation[];
  providerNames: Map<string, string>;
  skipped: number;
}

const MAX_ISSUES = 200;

export const cqcLocationsImporter: Importer<CqcLocationsFile> = {
  kind: 'cqc-locations',
  description:
    'CQC public API location records (JSON: one record, a list, or one per line): beds, ratings by key question, coordinates, ODS code, deregistration',
  async parse(source) {
    const issues: ImportIssue[] = [];
    let more = 0;
    const file: CqcLocationsFile = { locations: [], providerNames: new Map(), skipped: 0 };
    const seen = new Map<string, number>();
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
      } else if (r.kind === 'provider') file.providerNames.set(r.cqcProviderId, r.name);
      else if (r.kind === 'skipped') file.skipped++;
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
        file.locations.push(r.location);
      }
    }
    if (more) issues.push({ line: null, message: `${more} more problems (only the first ${MAX_ISSUES} are listed)` });
    if (!issues.length && file.locations.length === 0)
      issues.push({
        line: null,
        field: 'file',
        message: `no adult social care location records found (${file.skipped} other records skipped)`,
      });
    return { rows: issues.length ? [] : [file], issues };
  },
  async write(db, rows, ctx) {
    const file = rows[0];
    const boroughGss = ctx.options.borough ?? (await getBorough(db))?.gssCode ?? null;
    const r = await writeCqcApiLocations(db, file.locations, file.providerNames, { boroughGss });
    const homes = file.locations.filter((l) => l.registeredBeds !== null && !l.deregisteredAt);
    const beds = homes.reduce((s, l) => s + (l.registeredBeds ?? 0), 0);
    const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
    return {
      kind: 'cqc-locations',
      fileName: ctx.fileName,
      rowsRead: file.locations.length,
      created: r.created,
      updated: r.updated,
      unchanged: r.unchanged,
      removed: r.deregistered,
      messages: [
        `${plural(file.locations.length, 'adult social care location')} read (${plural(file.skipped, 'other record')} skipped); ${plural(homes.length, 'registered location')} with beds, ${plural(beds, 'bed')} in all`,
        `${r.created} new, ${r.updated} changed, ${r.unchanged} unchanged, ${r.deregistered} newly deregistered`,
        `${plural(r.providersCreated, 'new provider')}${r.providersRenamed ? `, ${plural(r.providersRenamed, 'provider')} renamed` : ''}`,
      ],
      registeredBeds: beds,
    };
  },
};
