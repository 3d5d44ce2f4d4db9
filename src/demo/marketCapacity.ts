// The demo market's capacity and workforce history: each care home's and agency's returns, monthly for three
// years and weekly in the last month, consistent with the placements the council has with it.
import type { Rng } from '../domain/core/random.js';
import { addDays, addMonths } from '../domain/core/dates.js';
import type {
  DemoCareHomeCapacity,
  DemoHomecareCapacity,
  DemoLocation,
  DemoPlacement,
  DemoWorkforce,
} from './marketTypes.js';
import { clamp } from './marketConstants.js';

type Group = { max: number | null; occ: number | null; vac: number | null };

/**
 * A home's beds split into residential, nursing and dementia groups by share (nursingShare 1: nursing only),
 * rounded so that no group total goes over the home's total (the largest group gives up the odd bed).
 */
function groupSplit(
  maxCapacity: number,
  occupied: number,
  vacantAccepting: number,
  nursingShare: number,
  dementiaShare: number,
): { res: Group; nur: Group; dem: Group } {
  const split = (share: number): Group => {
    if (share <= 0) return { max: null, occ: null, vac: null };
    const max = Math.round(maxCapacity * share);
    const occ = Math.min(max, Math.round(occupied * share));
    const vac = Math.min(max - occ, Math.round(vacantAccepting * share));
    return { max, occ, vac };
  };
  const nur = split(nursingShare === 1 ? 1 - dementiaShare : nursingShare * (1 - dementiaShare));
  const res = split(nursingShare === 1 ? 0 : (1 - nursingShare) * (1 - dementiaShare));
  const dem = split(dementiaShare);
  // Rounding can push the split over the totals by a bed; take it off the largest group.
  const fix = (k: 'max' | 'occ' | 'vac', total: number) => {
    const groups = [res, nur, dem].filter((x) => x[k] != null);
    let over = groups.reduce((s, x) => s + (x[k] as number), 0) - total;
    while (over > 0) {
      const big = groups.reduce((a, b) => ((b[k] as number) > (a[k] as number) ? b : a));
      (big[k] as number)--;
      over--;
    }
  };
  fix('max', maxCapacity);
  fix('occ', occupied);
  fix('vac', vacantAccepting);
  for (const x of [res, nur, dem])
    if (x.max != null && (x.occ as number) + (x.vac as number) > x.max) x.vac = Math.max(0, x.max - (x.occ as number));
  return { res, nur, dem };
}

/** The placements at each location (by location key). */
function placementsByLocation(placements: readonly DemoPlacement[]): Map<string, DemoPlacement[]> {
  const activeAt = new Map<string, DemoPlacement[]>();
  for (const p of placements) {
    const list = activeAt.get(p.locationKey);
    if (list) list.push(p);
    else activeAt.set(p.locationKey, [p]);
  }
  return activeAt;
}

/** The return dates: the same day of each of the 36 months before `asAt`, then 21, 14 and 7 days before. */
function returnDatesBefore(asAt: string): string[] {
  const returnDates: string[] = [];
  for (let m = 36; m >= 1; m--) returnDates.push(addMonths(asAt, -m));
  for (const days of [21, 14, 7]) returnDates.push(addDays(asAt, -days));
  return returnDates;
}

/**
 * One care home's capacity and workforce returns (pushed onto `capacity` and `workforce`): occupancy around a
 * level drawn for the home (low and falling for the low-occupancy story homes), never below the council's own
 * placements there; a stale home stopped returning five to eight weeks ago. `tOf` gives time through the history.
 */
function careHomeReturns(
  home: DemoLocation,
  placedThere: readonly DemoPlacement[],
  returnDates: readonly string[],
  asAt: string,
  tOf: (date: string) => number,
  cg: Rng,
  out: { capacity: DemoCareHomeCapacity[]; workforce: DemoWorkforce[] },
): void {
  const beds = home.registeredBeds ?? 0;
  const low = home.storyFlags.includes('low_occupancy');
  const stale = home.storyFlags.includes('stale');
  const base = low ? cg.uniform(0.66, 0.74) : home.inBorough ? cg.uniform(0.86, 0.96) : cg.uniform(0.84, 0.95);
  const maxCapacity = Math.max(1, beds - (cg.next() < 0.2 ? cg.int(1, 3) : 0));
  const nursingShare = home.serviceTypes.includes('care_home_nursing')
    ? home.serviceTypes.includes('care_home_residential')
      ? cg.uniform(0.4, 0.6)
      : 1
    : 0;
  const dementiaShare = home.specialisms.includes('dementia') ? cg.uniform(0.2, 0.4) : 0;
  const highAgency = home.storyFlags.includes('high_agency');
  // Each home answers on its own day, one to five days ago (today is left for real updates).
  const lag = cg.int(1, 5);
  const lastReturn = stale ? addDays(asAt, -cg.int(35, 60)) : addDays(asAt, -lag);
  const dates = [...returnDates.filter((d) => d < lastReturn), lastReturn];
  for (const date of dates) {
    const t = tOf(date);
    const winter = [11, 12, 1, 2].includes(Number(date.slice(5, 7))) ? 0.015 : 0;
    const placed = placedThere.filter((p) => p.startDate <= date && (p.endDate == null || p.endDate > date)).length;
    let occupied = Math.round(maxCapacity * clamp(base + winter + cg.normal(0, 0.02) - (low ? 0.04 * t : 0), 0.4, 1));
    occupied = clamp(Math.max(occupied, placed), 0, maxCapacity);
    const vacant = maxCapacity - occupied;
    const vacantReserved = Math.min(vacant, cg.next() < 0.3 ? cg.int(1, 2) : 0);
    const closed = Math.min(vacant - vacantReserved, cg.next() < 0.1 ? 1 : 0);
    const vacantAccepting = vacant - vacantReserved - closed;
    const { res, nur, dem } = groupSplit(maxCapacity, occupied, vacantAccepting, nursingShare, dementiaShare);
    out.capacity.push({
      locationKey: home.key,
      asAt: `${date}T${String(8 + cg.int(0, 9)).padStart(2, '0')}:${String(cg.int(0, 59)).padStart(2, '0')}:00Z`,
      maxCapacity,
      occupied,
      vacantReserved,
      vacantAccepting,
      residentialMax: res.max,
      residentialOccupied: res.occ,
      residentialVacantAccepting: res.vac,
      nursingMax: nur.max,
      nursingOccupied: nur.occ,
      nursingVacantAccepting: nur.vac,
      dementiaMax: dem.max,
      dementiaOccupied: dem.occ,
      dementiaVacantAccepting: dem.vac,
    });
    const careStaff = Math.round(occupied * cg.uniform(0.85, 1.05));
    const agencyShare = highAgency ? cg.uniform(0.24, 0.32) : cg.uniform(0.02, 0.1) * (1 - 0.4 * clamp(t, 0, 1));
    const staffed = careStaff + Math.round((nursingShare * maxCapacity) / 7) + Math.round(maxCapacity * 0.3);
    const agencyStaff = Math.round((staffed * agencyShare) / (1 - agencyShare));
    out.workforce.push({
      locationKey: home.key,
      asAt: `${date}T09:00:00Z`,
      nurses: Math.round((nursingShare * maxCapacity) / 7),
      careStaff,
      nonCareStaff: Math.round(maxCapacity * 0.3),
      agencyStaff,
      vacancies: cg.int(0, Math.max(1, Math.round(maxCapacity / 12))),
      absences: cg.int(0, Math.max(1, Math.round(careStaff / 15))),
    });
  }
}

/**
 * One agency's homecare capacity returns (people and hours, with privately funded clients on top of the council's
 * packages there), and its workforce at the last return and once a month; answered one to six days ago.
 */
function homecareReturns(
  agency: DemoLocation,
  pkgs: readonly DemoPlacement[],
  returnDates: readonly string[],
  asAt: string,
  cg: Rng,
  out: { capacity: DemoHomecareCapacity[]; workforce: DemoWorkforce[] },
): void {
  const lag = cg.int(1, 6);
  const dates = [...returnDates.filter((d) => d < addDays(asAt, -lag)), addDays(asAt, -lag)];
  for (const date of dates) {
    const active = pkgs.filter((p) => p.startDate <= date && (p.endDate == null || p.endDate > date));
    const councilPeople = active.length;
    const people = councilPeople + Math.round(councilPeople * cg.uniform(0.15, 0.35)); // privately funded clients too
    const hours = active.reduce((s, p) => s + (p.hoursPerWeek ?? 0), 0) * (people / Math.max(1, councilPeople));
    out.capacity.push({
      locationKey: agency.key,
      asAt: `${date}T10:00:00Z`,
      area: agency.postcodeDistrict,
      peopleSupported: people,
      hoursPerWeek: Math.round(Math.max(hours, people * 2) * 4) / 4,
      newHoursAvailable: cg.int(0, 12) * 5,
    });
    if (date === dates[dates.length - 1] || date.slice(8) === asAt.slice(8)) {
      const careStaff = Math.max(3, Math.round(hours / 28));
      out.workforce.push({
        locationKey: agency.key,
        asAt: `${date}T10:00:00Z`,
        nurses: 0,
        careStaff,
        nonCareStaff: cg.int(2, 6),
        agencyStaff: cg.int(0, 2),
        vacancies: cg.int(0, Math.max(1, Math.round(careStaff / 8))),
        absences: cg.int(0, 3),
      });
    }
  }
}

/**
 * Capacity and workforce returns of every care home (`careHomes`) and homecare provider over the three years
 * before `asAt`, consistent with `placements`; draws from `cg` home by home, then agency by agency.
 */
export function capacityHistory(
  careHomes: readonly DemoLocation[],
  homecareProviders: readonly DemoLocation[],
  placements: readonly DemoPlacement[],
  asAt: string,
  tOf: (date: string) => number,
  cg: Rng,
): { careHomeCapacity: DemoCareHomeCapacity[]; homecareCapacity: DemoHomecareCapacity[]; workforce: DemoWorkforce[] } {
  const careHomeCapacity: DemoCareHomeCapacity[] = [];
  const homecareCapacity: DemoHomecareCapacity[] = [];
  const workforce: DemoWorkforce[] = [];
  const activeAt = placementsByLocation(placements);
  const returnDates = returnDatesBefore(asAt);
  for (const home of careHomes)
    careHomeReturns(home, activeAt.get(home.key) ?? [], returnDates, asAt, tOf, cg, {
      capacity: careHomeCapacity,
      workforce,
    });
  for (const agency of homecareProviders)
    homecareReturns(agency, activeAt.get(agency.key) ?? [], returnDates, asAt, cg, {
      capacity: homecareCapacity,
      workforce,
    });
  return { careHomeCapacity, homecareCapacity, workforce };
}
