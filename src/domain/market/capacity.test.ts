import { describe, expect, it } from 'vitest';
import {
  ageInDays,
  ageLabel,
  agencyShare,
  freshness,
  isStale,
  occupancyRate,
  totalOccupancy,
  validateCareHomeCapacity,
  validateHomecareCapacity,
  validateWorkforce,
} from './capacity';

describe('occupancy', () => {
  it('is occupied over maximum capacity for one home', () => {
    expect(occupancyRate({ maxCapacity: 40, occupied: 36 })).toBe(0.9);
    expect(occupancyRate({ maxCapacity: 0, occupied: 0 })).toBeNull();
  });
  it('weights by beds across homes (84/100, not the 0.85 mean of 90% and 80%)', () => {
    expect(
      totalOccupancy([
        { maxCapacity: 40, occupied: 36 },
        { maxCapacity: 60, occupied: 48 },
      ]),
    ).toBeCloseTo(0.84, 10);
    expect(totalOccupancy([])).toBeNull();
  });
  it('agency share is agency over all staff working', () => {
    // 3 nurses + 30 care + 7 non-care + 10 agency = 50; 10/50 = 0.2
    expect(agencyShare({ nurses: 3, careStaff: 30, nonCareStaff: 7, agencyStaff: 10, vacancies: 4, absences: 2 })).toBe(
      0.2,
    );
  });
});

describe('validateCareHomeCapacity', () => {
  const ok = { maxCapacity: 60, occupied: 52, vacantReserved: 2, vacantAccepting: 6 };
  it('accepts a consistent return', () => {
    expect(validateCareHomeCapacity(ok, 62)).toEqual([]);
  });
  it('rejects more beds than registered with CQC, naming the field', () => {
    expect(validateCareHomeCapacity(ok, 58)).toEqual([
      { field: 'maxCapacity', message: 'Maximum capacity cannot exceed the 58 beds registered with CQC' },
    ]);
  });
  it('rejects occupied plus vacant above capacity', () => {
    const e = validateCareHomeCapacity({ ...ok, vacantAccepting: 7 });
    expect(e).toHaveLength(1);
    expect(e[0].field).toBe('occupied');
    expect(e[0].message).toBe('occupied (52) plus vacant beds (9) cannot exceed maximum capacity (60)');
  });
  it('rejects negative and fractional counts', () => {
    const e = validateCareHomeCapacity({ ...ok, occupied: -1, vacantReserved: 1.5 });
    expect(e.map((x) => x.field)).toEqual(['occupied', 'vacantReserved']);
  });
  it('checks the residential/nursing/dementia split against the totals', () => {
    const split = {
      ...ok,
      residentialMax: 30,
      residentialOccupied: 27,
      residentialVacantAccepting: 3,
      nursingMax: 30,
      nursingOccupied: 25,
      nursingVacantAccepting: 3,
    };
    expect(validateCareHomeCapacity(split)).toEqual([]);
    // 27 + 26 = 53 occupied by type but only 52 occupied overall
    const e = validateCareHomeCapacity({
      ...split,
      nursingOccupied: 26,
      nursingVacantAccepting: 2,
      residentialVacantAccepting: 3,
    });
    expect(e).toEqual([
      {
        field: 'residentialOccupied',
        message: 'residential beds occupied plus nursing beds occupied (53) cannot exceed occupied beds (52)',
      },
    ]);
    // A home with only nursing beds: the error points at the nursing field the form shows, by its label.
    const nursingOnly = validateCareHomeCapacity({
      ...ok,
      nursingMax: ok.maxCapacity,
      nursingOccupied: ok.occupied + 2,
      nursingVacantAccepting: 0,
    });
    expect(nursingOnly).toEqual([
      {
        field: 'nursingOccupied',
        message: `nursing beds occupied (${ok.occupied + 2}) cannot exceed occupied beds (${ok.occupied})`,
      },
    ]);
    const partial = validateCareHomeCapacity({ ...ok, dementiaMax: 10 });
    expect(partial.map((x) => x.field)).toEqual(['dementiaOccupied', 'dementiaVacantAccepting']);
  });
});

describe('homecare and workforce returns', () => {
  it('accepts a plausible homecare return and rejects impossible hours', () => {
    expect(validateHomecareCapacity({ peopleSupported: 120, hoursPerWeek: 1850.5, newHoursAvailable: 40 })).toEqual([]);
    expect(validateHomecareCapacity({ peopleSupported: 1, hoursPerWeek: 200, newHoursAvailable: 0 })[0].field).toBe(
      'hoursPerWeek',
    );
    expect(validateHomecareCapacity({ peopleSupported: 3, hoursPerWeek: 10, newHoursAvailable: -1 })[0].field).toBe(
      'newHoursAvailable',
    );
  });
  it('rejects more absences than staff', () => {
    expect(
      validateWorkforce({ nurses: 1, careStaff: 2, nonCareStaff: 0, agencyStaff: 0, vacancies: 0, absences: 4 }),
    ).toEqual([{ field: 'absences', message: 'Staff absent cannot exceed the number of staff' }]);
  });
  it('refuses a headcount no home of its size could have (issue 13: 1,000,000 agency staff for 31 beds)', () => {
    const ok = { nurses: 6, careStaff: 30, nonCareStaff: 10, agencyStaff: 4, vacancies: 3, absences: 2 };
    expect(validateWorkforce(ok, 31)).toEqual([]);
    expect(validateWorkforce({ ...ok, agencyStaff: 1_000_000 }, 31)).toEqual([
      {
        field: 'agencyStaff',
        message:
          '1,000,000 agency and bank staff is more than the 205 possible for a home with 31 beds: check the figure',
      },
    ]);
    // All together, too: 4 kinds of 60 for a 20-bed home.
    expect(
      validateWorkforce(
        { nurses: 60, careStaff: 60, nonCareStaff: 60, agencyStaff: 60, vacancies: 0, absences: 0 },
        20,
      ).map((e) => e.field),
    ).toEqual(['agencyStaff']);
  });
});

describe('staleness', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  it('counts whole days', () => {
    expect(ageInDays(new Date('2026-11-23T01:00:00Z'), now)).toBe(0);
    expect(ageInDays(new Date('2026-11-22T11:59:00Z'), now)).toBe(1);
  });
  it('is current up to 7 days, ageing to 14, stale after', () => {
    expect(freshness(new Date('2026-11-16T12:00:00Z'), now)).toBe('current'); // 7 days
    expect(freshness(new Date('2026-11-15T12:00:00Z'), now)).toBe('ageing'); // 8 days
    expect(freshness(new Date('2026-11-09T11:00:00Z'), now)).toBe('ageing'); // 14 days 1 hour
    expect(freshness(new Date('2026-11-08T12:00:00Z'), now)).toBe('stale'); // 15 days
    expect(freshness(null, now)).toBe('missing');
    expect(isStale(null, now)).toBe(true);
    expect(isStale(new Date('2026-11-20T00:00:00Z'), now)).toBe(false);
  });
  it('labels the age of a figure', () => {
    expect(ageLabel(new Date('2026-11-23T08:00:00Z'), now)).toBe('today');
    expect(ageLabel(new Date('2026-11-20T08:00:00Z'), now)).toBe('3 days ago');
    expect(ageLabel(null, now)).toBe('never reported');
  });

  it('names every figure by its label with its range, and reports the groups in the same pass (review 13, finding 11)', () => {
    const huge = 999_999_999_999;
    const errors = validateCareHomeCapacity({
      maxCapacity: huge,
      occupied: huge,
      vacantReserved: huge,
      vacantAccepting: huge,
      vacantClosed: huge,
      heldForAssessment: huge,
      residentialMax: huge,
      residentialOccupied: huge,
      residentialVacantAccepting: huge,
      dementiaMax: huge,
      dementiaOccupied: huge,
      dementiaVacantAccepting: huge,
    });
    expect(errors.map((e) => e.field)).toEqual([
      'maxCapacity',
      'occupied',
      'vacantReserved',
      'vacantAccepting',
      'vacantClosed',
      'heldForAssessment',
      'residentialMax',
      'residentialOccupied',
      'residentialVacantAccepting',
      'dementiaMax',
      'dementiaOccupied',
      'dementiaVacantAccepting',
    ]);
    expect(errors[0].message).toBe('Maximum capacity must be a whole number from 0 to 2,000');
    expect(errors[1].message).toBe('Occupied beds must be a whole number from 0 to 2,000');
    expect(errors[9].message).toBe('Dementia beds must be a whole number from 0 to 2,000');
    // No two messages alike: each says which box.
    expect(new Set(errors.map((e) => e.message)).size).toBe(errors.length);
  });
});
