import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import {
  HICM_CHANGES,
  assessedOnProblem,
  latestAssessments,
  parseMaturity,
  validateAssessment,
  type HicmAssessment,
} from './hicm.js';

describe('High Impact Change Model', () => {
  it('has the nine changes and reads levels as the seed writes them', () => {
    expect(HICM_CHANGES).toHaveLength(9);
    expect(parseMaturity('Mature')).toBe('mature');
    expect(parseMaturity('Plans in place')).toBe('plans_in_place');
    expect(parseMaturity('Excellent')).toBeNull();
  });

  it('keeps the latest assessment per place and change', () => {
    const a = (id: string, on: string, level: HicmAssessment['level']): HicmAssessment => ({
      id,
      placeId: 'bd',
      change: 5,
      level,
      evidence: 'x',
      assessedOn: on,
      plannedLevel: null,
      plannedBy: null,
    });
    const latest = latestAssessments([
      a('1', '2026-06-01', 'plans_in_place'),
      a('2', '2026-10-01', 'established'),
      a('3', '2025-01-01', 'not_yet_established'),
    ]);
    expect(latest).toHaveLength(1);
    expect(latest[0].id).toBe('2');
  });

  it('refuses a planned level that is not above the current one and a future date', () => {
    try {
      validateAssessment(
        {
          placeId: 'bd',
          change: 4,
          level: 'mature',
          evidence: 'Home First',
          assessedOn: '2026-12-01',
          plannedLevel: 'established',
          plannedBy: null,
        },
        '2026-11-30',
      );
      expect.unreachable();
    } catch (e) {
      expect((e as InputError).errors.map((x) => x.field)).toEqual(['assessedOn', 'plannedLevel']);
    }
  });
});

describe('assessedOnProblem (issue 13, finding 14)', () => {
  it('refuses a date before the model was published, or after today, in words', () => {
    expect(assessedOnProblem('1990-06-01', '2026-12-01')).toBe(
      'The date assessed must be in 2015 or later: the High Impact Change Model was first published in 2015',
    );
    expect(assessedOnProblem('2014-12-31', '2026-12-01')).not.toBeNull();
    expect(assessedOnProblem('2015-01-01', '2026-12-01')).toBeNull();
    expect(assessedOnProblem('2026-12-02', '2026-12-01')).toBe('The date assessed must be today or in the past');
    expect(() =>
      validateAssessment(
        {
          placeId: 'p',
          change: 1,
          level: 'established',
          evidence: 'x',
          assessedOn: '1990-06-01',
          plannedLevel: null,
          plannedBy: null,
        },
        '2026-12-01',
      ),
    ).toThrow(expect.objectContaining({ errors: [expect.objectContaining({ field: 'assessedOn' })] }));
  });
});
