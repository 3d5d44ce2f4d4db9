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

export const BOUNDS = {
  /** Percentages (points) of anything: 0–100. */
  percent: { min: 0, max: 100 },
  /** Any one contract's total or annual value, in pence: up to £1bn. */
  contractValuePence: { min: 0, max: 100_000_000_000 },
  /** A weekly price or usual rate for one person, in pence: up to £25,000 a week. */
  weeklyPricePence: { min: 0, max: 2_500_000 },
  /** An hourly rate, in pence: up to £200 an hour. */
  hourlyRatePence: { min: 0, max: 20_000 },
  /** Earliest date of any record of a service Steward keeps (contracts, returns, concerns). */
  earliestRecordDate: '2000-01-01',
  /** Usual rates are set under the Care Act 2014, in force from 1 April 2015. */
  earliestUsualRateDate: '2015-04-01',
  /** Planned dates reach at most this many years ahead. */
  planningYearsAhead: 25,
  /** A provider's offer (earliest start, assessment) is for the coming weeks: at most 90 days ahead. */
  offerDaysAhead: 90,
  /** A person in hospital was medically optimised within the last year. */
  medicallyOptimisedDaysBack: 365,
  /** Places (or visits a day) of one service in the capacity planner. */
  plannerPlaces: { min: 0, max: 5_000 },
} as const;

/** The most staff (headcount of any one kind, or all together) a location with `beds` beds can plausibly have. */
export function staffLimit(beds: number | null | undefined): number {
  return beds && beds > 0 ? beds * 5 + 50 : 2_000;
}

const pounds = (pence: number) => `£${(pence / 100).toLocaleString('en-GB', { maximumFractionDigits: 0 })}`;
const dmy = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
};

/** A percentage (points) of `label`, 0 to 100. */
export function percentSchema(label: string) {
  return z
    .number({ error: `Enter ${label} as a number` })
    .min(BOUNDS.percent.min, `${cap(label)} must be 0% or more`)
    .max(BOUNDS.percent.max, `${cap(label)} must be 100% or less`);
}

/** Money in whole pence within `range` (e.g. BOUNDS.contractValuePence). */
export function penceSchema(label: string, range: { min: number; max: number }) {
  return z
    .number({ error: `Enter ${label} in pounds` })
    .int(`${cap(label)} must be in whole pence`)
    .min(range.min, `${cap(label)} must be ${pounds(range.min)} or more`)
    .max(range.max, `${cap(label)} must be ${pounds(range.max)} or less`);
}

/** An ISO date (YYYY-MM-DD) that is a real date. */
export function dateSchema(label: string) {
  return z.string({ error: `Enter ${label}` }).refine(isIsoDate, `${cap(label)} must be a real date`);
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
