// The contract register: vocabularies and the arithmetic of a contract's term (extensions, notice, breaks).
import { addDays, addMonths, daysBetween, longDateText, type IsoDate } from '../core/dates.js';
import { poundsText } from '../core/money.js';

export const SERVICE_AREAS = [
  'care_homes',
  'homecare',
  'supported_living',
  'extra_care',
  'reablement',
  'day_opportunities',
  'carers',
  'prevention',
  'advocacy',
  'equipment',
  'other',
] as const;
export type ServiceArea = (typeof SERVICE_AREAS)[number];
export const SERVICE_AREA_LABELS: Record<ServiceArea, string> = {
  care_homes: 'Care homes',
  homecare: 'Homecare',
  supported_living: 'Supported living',
  extra_care: 'Extra care housing',
  reablement: 'Reablement and intermediate care',
  day_opportunities: 'Day opportunities',
  carers: "Carers' support",
  prevention: 'Prevention and wellbeing',
  advocacy: 'Advocacy',
  equipment: 'Equipment and assistive technology',
  other: 'Other',
};

export const CARE_GROUPS = [
  'older_people',
  'learning_disability_autism',
  'mental_health',
  'physical_sensory',
  'carers',
  'all_adults',
] as const;
export type CareGroup = (typeof CARE_GROUPS)[number];
export const CARE_GROUP_LABELS: Record<CareGroup, string> = {
  older_people: 'Older people (65+)',
  learning_disability_autism: 'Learning disability and autism',
  mental_health: 'Mental health',
  physical_sensory: 'Physical disability and sensory impairment',
  carers: 'Carers',
  all_adults: 'All adults',
};

export const CONTRACT_FORMS = [
  'block',
  'spot',
  'framework_call_off',
  'dps',
  'cost_and_volume',
  'grant',
  's75_pooled',
  'in_house_sla',
] as const;
export type ContractForm = (typeof CONTRACT_FORMS)[number];
export const CONTRACT_FORM_LABELS: Record<ContractForm, string> = {
  block: 'Block',
  spot: 'Spot',
  framework_call_off: 'Framework call-off',
  dps: 'Dynamic purchasing system (DPS)',
  cost_and_volume: 'Cost and volume',
  grant: 'Grant',
  s75_pooled: 'Section 75 pooled arrangement',
  in_house_sla: 'In-house service level agreement',
};

export const FUNDING_SOURCES = [
  'general_fund',
  'bcf',
  'ibcf',
  'dfg',
  'asc_discharge_fund',
  'msif',
  'public_health_grant',
  'icb',
] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];
export const FUNDING_SOURCE_LABELS: Record<FundingSource, string> = {
  general_fund: 'Council general fund',
  bcf: 'Better Care Fund (NHS minimum contribution)',
  ibcf: 'Improved Better Care Fund (iBCF)',
  dfg: 'Disabled Facilities Grant (DFG)',
  asc_discharge_fund: 'ASC Discharge Fund',
  msif: 'Market Sustainability and Improvement Fund',
  public_health_grant: 'Public Health grant',
  icb: 'Integrated Care Board (ICB)',
};

/** The parts of a contract its term depends on. */
export interface ContractTerm {
  startDate: IsoDate;
  /** End of the initial term, before any extension. */
  initialEndDate: IsoDate;
  /** Extension options in order, in months ("3+1+1" is [12, 12]). */
  extensionOptionsMonths: number[];
  /** How many of those options have been taken (always the first ones, in order). */
  extensionsTaken: number;
  noticePeriodMonths: number;
  breakClauseDates: IsoDate[];
  /** The last day of a contract ended early (terminated), which replaces the term's end; null or absent while it runs. */
  endedOn?: IsoDate | null;
}

export interface TermSummary {
  currentEndDate: IsoDate;
  /** The longest the contract can run if every remaining option is taken. */
  maximumEndDate: IsoDate;
  extensionsRemaining: number[];
  /** Last day to serve notice so it expires on or before the current end (end − notice period). */
  noticeDeadline: IsoDate;
  nextBreakClause: IsoDate | null;
  /** Days from asAt to the current end (negative once ended). */
  daysToEnd: number;
  status: 'not_started' | 'live' | 'ended';
}

/**
 * The contract's end date with the extensions taken so far (calendar months added to the initial end date), or the
 * day it was ended early when it has been.
 */
export function currentEndDate(term: ContractTerm): IsoDate {
  if (term.endedOn) return term.endedOn;
  const months = term.extensionOptionsMonths.slice(0, term.extensionsTaken).reduce((a, b) => a + b, 0);
  return addMonths(term.initialEndDate, months);
}

/** The latest the contract can run to if every extension option is taken (its end day once ended early). */
export function maximumEndDate(term: ContractTerm): IsoDate {
  if (term.endedOn) return term.endedOn;
  const months = term.extensionOptionsMonths.reduce((a, b) => a + b, 0);
  return addMonths(term.initialEndDate, months);
}

/** The last day to give notice: `noticePeriodMonths` calendar months before the end date. */
export function noticeDeadline(endDate: IsoDate, noticePeriodMonths: number): IsoDate {
  return addMonths(endDate, -noticePeriodMonths);
}

/**
 * A contract's term as at a date: current and maximum end dates, extensions left, the next break clause before the
 * end, and the notice deadline.
 */
export function summariseTerm(term: ContractTerm, asAt: IsoDate): TermSummary {
  const end = currentEndDate(term);
  const nextBreak = term.breakClauseDates.filter((d) => d >= asAt && d <= end).sort()[0] ?? null;
  return {
    currentEndDate: end,
    maximumEndDate: maximumEndDate(term),
    extensionsRemaining: term.endedOn ? [] : term.extensionOptionsMonths.slice(term.extensionsTaken),
    noticeDeadline: noticeDeadline(end, term.noticePeriodMonths),
    nextBreakClause: nextBreak,
    daysToEnd: daysBetween(asAt, end),
    status: asAt < term.startDate ? 'not_started' : asAt > end ? 'ended' : 'live',
  };
}

/** Take the next extension option: the new end date, or a reason why not. */
export function takeExtension(
  term: ContractTerm,
): { ok: true; term: ContractTerm; newEndDate: IsoDate } | { ok: false; reason: string } {
  if (term.endedOn) return { ok: false, reason: 'This contract has been ended: it cannot be extended' };
  if (term.extensionsTaken >= term.extensionOptionsMonths.length) {
    return { ok: false, reason: 'No extension options remain on this contract' };
  }
  const next = { ...term, extensionsTaken: term.extensionsTaken + 1 };
  return { ok: true, term: next, newEndDate: currentEndDate(next) };
}

/** Problems with a contract's term, each naming its field. */
export function termProblems(term: ContractTerm): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (term.initialEndDate < term.startDate)
    problems.push({
      field: 'initialEndDate',
      message: 'End date of the initial term must be on or after the start date',
    });
  if (term.extensionsTaken < 0 || term.extensionsTaken > term.extensionOptionsMonths.length) {
    const options = term.extensionOptionsMonths.length;
    problems.push({
      field: 'extensionsTaken',
      message:
        options === 0
          ? 'Extensions already taken must be 0: the contract has no extension options'
          : `Extensions already taken must be from 0 to ${options} (the extension options on the contract)`,
    });
  }
  if (term.extensionOptionsMonths.some((m) => !Number.isInteger(m) || m <= 0 || m > 120)) {
    problems.push({
      field: 'extensionOptionsMonths',
      message: 'Each extension option must be a whole number of months from 1 to 120',
    });
  }
  if (!Number.isInteger(term.noticePeriodMonths) || term.noticePeriodMonths < 0 || term.noticePeriodMonths > 24) {
    problems.push({
      field: 'noticePeriodMonths',
      message: 'Notice period must be a whole number of months from 0 to 24',
    });
  }
  const end = problems.length === 0 ? maximumEndDate(term) : term.initialEndDate;
  for (const d of term.breakClauseDates) {
    if (d < term.startDate || d > end)
      problems.push({
        field: 'breakClauseDates',
        message: `Break clause ${longDateText(d)} must fall within the contract term (${longDateText(term.startDate)} to ${longDateText(end)})`,
      });
  }
  return problems;
}

/**
 * Why a contract cannot be ended early on `endedOn` (its last day), or null when it can: it must not be ended
 * already, and the day must fall within its term (on or after the start, on or before the current end date).
 */
export function endProblem(term: ContractTerm, endedOn: IsoDate): { field: string; message: string } | null {
  if (term.endedOn)
    return { field: 'endedOn', message: `This contract has already been ended (on ${longDateText(term.endedOn)})` };
  if (endedOn < term.startDate)
    return {
      field: 'endedOn',
      message: `Last day of the contract must be on or after its start date (${longDateText(term.startDate)})`,
    };
  const end = currentEndDate(term);
  if (endedOn > end)
    return {
      field: 'endedOn',
      message: `Last day of the contract must be on or before its current end date (${longDateText(end)})`,
    };
  return null;
}

/** The parts of a contract a variation can change (each optional: only those given change). */
export interface VariationChanges {
  title?: string;
  totalValuePence?: number;
  annualValuePence?: number;
  initialEndDate?: IsoDate;
  extensionOptionsMonths?: number[];
  noticePeriodMonths?: number;
  breakClauseDates?: IsoDate[];
  socialValue?: string | null;
}

/** The names of the changes a variation makes to a contract (fields whose value differs from the current one). */
export function variedFields(
  current: Required<VariationChanges>,
  changes: VariationChanges,
): (keyof VariationChanges)[] {
  return (Object.keys(changes) as (keyof VariationChanges)[]).filter(
    (k) => changes[k] !== undefined && JSON.stringify(changes[k]) !== JSON.stringify(current[k]),
  );
}

/**
 * How far a contract's total value over the term may stray from its annual value × the years of its initial term:
 * from half to double (extensions, uplifts and part years move it; a factor of ten is a typing error).
 */
export const VALUE_TOLERANCE = 2;

/**
 * Whether a contract's two money figures agree (issue 13: a total of £10 with an annual value of £999,999,999 over
 * ten years was saved, and a total of £1.50 with an annual value of £0): the annual value is no more than the total
 * when the initial term lasts a year or more, neither is £0 while the other is not, and the total is within
 * VALUE_TOLERANCE of annual value × years of the initial term (start to initial end, inclusive). Used by the API
 * (creating and varying a contract), the register import and the contract forms.
 * @returns problems naming `totalValuePence` (or `annualValuePence`), each saying the tolerance; none when the term's
 * dates are not in order (termProblems reports that)
 */
export function valueProblems(v: {
  totalValuePence: number;
  annualValuePence: number;
  startDate: IsoDate;
  initialEndDate: IsoDate;
}): { field: 'totalValuePence' | 'annualValuePence'; message: string }[] {
  const { totalValuePence: total, annualValuePence: annual } = v;
  const days = daysBetween(v.startDate, addDays(v.initialEndDate, 1));
  if (days <= 0 || (total === 0 && annual === 0)) return [];
  if (annual === 0)
    return [
      {
        field: 'annualValuePence',
        message: `Annual value must be more than £0 when the total value is ${poundsText(total)}`,
      },
    ];
  if (total === 0)
    return [
      {
        field: 'totalValuePence',
        message: `Total value over the term must be more than £0 when the annual value is ${poundsText(annual)}`,
      },
    ];
  if (days >= 365 && annual > total)
    return [
      {
        field: 'annualValuePence',
        message: `Annual value must be no more than the total value over the term (${poundsText(total)})`,
      },
    ];
  const years = days / 365;
  const expected = Math.round(annual * years);
  const roughly = Math.round(expected / 100) * 100; // an estimate, said in whole pounds
  if (total > expected * VALUE_TOLERANCE || total * VALUE_TOLERANCE < expected) {
    const span = `${years.toLocaleString('en-GB', { maximumFractionDigits: 1 })} year${years === 1 ? '' : 's'}`;
    return [
      {
        field: 'totalValuePence',
        message: `Total value over the term (${poundsText(total)}) must be close to the annual value × the initial term (${poundsText(annual)} a year for ${span} is about ${poundsText(roughly)}): it may be from half to double that; check both figures`,
      },
    ];
  }
  return [];
}

/** Annual value from a total over the term when only the total is known (pence, rounded). */
export function annualValueFromTotal(totalValuePence: number, startDate: IsoDate, endDate: IsoDate): number {
  const days = daysBetween(startDate, addDays(endDate, 1));
  if (days <= 0) return 0;
  return Math.round((totalValuePence * 365) / days);
}
