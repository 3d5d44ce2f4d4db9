/**
 * The plausible range of every kind of figure and date Steward accepts, set once as a domain expert would and
 * used by the API's schemas, the importers and the forms (which import these same schemas and checks). A value
 * outside its range is refused with a message that names the field and says what range is allowed.
 *
 * Sources for the limits: a council's whole adult social care budget is a few hundred million pounds a year
 * (largest English councils ~£1bn), so no single contract is worth more than £1bn; the most complex individual
 * placements cost up to ~£20,000 a week; a care home employs about 1 to 2 staff per bed (Skills for Care), so a
 * headcount of more than 5 per bed plus 50 is a typing error; the Care Act 2014 came into force on 1 April 2015,
 * before which no usual rate under it exists.
 */
import { z } from 'zod';
import { addDays, addMonths, isIsoDate, londonToday } from './dates.js';
import { enterMessage } from './messages.js';
import { poundsText } from './money.js';

export const BOUNDS = {
  /** Percentages (points) of anything: 0–100. */
  percent: { min: 0, max: 100 },
  /** Any one contract's total or annual value, in pence: up to £1bn. */
  contractValuePence: { min: 0, max: 100_000_000_000 },
  /** A weekly price or usual rate for one person, in pence: up to £25,000 a week. */
  weeklyPricePence: { min: 0, max: 2_500_000 },
  /** An hourly rate, in pence: up to £200 an hour. */
  hourlyRatePence: { min: 0, max: 20_000 },
  /** Hours of care a week in one package: above 0 (checked by each use) up to every hour of the week, 168. */
  hoursPerWeek: { min: 0, max: 168 },
  /** Earliest date of any record of a service Steward keeps (contracts, returns, concerns). */
  earliestRecordDate: '2000-01-01',
  /**
   * The High Impact Change Model for managing transfers of care was first published in 2015 (LGA, ADASS, NHS
   * England), so no assessment against it is dated earlier.
   */
  earliestHicmDate: '2015-01-01',
  /** Usual rates are set under the Care Act 2014, in force from 1 April 2015. */
  earliestUsualRateDate: '2015-04-01',
  /** Planned dates reach at most this many years ahead. */
  planningYearsAhead: 25,
  /** Fees a home announces ahead take effect within a year: at most 366 days ahead (a price list for next April). */
  feeDaysAhead: 366,
  /** A provider's offer (earliest start, assessment) is for the coming weeks: at most 90 days ahead. */
  offerDaysAhead: 90,
  /** A person in hospital was medically optimised within the last year. */
  medicallyOptimisedDaysBack: 365,
  /** Places (or visits a day) of one service in the capacity planner. */
  plannerPlaces: { min: 0, max: 5_000 },
  /**
   * Beds or places of one kind at one location (registered beds, capacity, occupied, vacant): the largest English
   * care homes have about 200 beds, so 2,000 is ten times the largest.
   */
  locationPlaces: { min: 0, max: 2_000 },
  /** People one home care service supports: the largest agencies support a few thousand. */
  peopleSupported: { min: 0, max: 50_000 },
  /**
   * Hours of home care one provider delivers (or could take on) in a week: the largest agencies deliver some tens of
   * thousands of hours a week, so 1,000,000 is many times the largest.
   */
  providerHoursPerWeek: { min: 0, max: 1_000_000 },
  /**
   * Staff headcount of one kind at one location: `staffLimit` of the largest location (5 a bed for 2,000 beds, plus
   * 50); each return is checked again against its own location's beds.
   */
  staffHeadcount: { min: 0, max: 10_050 },
  /** One funding line, scheme or quarter of a Better Care Fund plan, in pence: up to £1bn (stored as bigint). */
  fundingLinePence: { min: 0, max: 100_000_000_000 },
  /** People or places a month for one service in one area (BCF intermediate care demand and capacity). */
  monthlyPeople: { min: 0, max: 100_000 },
  /** A BCF metric's planned value (a count, a rate per 100,000 or a percentage). */
  metricValue: { min: 0, max: 10_000_000 },
  /** A BCF scheme's outputs (people, hours, packages) in a quarter or a year. */
  schemeOutputs: { min: 0, max: 10_000_000 },
  /**
   * A KPI's target, tolerance or returned value, in the KPI's own unit (a count, hours, a percentage, pence): a
   * billion is more than any count a council's contract reports, and £10m in pence; it also keeps every whole
   * value within what the API's edge check passes (PostgreSQL integer range), so the field's own range is the one
   * a person is told.
   */
  kpiValue: { min: -1_000_000_000, max: 1_000_000_000 },
  /** Likelihood or impact of a risk: 1 (rare, negligible) to 5 (almost certain, severe). */
  riskScale: { min: 1, max: 5 },
  /** A risk score, likelihood × impact: 1 to 25. */
  riskScore: { min: 1, max: 25 },
  /** Extensions taken of one contract (at most 10 options can be written into it). */
  extensionsTaken: { min: 0, max: 10 },
  /** A version or edition number (edits of an MPS section, published editions): a million edits is absurd. */
  version: { min: 0, max: 1_000_000 },
  /**
   * Rows in one page of a paged list (care homes, directory results, referrals, the audit trail): asking for more
   * is refused with 400 naming the parameter (never silently clamped), and the OpenAPI document shows the maximum.
   */
  pageSize: { min: 1, max: 500 },
  /** Rows in one page of the Open Referral UK API (its clients fetch whole taxonomies, ~1,000 terms). */
  orukPageSize: { min: 1, max: 1_000 },
  /** A page number of a paged list: 100,000 pages of the smallest page size covers any list Steward keeps. */
  pageNumber: { min: 1, max: 100_000 },
  /** A calendar year of a projection, rate or plan. */
  year: { min: 1990, max: 2100 },
  /** A random-number seed: a 32-bit signed integer. */
  seed: { min: -2_147_483_648, max: 2_147_483_647 },
  /** People counted in one service in the capacity planner (waiting, in service, thresholds). */
  plannerPeople: { min: 0, max: 100_000 },
  /** Days in the capacity planner (lengths of stay, waits, lead times): up to ten years. */
  plannerDays: { min: 0, max: 3_660 },
  /**
   * Referrals a day to one service in the capacity planner (and multipliers of that rate): a large acute trust
   * discharges about 150 people a day on all pathways together, so 500 a day to one service is over three times that.
   */
  plannerArrivalsPerDay: { min: 0, max: 500 },
  /**
   * The mean (or spread, or a fixed) length of stay in one planner service, in days: intermediate care and
   * discharge-to-assess stays are meant to last weeks (NHS England aims for 6 weeks or less), so a mean of a year
   * is the longest anyone plausibly plans for.
   */
  plannerStayDays: { min: 0, max: 365 },
  /** The planner's target wait, in days: the hospital discharge targets are same or next day up to a few weeks. */
  plannerTargetDays: { min: 0, max: 90 },
  /**
   * The cost of one acute bed-day, in pence: about £500 on a general ward (NHS National Cost Collection); up to
   * £3,000 allows a critical care bed.
   */
  acuteBedDayPence: { min: 0, max: 300_000 },
  /** The cost of one day of an intermediate care or D2A place (a bed or a reablement slot), in pence: up to £1,000. */
  placeDayPence: { min: 0, max: 100_000 },
  /** The cost of one reablement home visit, in pence: about £20 to £60; up to £200 (a double-handed long visit). */
  visitPence: { min: 0, max: 20_000 },
  /**
   * Patients of one acute trust on one day in NHS England's discharge figures (no longer meeting the criteria to
   * reside, or discharged): the largest trusts have about 2,500 beds, so 5,000 is twice the largest.
   */
  dischargePatientsTrustDay: { min: 0, max: 5_000 },
  /**
   * The same for an ICB, an NHS region or England on one day: England has about 100,000 general and acute beds and
   * about 21,000 patients no longer meeting the criteria to reside (2026).
   */
  dischargePatientsAreaDay: { min: 0, max: 200_000 },
  /**
   * People in one population figure (an area, sex, age and year, or an area's all-ages total): England had 56.5
   * million people at the 2021 Census, so 100 million allows any projection.
   */
  populationCount: { min: 0, max: 100_000_000 },
  /** Visits a day one person in a reablement service needs: four is usual at most, twelve is hourly all day. */
  visitsPerDay: { min: 0, max: 12 },
  /** A person's age in years (a service's minimum or maximum age): the oldest person ever recorded was 122. */
  personAge: { min: 0, max: 120 },
  /** A community service's typical wait from referral to first support, in days: up to two years. */
  serviceWaitDays: { min: 0, max: 730 },
} as const;

/** A range of whole or real numbers (an entry of BOUNDS). */
export interface NumberRange {
  readonly min: number;
  readonly max: number;
}

/**
 * A whole number within `range` (a BOUNDS entry), for API bodies, importers and forms: Zod refuses a value outside
 * it with the field's name and the limit (the OpenAPI document shows the `minimum` and `maximum`).
 */
export function wholeNumberSchema(range: NumberRange) {
  return z.number().int().min(range.min).max(range.max);
}

/** A real number within `range` (a BOUNDS entry). */
export function realNumberSchema(range: NumberRange) {
  return z.number().finite().min(range.min).max(range.max);
}

/** A whole number within `range` given as text in a query string (`?page=2`). */
export function wholeNumberQuery(range: NumberRange) {
  return z.coerce.number().int().min(range.min).max(range.max);
}

/**
 * Whether `value` lies within `range` (a whole number when `whole`): the same check for code that validates
 * without Zod (importers reading a spreadsheet cell).
 */
export function withinBounds(value: number, range: NumberRange, whole = true): boolean {
  return Number.isFinite(value) && (!whole || Number.isInteger(value)) && value >= range.min && value <= range.max;
}

/** The most staff (headcount of any one kind, or all together) a location with `beds` beds can plausibly have. */
export function staffLimit(beds: number | null | undefined): number {
  return beds && beds > 0 ? beds * 5 + 50 : 2_000;
}

const pounds = poundsText;
const LONG_DATE_UTC = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const dmy = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  const at = new Date(Date.UTC(y, m - 1, d));
  // As toLocaleDateString says it, with one shared format (an invalid date reads "Invalid Date", as it did).
  return Number.isNaN(at.getTime()) ? 'Invalid Date' : LONG_DATE_UTC.format(at);
};

/** A percentage (points) of `label`, 0 to 100. */
export function percentSchema(label: string) {
  return z
    .number({ error: `${enterMessage(label)} as a number` })
    .min(BOUNDS.percent.min, `${cap(label)} must be 0% or more`)
    .max(BOUNDS.percent.max, `${cap(label)} must be 100% or less`);
}

/** Money in whole pence within `range` (e.g. BOUNDS.contractValuePence). */
export function penceSchema(label: string, range: { min: number; max: number }) {
  return z
    .number({ error: `${enterMessage(label)} in pounds` })
    .int(`${cap(label)} must be in whole pence`)
    .min(range.min, `${cap(label)} must be ${pounds(range.min)} or more`)
    .max(range.max, `${cap(label)} must be ${pounds(range.max)} or less`);
}

/**
 * Money in whole pence of more than £0, up to `range.max` (a BOUNDS entry): a price, a rate, a fee. Says its limits
 * in the words the forms' parsePoundsInput (./money.ts) uses: "Amount must be more than £0", "… £25,000 or less".
 */
export function positivePenceSchema(label: string, range: { max: number }) {
  return penceSchema(label, { min: 0, max: range.max }).refine((p) => p > 0, `${cap(label)} must be more than £0`);
}

/** An ISO date (YYYY-MM-DD) that is a real date. */
export function dateSchema(label: string) {
  return z.string({ error: enterMessage(label) }).refine(isIsoDate, `${cap(label)} must be a real date`);
}

/**
 * A date that has happened (an actual date, not a plan): from `earliest` up to today (London).
 * @param label the field's label in the message ("date the concern was raised")
 */
export function actualDateSchema(label: string, earliest: string = BOUNDS.earliestRecordDate) {
  return dateSchema(label)
    .refine((d) => !isIsoDate(d) || d <= londonToday(), `${cap(label)} must be today or in the past`)
    .refine((d) => !isIsoDate(d) || d >= earliest, `${cap(label)} must be on or after ${dmy(earliest)}`);
}

/** A planned date: from `earliest` up to BOUNDS.planningYearsAhead years from today. */
export function plannedDateSchema(label: string, earliest: string = BOUNDS.earliestRecordDate) {
  return dateSchema(label)
    .refine((d) => !isIsoDate(d) || d >= earliest, `${cap(label)} must be on or after ${dmy(earliest)}`)
    .refine(
      (d) => !isIsoDate(d) || d <= addMonths(londonToday(), 12 * BOUNDS.planningYearsAhead),
      `${cap(label)} must be within ${BOUNDS.planningYearsAhead} years from today`,
    );
}

/**
 * A date still to come when it is set (a planned go-live, a next review): today (London) at the earliest, so a
 * plan cannot start out overdue, and at most BOUNDS.planningYearsAhead years ahead.
 * @param label the field's label as the form shows it ("planned go-live")
 */
export function futureDateSchema(label: string) {
  return dateSchema(label)
    .refine((d) => !isIsoDate(d) || d >= londonToday(), `${cap(label)} must be today or in the future`)
    .refine(
      (d) => !isIsoDate(d) || d <= addMonths(londonToday(), 12 * BOUNDS.planningYearsAhead),
      `${cap(label)} must be within ${BOUNDS.planningYearsAhead} years from today`,
    );
}

/** Field errors for a date outside [earliest, latest] (plain check for code that validates without Zod). */
export function dateRangeError(
  field: string,
  label: string,
  value: string,
  range: { earliest?: string; latest?: string },
): { field: string; message: string } | null {
  if (range.latest && value > range.latest)
    return {
      field,
      message:
        range.latest === londonToday()
          ? `${cap(label)} must be today or in the past`
          : `${cap(label)} must be on or before ${dmy(range.latest)}`,
    };
  if (range.earliest && value < range.earliest)
    return { field, message: `${cap(label)} must be on or after ${dmy(range.earliest)}` };
  return null;
}

/** The last day an offer may name, from `today`. */
export const latestOfferDate = (today: string) => addDays(today, BOUNDS.offerDaysAhead);

function cap(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}
