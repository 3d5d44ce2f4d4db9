// Bulk capacity update: a provider's CSV with one row per care home. Validates the whole file (every row,
// every field) before anything is written.
import { validateCareHomeCapacity, type CareHomeCapacityInput } from './capacity.js';
import type { ImportIssue, RawRecord } from './cqc.js';

export const BULK_CAPACITY_COLUMNS = [
  'cqc_location_id',
  'location_name',
  'max_capacity',
  'occupied',
  'vacant_reserved',
  'vacant_accepting',
  'residential_max',
  'residential_occupied',
  'residential_vacant_accepting',
  'nursing_max',
  'nursing_occupied',
  'nursing_vacant_accepting',
  'dementia_max',
  'dementia_occupied',
  'dementia_vacant_accepting',
] as const;
const REQUIRED = ['max_capacity', 'occupied', 'vacant_reserved', 'vacant_accepting'] as const;
const FIELD_OF: Record<string, keyof CareHomeCapacityInput> = {
  max_capacity: 'maxCapacity',
  occupied: 'occupied',
  vacant_reserved: 'vacantReserved',
  vacant_accepting: 'vacantAccepting',
  residential_max: 'residentialMax',
  residential_occupied: 'residentialOccupied',
  residential_vacant_accepting: 'residentialVacantAccepting',
  nursing_max: 'nursingMax',
  nursing_occupied: 'nursingOccupied',
  nursing_vacant_accepting: 'nursingVacantAccepting',
  dementia_max: 'dementiaMax',
  dementia_occupied: 'dementiaOccupied',
  dementia_vacant_accepting: 'dementiaVacantAccepting',
};
const COLUMN_OF = Object.fromEntries(Object.entries(FIELD_OF).map(([c, f]) => [f, c])) as Record<string, string>;

export interface BulkCapacityRow {
  line: number;
  locationKey: string;
  /** The file's heading of the column naming the location (`location_id`, `cqc_location_id`, `cqcid`). */
  keyColumn: string;
  /** The file's heading of the beds-it-can-staff column (`max_capacity`, or the Capacity Tracker's `maxcapacity`). */
  capacityColumn?: string;
  input: CareHomeCapacityInput;
}

/**
 * Parses the bulk file. Locations are named by `location_id` (Steward's id, as in the downloaded template)
 * or `cqc_location_id`. `registeredBeds(key)` returns the home's CQC beds, or undefined if the key is not one
 * of the uploader's care homes (reported as an error on that line).
 */
export function parseBulkCapacity(
  records: readonly RawRecord[],
  registeredBeds: (key: string) => number | null | undefined,
): { rows: BulkCapacityRow[]; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  if (records.length === 0) return { rows: [], issues: [{ line: 1, field: 'header', message: 'the file is empty' }] };
  const header = records[0].cells.map((h) =>
    h
      .replace(/^\uFEFF/, '')
      .trim()
      .toLowerCase(),
  );
  const keyColumn = header.includes('location_id')
    ? 'location_id'
    : header.includes('cqc_location_id')
      ? 'cqc_location_id'
      : null;
  const missing = [
    ...(keyColumn ? [] : ['location_id or cqc_location_id']),
    ...REQUIRED.filter((c) => !header.includes(c)),
  ];
  if (missing.length)
    return {
      rows: [],
      issues: [
        {
          line: records[0].line,
          field: 'header',
          message: `missing column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`,
        },
      ],
    };
  const rows: BulkCapacityRow[] = [];
  const seen = new Map<string, number>();
  for (const rec of records.slice(1)) {
    if (rec.cells.every((c) => c.trim() === '')) continue;
    const cell = (col: string) => {
      const i = header.indexOf(col);
      return i < 0 ? '' : (rec.cells[i] ?? '').trim();
    };
    const key = cell(keyColumn!);
    const rowIssues: ImportIssue[] = [];
    const beds = registeredBeds(key);
    if (key === '') rowIssues.push({ line: rec.line, field: keyColumn!, message: 'is empty' });
    else if (beds === undefined)
      rowIssues.push({ line: rec.line, field: keyColumn!, message: `${key} is not one of your care homes` });
    if (seen.has(key) && key !== '')
      rowIssues.push({
        line: rec.line,
        field: keyColumn!,
        message: `${key} is repeated (first on line ${seen.get(key)})`,
      });
    seen.set(key, seen.get(key) ?? rec.line);
    const input: Record<string, number | null> = {};
    for (const [col, field] of Object.entries(FIELD_OF)) {
      const raw = cell(col);
      if (raw === '') {
        input[field] = (REQUIRED as readonly string[]).includes(col) ? NaN : null;
        continue;
      }
      input[field] = /^-?\d+$/.test(raw) ? Number(raw) : NaN;
      if (Number.isNaN(input[field]))
        rowIssues.push({ line: rec.line, field: col, message: `"${raw}" is not a whole number` });
    }
    for (const col of REQUIRED)
      if (cell(col) === '') rowIssues.push({ line: rec.line, field: col, message: 'is empty' });
    // The figures' own checks run whatever else is wrong on the line (every problem in one go), leaving out a
    // column already reported (an empty or unreadable figure) so nothing is said twice.
    for (const e of validateCareHomeCapacity(input as unknown as CareHomeCapacityInput, beds ?? undefined)) {
      const field = COLUMN_OF[e.field] ?? e.field;
      if (!rowIssues.some((i) => i.field === field)) rowIssues.push({ line: rec.line, field, message: e.message });
    }
    if (rowIssues.length) {
      issues.push(...rowIssues);
      continue;
    }
    rows.push({
      line: rec.line,
      locationKey: key,
      keyColumn: keyColumn!,
      input: input as unknown as CareHomeCapacityInput,
    });
  }
  if (rows.length === 0 && issues.length === 0)
    issues.push({ line: records[0].line, field: 'header', message: 'the file has no rows after the header' });
  return { rows, issues };
}

/** The template a provider downloads: its care homes with their latest figures, ready to edit. */
export function bulkCapacityTemplate(
  homes: readonly {
    id: string;
    cqcLocationId: string | null;
    name: string;
    latest: Partial<CareHomeCapacityInput> | null;
  }[],
): string[][] {
  const out: string[][] = [['location_id', ...BULK_CAPACITY_COLUMNS]];
  for (const h of homes) {
    const v = (f: keyof CareHomeCapacityInput) => (h.latest?.[f] == null ? '' : String(h.latest[f]));
    out.push([h.id, h.cqcLocationId ?? '', h.name, ...BULK_CAPACITY_COLUMNS.slice(2).map((c) => v(FIELD_OF[c]))]);
  }
  return out;
}
