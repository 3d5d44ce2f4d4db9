import { describe, expect, it } from 'vitest';
import { assessFragility, type FragilityInput } from './fragility';

const now = new Date('2026-11-23T12:00:00Z');
const healthy: FragilityInput = {
  isCareHome: true,
  occupancy: 0.92,
  cqcRating: 'Good',
  councilQualityRating: 'Good',
  meanCouncilPricePence: 75_000,
  usualRatePence: 70_100,
  costOfCarePence: 98_300,
  agencyShare: 0.05,
  lastReturnAt: new Date('2026-11-20T09:00:00Z'),
};

describe('assessFragility', () => {
  it('shows a below-cost-of-care price but does not list an otherwise healthy home', () => {
    expect(assessFragility(healthy, now)).toEqual({ reasons: ['price_below_cost_of_care'], level: 'none' });
    expect(assessFragility({ ...healthy, lastReturnAt: null }, now)).toEqual({
      reasons: ['price_below_cost_of_care', 'stale_data'],
      level: 'watch',
    });
  });
  it('flags nothing when everything is fine', () => {
    expect(assessFragility({ ...healthy, costOfCarePence: 70_000 }, now)).toEqual({ reasons: [], level: 'none' });
  });
  it('treats Inadequate as high on its own', () => {
    expect(assessFragility({ ...healthy, cqcRating: 'Inadequate', costOfCarePence: null }, now)).toEqual({
      reasons: ['cqc_inadequate'],
      level: 'high',
    });
  });
  it('combines independent warning signs', () => {
    const a = assessFragility(
      {
        ...healthy,
        occupancy: 0.79,
        cqcRating: 'Requires improvement',
        meanCouncilPricePence: 69_000,
        agencyShare: 0.21,
        lastReturnAt: new Date('2026-10-01T00:00:00Z'),
      },
      now,
    );
    expect(a.reasons).toEqual([
      'low_occupancy',
      'cqc_requires_improvement',
      'price_below_usual_rate',
      'price_below_cost_of_care',
      'high_agency_use',
      'stale_data',
    ]);
    expect(a.level).toBe('high');
  });
  it('uses strict thresholds (80% occupancy and 20% agency are not flagged)', () => {
    expect(
      assessFragility({ ...healthy, occupancy: 0.8, agencyShare: 0.2, costOfCarePence: null }, now).reasons,
    ).toEqual([]);
  });
  it('does not apply care home rules to homecare', () => {
    expect(
      assessFragility({ ...healthy, isCareHome: false, occupancy: 0.5, lastReturnAt: null, costOfCarePence: null }, now)
        .reasons,
    ).toEqual([]);
  });
  it('flags a poor council quality rating', () => {
    expect(assessFragility({ ...healthy, councilQualityRating: 'Poor', costOfCarePence: null }, now)).toEqual({
      reasons: ['council_quality_concern'],
      level: 'watch',
    });
  });
});
