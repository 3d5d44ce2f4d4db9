// Placement validation, once: the rules a new placement (care home) or package (homecare, supported living,
// extra care) must meet, for the form, the API and the importers alike (src/db/market/placements.ts stores it).
import { BOUNDS } from '../core/bounds.js';
import { isIsoDate } from '../core/dates.js';
import { BANDS, CONTRACT_TYPES, FUNDING, INDIVIDUAL_BAND, PURPOSES, SERVICE_TYPES } from './types.js';

/** A placement or package as entered or imported (money in pence); the database adds its id and links. */
export interface NewPlacement {
  personRef: string;
  locationId: string;
  serviceType: string;
  band: string;
  startDate: string;
  endDate?: string | null;
  /** Weekly price; for hourly packages give hoursPerWeek and hourlyRatePence instead and it is computed. */
  weeklyPricePence?: number | null;
  hoursPerWeek?: number | null;
  hourlyRatePence?: number | null;
  topUpWeeklyPence?: number;
  funding?: string;
  contractType?: string;
  purpose?: string;
  origin?: string | null;
  originRef?: string | null;
}

/**
 * The checks a new placement must pass before it is stored, all at once: a pseudonymous person reference (never a
 * name), known service type, band, funding, contract type and purpose, real dates in order, and a price: a weekly
 * price in whole pence, or hours a week (at most 168) and an hourly rate in whole pence for an hourly package.
 * @returns field errors naming each field (empty when the placement is valid); the caller throws InputError
 */
export function validatePlacement(p: NewPlacement): { field: string; message: string }[] {
  const e: { field: string; message: string }[] = [];
  if (!/^[A-Za-z0-9-]{3,40}$/.test(p.personRef))
    e.push({
      field: 'personRef',
      message: 'must be a pseudonymous reference of 3–40 letters, digits or dashes (not a name)',
    });
  if (!(SERVICE_TYPES as readonly string[]).includes(p.serviceType))
    e.push({ field: 'serviceType', message: `must be one of ${SERVICE_TYPES.join(', ')}` });
  if (!([...BANDS, INDIVIDUAL_BAND] as readonly string[]).includes(p.band))
    e.push({ field: 'band', message: `must be one of ${[...BANDS, INDIVIDUAL_BAND].join(', ')}` });
  if (!isIsoDate(p.startDate)) e.push({ field: 'startDate', message: 'must be a date (yyyy-mm-dd)' });
  if (p.endDate != null && (!isIsoDate(p.endDate) || p.endDate < p.startDate))
    e.push({ field: 'endDate', message: 'must be a date on or after the start date' });
  if (p.funding && !(FUNDING as readonly string[]).includes(p.funding))
    e.push({ field: 'funding', message: `must be one of ${FUNDING.join(', ')}` });
  if (p.contractType && !(CONTRACT_TYPES as readonly string[]).includes(p.contractType))
    e.push({ field: 'contractType', message: `must be one of ${CONTRACT_TYPES.join(', ')}` });
  if (p.purpose && !(PURPOSES as readonly string[]).includes(p.purpose))
    e.push({ field: 'purpose', message: `must be one of ${PURPOSES.join(', ')}` });
  const hourly = p.hoursPerWeek != null || p.hourlyRatePence != null;
  if (hourly) {
    if (!(typeof p.hoursPerWeek === 'number' && p.hoursPerWeek > 0 && p.hoursPerWeek <= BOUNDS.hoursPerWeek.max))
      e.push({ field: 'hoursPerWeek', message: `must be more than 0 and at most ${BOUNDS.hoursPerWeek.max}` });
    if (!(Number.isInteger(p.hourlyRatePence) && (p.hourlyRatePence as number) > 0))
      e.push({ field: 'hourlyRatePence', message: 'must be a whole number of pence above 0' });
  } else if (!(Number.isInteger(p.weeklyPricePence) && (p.weeklyPricePence as number) > 0)) {
    e.push({
      field: 'weeklyPricePence',
      message: 'must be a whole number of pence above 0 (or give hoursPerWeek and hourlyRatePence)',
    });
  }
  if (p.band === 'homecare_hourly' && !hourly)
    e.push({ field: 'hoursPerWeek', message: 'is needed for an hourly homecare package' });
  if (p.topUpWeeklyPence != null && (!Number.isInteger(p.topUpWeeklyPence) || p.topUpWeeklyPence < 0))
    e.push({ field: 'topUpWeeklyPence', message: 'must be a whole number of pence, 0 or more' });
  return e;
}

/**
 * What "active placements and packages" counts, wherever it is shown (the home dashboard's card, the prices
 * page's table by funding): placements and packages started and not yet ended today, in homes and services in
 * the borough and outside, under every funding (issue 13: the home card said 2,380 and the table by funding,
 * filtered to the borough, 2,268, and neither said why).
 */
export const ACTIVE_PLACEMENTS_DEFINITION =
  'Placements and packages started and not ended by today, in the borough and outside, under every funding';

/** The total of active placements and packages over their funding rows. */
export function activePlacementsTotal(byFunding: readonly { count: number }[]): number {
  return byFunding.reduce((s, r) => s + r.count, 0);
}
