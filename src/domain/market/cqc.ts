// The CQC "care directory with filters" CSV, as published: four title lines, the header on line 5,
// `|`-separated service types and specialisms, and two date styles. Turns raw CSV records into locations,
// rejecting the whole file with line-and-column errors when any row is wrong.
import { authorityByCode, gssForPublishedName, GSS_CODE } from '../geography/authorities.js';
import { normalisePostcode, postcodeDistrict, type ServiceType, type Specialism } from './types.js';

export interface RawRecord {
  line: number;
  cells: string[];
}
export interface ImportIssue {
  line: number;
  field: string;
  message: string;
}

/** Header names as CQC publishes them, with the older spellings seen in earlier exports. */
export const CQC_COLUMNS = {
  name: ['Name'],
  alsoKnownAs: ['Also known as'],
  address: ['Address'],
  postcode: ['Postcode'],
  phone: ['Phone number'],
  website: ["Service's website (if available)", 'Service’s website (if available)'],
  serviceTypes: ['Service types'],
  latestCheck: ['Date of latest check'],
  specialisms: ['Specialisms/services'],
  providerName: ['Provider name'],
  localAuthority: ['Local authority', 'Local Authority'],
  region: ['Region'],
  locationUrl: ['Location URL'],
  locationId: [
    'CQC Location ID (for office use only)',
    'CQC Location (for office use only',
    'CQC Location (for office use only)',
  ],
  providerId: [
    'CQC Provider ID (for office use only)',
    'CQC Provider (for office use only',
    'CQC Provider (for office use only)',
  ],
} as const;
type Column = keyof typeof CQC_COLUMNS;
const REQUIRED: Column[] = [
  'name',
  'address',
  'postcode',
  'serviceTypes',
  'providerName',
  'localAuthority',
  'locationId',
  'providerId',
];

export interface CqcLocation {
  line: number;
  cqcLocationId: string;
  cqcProviderId: string;
  providerName: string;
  name: string;
  alsoKnownAs: string | null;
  address: string;
  postcode: string;
  postcodeDistrict: string;
  phone: string | null;
  website: string | null;
  locationUrl: string | null;
  localAuthorityName: string;
  localAuthorityGss: string | null;
  region: string | null;
  serviceTypes: ServiceType[];
  specialisms: Specialism[];
  serviceUserBands: Specialism[];
  cqcLastCheck: string | null; // ISO date
}

export interface CqcParseResult {
  locations: CqcLocation[];
  /** Rows for services outside adult social care (GPs, dentists, hospitals...), skipped. */
  skipped: number;
  issues: ImportIssue[];
}

const SERVICE_TYPE_RULES: [RegExp, ServiceType][] = [
  [/^nursing homes?$/i, 'care_home_nursing'],
  [/^(residential homes?|care homes?)$/i, 'care_home_residential'],
  [/^homecare agenc(y|ies)$/i, 'homecare'],
  [/^supported living$/i, 'supported_living'],
  [/extra care/i, 'extra_care'],
];

/**
 * CQC 'service type' texts to Steward's service types (care home residential or nursing, homecare, ...); unknown ones are dropped.
 */
export function mapServiceTypes(values: readonly string[]): ServiceType[] {
  const out = new Set<ServiceType>();
  for (const v of values) {
    for (const [re, t] of SERVICE_TYPE_RULES) if (re.test(v.trim())) out.add(t);
  }
  return [...out];
}

const SPECIALISM_RULES: [RegExp, Specialism][] = [
  [/adults over 65/i, 'older_people'],
  [/adults under 65/i, 'younger_adults'],
  [/^dementia$/i, 'dementia'],
  [/learning disabilit/i, 'learning_disability'],
  [/autis/i, 'autism'],
  [/mental health/i, 'mental_health'],
  [/physical disabilit/i, 'physical_disability'],
  [/sensory impairment/i, 'sensory_impairment'],
  [/substance misuse/i, 'substance_misuse'],
  [/eating disorder/i, 'eating_disorders'],
  [/children/i, 'children'],
];
const AGE_BANDS = new Set<Specialism>(['older_people', 'younger_adults', 'children']);

/** CQC 'service user band' and specialism texts to Steward's specialisms; unknown ones are dropped. */
export function mapSpecialisms(values: readonly string[]): Specialism[] {
  const out = new Set<Specialism>();
  for (const v of values) {
    for (const [re, s] of SPECIALISM_RULES) if (re.test(v.trim())) out.add(s);
  }
  return [...out];
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/**
 * "19/05/2022 - 00:00", "19/May/2022 - 00:00", "19/05/2022" or "2022-05-19" → "2022-05-19".
 * Returns null for an empty value (services never inspected) and throws on anything else.
 */
export function parseCqcDate(value: string): string | null {
  const v = value.trim();
  if (v === '') return null;
  let m = /^(\d{1,2})\/(\d{1,2}|[A-Za-z]{3})\/(\d{4})(?:\s*-\s*(\d{1,2}):(\d{2}))?$/.exec(v);
  let y: number;
  let mo: number;
  let d: number;
  if (m) {
    d = Number(m[1]);
    y = Number(m[3]);
    mo = /^\d+$/.test(m[2]) ? Number(m[2]) : (MONTHS[m[2].toLowerCase()] ?? 0);
  } else if ((m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v))) {
    y = Number(m[1]);
    mo = Number(m[2]);
    d = Number(m[3]);
  } else {
    throw new Error(`"${v}" is not a date (expected dd/mm/yyyy - hh:mm or dd/Mon/yyyy - hh:mm)`);
  }
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (mo < 1 || mo > 12 || dt.getUTCDate() !== d || dt.getUTCMonth() !== mo - 1)
    throw new Error(`"${v}" is not a real date`);
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const POSTCODE_RE = /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/i;
const CQC_ID_RE = /^1-\d{5,}$/;

/** Finds the header row (line 5 in current exports; earlier lines are the title block). */
export function findHeader(
  records: readonly RawRecord[],
): { index: number; columns: Record<Column, number> } | { issue: ImportIssue } {
  const limit = Math.min(records.length, 10);
  for (let i = 0; i < limit; i++) {
    const cells = records[i].cells.map((c) => c.replace(/^\uFEFF/, '').trim());
    if (cells[0] !== 'Name') continue;
    const columns = {} as Record<Column, number>;
    const missing: string[] = [];
    for (const key of Object.keys(CQC_COLUMNS) as Column[]) {
      const idx = cells.findIndex((c) => (CQC_COLUMNS[key] as readonly string[]).includes(c));
      columns[key] = idx;
      if (idx < 0 && REQUIRED.includes(key)) missing.push(CQC_COLUMNS[key][0]);
    }
    if (missing.length > 0) {
      return {
        issue: {
          line: records[i].line,
          field: missing.join(', '),
          message: `header is missing column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}`,
        },
      };
    }
    return { index: i, columns };
  }
  return {
    issue: {
      line: records[0]?.line ?? 1,
      field: 'header',
      message: 'no header line starting with "Name" in the first 10 lines: is this the CQC care directory CSV export?',
    },
  };
}

function split(v: string): string[] {
  return v
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Reads the CQC care directory (rows as read from the file): one location per row in the directory's columns, rows of
 * other kinds skipped and counted, and every problem with its line and column. Source: CQC, 'Care directory with
 * filters' (https://www.cqc.org.uk/about-us/transparency/using-cqc-data).
 */
export function parseCqcDirectory(records: readonly RawRecord[]): CqcParseResult {
  const issues: ImportIssue[] = [];
  const header = findHeader(records);
  if ('issue' in header) return { locations: [], skipped: 0, issues: [header.issue] };
  const { columns } = header;
  const locations: CqcLocation[] = [];
  const seen = new Map<string, number>();
  let skipped = 0;
  for (const rec of records.slice(header.index + 1)) {
    if (rec.cells.every((c) => c.trim() === '')) continue;
    const get = (k: Column) => (columns[k] >= 0 ? (rec.cells[columns[k]] ?? '').trim() : '');
    const col = (k: Column) => CQC_COLUMNS[k][0];
    const rowIssues: ImportIssue[] = [];
    const types = split(get('serviceTypes'));
    if (types.length === 0) rowIssues.push({ line: rec.line, field: col('serviceTypes'), message: 'is empty' });
    const serviceTypes = mapServiceTypes(types);
    if (rowIssues.length === 0 && serviceTypes.length === 0) {
      skipped++;
      continue;
    }
    const name = get('name');
    if (name === '') rowIssues.push({ line: rec.line, field: col('name'), message: 'is empty' });
    const cqcId = (key: 'locationId' | 'providerId') => {
      const v = get(key);
      if (!CQC_ID_RE.test(v))
        rowIssues.push({ line: rec.line, field: col(key), message: `"${v}" is not a CQC ID (1-nnnnn...)` });
      return v;
    };
    const locationId = cqcId('locationId');
    const providerId = cqcId('providerId');
    const providerName = get('providerName');
    if (providerName === '') rowIssues.push({ line: rec.line, field: col('providerName'), message: 'is empty' });
    const postcode = normalisePostcode(get('postcode'));
    if (!POSTCODE_RE.test(postcode))
      rowIssues.push({ line: rec.line, field: col('postcode'), message: `"${get('postcode')}" is not a UK postcode` });
    const la = get('localAuthority');
    if (la === '') rowIssues.push({ line: rec.line, field: col('localAuthority'), message: 'is empty' });
    let cqcLastCheck: string | null = null;
    try {
      cqcLastCheck = parseCqcDate(get('latestCheck'));
    } catch (e) {
      rowIssues.push({ line: rec.line, field: col('latestCheck'), message: (e as Error).message });
    }
    const firstSeen = seen.get(locationId);
    if (firstSeen !== undefined && CQC_ID_RE.test(locationId)) {
      rowIssues.push({
        line: rec.line,
        field: col('locationId'),
        message: `${locationId} is repeated (first on line ${firstSeen})`,
      });
    }
    seen.set(locationId, firstSeen ?? rec.line);
    if (rowIssues.length > 0) {
      issues.push(...rowIssues);
      continue;
    }
    const all = mapSpecialisms(split(get('specialisms')));
    locations.push({
      line: rec.line,
      cqcLocationId: locationId,
      cqcProviderId: providerId,
      providerName,
      name,
      alsoKnownAs: get('alsoKnownAs') || null,
      address: get('address'),
      postcode,
      postcodeDistrict: postcodeDistrict(postcode),
      phone: get('phone') || null,
      website: get('website') || null,
      locationUrl: get('locationUrl') || null,
      localAuthorityName: la,
      localAuthorityGss: localAuthorityGss(la),
      region: get('region') || null,
      serviceTypes,
      specialisms: all.filter((s) => !AGE_BANDS.has(s)),
      serviceUserBands: all.filter((s) => AGE_BANDS.has(s)),
      cqcLastCheck,
    });
  }
  return { locations, skipped, issues };
}

// ---- Local authority names → GSS codes: the reference geography (every English council, current and former) ----

/**
 * The GSS code for CQC's `Local authority` value, by name or code: "Bristol, City of" → E06000023; councils abolished
 * 2019–2023 give their successor where one council took over the whole area ("Aylesbury Vale" → Buckinghamshire
 * E06000060). Null for a name that is not an English council.
 */
export function localAuthorityGss(name: string): string | null {
  const v = name.trim();
  if (GSS_CODE.test(v.toUpperCase())) return authorityByCode(v)?.gssCode ?? null;
  return gssForPublishedName(v);
}
