// `steward import population <file>`: ONS SNPP (wide), NOMIS extracts, MYEB1 (long) and the wide
// mid-year estimate layout, detected from the header. The whole file is validated before anything is
// written; then areas and figures are written in one transaction (replacing the same vintage).
import { getBorough } from '../db/core/settings.js';
import { upsertAreas, replacePopulation } from '../db/demand/population.js';
import { populationForCouncil } from '../domain/demand/councilPopulation.js';
import { authorityByCode } from '../domain/geography/authorities.js';
import { readCsv } from './csv.js';
import type { Importer, ImportIssue, ImportSource, ParsedImport } from './framework.js';
import { LAYOUT_LABELS, layoutParser, type LayoutParser, type PopulationDataset } from './population-layouts.js';
import { SOURCE_OPTION, VINTAGE_OPTION } from './options.js';
import { formatSpan } from '../domain/core/format.js';

export async function parsePopulation(
  source: ImportSource,
  options: Record<string, string | undefined> = {},
): Promise<ParsedImport<PopulationDataset>> {
  let parser: LayoutParser | null = null;
  const issues: ImportIssue[] = [];
  for await (const rec of readCsv(source)) {
    if (!parser) {
      const p = layoutParser(rec.values, rec.line, { source: options.source, vintage: options.vintage });
      if (Array.isArray(p)) return { rows: [], issues: p };
      parser = p;
      continue;
    }
    parser.record(rec.line, rec.values);
  }
  if (!parser) return { rows: [], issues: [{ line: null, message: 'the file is empty' }] };
  const done = parser.finish();
  issues.push(...done.issues);
  return { rows: issues.length ? [] : [done.dataset], issues };
}

const nameOf = (gss: string, d: PopulationDataset) => d.areas.get(gss) ?? authorityByCode(gss)?.name ?? gss;

/**
 * Two-tier areas: when the file holds the configured council's districts (or the councils it replaced) but not the
 * council, their figures are added up to it (appended to `d`); when it holds no figures for the council, says so.
 */
function councilStep(d: PopulationDataset, borough: { name: string; gssCode: string }): string[] {
  const cover = populationForCouncil(d, borough.gssCode);
  if (cover.status === 'present') return [];
  if (cover.status === 'absent') {
    return [
      `This file holds no figures for ${borough.name} (${borough.gssCode})` +
        (cover.found.length
          ? `: it holds ${cover.found.map((c) => nameOf(c, d)).join(', ')} but not ${cover.missing.map((c) => `${nameOf(c, d)} (${c})`).join(', ')}, so the council's figures cannot be added up`
          : ''),
    ];
  }
  const a = cover.added;
  d.areaCode.push(...a.areaCode);
  d.year.push(...a.year);
  d.sex.push(...a.sex);
  d.ageFrom.push(...a.ageFrom);
  d.ageTo.push(...a.ageTo);
  d.count.push(...a.count);
  d.areas.set(borough.gssCode, borough.name);
  return [
    `${borough.name} (${borough.gssCode}): ${a.count.length.toLocaleString('en-GB')} figures added up from ${cover.from.length} areas (${cover.from.map((c) => nameOf(c, d)).join(', ')})`,
  ];
}

export const populationImporter: Importer<PopulationDataset> = {
  kind: 'population',
  label: 'Population estimates and projections',
  formats: ['csv', 'xlsx'],
  source: 'Office for National Statistics (ONS) via NOMIS',
  description:
    'ONS population: SNPP projections (wide or NOMIS) and mid-year estimates (MYEB1 or wide); options source=…, vintage=…',
  options: [SOURCE_OPTION, VINTAGE_OPTION],
  parse: parsePopulation,
  async write(db, rows, ctx) {
    const messages: string[] = [];
    let created = 0;
    let replaced = 0;
    const borough = await getBorough(db);
    for (const d of rows) {
      if (borough) messages.push(...councilStep(d, borough));
      await upsertAreas(
        db,
        [...d.areas].map(([code, name]) => ({ code, name })),
      );
      const r = await replacePopulation(db, d);
      created += r.written;
      replaced += r.replaced;
      const years = [...new Set(d.year)].sort((a, b) => a - b);
      messages.push(
        `${LAYOUT_LABELS[d.layout]}: ${r.written.toLocaleString('en-GB')} figures for ${d.areas.size} area${d.areas.size === 1 ? '' : 's'}, ${formatSpan(years[0], years[years.length - 1])} (${d.kind}, ${d.vintage})` +
          (r.replaced ? `; replaced ${r.replaced.toLocaleString('en-GB')} figures of the same vintage` : ''),
      );
    }
    return {
      kind: 'population',
      fileName: ctx.fileName,
      rowsRead: rows.reduce((s, d) => s + d.count.length, 0),
      created,
      removed: replaced,
      messages,
    };
  },
};
