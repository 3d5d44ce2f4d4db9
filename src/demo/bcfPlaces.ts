// The three places of the demo's joint Better Care Fund plan (the seed's Barking & Dagenham, Havering and
// Redbridge) with their residents, activity and income, and their populations by age band year by year.
import type { FundingLine } from '../domain/bcf/plan.js';

export interface DemoPlace {
  key: string;
  name: string;
  gssCode: string;
  /** Residents in the baseline year. */
  residents: number;
  /** Residents aged 65+ in the baseline year (chosen so the seed's rate comes out from the seed's admissions). */
  residents65: number;
  /** Shares of the 65+ residents in 65–69 … 90+. */
  olderShares: number[];
  /** Seed 001, 2022/23: permanent admissions 65+ and the rate they give. */
  baselineAdmissions: number;
  baselineRate: number;
  /** The baseline year's plan (the seed: B&D missed by ~18%, Havering beat by 6%, Redbridge beat by 5%). */
  baselinePlan: number;
  /** Plans for the two plan years. */
  admissionsPlans: [number, number];
  /** Home Settle and Support: capacity and referrals a month (seed 001, section 7.10). */
  hss: { capacity: number; referrals: number };
  /** Discharges a quarter and the share home. */
  discharges: number;
  homeShare: number;
  /** Income a year by funding line, in pounds. */
  income: Partial<Record<FundingLine, number>>;
}

/** The joint plan's three places with the seed's figures (populations, baselines, plans, income in pounds). */
export const DEMO_BCF_PLACES: DemoPlace[] = [
  {
    key: 'bd',
    name: 'Barking and Dagenham',
    gssCode: 'E09000002',
    residents: 219_000,
    residents65: 21_657,
    olderShares: [0.3, 0.24, 0.18, 0.13, 0.09, 0.06],
    baselineAdmissions: 171,
    baselineRate: 789.6,
    baselinePlan: 669.2,
    admissionsPlans: [780.0, 765.0],
    hss: { capacity: 34, referrals: 42 },
    discharges: 880,
    homeShare: 0.918,
    income: {
      minimum_nhs: 19_630_000,
      ibcf: 12_950_000,
      dfg: 2_210_000,
      discharge_fund_la: 1_420_000,
      discharge_fund_icb: 1_150_000,
      msif: 2_890_000,
      additional_la: 650_000,
    },
  },
  {
    key: 'hav',
    name: 'Havering',
    gssCode: 'E09000016',
    residents: 264_000,
    residents65: 47_918,
    olderShares: [0.25, 0.22, 0.2, 0.15, 0.11, 0.07],
    baselineAdmissions: 267,
    baselineRate: 557.2,
    baselinePlan: 592.8,
    admissionsPlans: [550.1, 545.0],
    hss: { capacity: 82, referrals: 147 },
    discharges: 1_120,
    homeShare: 0.927,
    income: {
      minimum_nhs: 22_480_000,
      ibcf: 10_420_000,
      dfg: 1_930_000,
      discharge_fund_la: 1_510_000,
      discharge_fund_icb: 1_310_000,
      msif: 2_355_000,
    },
  },
  {
    key: 'red',
    name: 'Redbridge',
    gssCode: 'E09000026',
    residents: 311_000,
    residents65: 42_309,
    olderShares: [0.28, 0.23, 0.19, 0.14, 0.1, 0.06],
    baselineAdmissions: 195,
    baselineRate: 460.9,
    baselinePlan: 485.2,
    admissionsPlans: [458.0, 452.0],
    hss: { capacity: 27, referrals: 52 },
    discharges: 1_260,
    homeShare: 0.934,
    income: {
      minimum_nhs: 25_640_000,
      ibcf: 11_630_000,
      dfg: 2_640_000,
      discharge_fund_la: 1_790_000,
      discharge_fund_icb: 1_480_000,
      msif: 3_120_000,
      additional_icb: 420_000,
    },
  },
];

/** Under-65 band shapes (0–4 … 60–64), an outer-London profile. */
const YOUNGER_SHAPE = [0.075, 0.078, 0.075, 0.068, 0.065, 0.075, 0.085, 0.085, 0.08, 0.075, 0.072, 0.068, 0.059];
const OLDER_GROWTH = 1.012;
const YOUNGER_GROWTH = 1.006;

/** Split a whole number by shares into whole numbers that add up to it (largest remainders). */
export function splitWhole(total: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((s, x) => s + x, 0);
  const raw = shares.map((s) => (total * s) / sum);
  const out = raw.map(Math.floor);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  const left = total - out.reduce((s, x) => s + x, 0);
  for (let k = 0; k < left; k++) out[order[k][1]]++;
  return out;
}

/** A place's persons by ESP2013 band in a mid-year, `yearsOn` years after the baseline. */
export function demoBands(place: DemoPlace, yearsOn: number): number[] {
  const older = Math.round(place.residents65 * OLDER_GROWTH ** yearsOn);
  const younger = Math.round((place.residents - place.residents65) * YOUNGER_GROWTH ** yearsOn);
  return [...splitWhole(younger, YOUNGER_SHAPE), ...splitWhole(older, place.olderShares)];
}

/** Quarterly share of a year (Q3–Q4 winter slightly heavier). */
export const QUARTER_SHAPE = [0.24, 0.24, 0.26, 0.26];

/**
 * A place's minimum spending requirements for a year from its minimum NHS contribution (`nhsPence`): 40% on
 * social care, 30% on NHS commissioned out-of-hospital services (pence, rounded).
 */
export function requirementsFor(place: string, year: string, nhsPence: number) {
  return {
    place,
    year,
    socialCarePence: Math.round(nhsPence * 0.4),
    outOfHospitalPence: Math.round(nhsPence * 0.3),
  };
}
