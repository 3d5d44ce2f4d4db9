// `steward import bcf-activity <file>`: hospital activity for the BCF metrics — emergency admissions counted by
// place (GSS code), measure, financial-year quarter and ESP2013 age band, as CSV or XLSX (first sheet). Validated
// whole: every bad cell is reported with its line and column, and each place × measure × quarter must give every
// band (falls: the six bands 65–69 … 90+; ACSC: all 19). Re-importing a place, measure and quarter replaces it.
import { and, eq } from 'drizzle-orm';
import { bcfActivity } from '../db/bcf/schema.js';
import { ESP2013, ESP2013_65_PLUS } from '../domain/bcf/esp2013.js';
import { BOUNDS } from '../domain/core/bounds.js';
import { quarterHasEnded, quarterNotEndedMessage, type QuarterNumber } from '../domain/bcf/period.js';
import { financialYearStart, londonToday } from '../domain/core/dates.js';
import { mapHeader } from './csv.js';
import { readAllTable } from './read.js';
import type { ImportIssue, Importer } from './framework.js';

export const ACTIVITY_MEASURES = ['falls_65', 'acsc'] as const;
export type ActivityMeasure = (typeof ACTIVITY_MEASURES)[number];

export interface ActivityRow {
  line: number;
  gssCode: string;
  measure: ActivityMeasure;
  year: string;
  quarter: number;
  ageBand: string;
  admissions: number;
}

const COLUMNS = {
  gssCode: { names: ['gss_code', 'area_code', 'la_code', 'gss code'] },
  measure: { names: ['measure', 'metric'] },
  year: { names: ['financial_year', 'year', 'financial year'] },
  quarter: { names: ['quarter'] },
  ageBand: { names: ['age_band', 'age band', 'age'] },
  admissions: { names: ['admissions', 'count', 'value'] },
};

function measureOf(text: string): ActivityMeasure | null {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  if (['falls_65', 'falls', 'falls_65+', 'falls65'].includes(t)) return 'falls_65';
  if (['acsc', 'avoidable_admissions', 'chronic_acsc'].includes(t)) return 'acsc';
  return null;
}

/** Bands each measure must give for every place and quarter. */
export const REQUIRED_BANDS: Record<ActivityMeasure, readonly string[]> = {
  falls_65: ESP2013_65_PLUS.map((b) => b.band),
  acsc: ESP2013.map((b) => b.band),
};

/** The most admissions one age band of one place can have in a quarter: three months of BOUNDS.monthlyPeople. */
const MAX_QUARTER_ADMISSIONS = BOUNDS.monthlyPeople.max * 3;

/**
 * Parse and validate rows of cells (header first). Pure, for the CSV and XLSX paths alike. Quarters must have
 * ended by `today` (London): activity is counted, not planned.
 */
export function parseActivity(
  records: { line: number; cells: string[] }[],
  today: string = londonToday(),
): {
  rows: ActivityRow[];
  issues: ImportIssue[];
} {
  const nonEmpty = records.filter((r) => r.cells.some((c) => c.trim()));
  if (nonEmpty.length === 0) return { rows: [], issues: [{ line: null, field: 'file', message: 'The file is empty' }] };
  const header = nonEmpty[0];
  const { index, issues } = mapHeader(header.cells, COLUMNS, header.line);
  const heading = (k: keyof typeof COLUMNS) => header.cells[index[k]]?.trim() || COLUMNS[k].names[0];
  if (issues.length) return { rows: [], issues };
  const rows: ActivityRow[] = [];
  const seen = new Map<string, number>();
  for (const r of nonEmpty.slice(1)) {
    const cell = (k: keyof typeof COLUMNS) => (r.cells[index[k]] ?? '').trim();
    // Each problem names the column by its heading in the file ("Age band", "age_band", …).
    const bad = (k: keyof typeof COLUMNS, message: string) => issues.push({ line: r.line, field: heading(k), message });
    const before = issues.length;
    const gssCode = cell('gssCode').toUpperCase();
    if (!/^[EWSN]\d{8}$/.test(gssCode)) bad('gssCode', `"${cell('gssCode')}" is not a GSS code such as E09000016`);
    const measure = measureOf(cell('measure'));
    if (!measure) bad('measure', `"${cell('measure')}" is not a measure: use falls_65 or acsc`);
    let year = cell('year');
    let quarterText = cell('quarter');
    const combined = /^(\d{4}\/\d{2}) Q([1-4])$/.exec(quarterText);
    if (combined) {
      year ||= combined[1];
      quarterText = combined[2];
    }
    try {
      financialYearStart(year);
    } catch {
      bad('year', `"${year}" is not a financial year such as 2026/27`);
    }
    const quarter = Number(quarterText.replace(/^q/i, ''));
    if (![1, 2, 3, 4].includes(quarter)) bad('quarter', `"${cell('quarter')}" is not a quarter 1 to 4`);
    // Activity is counted for quarters that have ended (London time), as BCF actual spend and KPI returns are.
    else if (issues.length === before && !quarterHasEnded({ year, quarter: quarter as QuarterNumber }, today))
      bad('quarter', quarterNotEndedMessage({ year, quarter: quarter as QuarterNumber }));
    const ageBand = cell('ageBand')
      .replace(/\s+/g, '')
      .replace(/^90\+?$|^90andover$/i, '90+');
    if (measure && !REQUIRED_BANDS[measure].includes(ageBand))
      bad('ageBand', `"${cell('ageBand')}" is not an age band of ${measure} (${REQUIRED_BANDS[measure][0]} … 90+)`);
    const admissionsText = cell('admissions').replace(/,/g, '');
    const admissions = Number(admissionsText);
    if (admissionsText === '' || !Number.isInteger(admissions) || admissions < 0)
      bad('admissions', `"${cell('admissions')}" is not a whole number of admissions`);
    else if (admissions > MAX_QUARTER_ADMISSIONS)
      bad(
        'admissions',
        `"${cell('admissions')}" is more than ${MAX_QUARTER_ADMISSIONS.toLocaleString('en-GB')} admissions in one age band of one place in a quarter: check the value`,
      );
    if (issues.length > before) continue;
    const key = `${gssCode}|${measure}|${year}|${quarter}|${ageBand}`;
    if (seen.has(key)) {
      bad('ageBand', `Repeats line ${seen.get(key)} (same place, measure, quarter and age band)`);
      continue;
    }
    seen.set(key, r.line);
    rows.push({ line: r.line, gssCode, measure: measure!, year, quarter, ageBand, admissions });
  }
  const groups = new Map<string, ActivityRow[]>();
  for (const row of rows) {
    const k = `${row.gssCode}|${row.measure}|${row.year}|${row.quarter}`;
    groups.set(k, [...(groups.get(k) ?? []), row]);
  }
  for (const [k, g] of groups) {
    const [gss, measure, year, quarter] = k.split('|');
    const have = new Set(g.map((r) => r.ageBand));
    const missing = REQUIRED_BANDS[measure as ActivityMeasure].filter((b) => !have.has(b));
    if (missing.length)
      issues.push({
        line: null,
        field: heading('ageBand'),
        message: `${gss} ${measure} ${year} Q${quarter}: missing age band${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (give 0 where there were none)`,
      });
  }
  if (rows.length === 0 && issues.length === 0)
    issues.push({ line: null, field: 'file', message: 'The file has no rows of activity' });
  return { rows, issues };
}

export const bcfActivityImporter: Importer<ActivityRow> = {
  kind: 'bcf-activity',
  label: 'Hospital activity for the Better Care Fund metrics',
  formats: ['csv', 'xlsx'],
  source: "Hospital episode statistics (NHS England) or the council's public health team",
  description:
    'Hospital activity for the BCF metrics (CSV or XLSX): gss_code, measure (falls_65 | acsc), financial_year, quarter, age_band (ESP2013), admissions',
  async parse(source) {
    // The shared reading layer: CSV (UTF-8 or Windows-1252) or XLSX detected from the bytes, blank rows skipped.
    return parseActivity(await readAllTable(source));
  },
  async write(db, rows, ctx) {
    const groups = new Set(rows.map((r) => `${r.gssCode}|${r.measure}|${r.year}|${r.quarter}`));
    // The counts held before, by place, measure, quarter and age band: to say what the file adds, changes or keeps.
    const before = new Map<string, number>();
    for (const g of groups) {
      const [gssCode, measure, year, quarter] = g.split('|');
      const gone = await db
        .delete(bcfActivity)
        .where(
          and(
            eq(bcfActivity.gssCode, gssCode),
            eq(bcfActivity.measure, measure),
            eq(bcfActivity.year, year),
            eq(bcfActivity.quarter, Number(quarter)),
          ),
        )
        .returning({ band: bcfActivity.ageBand, admissions: bcfActivity.admissions });
      for (const b of gone) before.set(`${g}|${b.band}`, b.admissions);
    }
    let created = 0;
    let updated = 0;
    for (const r of rows) {
      const was = before.get(`${r.gssCode}|${r.measure}|${r.year}|${r.quarter}|${r.ageBand}`);
      if (was === undefined) created++;
      else if (was !== r.admissions) updated++;
    }
    const unchanged = rows.length - created - updated;
    const removed = before.size - updated - unchanged;
    const source = `hospital activity ${ctx.fileName}`;
    for (let i = 0; i < rows.length; i += 500)
      await db.insert(bcfActivity).values(rows.slice(i, i + 500).map(({ line: _line, ...r }) => ({ ...r, source })));
    return {
      kind: 'bcf-activity',
      fileName: ctx.fileName,
      rowsRead: rows.length,
      created,
      updated,
      unchanged,
      removed,
      messages: [
        `${groups.size} place-quarter${groups.size === 1 ? '' : 's'} of activity written (${rows.length} age-band counts)`,
        ...(removed ? [`${removed} earlier counts for the same quarters no longer in the file, removed`] : []),
      ],
    };
  },
};
