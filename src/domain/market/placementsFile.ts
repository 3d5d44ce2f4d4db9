// A council's placements and packages as its case-management system exports them (Mosaic, LiquidLogic, ContrOCC
// reports…): one row per package. Headers are matched loosely; vocabularies accept Steward's codes, their labels
// and the usual words of those systems. Pure: person references are pseudonymised by the importer.
import { BOUNDS, withinBounds } from '../core/bounds.js';
import { parseMoneyToPence } from '../core/money.js';
import { parseDateText } from '../core/dates.js';
import { weeklyCostOfHours } from './prices.js';
import {
  BAND_LABELS,
  BANDS,
  CONTRACT_TYPES,
  FUNDING,
  INDIVIDUAL_BAND,
  PURPOSES,
  SERVICE_TYPE_LABELS,
  SERVICE_TYPES,
  type ContractType,
  type Funding,
  type PlacementBand,
  type Purpose,
  type ServiceType,
} from './types.js';

export interface FileIssue {
  line: number | null;
  field?: string;
  message: string;
}

/** Our field → accepted header spellings (compared lower-case with spaces, dashes and underscores squashed). */
export const PLACEMENT_COLUMNS = {
  packageId: ['package id', 'package_id', 'package reference', 'package ref', 'service agreement id', 'placement id'],
  personRef: ['person reference', 'person ref', 'person_ref', 'person id', 'client id', 'service user id', 'person'],
  serviceType: ['service type', 'service_type', 'service'],
  cqcLocationId: ['cqc location id', 'cqc_location_id', 'location id', 'cqc id'],
  provider: ['provider', 'provider name', 'location', 'location name', 'home'],
  band: ['band', 'rate band', 'usual rate band'],
  startDate: ['start date', 'start', 'start_date', 'package start'],
  endDate: ['end date', 'end', 'end_date', 'package end'],
  weeklyCost: ['weekly cost', 'weekly cost (£)', 'weekly price', 'weekly_price', 'cost per week', 'weekly_cost'],
  hoursPerWeek: ['hours per week', 'weekly hours', 'hours_per_week', 'hours'],
  hourlyRate: ['hourly rate', 'hourly rate (£)', 'hourly_rate', 'rate per hour'],
  funding: ['funding', 'funding source', 'funder'],
  contractType: ['contract type', 'contract_type', 'contract'],
  purpose: ['purpose', 'placement purpose'],
  topUp: ['top up', 'top-up', 'top_up', 'third party top up', 'weekly top up'],
} as const;
export type PlacementColumn = keyof typeof PLACEMENT_COLUMNS;
const REQUIRED: PlacementColumn[] = ['packageId', 'personRef', 'serviceType', 'startDate'];

const squash = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/^\uFEFF/, '')
    .replace(/[\s_-]+/g, ' ');

/** Column positions of a header; missing required columns, and a missing location, as issues on its line. */
export function mapPlacementHeader(
  header: readonly string[],
  line: number,
): { index: Record<PlacementColumn, number>; names: Record<PlacementColumn, string>; issues: FileIssue[] } {
  const h = header.map(squash);
  const index = {} as Record<PlacementColumn, number>;
  const names = {} as Record<PlacementColumn, string>;
  const issues: FileIssue[] = [];
  for (const key of Object.keys(PLACEMENT_COLUMNS) as PlacementColumn[]) {
    const pos = PLACEMENT_COLUMNS[key].map((n) => h.indexOf(squash(n))).find((i) => i >= 0) ?? -1;
    index[key] = pos;
    names[key] = pos >= 0 ? header[pos].trim() : PLACEMENT_COLUMNS[key][0];
    if (pos < 0 && REQUIRED.includes(key))
      issues.push({ line, field: PLACEMENT_COLUMNS[key][0], message: `missing column "${PLACEMENT_COLUMNS[key][0]}"` });
  }
  if (index.cqcLocationId < 0 && index.provider < 0)
    issues.push({ line, field: 'cqc location id', message: 'missing column "CQC location ID" (or "Provider")' });
  if (index.weeklyCost < 0 && (index.hoursPerWeek < 0 || index.hourlyRate < 0))
    issues.push({
      line,
      field: 'weekly cost',
      message: 'missing column "Weekly cost" (or "Hours per week" and "Hourly rate")',
    });
  return { index, names, issues };
}

/** Each vocabulary's accepted spellings, squashed, built once per vocabulary (a national file has a million rows). */
const VOCABS = new WeakMap<readonly string[], Map<string, string>>();

function vocab<T extends string>(
  raw: string,
  codes: readonly T[],
  labels: Partial<Record<T, string>>,
  words: Record<string, T>,
): T | null {
  let lookup = VOCABS.get(codes);
  if (!lookup) {
    lookup = new Map<string, string>(Object.entries(words));
    for (const c of [...codes].reverse()) {
      if (labels[c]) lookup.set(squash(labels[c]), c);
      lookup.set(squash(c), c);
    }
    lookup.delete('');
    VOCABS.set(codes, lookup);
  }
  return (lookup.get(squash(raw)) as T | undefined) ?? null;
}

const SERVICE_WORDS: Record<string, ServiceType> = {
  residential: 'care_home_residential',
  'residential care': 'care_home_residential',
  'care home': 'care_home_residential',
  'residential home': 'care_home_residential',
  nursing: 'care_home_nursing',
  'nursing care': 'care_home_nursing',
  'nursing home': 'care_home_nursing',
  homecare: 'homecare',
  'home care': 'homecare',
  domiciliary: 'homecare',
  'domiciliary care': 'homecare',
  'supported living': 'supported_living',
  'extra care': 'extra_care',
  'extra care housing': 'extra_care',
};
const FUNDING_WORDS: Record<string, Funding> = {
  la: 'council',
  'local authority': 'council',
  asc: 'council',
  chc: 'nhs',
  'continuing healthcare': 'nhs',
  icb: 'nhs',
  'self funded': 'self_funded',
  'self funder': 'self_funded',
  private: 'self_funded',
  'joint funded': 'joint',
  s117: 'joint',
};
const PURPOSE_WORDS: Record<string, Purpose> = {
  'long term': 'long_term',
  permanent: 'long_term',
  'discharge to assess': 'd2a',
  'short term': 'short_term',
  temporary: 'short_term',
  'short break': 'respite',
};
const ALL_BANDS: readonly PlacementBand[] = [...BANDS, INDIVIDUAL_BAND];
const BAND_WORDS: Record<string, PlacementBand> = { individual: INDIVIDUAL_BAND, negotiated: INDIVIDUAL_BAND };

/** One package as read, before pseudonymisation and location lookup. */
export interface PlacementFileRow {
  line: number;
  packageId: string;
  personRef: string;
  serviceType: ServiceType;
  /** CQC location ID, or the provider/location name to match when the file has no CQC ID. */
  locationKey: string;
  locationBy: 'cqc' | 'name';
  band: PlacementBand;
  startDate: string;
  endDate: string | null;
  /** The file's weekly cost, or for an hourly package given without one, hours × rate (see weeklyCostOfHours). */
  weeklyPricePence: number;
  /** Hours a week (to the hundredth) and the hourly rate (pence) of an hourly package, else null. */
  hoursPerWeek: number | null;
  hourlyRatePence: number | null;
  topUpWeeklyPence: number;
  funding: Funding;
  contractType: ContractType;
  purpose: Purpose;
}

/**
 * Reads one data row. Band defaults to `homecare_hourly` for hourly packages and `individual` otherwise; funding
 * to council, contract type to spot, purpose to long term. An hourly package ("Hours per week" and "Hourly rate")
 * keeps both; its weekly cost is the file's when given, else hours × rate in pence rounded half up (12.5 h at
 * £23.45 = 29,312.5p → £293.13), within BOUNDS.weeklyPricePence. Every bad cell is an issue naming the file's column.
 */
export function parsePlacementRow(
  cells: readonly string[],
  line: number,
  map: { index: Record<PlacementColumn, number>; names: Record<PlacementColumn, string> },
): { row: PlacementFileRow | null; issues: FileIssue[] } {
  const issues: FileIssue[] = [];
  const get = (k: PlacementColumn) => (map.index[k] >= 0 ? (cells[map.index[k]] ?? '').trim() : '');
  const fail = (k: PlacementColumn, message: string) => issues.push({ line, field: map.names[k], message });
  const packageId = get('packageId');
  if (!packageId) fail('packageId', 'is empty');
  else if (packageId.length > 64) fail('packageId', 'is longer than 64 characters');
  const personRef = get('personRef');
  if (!personRef) fail('personRef', 'is empty');
  const serviceRaw = get('serviceType');
  const serviceType = vocab(serviceRaw, SERVICE_TYPES, SERVICE_TYPE_LABELS, SERVICE_WORDS);
  if (!serviceType)
    fail(
      'serviceType',
      `"${serviceRaw}" is not a service type (residential, nursing, homecare, supported living, extra care)`,
    );
  const cqc = get('cqcLocationId');
  const provider = get('provider');
  if (cqc && !/^1-\d{5,}$/.test(cqc)) fail('cqcLocationId', `"${cqc}" is not a CQC location ID`);
  if (!cqc && !provider) fail(map.index.cqcLocationId >= 0 ? 'cqcLocationId' : 'provider', 'is empty');
  const startRaw = get('startDate');
  const startDate = parseDateText(startRaw);
  if (!startDate) fail('startDate', startRaw ? `"${startRaw}" is not a date` : 'is empty');
  const endRaw = get('endDate');
  const endDate = endRaw ? parseDateText(endRaw) : null;
  if (endRaw && !endDate) fail('endDate', `"${endRaw}" is not a date`);
  if (startDate && endDate && endDate < startDate) fail('endDate', `${endDate} is before the start date ${startDate}`);
  const money = (k: PlacementColumn): number | null => {
    const raw = get(k);
    if (!raw) return null;
    const p = parseMoneyToPence(raw);
    if (p === null) fail(k, `"${raw}" is not an amount in pounds (e.g. 1,234.56)`);
    else {
      const range = k === 'hourlyRate' ? BOUNDS.hourlyRatePence : BOUNDS.weeklyPricePence;
      if (!withinBounds(p, range))
        fail(k, `"${raw}" is more than £${(range.max / 100).toLocaleString('en-GB')}, the most Steward accepts`);
    }
    return p;
  };
  const weeklyPricePence = money('weeklyCost');
  const hourlyRatePence = money('hourlyRate');
  const hoursRaw = get('hoursPerWeek');
  let hoursPerWeek: number | null = null;
  if (hoursRaw) {
    const hours = Number(hoursRaw);
    if (!/^\d+(\.\d{1,2})?$/.test(hoursRaw) || hours <= 0 || !withinBounds(hours, BOUNDS.hoursPerWeek, false))
      fail(
        'hoursPerWeek',
        `"${hoursRaw}" is not a number of hours above 0 and at most ${BOUNDS.hoursPerWeek.max} (at most two decimals)`,
      );
    else hoursPerWeek = hours;
  }
  // Hourly when either cell is filled; an empty partner is named (a filled but bad cell has its own message).
  const rateRaw = get('hourlyRate');
  const hourly = hoursRaw !== '' || rateRaw !== '';
  if (hourly && (hoursRaw === '' || rateRaw === ''))
    fail(hoursRaw === '' ? 'hoursPerWeek' : 'hourlyRate', 'is needed with the other of hours per week and hourly rate');
  if (!hourly && weeklyPricePence === null && !issues.some((i) => i.field === map.names.weeklyCost))
    fail('weeklyCost', 'is empty (give the weekly cost, or hours per week and hourly rate)');
  const bandRaw = get('band');
  const band = bandRaw
    ? vocab<PlacementBand>(bandRaw, ALL_BANDS, BAND_LABELS, BAND_WORDS)
    : hourly
      ? 'homecare_hourly'
      : INDIVIDUAL_BAND;
  if (!band) fail('band', `"${bandRaw}" is not a band (${ALL_BANDS.join(', ')})`);
  const fundingRaw = get('funding');
  const funding = fundingRaw ? vocab(fundingRaw, FUNDING, {}, FUNDING_WORDS) : 'council';
  if (!funding) fail('funding', `"${fundingRaw}" is not council, NHS, self-funded or joint`);
  const contractRaw = get('contractType');
  const contractType = contractRaw ? vocab(contractRaw, CONTRACT_TYPES, {}, {}) : 'spot';
  if (!contractType) fail('contractType', `"${contractRaw}" is not spot, framework, block or DPS`);
  const purposeRaw = get('purpose');
  const purpose = purposeRaw ? vocab(purposeRaw, PURPOSES, {}, PURPOSE_WORDS) : 'long_term';
  if (!purpose) fail('purpose', `"${purposeRaw}" is not long term, D2A, respite or short term`);
  const topUp = money('topUp') ?? 0;
  // The file's own weekly cost stands when given; otherwise hours × rate, to the penny half up.
  let weekly = weeklyPricePence;
  if (weekly === null && hoursPerWeek !== null && hourlyRatePence !== null) {
    weekly = weeklyCostOfHours(hoursPerWeek, hourlyRatePence);
    if (!withinBounds(weekly, BOUNDS.weeklyPricePence))
      fail(
        'hoursPerWeek',
        `${hoursRaw} hours at £${(hourlyRatePence / 100).toFixed(2)} an hour is £${(weekly / 100).toLocaleString('en-GB', { minimumFractionDigits: 2 })} a week, more than £${(BOUNDS.weeklyPricePence.max / 100).toLocaleString('en-GB')}, the most Steward accepts`,
      );
  }
  if (issues.length) return { row: null, issues };
  return {
    row: {
      line,
      packageId,
      personRef,
      serviceType: serviceType!,
      locationKey: cqc || provider,
      locationBy: cqc ? 'cqc' : 'name',
      band: band!,
      startDate: startDate!,
      endDate,
      weeklyPricePence: weekly!,
      hoursPerWeek,
      hourlyRatePence,
      topUpWeeklyPence: topUp,
      funding: funding!,
      contractType: contractType!,
      purpose: purpose!,
    },
    issues,
  };
}
