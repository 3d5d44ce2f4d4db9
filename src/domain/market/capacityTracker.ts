// The national Capacity Tracker care-home extract (NHS England / DHSC), read with its own column names beside
// Steward's bulk template. Column names as Skills for Care documents them after lower-casing and stripping spaces
// and brackets (cqcid, maxcapacity, usedbeds, declaredvacancies, isacceptingadmissions, lastupdatedbst…); the raw
// export's headers ("CQC ID", "Max Capacity"…) normalise to the same words.
import { parseDateTimeText } from '../core/dates.js';
import type { BulkCapacityRow } from './bulk.js';
import type { WorkforceInput } from './capacity.js';
import type { ImportIssue, RawRecord } from './cqc.js';

/** A header name reduced to lower-case letters and digits ("Max Capacity" and "max_capacity" → "maxcapacity"). */
export function squashHeader(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** True when the header is the Capacity Tracker extract's (it names cqcid and maxcapacity). */
export function isCapacityTrackerHeader(header: readonly string[]): boolean {
  const h = header.map(squashHeader);
  return h.includes('cqcid') && h.includes('maxcapacity');
}

export interface CapacityTrackerRow extends BulkCapacityRow {
  /** When the home last updated its return (lastupdatedbst read as UK time, or lastupdatedutc); null if absent. */
  asAt: Date | null;
  /**
   * The home's workforce return from the extract's workforce columns, or null when the file has none or the home
   * left them all empty. Headcounts: nurses, care staff and non-care staff directly employed; agency staff the
   * sum of agency nurses, care workers and non-care workers; absences the sum of staff absent (general and
   * COVID-19) across the three groups. The extract gives no staff vacancies (null).
   */
  workforce: WorkforceInput | null;
  /** The extract's own column for each workforce figure, for problems found when the home is known. */
  workforceColumns: Record<keyof WorkforceInput, string> | null;
}

/** Directly employed headcounts, by Steward's field. */
const EMPLOYED = { nurses: 'nursesemployed', careStaff: 'careworkersemployed', nonCareStaff: 'noncareworkersemployed' };
/** Agency headcounts, added up into agencyStaff. */
const AGENCY = ['agencynursesemployed', 'agencycareworkersemployed', 'agencynoncareworkersemployed'];
/** Staff absent, added up into absences. */
const ABSENT = [
  'nursesabsentgeneral',
  'nursesabsentcovid',
  'careworkersabsentgeneral',
  'careworkersabsentcovid',
  'noncareworkersabsentgeneral',
  'noncareworkersabsentcovid',
];
const WORKFORCE_COLUMNS = [...Object.values(EMPLOYED), ...AGENCY, ...ABSENT];

const YES = /^(yes|y|true|1)$/i;
const NO = /^(no|n|false|0)$/i;

/**
 * Reads the extract: one row per care home. maxcapacity is the beds the home can staff, usedbeds the occupied,
 * declaredvacancies the vacant beds; vacant beds count as accepting admissions when isacceptingadmissions is Yes,
 * and as vacant but not accepting (reserved) when No. Where the extract has its workforce columns
 * (nursesemployed, careworkersemployed, noncareworkersemployed, agency…employed, …absentgeneral/…absentcovid), a
 * home that filled any of them must fill every one the file has (whole numbers); a home that left them all empty
 * has no workforce return. Every bad cell is reported with its line and column.
 */
export function parseCapacityTrackerExtract(records: readonly RawRecord[]): {
  rows: CapacityTrackerRow[];
  issues: ImportIssue[];
} {
  const [head, ...body] = records;
  const h = head.cells.map(squashHeader);
  const named = (n: string) => head.cells[h.indexOf(n)] ?? n;
  const issues: ImportIssue[] = [];
  for (const need of ['cqcid', 'maxcapacity', 'usedbeds'])
    if (!h.includes(need))
      issues.push({ line: head.line, field: need, message: `the Capacity Tracker extract needs a "${need}" column` });
  if (issues.length) return { rows: [], issues };
  const workforceInFile = WORKFORCE_COLUMNS.filter((c) => h.includes(c));
  const hasWorkforce = Object.values(EMPLOYED).every((c) => h.includes(c));
  if (workforceInFile.length && !hasWorkforce)
    for (const need of Object.values(EMPLOYED))
      if (!h.includes(need))
        issues.push({
          line: head.line,
          field: need,
          message: `the extract has workforce columns (${workforceInFile.join(', ')}) but no "${need}" column`,
        });
  if (issues.length) return { rows: [], issues };
  const firstOf = (cols: string[]) => cols.find((c) => h.includes(c));
  const workforceColumns: Record<keyof WorkforceInput, string> | null = hasWorkforce
    ? {
        nurses: named(EMPLOYED.nurses),
        careStaff: named(EMPLOYED.careStaff),
        nonCareStaff: named(EMPLOYED.nonCareStaff),
        agencyStaff: named(firstOf(AGENCY) ?? EMPLOYED.careStaff),
        vacancies: 'vacancies',
        absences: named(firstOf(ABSENT) ?? EMPLOYED.careStaff),
      }
    : null;
  const rows: CapacityTrackerRow[] = [];
  const seen = new Map<string, number>();
  for (const rec of body) {
    const cell = (n: string) => (h.indexOf(n) >= 0 ? (rec.cells[h.indexOf(n)] ?? '').trim() : '');
    const fail = (n: string, message: string) => issues.push({ line: rec.line, field: named(n), message });
    const before = issues.length;
    const count = (n: string): number | null => {
      const raw = cell(n);
      if (raw === '') return null;
      if (!/^\d+$/.test(raw)) {
        fail(n, `"${raw}" is not a whole number`);
        return null;
      }
      return Number(raw);
    };
    const id = cell('cqcid');
    if (!/^1-\d{5,}$/.test(id)) fail('cqcid', `"${id}" is not a CQC location ID`);
    else if (seen.has(id)) fail('cqcid', `${id} is repeated (first on line ${seen.get(id)})`);
    else seen.set(id, rec.line);
    const max = count('maxcapacity');
    const used = count('usedbeds');
    if (cell('maxcapacity') === '') fail('maxcapacity', 'is empty');
    if (cell('usedbeds') === '') fail('usedbeds', 'is empty');
    let vacant = count('declaredvacancies');
    const acceptingRaw = cell('isacceptingadmissions');
    const accepting = acceptingRaw === '' ? true : YES.test(acceptingRaw) ? true : NO.test(acceptingRaw) ? false : null;
    if (accepting === null) fail('isacceptingadmissions', `"${acceptingRaw}" is not Yes or No`);
    let asAt: Date | null = null;
    const bst = cell('lastupdatedbst');
    const utc = cell('lastupdatedutc');
    if (bst || utc) {
      asAt = bst ? parseDateTimeText(bst, 'Europe/London') : parseDateTimeText(utc, 'UTC');
      if (!asAt) fail(bst ? 'lastupdatedbst' : 'lastupdatedutc', `"${bst || utc}" is not a date and time`);
    }
    let workforce: WorkforceInput | null = null;
    if (hasWorkforce && workforceInFile.some((c) => cell(c) !== '')) {
      for (const c of workforceInFile) if (cell(c) === '') fail(c, 'is empty (the home gave other workforce figures)');
      const sum = (cols: string[]) => cols.filter((c) => h.includes(c)).reduce((t, c) => t + (count(c) ?? 0), 0);
      workforce = {
        nurses: count(EMPLOYED.nurses) ?? 0,
        careStaff: count(EMPLOYED.careStaff) ?? 0,
        nonCareStaff: count(EMPLOYED.nonCareStaff) ?? 0,
        agencyStaff: sum(AGENCY),
        vacancies: null,
        absences: sum(ABSENT),
      };
    }
    if (issues.length > before || max === null || used === null) continue;
    if (vacant === null) vacant = Math.max(0, max - used);
    rows.push({
      line: rec.line,
      locationKey: id,
      keyColumn: named('cqcid'),
      capacityColumn: named('maxcapacity'),
      input: {
        maxCapacity: max,
        occupied: used,
        vacantAccepting: accepting ? vacant : 0,
        vacantReserved: accepting ? 0 : vacant,
      },
      asAt,
      workforce,
      workforceColumns,
    });
  }
  if (rows.length === 0 && issues.length === 0)
    issues.push({ line: head.line, field: 'header', message: 'the file has no rows after the header' });
  return { rows, issues };
}
