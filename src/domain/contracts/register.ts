// One row of a contract register (CSV or XLSX) in, a validated contract out, or issues naming line and field.
// Councils keep registers in their own spreadsheets, so headers are matched loosely and labels or codes are
// accepted for the vocabularies.
import { parseMoneyToPence } from '../core/money.js';
import { BOUNDS, dateRangeError } from '../core/bounds.js';
import { addMonths, londonToday, parseDateText, type IsoDate } from '../core/dates.js';
import {
  CARE_GROUPS,
  CARE_GROUP_LABELS,
  CONTRACT_FORMS,
  CONTRACT_FORM_LABELS,
  FUNDING_SOURCES,
  FUNDING_SOURCE_LABELS,
  SERVICE_AREAS,
  SERVICE_AREA_LABELS,
  annualValueFromTotal,
  valueProblems,
  termProblems,
  type CareGroup,
  type ContractForm,
  type FundingSource,
  type ServiceArea,
} from './contract.js';

export interface RegisterIssue {
  line: number;
  field: string;
  message: string;
}

export interface RegisterContract {
  line: number;
  reference: string;
  title: string;
  providerName: string | null;
  cqcProviderId: string | null;
  cqcLocationId: string | null;
  serviceArea: ServiceArea;
  careGroup: CareGroup;
  contractForm: ContractForm;
  fundingSource: FundingSource;
  totalValuePence: number;
  annualValuePence: number;
  startDate: IsoDate;
  initialEndDate: IsoDate;
  extensionOptionsMonths: number[];
  extensionsTaken: number;
  breakClauseDates: IsoDate[];
  noticePeriodMonths: number;
  socialValue: string | null;
  leadOfficer: string | null;
}

/** Canonical field → header spellings accepted (compared lower-case, without punctuation). */
export const REGISTER_COLUMNS: Record<string, { required: boolean; headers: string[] }> = {
  reference: { required: true, headers: ['reference', 'contract reference', 'contract ref', 'ref', 'contract id'] },
  title: { required: true, headers: ['title', 'contract title', 'service', 'contract name'] },
  providerName: { required: false, headers: ['provider', 'provider name', 'supplier', 'supplier name'] },
  cqcProviderId: { required: false, headers: ['cqc provider id'] },
  cqcLocationId: { required: false, headers: ['cqc location id'] },
  serviceArea: { required: true, headers: ['service area'] },
  careGroup: { required: true, headers: ['care group', 'client group'] },
  contractForm: { required: true, headers: ['contract form', 'contract type', 'form'] },
  fundingSource: { required: true, headers: ['funding source', 'funding'] },
  totalValue: { required: true, headers: ['total value', 'total value £', 'total contract value', 'contract value'] },
  annualValue: { required: false, headers: ['annual value', 'annual value £', 'value per year'] },
  startDate: { required: true, headers: ['start date', 'start'] },
  endDate: { required: true, headers: ['end date', 'end', 'initial end date', 'expiry date'] },
  extensionOptions: { required: false, headers: ['extension options', 'extension options months', 'extensions'] },
  extensionsTaken: { required: false, headers: ['extensions taken'] },
  breakClauses: { required: false, headers: ['break clauses', 'break clause', 'break dates'] },
  noticePeriod: { required: false, headers: ['notice period', 'notice period months', 'notice months'] },
  socialValue: { required: false, headers: ['social value', 'social value commitments'] },
  leadOfficer: { required: false, headers: ['lead officer', 'contract manager', 'officer'] },
};

/** A register column's usual heading ("Total value", "End date"), for a column the file does not have. */
export function registerColumnLabel(field: string): string {
  const spec = REGISTER_COLUMNS[field];
  if (!spec) return field;
  const h = spec.headers.find((x) => x.includes(' ')) ?? spec.headers[0];
  return h.charAt(0).toUpperCase() + h.slice(1);
}

/**
 * The heading of a register field's column as the file spells it (`headers` with the map from {@link mapHeaders}),
 * or its usual heading when the file has no such column. Other names ("file") are returned as they are.
 */
export function registerHeading(field: string, headers: readonly string[], map: Map<string, number>): string {
  const i = map.get(field);
  const inFile = i === undefined ? '' : (headers[i] ?? '').trim();
  return inFile || (REGISTER_COLUMNS[field] ? registerColumnLabel(field) : field);
}

/** A register column heading as compared with the known names: lower case, punctuation as spaces, '£' kept. */
export function normaliseHeader(h: string): string {
  return h
    .toLowerCase()
    .replace(/\(.*?\)/g, ' $& ')
    .replace(/[^a-z0-9£]+/g, ' ')
    .trim();
}

/**
 * The message for a required column the file lacks: its usual heading (the label the Columns table on the import
 * page shows) first, then the other headings accepted (issue 13: "Missing column "client group"" for a file that
 * needed "Care group"). Case and punctuation do not matter.
 */
export function missingColumnMessage(label: string, accepted: readonly string[]): string {
  const others = accepted.filter((h) => normaliseHeader(h) !== normaliseHeader(label));
  const quoted = others.map((h) => `"${h.charAt(0).toUpperCase()}${h.slice(1)}"`);
  const or = quoted.length
    ? ` (or ${quoted.slice(0, -1).join(', ')}${quoted.length > 1 ? ' or ' : ''}${quoted.at(-1)})`
    : '';
  return `Missing column "${label}": add a column headed "${label}"${or}`;
}

/** Map file headers to fields; issues for required columns that are missing (line = header line). */
export function mapHeaders(headers: string[], headerLine = 1): { map: Map<string, number>; issues: RegisterIssue[] } {
  const map = new Map<string, number>();
  const normalised = headers.map(normaliseHeader);
  for (const [field, spec] of Object.entries(REGISTER_COLUMNS)) {
    const i = normalised.findIndex((h) => spec.headers.includes(h));
    if (i >= 0) map.set(field, i);
  }
  const issues = Object.entries(REGISTER_COLUMNS)
    .filter(([field, spec]) => spec.required && !map.has(field))
    .map(([field, spec]) => ({
      line: headerLine,
      field,
      message: missingColumnMessage(registerColumnLabel(field), spec.headers),
    }));
  return { map, issues };
}

function matchVocabulary<T extends string>(value: string, codes: readonly T[], labels: Record<T, string>): T | null {
  const v = value.trim().toLowerCase();
  const simple = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');
  for (const c of codes) {
    if (c === v || simple(c) === simple(v) || labels[c].toLowerCase() === v || simple(labels[c]) === simple(v))
      return c;
  }
  return null;
}

const EXTRA_SYNONYMS: Record<string, string> = {
  framework: 'framework_call_off',
  'call off': 'framework_call_off',
  'dynamic purchasing system': 'dps',
  s75: 's75_pooled',
  'section 75': 's75_pooled',
  'in house': 'in_house_sla',
  sla: 'in_house_sla',
  'general fund': 'general_fund',
  'discharge fund': 'asc_discharge_fund',
  'market sustainability': 'msif',
  'public health': 'public_health_grant',
  'older people': 'older_people',
  'learning disability': 'learning_disability_autism',
  ld: 'learning_disability_autism',
  'physical disability': 'physical_sensory',
  'care home': 'care_homes',
  'domiciliary care': 'homecare',
  carers: 'carers',
  equipment: 'equipment',
  reablement: 'reablement',
  prevention: 'prevention',
};

function vocab<T extends string>(value: string, codes: readonly T[], labels: Record<T, string>): T | null {
  const direct = matchVocabulary(value, codes, labels);
  if (direct) return direct;
  const syn = EXTRA_SYNONYMS[value.trim().toLowerCase().replace(/[-_]+/g, ' ')];
  return syn && (codes as readonly string[]).includes(syn) ? (syn as T) : null;
}

/**
 * '2026-03-31', '31/03/2026', '31-03-2026', '31/Mar/2026' or an Excel serial day number → ISO; null when not a
 * real date (the shared reading of dates in files, `parseDateText`).
 */
export function parseUkDate(value: string): IsoDate | null {
  return parseDateText(value);
}

/** '12+12', '12; 12', '2 x 12', '' → months of each option. */
export function parseExtensionOptions(value: string): number[] | null {
  const v = value.trim().toLowerCase();
  if (v === '' || v === 'none' || v === '0' || v === 'n/a') return [];
  const times = /^(\d+)\s*[x×]\s*(\d+)$/.exec(v);
  if (times) return Array.from({ length: Number(times[1]) }, () => Number(times[2]));
  const parts = v.split(/[+;,]/).map((p) => p.trim());
  if (parts.some((p) => !/^\d+$/.test(p))) return null;
  return parts.map(Number);
}

/**
 * One row of a contract register (cells by the header map) to a contract, or null with the line's issues, each
 * naming its line and field.
 */
export function parseRegisterRow(
  cells: string[],
  line: number,
  map: Map<string, number>,
): { contract: RegisterContract | null; issues: RegisterIssue[] } {
  const issues: RegisterIssue[] = [];
  const get = (field: string) => {
    const i = map.get(field);
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const fail = (field: string, message: string) => issues.push({ line, field, message });
  const required = (field: string, label: string) => {
    const v = get(field);
    if (!v) fail(field, `${label} is required`);
    return v;
  };

  const reference = required('reference', 'Reference');
  const title = required('title', 'Title');
  const providerName = get('providerName') || null;
  const cqcProviderId = get('cqcProviderId') || null;
  const contractForm = vocab(required('contractForm', 'Contract form'), CONTRACT_FORMS, CONTRACT_FORM_LABELS);
  if (get('contractForm') && !contractForm)
    fail(
      'contractForm',
      `Unknown contract form "${get('contractForm')}": use one of ${CONTRACT_FORMS.map((c) => CONTRACT_FORM_LABELS[c]).join(', ')}`,
    );
  if (!providerName && !cqcProviderId && contractForm !== 'in_house_sla')
    fail('providerName', 'Give the provider name or CQC provider ID (only an in-house SLA has no provider)');
  const serviceArea = vocab(required('serviceArea', 'Service area'), SERVICE_AREAS, SERVICE_AREA_LABELS);
  if (get('serviceArea') && !serviceArea)
    fail(
      'serviceArea',
      `Unknown service area "${get('serviceArea')}": use one of ${SERVICE_AREAS.map((c) => SERVICE_AREA_LABELS[c]).join(', ')}`,
    );
  const careGroup = vocab(required('careGroup', 'Care group'), CARE_GROUPS, CARE_GROUP_LABELS);
  if (get('careGroup') && !careGroup)
    fail(
      'careGroup',
      `Unknown care group "${get('careGroup')}": use one of ${CARE_GROUPS.map((c) => CARE_GROUP_LABELS[c]).join(', ')}`,
    );
  const fundingSource = vocab(required('fundingSource', 'Funding source'), FUNDING_SOURCES, FUNDING_SOURCE_LABELS);
  if (get('fundingSource') && !fundingSource)
    fail(
      'fundingSource',
      `Unknown funding source "${get('fundingSource')}": use one of ${FUNDING_SOURCES.map((c) => FUNDING_SOURCE_LABELS[c]).join(', ')}`,
    );

  const totalRaw = required('totalValue', 'Total value');
  const totalValuePence = totalRaw ? parseMoneyToPence(totalRaw) : null;
  if (totalRaw && totalValuePence === null)
    fail('totalValue', `Total value "${totalRaw}" is not an amount in pounds (e.g. 1250000 or £1,250,000.00)`);
  const annualRaw = get('annualValue');
  let annualValuePence = annualRaw ? parseMoneyToPence(annualRaw) : null;
  if (annualRaw && annualValuePence === null)
    fail('annualValue', `Annual value "${annualRaw}" is not an amount in pounds`);

  // The same bounds the API and forms use (src/domain/core/bounds.ts).
  const { max } = BOUNDS.contractValuePence;
  for (const [field, label, pence] of [
    ['totalValue', 'Total value', totalValuePence],
    ['annualValue', 'Annual value', annualValuePence],
  ] as const)
    if (pence !== null && pence > max)
      fail(field, `${label} is more than £${(max / 100).toLocaleString('en-GB')}: check the figure (in pounds)`);

  const startRaw = required('startDate', 'Start date');
  const startDate = startRaw ? parseUkDate(startRaw) : null;
  if (startRaw && !startDate)
    fail('startDate', `Start date "${startRaw}" is not a date (use YYYY-MM-DD or DD/MM/YYYY)`);
  const endRaw = required('endDate', 'End date');
  const endDate = endRaw ? parseUkDate(endRaw) : null;
  if (endRaw && !endDate) fail('endDate', `End date "${endRaw}" is not a date (use YYYY-MM-DD or DD/MM/YYYY)`);
  const latest = addMonths(londonToday(), 12 * BOUNDS.planningYearsAhead);
  for (const [field, label, d] of [
    ['startDate', 'Start date', startDate],
    ['endDate', 'End date', endDate],
  ] as const) {
    const e = d && dateRangeError(field, label, d, { earliest: BOUNDS.earliestRecordDate, latest });
    if (e) fail(e.field, e.message);
  }

  const extensionOptionsMonths = parseExtensionOptions(get('extensionOptions'));
  if (!extensionOptionsMonths)
    fail(
      'extensionOptions',
      `Extension options "${get('extensionOptions')}" should be months per option, e.g. 12+12 or 2 x 12`,
    );
  const takenRaw = get('extensionsTaken') || '0';
  const extensionsTaken = /^\d+$/.test(takenRaw) ? Number(takenRaw) : null;
  if (extensionsTaken === null) fail('extensionsTaken', `Extensions taken "${takenRaw}" is not a whole number`);
  const noticeRaw = get('noticePeriod') || '3';
  const noticePeriodMonths = /^\d+$/.test(noticeRaw) ? Number(noticeRaw) : null;
  if (noticePeriodMonths === null)
    fail('noticePeriod', `Notice period "${noticeRaw}" should be a whole number of months`);
  const breakClauseDates: IsoDate[] = [];
  for (const part of get('breakClauses')
    .split(/[;,]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const d = parseUkDate(part);
    if (d) breakClauseDates.push(d);
    else fail('breakClauses', `Break clause "${part}" is not a date`);
  }

  // The two money figures agree with each other and the initial term (the API's check, valueProblems).
  if (totalValuePence !== null && annualValuePence !== null && startDate && endDate)
    for (const p of valueProblems({ totalValuePence, annualValuePence, startDate, initialEndDate: endDate }))
      fail(p.field === 'totalValuePence' ? 'totalValue' : 'annualValue', p.message);

  if (
    issues.length > 0 ||
    !contractForm ||
    !serviceArea ||
    !careGroup ||
    !fundingSource ||
    totalValuePence === null ||
    !startDate ||
    !endDate ||
    !extensionOptionsMonths ||
    extensionsTaken === null ||
    noticePeriodMonths === null
  ) {
    return { contract: null, issues };
  }
  const term = {
    startDate,
    initialEndDate: endDate,
    extensionOptionsMonths,
    extensionsTaken,
    noticePeriodMonths,
    breakClauseDates,
  };
  const fieldNames: Record<string, string> = {
    initialEndDate: 'endDate',
    extensionOptionsMonths: 'extensionOptions',
    noticePeriodMonths: 'noticePeriod',
    breakClauseDates: 'breakClauses',
  };
  for (const p of termProblems(term)) fail(fieldNames[p.field] ?? p.field, p.message);
  if (issues.length) return { contract: null, issues };
  if (annualValuePence === null) annualValuePence = annualValueFromTotal(totalValuePence, startDate, endDate);
  return {
    contract: {
      line,
      reference,
      title,
      providerName,
      cqcProviderId,
      cqcLocationId: get('cqcLocationId') || null,
      serviceArea,
      careGroup,
      contractForm,
      fundingSource,
      totalValuePence,
      annualValuePence,
      ...term,
      socialValue: get('socialValue') || null,
      leadOfficer: get('leadOfficer') || null,
    },
    issues,
  };
}

/** Parse a whole register: every row checked, duplicate references reported, nothing returned if any issue. */
export function parseRegister(
  rows: { line: number; cells: string[] }[],
  headers: string[],
  headerLine = 1,
): { contracts: RegisterContract[]; issues: RegisterIssue[] } {
  const { map, issues } = mapHeaders(headers, headerLine);
  // Problems name the column as the file heads it ("Contract end date"), never Steward's own field names.
  const named = (list: RegisterIssue[]) => list.map((i) => ({ ...i, field: registerHeading(i.field, headers, map) }));
  if (issues.length) return { contracts: [], issues: named(issues) };
  const contracts: RegisterContract[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    if (row.cells.every((c) => !c || !c.trim())) continue;
    const r = parseRegisterRow(row.cells, row.line, map);
    issues.push(...r.issues);
    if (r.contract) {
      const first = seen.get(r.contract.reference);
      if (first !== undefined)
        issues.push({
          line: row.line,
          field: 'reference',
          message: `Reference ${r.contract.reference} is repeated (first on line ${first})`,
        });
      else seen.set(r.contract.reference, row.line);
      contracts.push(r.contract);
    }
  }
  if (rows.length === 0) issues.push({ line: headerLine, field: 'file', message: 'The register has no contracts' });
  return { contracts: issues.length ? [] : contracts, issues: named(issues) };
}
