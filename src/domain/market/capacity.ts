// Capacity Tracker-style returns: validation, occupancy and how old each figure is.
import { BOUNDS, staffLimit, withinBounds, type NumberRange } from '../core/bounds.js';
import { rangeMessage } from '../core/messages.js';

export interface FieldError {
  field: string;
  message: string;
}

/**
 * Why vacant beds are closed to admissions (the Capacity Tracker asks a home that is not admitting why): an
 * infection outbreak, not enough staff, building work, a restriction by CQC or the council (e.g. an embargo on
 * placements), or another reason given in words.
 */
export const BED_CLOSED_REASONS = [
  'infection_outbreak',
  'staffing',
  'refurbishment',
  'regulatory_restriction',
  'other',
] as const;
export type BedClosedReason = (typeof BED_CLOSED_REASONS)[number];
export const BED_CLOSED_REASON_LABELS: Record<BedClosedReason, string> = {
  infection_outbreak: 'Infection outbreak',
  staffing: 'Not enough staff',
  refurbishment: 'Refurbishment or building work',
  regulatory_restriction: 'Restriction by CQC or the council',
  other: 'Another reason',
};
/** Most characters in the words given for a closure. */
export const CLOSED_NOTE_MAX = 500;

export interface CareHomeCapacityInput {
  maxCapacity: number;
  occupied: number;
  /** Vacant beds reserved for a named person due to move in. */
  vacantReserved: number;
  /** Vacant beds open to admissions. */
  vacantAccepting: number;
  /** Vacant beds closed to admissions (0 when not given), with the reason (BED_CLOSED_REASONS) and words for "other". */
  vacantClosed?: number;
  closedReason?: string | null;
  closedNote?: string | null;
  /** Beds held for a person being assessed (e.g. discharge to assess): neither free nor occupied (0 when not given). */
  heldForAssessment?: number;
  residentialMax?: number | null;
  residentialOccupied?: number | null;
  residentialVacantAccepting?: number | null;
  nursingMax?: number | null;
  nursingOccupied?: number | null;
  nursingVacantAccepting?: number | null;
  dementiaMax?: number | null;
  dementiaOccupied?: number | null;
  dementiaVacantAccepting?: number | null;
}

const SPLITS = ['residential', 'nursing', 'dementia'] as const;
type Split = (typeof SPLITS)[number];

/** The workforce figures' labels, as the return form shows them. */
const WORKFORCE_LABELS = {
  nurses: 'nurses',
  careStaff: 'care staff',
  nonCareStaff: 'non-care staff',
  agencyStaff: 'agency and bank staff',
  vacancies: 'staff vacancies',
  absences: 'staff absent',
} as const;

/**
 * Each figure of a capacity or workforce return by its label as the return form shows it (lower case, to sit inside
 * a sentence): every message names its field by this label, never by the field's code, so "must be a whole number"
 * six times over is never seen without saying which box.
 */
export const CAPACITY_FIELD_LABELS: Record<string, string> = {
  maxCapacity: 'maximum capacity',
  occupied: 'occupied beds',
  vacantAccepting: 'vacant beds accepting admissions',
  vacantReserved: 'vacant beds reserved',
  vacantClosed: 'vacant beds closed to admissions',
  heldForAssessment: 'beds held for assessment',
  peopleSupported: 'people supported',
  hoursPerWeek: 'hours delivered a week',
  newHoursAvailable: 'hours of new work you can take a week',
  ...WORKFORCE_LABELS,
  ...Object.fromEntries(
    SPLITS.flatMap((g) => [
      [`${g}Max`, `${g} beds`],
      [`${g}Occupied`, `${g} beds occupied`],
      [`${g}VacantAccepting`, `${g} beds vacant and accepting`],
    ]),
  ),
};

/** The label of a return's figure (its field name when it has none). */
export const capacityLabel = (field: string): string => CAPACITY_FIELD_LABELS[field] ?? field;

/** A whole number of beds or places within BOUNDS.locationPlaces (or `range`). */
function isCount(v: unknown, range: NumberRange = BOUNDS.locationPlaces): v is number {
  return typeof v === 'number' && withinBounds(v, range);
}

/** "Occupied beds must be a whole number from 0 to 2,000": names the figure and says its range. */
const countMessage = (field: string, range: NumberRange = BOUNDS.locationPlaces) =>
  rangeMessage(capacityLabel(field), range, { whole: true });

/**
 * Checks one care home return. Residential, nursing and dementia beds are treated as separate groups of the
 * home's beds (a home reports only the groups it has), so each group's figures must fit inside the totals.
 * `registeredBeds` is the CQC registration: a home cannot report more beds than it is registered for.
 */
export function validateCareHomeCapacity(input: CareHomeCapacityInput, registeredBeds?: number | null): FieldError[] {
  const errors: FieldError[] = [];
  const full = { vacantClosed: 0, heldForAssessment: 0, ...input };
  for (const f of [
    'maxCapacity',
    'occupied',
    'vacantReserved',
    'vacantAccepting',
    'vacantClosed',
    'heldForAssessment',
  ] as const) {
    if (!isCount(full[f])) errors.push({ field: f, message: countMessage(f) });
  }
  // Every problem at once: with a total out of range the checks between totals are left out, but the closure and
  // the groups' own figures are still checked.
  const totalsOk = errors.length === 0;
  const { maxCapacity, occupied, vacantReserved, vacantAccepting, heldForAssessment } = full;
  const vacantClosed = isCount(full.vacantClosed) ? full.vacantClosed : 0;
  if (totalsOk && registeredBeds != null && maxCapacity > registeredBeds) {
    errors.push({
      field: 'maxCapacity',
      message: `Maximum capacity cannot exceed the ${registeredBeds} beds registered with CQC`,
    });
  }
  const vacant = vacantReserved + vacantAccepting + vacantClosed + heldForAssessment;
  if (totalsOk && occupied + vacant > maxCapacity) {
    errors.push({
      field: 'occupied',
      message: `occupied (${occupied}) plus vacant beds (${vacant}) cannot exceed maximum capacity (${maxCapacity})`,
    });
  }
  const reason = input.closedReason ?? null;
  const note = input.closedNote?.trim() ?? '';
  if (vacantClosed > 0 && !reason)
    errors.push({ field: 'closedReason', message: 'Choose why beds are closed to admissions' });
  else if (reason && !(BED_CLOSED_REASONS as readonly string[]).includes(reason))
    errors.push({ field: 'closedReason', message: 'Choose why beds are closed to admissions from the list' });
  else if (vacantClosed === 0 && reason)
    errors.push({ field: 'closedReason', message: 'Give a reason only when beds are closed to admissions' });
  else if (reason === 'other' && !note)
    errors.push({ field: 'closedNote', message: 'Say why beds are closed to admissions' });
  if (note.length > CLOSED_NOTE_MAX)
    errors.push({ field: 'closedNote', message: `Why beds are closed must be ${CLOSED_NOTE_MAX} characters or fewer` });
  const sums = { max: 0, occupied: 0, vacant: 0 };
  // The groups the return gives, in form order: a total-versus-groups error points at the first of them (a field
  // the form shows) and names each by its label.
  const given: Split[] = [];
  for (const s of SPLITS) {
    const max = input[`${s}Max` as const];
    const occ = input[`${s}Occupied` as const];
    const vac = input[`${s}VacantAccepting` as const];
    const present = [max, occ, vac].filter((v) => v != null);
    if (present.length === 0) continue;
    if (present.length !== 3) {
      for (const [k, v] of [
        [`${s}Max`, max],
        [`${s}Occupied`, occ],
        [`${s}VacantAccepting`, vac],
      ] as const) {
        if (v == null)
          errors.push({
            field: k,
            message: `Enter the ${capacityLabel(k)}: it is needed when any ${s} figure is given`,
          });
      }
      continue;
    }
    let ok = true;
    for (const [k, v] of [
      [`${s}Max`, max],
      [`${s}Occupied`, occ],
      [`${s}VacantAccepting`, vac],
    ] as const) {
      if (!isCount(v)) {
        errors.push({ field: k, message: countMessage(k) });
        ok = false;
      }
    }
    if (!ok) continue;
    if ((occ as number) + (vac as number) > (max as number)) {
      errors.push({
        field: `${s}Occupied`,
        message: `${s} beds occupied (${occ}) plus ${s} beds vacant and accepting (${vac}) cannot exceed ${s} beds (${max})`,
      });
    }
    given.push(s);
    sums.max += max as number;
    sums.occupied += occ as number;
    sums.vacant += vac as number;
  }
  /** "nursing beds occupied" or "residential beds occupied plus nursing beds occupied". */
  const named = (suffix: string) => given.map((g) => `${g} beds${suffix}`).join(' plus ');
  if (totalsOk && given.length > 0 && sums.max > maxCapacity)
    errors.push({
      field: `${given[0]}Max`,
      message: `${named('')} (${sums.max}) cannot exceed maximum capacity (${maxCapacity})`,
    });
  if (totalsOk && given.length > 0 && sums.occupied > occupied)
    errors.push({
      field: `${given[0]}Occupied`,
      message: `${named(' occupied')} (${sums.occupied}) cannot exceed occupied beds (${occupied})`,
    });
  if (totalsOk && given.length > 0 && sums.vacant > vacantAccepting)
    errors.push({
      field: `${given[0]}VacantAccepting`,
      message: `${named(' vacant and accepting')} (${sums.vacant}) cannot exceed vacant beds accepting admissions (${vacantAccepting})`,
    });
  return errors;
}

export interface HomecareCapacityInput {
  peopleSupported: number;
  hoursPerWeek: number;
  newHoursAvailable: number;
}

/**
 * Checks a homecare provider's return: people supported a whole number, hours a week and new hours 0 or more.
 * @returns field errors (empty when valid)
 */
export function validateHomecareCapacity(input: HomecareCapacityInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!isCount(input.peopleSupported, BOUNDS.peopleSupported))
    errors.push({ field: 'peopleSupported', message: countMessage('peopleSupported', BOUNDS.peopleSupported) });
  for (const f of ['hoursPerWeek', 'newHoursAvailable'] as const) {
    if (!withinBounds(input[f], BOUNDS.providerHoursPerWeek, false))
      errors.push({ field: f, message: rangeMessage(capacityLabel(f), BOUNDS.providerHoursPerWeek) });
  }
  if (errors.length === 0 && input.hoursPerWeek > input.peopleSupported * 168) {
    errors.push({
      field: 'hoursPerWeek',
      message: `${input.hoursPerWeek} hours a week is more than 168 hours for each of ${input.peopleSupported} people`,
    });
  }
  if (errors.length === 0 && input.peopleSupported > 0 && input.hoursPerWeek === 0) {
    errors.push({
      field: 'hoursPerWeek',
      message: 'Hours delivered a week must be more than 0 when people are supported',
    });
  }
  return errors;
}

export interface WorkforceInput {
  nurses: number;
  careStaff: number;
  nonCareStaff: number;
  agencyStaff: number;
  /** Staff vacancies; null when not given (the Capacity Tracker extract has none). */
  vacancies: number | null;
  absences: number;
}

/**
 * Checks one workforce return (headcounts). Each figure is a whole number within what a location of `beds` beds
 * can plausibly employ (`staffLimit` in src/domain/core/bounds.ts: 5 a bed plus 50), and every figure is checked
 * (all problems at once).
 */
export function validateWorkforce(input: WorkforceInput, beds?: number | null): FieldError[] {
  const errors: FieldError[] = [];
  const most = staffLimit(beds);
  const where = beds ? `for a home with ${beds} beds` : 'for one location';
  for (const f of ['nurses', 'careStaff', 'nonCareStaff', 'agencyStaff', 'vacancies', 'absences'] as const) {
    const value = input[f];
    if (value === null && f === 'vacancies') continue;
    // Whole and 0 or more here; the upper bound is the location's own (`staffLimit`, never above
    // BOUNDS.staffHeadcount for a location within BOUNDS.locationPlaces).
    if (value === null || !isCount(value, { min: 0, max: Number.MAX_SAFE_INTEGER }))
      errors.push({ field: f, message: countMessage(f, { min: 0, max: most }) });
    else if (value > most)
      errors.push({
        field: f,
        message: `${value.toLocaleString('en-GB')} ${WORKFORCE_LABELS[f]} is more than the ${most.toLocaleString('en-GB')} possible ${where}: check the figure`,
      });
  }
  if (errors.length === 0 && input.absences > input.nurses + input.careStaff + input.nonCareStaff + input.agencyStaff) {
    errors.push({ field: 'absences', message: 'Staff absent cannot exceed the number of staff' });
  }
  const staff = input.nurses + input.careStaff + input.nonCareStaff + input.agencyStaff;
  if (errors.length === 0 && staff > most)
    errors.push({
      field: 'agencyStaff',
      message: `${staff.toLocaleString('en-GB')} staff in all is more than the ${most.toLocaleString('en-GB')} possible ${where}: check the figures`,
    });
  return errors;
}

/** Occupied beds as a share of maximum capacity (0–1), or null when the home reports no beds. */
export function occupancyRate(s: { maxCapacity: number; occupied: number }): number | null {
  return s.maxCapacity > 0 ? s.occupied / s.maxCapacity : null;
}

/** Occupancy across many homes: total occupied over total capacity (bed-weighted, not a mean of rates). */
export function totalOccupancy(snapshots: readonly { maxCapacity: number; occupied: number }[]): number | null {
  let max = 0;
  let occ = 0;
  for (const s of snapshots) {
    max += s.maxCapacity;
    occ += s.occupied;
  }
  return max > 0 ? occ / max : null;
}

/** Agency and bank staff as a share of all staff working (0–1). */
export function agencyShare(w: WorkforceInput): number | null {
  const total = w.nurses + w.careStaff + w.nonCareStaff + w.agencyStaff;
  return total > 0 ? w.agencyStaff / total : null;
}

export const SPLIT_NAMES: readonly Split[] = SPLITS;

// ---- How old is a figure? ----

/** Vacancy figures older than this are "ageing", and older than STALE_AFTER_DAYS are "stale". */
export const CURRENT_WITHIN_DAYS = 7;
export const STALE_AFTER_DAYS = 14;
export type Freshness = 'current' | 'ageing' | 'stale' | 'missing';

const DAY_MS = 86_400_000;

/** Whole days between the return and now (0 on the same day; never negative). */
export function ageInDays(asAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - asAt.getTime()) / DAY_MS));
}

/**
 * How fresh a return is on `now`: current within `CURRENT_WITHIN_DAYS`, ageing to `STALE_AFTER_DAYS`, then stale;
 * missing with no return.
 */
export function freshness(asAt: Date | null | undefined, now: Date): Freshness {
  if (!asAt) return 'missing';
  const days = ageInDays(asAt, now);
  if (days <= CURRENT_WITHIN_DAYS) return 'current';
  if (days <= STALE_AFTER_DAYS) return 'ageing';
  return 'stale';
}

/** True when a return is stale or missing. */
export function isStale(asAt: Date | null | undefined, now: Date): boolean {
  const f = freshness(asAt, now);
  return f === 'stale' || f === 'missing';
}

/** "today", "1 day ago", "12 days ago" — shown beside every figure. */
export function ageLabel(asAt: Date | null | undefined, now: Date): string {
  if (!asAt) return 'never reported';
  const d = ageInDays(asAt, now);
  return d === 0 ? 'today' : d === 1 ? '1 day ago' : `${d} days ago`;
}
