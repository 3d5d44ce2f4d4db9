// The Better Care Fund plan: one plan per Health and Wellbeing Board area, or a joint plan over several places
// (the BHR plan covers Barking & Dagenham, Havering and Redbridge), each figure split by place. Schemes carry the
// national scheme types and sub-types of the BCF 2023–25 planning template, and their planned spend by funding
// line and financial year; actual spend and outputs by quarter. Money is integer pence.
import { BOUNDS, withinBounds } from '../core/bounds.js';
import { InputError, type FieldError } from '../core/errors.js';

export const FUNDING_LINES = [
  'minimum_nhs',
  'ibcf',
  'dfg',
  'discharge_fund_la',
  'discharge_fund_icb',
  'msif',
  'additional_la',
  'additional_icb',
] as const;
export type FundingLine = (typeof FUNDING_LINES)[number];

export const FUNDING_LINE_LABELS: Record<FundingLine, string> = {
  minimum_nhs: 'BCF minimum NHS contribution',
  ibcf: 'Improved Better Care Fund (iBCF)',
  dfg: 'Disabled Facilities Grant (DFG)',
  discharge_fund_la: 'ASC Discharge Fund (local authority grant)',
  discharge_fund_icb: 'ASC Discharge Fund (ICB allocation)',
  msif: 'Market Sustainability and Improvement Fund',
  additional_la: 'Additional local authority contribution',
  additional_icb: 'Additional ICB contribution',
};

/** National scheme types and their sub-types (BCF 2023–25 planning template, "Expenditure" sheet lists). */
export const SCHEME_TYPES: Record<string, readonly string[]> = {
  'Assistive Technologies and Equipment': [
    'Assistive technologies including telecare',
    'Digital participation services',
    'Community based equipment',
    'Other',
  ],
  'Care Act Implementation Related Duties': ['Independent Mental Health Advocacy', 'Safeguarding', 'Other'],
  'Carers Services': ['Respite services', 'Carer advice and support related to Care Act duties', 'Other'],
  'Community Based Schemes': [
    'Integrated neighbourhood services',
    'Multidisciplinary teams that are supporting independence, such as anticipatory care',
    'Low level social support for simple hospital discharges (Discharge to Assess pathway 0)',
    'Other',
  ],
  'DFG Related Schemes': [
    'Adaptations, including statutory DFG grants',
    'Discretionary use of DFG',
    'Handyperson services',
    'Other',
  ],
  'Enablers for Integration': [
    'Data Integration',
    'System IT Interoperability',
    'Programme management',
    'Research and evaluation',
    'Workforce development',
    'New governance arrangements',
    'Voluntary Sector Business Development',
    'Joint commissioning infrastructure',
    'Integrated models of provision',
    'Other',
  ],
  'High Impact Change Model for Managing Transfer of Care': [
    'Early Discharge Planning',
    'Monitoring and responding to system demand and capacity',
    'Multi-Disciplinary/Multi-Agency Discharge Teams supporting discharge',
    'Home First/Discharge to Assess - process support/core costs',
    'Flexible working patterns (including 7 day working)',
    'Trusted Assessment',
    'Engagement and Choice',
    'Improved discharge to Care Homes',
    'Housing and related services',
    'Red Bag scheme',
    'Other',
  ],
  'Home Care or Domiciliary Care': [
    'Domiciliary care packages',
    'Domiciliary care to support hospital discharge (Discharge to Assess pathway 1)',
    'Domiciliary care workforce development',
    'Other',
  ],
  'Housing Related Schemes': ['Other'],
  'Integrated Care Planning and Navigation': [
    'Care navigation and planning',
    'Assessment teams/joint assessment',
    'Support for implementation of anticipatory care',
    'Other',
  ],
  'Bed based intermediate Care Services': [
    'Step down (discharge to assess pathway 2)',
    'Step up',
    'Rapid/Crisis Response - step up (2 hr response)',
    'Other',
  ],
  'Home-based intermediate care services': [
    'Reablement at home (to support discharge)',
    'Reablement at home (to prevent admission to hospital or residential care)',
    'Rehabilitation at home (to support discharge)',
    'Rehabilitation at home (to prevent admission to hospital or residential care)',
    'Joint reablement and rehabilitation service (to support discharge)',
    'Joint reablement and rehabilitation service (to prevent admission to hospital or residential care)',
    'Other',
  ],
  'Urgent Community Response': ['Other'],
  'Personalised Budgeting and Commissioning': ['Other'],
  'Personalised Care at Home': ['Mental health /wellbeing', 'Physical health/wellbeing', 'Other'],
  'Prevention / Early Intervention': ['Social Prescribing', 'Risk Stratification', 'Choice Policy', 'Other'],
  'Residential Placements': [
    'Supported housing',
    'Learning disability',
    'Extra care',
    'Care home',
    'Nursing home',
    'Short-term residential/nursing care for someone likely to require a longer-term care home placement (pathway 3)',
    'Other',
  ],
  'Workforce recruitment and retention': ['Other'],
  Other: ['Other'],
};
export const SCHEME_TYPE_NAMES: readonly string[] = Object.keys(SCHEME_TYPES);

export const AREAS_OF_SPEND = [
  'social_care',
  'community_health',
  'mental_health',
  'primary_care',
  'acute',
  'continuing_care',
  'other',
] as const;
export type AreaOfSpend = (typeof AREAS_OF_SPEND)[number];
export const AREA_OF_SPEND_LABELS: Record<AreaOfSpend, string> = {
  social_care: 'Social Care',
  community_health: 'Community Health',
  mental_health: 'Mental Health',
  primary_care: 'Primary Care',
  acute: 'Acute',
  continuing_care: 'Continuing Care',
  other: 'Other',
};

export const COMMISSIONERS = ['LA', 'NHS', 'Joint'] as const;
export type Commissioner = (typeof COMMISSIONERS)[number];

/** Scheme types the ASC Discharge Fund may pay for (2023–25 Discharge Fund addendum: discharge-related activity). */
export const DISCHARGE_FUND_SCHEME_TYPES: readonly string[] = [
  'Assistive Technologies and Equipment',
  'Bed based intermediate Care Services',
  'Carers Services',
  'Community Based Schemes',
  'High Impact Change Model for Managing Transfer of Care',
  'Home Care or Domiciliary Care',
  'Home-based intermediate care services',
  'Residential Placements',
  'Workforce recruitment and retention',
  'Integrated Care Planning and Navigation',
  'Urgent Community Response',
];

export interface Place {
  id: string;
  name: string;
  /** ONS GSS code of the Health and Wellbeing Board (upper-tier council). */
  gssCode: string;
}

/** A place's income from one funding line in one financial year, and the national minimum requirements. */
export interface Income {
  placeId: string;
  year: string;
  fundingLine: FundingLine;
  amountPence: number;
}

/** The national condition 4 requirements a place's minimum NHS contribution must meet in a year. */
export interface MinimumRequirement {
  placeId: string;
  year: string;
  /** Minimum NHS contribution to adult social care (the "maintain social care" requirement). */
  socialCarePence: number;
  /** Minimum NHS-commissioned out-of-hospital spend. */
  outOfHospitalPence: number;
}

export interface SchemeFunding {
  fundingLine: FundingLine;
  year: string;
  plannedPence: number;
}

export interface SchemeActual {
  fundingLine: FundingLine;
  year: string;
  quarter: 1 | 2 | 3 | 4;
  actualPence: number;
  /** Outputs delivered in the quarter, in the scheme's output unit. */
  outputs: number | null;
}

export interface Scheme {
  id: string;
  placeId: string;
  /** The scheme ID in the template, e.g. 'HAV-07'. */
  ref: string;
  name: string;
  schemeType: string;
  subType: string;
  objective: string;
  commissioner: Commissioner;
  provider: string;
  areaOfSpend: AreaOfSpend;
  /** Contract register ids this scheme pays for. */
  contractIds: string[];
  /** Planned outputs a year and their unit ("hours of care", "packages", "beds"). */
  plannedOutputs: number | null;
  outputUnit: string;
  funding: SchemeFunding[];
  actuals: SchemeActual[];
}

/**
 * Check a scheme's fields against the national lists.
 * @throws InputError naming every field at fault
 */
export function validateScheme(s: Omit<Scheme, 'id' | 'actuals'>, years: readonly string[]): void {
  const errors: FieldError[] = [];
  if (!s.ref.trim()) errors.push({ field: 'ref', message: 'Enter the scheme ID' });
  if (!s.name.trim()) errors.push({ field: 'name', message: 'Enter the scheme name' });
  const subs = SCHEME_TYPES[s.schemeType];
  if (!subs) errors.push({ field: 'schemeType', message: `${s.schemeType} is not a national scheme type` });
  else if (!subs.includes(s.subType))
    errors.push({ field: 'subType', message: `${s.subType} is not a sub-type of ${s.schemeType}` });
  if (!(COMMISSIONERS as readonly string[]).includes(s.commissioner))
    errors.push({ field: 'commissioner', message: 'Choose LA, NHS or Joint' });
  if (!(AREAS_OF_SPEND as readonly string[]).includes(s.areaOfSpend))
    errors.push({ field: 'areaOfSpend', message: 'Choose an area of spend' });
  s.funding.forEach((f, i) => {
    if (!(FUNDING_LINES as readonly string[]).includes(f.fundingLine))
      errors.push({ field: `funding.${i}.fundingLine`, message: `${f.fundingLine} is not a funding line` });
    if (!years.includes(f.year))
      errors.push({ field: `funding.${i}.year`, message: `${f.year} is not a year of this plan` });
    const money = fundingPenceProblem(f.plannedPence);
    if (money) errors.push({ field: `funding.${i}.plannedPence`, message: `Planned spend: ${money}` });
  });
  if (errors.length) throw new InputError(errors, 'The scheme has problems');
}

/** A scheme's planned spend in a year across funding lines, in pence. */
export function schemePlannedPence(s: Scheme, year: string): number {
  return s.funding.filter((f) => f.year === year).reduce((a, f) => a + f.plannedPence, 0);
}

/** A scheme's actual spend in a year across funding lines and quarters, in pence. */
export function schemeActualPence(s: Scheme, year: string): number {
  return s.actuals.filter((a) => a.year === year).reduce((a, x) => a + x.actualPence, 0);
}

/**
 * Whether a scheme's outputs in `unit` are counted in whole numbers: people, referrals, packages, beds and the like
 * are; hours of care (the one unit that is a measure, not a count) may have a fraction.
 */
export function outputsAreWhole(unit: string): boolean {
  return !/\bhours?\b/i.test(unit);
}

/**
 * What is wrong with a quarter's outputs for a scheme whose outputs are in `unit`, or null: 0 or more, up to
 * BOUNDS.schemeOutputs, and a whole number of people, referrals or other things counted. Used by the API and the
 * return import; the message reads after a field name ("…, Q1 outputs: enter a whole number of referrals").
 */
export function schemeOutputsProblem(outputs: number, unit: string): string | null {
  const whole = outputsAreWhole(unit);
  const what = unit.trim() || 'outputs';
  if (!withinBounds(outputs, BOUNDS.schemeOutputs, false))
    return `enter a number of ${what} from 0 to ${BOUNDS.schemeOutputs.max.toLocaleString('en-GB')}`;
  if (whole && !Number.isInteger(outputs)) return `enter a whole number of ${what}`;
  return null;
}

/** What is wrong with an amount of BCF money in pence (planned or actual spend, income), or null. */
export function fundingPenceProblem(pence: number): string | null {
  if (!Number.isFinite(pence) || pence < BOUNDS.fundingLinePence.min) return 'enter an amount of £0 or more';
  if (pence > BOUNDS.fundingLinePence.max)
    return `enter an amount of £${(BOUNDS.fundingLinePence.max / 100).toLocaleString('en-GB')} or less`;
  if (!Number.isInteger(pence)) return 'enter an amount in pounds and pence, with at most two decimal places';
  return null;
}
