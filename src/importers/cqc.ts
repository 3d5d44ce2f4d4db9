// `steward import cqc <file>`: the CQC "care directory with filters" CSV as published (four title lines,
// header on line 5). Upserts providers and locations by CQC ID; reports new, changed and deregistered
// locations. Option `borough=<GSS>` marks locations in that local authority as in-borough (default: the council
// Steward serves; once one is set up, another council's code is refused).
import { inArray } from 'drizzle-orm';
import { locations } from '../db/market/schema.js';
import { applyCqcImport } from '../db/market/cqc.js';
import { countOf } from '../domain/core/plural.js';
import { parseCqcDirectory, type CqcLocation } from '../domain/market/cqc.js';
import { COMPARE_FIELD_LABELS } from '../domain/market/cqcImportPlan.js';
import { readAllCsv } from './csv.js';
import type { ImportIssue, Importer } from './framework.js';
import { BOROUGH_OPTION, importArea } from './options.js';

export const cqcImporter: Importer<CqcLocation> = {
  kind: 'cqc',
  label: 'CQC care directory',
  formats: ['csv', 'xlsx'],
  source: 'Care Quality Commission (CQC) care directory',
  description: 'CQC care directory CSV (cqc.org.uk "care directory with filters" export): providers and locations',
  options: [BOROUGH_OPTION],
  async parse(source) {
    const records = await readAllCsv(source);
    const parsed = parseCqcDirectory(records.map((r) => ({ line: r.line, cells: r.values })));
    const issues: ImportIssue[] = parsed.issues.map((i) => ({ line: i.line, field: i.field, message: i.message }));
    if (issues.length === 0 && parsed.locations.length === 0) {
      issues.push({
        line: null,
        field: 'file',
        message: `no adult social care locations found (${parsed.skipped} other services skipped)`,
      });
    }
    return { rows: parsed.locations, issues };
  },
  async check(db, _parsed, options) {
    const { problem } = await importArea(db, options.borough);
    return problem ? [{ line: null, field: 'borough', message: problem }] : [];
  },
  async write(db, rows, ctx) {
    const { gssCode: boroughGss } = await importArea(db, ctx.options.borough);
    const { plan, providersCreated } = await applyCqcImport(db, rows, { boroughGss });
    // A deregistered location is not in the file: its name comes from the register.
    const gone = plan.deregistered.slice(0, 20);
    const names = new Map(
      (gone.length
        ? await db
            .select({ id: locations.cqcLocationId, name: locations.name })
            .from(locations)
            .where(inArray(locations.cqcLocationId, gone))
        : []
      ).map((l) => [l.id, l.name]),
    );
    const messages = [
      `${countOf(rows.length, 'adult social care location')} read`,
      `${countOf(plan.created.length, 'new location')}, ${plan.changed.length} changed, ${plan.unchanged} unchanged, ${plan.deregistered.length} deregistered`,
      countOf(providersCreated, 'new provider'),
      ...plan.changed
        .slice(0, 20)
        .map(
          (c) =>
            `changed ${locationLabel(c.location.name, c.location.cqcLocationId)}: ${c.fields.map((f) => COMPARE_FIELD_LABELS[f]).join(', ')}`,
        ),
      ...gone.map((id) => `deregistered ${locationLabel(names.get(id), id)}`),
    ];
    return {
      kind: 'cqc',
      fileName: ctx.fileName,
      rowsRead: rows.length,
      created: plan.created.length,
      updated: plan.changed.length,
      unchanged: plan.unchanged,
      removed: plan.deregistered.length,
      messages,
      newLocations: plan.created.map((l) => l.cqcLocationId),
      changedLocations: plan.changed.map((c) => ({ id: c.location.cqcLocationId, fields: c.fields })),
      deregisteredLocations: plan.deregistered,
    };
  },
};

/** A location as messages name it: "Abbey Lodge (1-101662389)", or the CQC location ID alone when no name is known. */
export function locationLabel(name: string | null | undefined, cqcLocationId: string): string {
  return name ? `${name} (${cqcLocationId})` : cqcLocationId;
}
