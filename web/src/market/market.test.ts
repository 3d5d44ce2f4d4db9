import { describe, expect, it } from 'vitest';
import { countedHereText, describeFilters, filterQuery } from './Filters';
import { careHomeFormErrors, toCount } from './careHomeReturn';

describe('market web helpers', () => {
  it('builds API queries and captions from the filters', () => {
    expect(filterQuery({})).toBe('');
    expect(filterQuery({ serviceType: 'care_home_nursing', specialism: 'dementia' })).toBe(
      '?serviceType=care_home_nursing&specialism=dementia',
    );
    expect(describeFilters({ scope: 'all', rating: 'Good', district: 'eb3' })).toBe(
      'everywhere, rated Good, postcode district EB3',
    );
    expect(describeFilters({})).toBe('in the borough');
  });
  it('says where active placements are counted, never "for everywhere"', () => {
    expect(countedHereText({ scope: 'all' })).toBe('counted here everywhere, as the home page counts them.');
    expect(countedHereText({ scope: 'all', rating: 'Good' })).toBe(
      'counted here everywhere, rated Good. The home page counts them everywhere, without these filters.',
    );
    expect(countedHereText({})).toBe(
      'counted here in the borough. The home page counts them everywhere: choose “Everywhere” above to see the same total.',
    );
  });
  it('reads counts strictly', () => {
    expect(toCount(' 12 ')).toBe(12);
    expect(toCount('')).toBeNull();
    expect(Number.isNaN(toCount('1.5'))).toBe(true);
    expect(Number.isNaN(toCount('-1'))).toBe(true);
  });
  it('checks the care home form with the server’s rules', () => {
    const ok = careHomeFormErrors(
      { maxCapacity: '40', occupied: '36', vacantReserved: '1', vacantAccepting: '3' },
      [],
      40,
    );
    expect(ok.errors).toEqual([]);
    expect(ok.body).toEqual({
      maxCapacity: 40,
      occupied: 36,
      vacantReserved: 1,
      vacantAccepting: 3,
      vacantClosed: 0,
      heldForAssessment: 0,
      closedReason: null,
      closedNote: null,
    });
    // Beds closed to admissions need a reason; the reason goes with them.
    expect(
      careHomeFormErrors(
        { maxCapacity: '40', occupied: '30', vacantReserved: '1', vacantAccepting: '3', vacantClosed: '2' },
        [],
        40,
      ).errors,
    ).toEqual([{ field: 'closedReason', message: 'Choose why beds are closed to admissions' }]);
    expect(
      careHomeFormErrors({ maxCapacity: '40', occupied: '', vacantReserved: 'x', vacantAccepting: '3' }, [], 40).errors,
    ).toEqual([
      { field: 'occupied', message: 'Enter the number of occupied beds' },
      { field: 'vacantReserved', message: 'Vacant beds reserved must be a whole number, 0 or more' },
    ]);
    // Issue 13: "Enter the number of maximum capacity".
    expect(
      careHomeFormErrors({ maxCapacity: '', occupied: '36', vacantReserved: '1', vacantAccepting: '3' }, [], 40).errors,
    ).toContainEqual({ field: 'maxCapacity', message: 'Enter the maximum capacity' });
    expect(
      careHomeFormErrors({ maxCapacity: '41', occupied: '36', vacantReserved: '1', vacantAccepting: '3' }, [], 40)
        .errors,
    ).toEqual([{ field: 'maxCapacity', message: 'Maximum capacity cannot exceed the 40 beds registered with CQC' }]);
    expect(
      careHomeFormErrors(
        {
          maxCapacity: '40',
          occupied: '36',
          vacantReserved: '1',
          vacantAccepting: '3',
          nursingMax: '20',
          nursingOccupied: '',
          nursingVacantAccepting: '1',
        },
        ['nursing'],
        40,
      ).errors,
    ).toEqual([{ field: 'nursingOccupied', message: 'Enter the number of nursing beds occupied' }]);
    // A nursing home's group figures above its totals: the message names the field the form shows and links to it
    // (issue 16: "Occupied beds by type (33) cannot exceed occupied (31)" pointed at a residential field not shown).
    expect(
      careHomeFormErrors(
        {
          maxCapacity: '33',
          occupied: '31',
          vacantReserved: '0',
          vacantAccepting: '0',
          nursingMax: '33',
          nursingOccupied: '33',
          nursingVacantAccepting: '0',
        },
        ['nursing'],
        33,
      ).errors,
    ).toEqual([{ field: 'nursingOccupied', message: 'Nursing beds occupied (33) cannot exceed occupied beds (31)' }]);
  });
});
