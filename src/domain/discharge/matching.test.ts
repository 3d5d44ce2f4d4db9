import { describe, expect, it } from 'vitest';
import { matchCandidates, type CandidateLocation, type MatchContext } from './matching.js';
import { priceScore } from './matchScores.js';

const now = new Date('2025-03-10T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
// RM1 centroid sits 0.09° due north of RM7: 0.09 × 111.195 = 10.0 km.
const ctx: MatchContext = {
  now,
  centroids: new Map([
    ['RM7', { lat: 51.58, lng: 0.18 }],
    ['RM1', { lat: 51.67, lng: 0.18 }],
  ]),
  usualWeeklyRatePence: 71_500,
  usualHourlyRatePence: 2_426,
};

function home(p: Partial<CandidateLocation> & Pick<CandidateLocation, 'locationId'>): CandidateLocation {
  return {
    providerId: `prov-${p.locationId}`,
    name: `Home ${p.locationId}`,
    providerName: `Provider ${p.locationId}`,
    serviceTypes: ['care_home_nursing'],
    specialisms: ['dementia', 'older_people'],
    postcodeDistrict: 'RM7',
    position: null,
    cqcRating: 'Good',
    onFramework: false,
    onDps: false,
    vacancy: { asAt: daysAgo(0.5), accepting: 2, residential: null, nursing: 2, dementia: null },
    homecare: null,
    d2aBeds: null,
    rehabBeds: null,
    typicalWeeklyPricePence: 71_500,
    typicalHourlyRatePence: null,
    ...p,
  };
}

const LOCATIONS: CandidateLocation[] = [
  // A: 10 km away, Good, £750 vs usual £715 (4.9% over), figures 2 days old, on the framework.
  home({
    locationId: 'A',
    postcodeDistrict: 'RM1',
    typicalWeeklyPricePence: 75_000,
    onFramework: true,
    vacancy: { asAt: daysAgo(2), accepting: 1, residential: null, nursing: 1, dementia: null },
  }),
  // B: in the person's own district, Outstanding, at the usual rate, updated this morning → full marks.
  home({ locationId: 'B', cqcRating: 'Outstanding' }),
  home({ locationId: 'C', serviceTypes: ['care_home_residential'] }), // no nursing registration
  home({ locationId: 'D', vacancy: { asAt: daysAgo(1), accepting: 1, residential: 1, nursing: 0, dementia: null } }), // only a residential bed free
  home({ locationId: 'E', cqcRating: 'Inadequate' }),
  home({ locationId: 'F', specialisms: ['older_people'] }), // no dementia specialism
  // G: named by the family; Requires improvement, no price history, figures 20 days old.
  home({
    locationId: 'G',
    cqcRating: 'Requires improvement',
    typicalWeeklyPricePence: null,
    vacancy: { asAt: daysAgo(20), accepting: 3, residential: null, nursing: 3, dementia: null },
  }),
];

describe('matchCandidates for a nursing placement with dementia', () => {
  const result = matchCandidates(
    LOCATIONS,
    {
      serviceNeed: 'care_home_nursing',
      specialisms: ['dementia'],
      postcodeDistrict: 'RM7',
      preferredLocationIds: ['G'],
    },
    ctx,
  );

  it('keeps only homes with the service, the specialism and a bed, and says why others were left out', () => {
    expect(result.candidates.map((c) => c.locationId)).toEqual(['G', 'B', 'A']);
    expect(result.excluded).toEqual({ service: 1, specialism: 1, capacity: 1, quality: 1 });
  });
  it('scores by hand-worked weights: distance 35, quality 25, price 25, freshness 15, framework +5', () => {
    const [g, b, a] = result.candidates;
    expect(b.score).toBe(100);
    expect(b.distanceKm).toBe(0);
    // A: distance 1 − (10 − 2)/23 = 0.6522; quality 0.8; price 1 − 0.04895/0.3 = 0.8368; freshness 1 − 1/13 = 0.9231
    // 35 × 0.6522 + 25 × 0.8 + 25 × 0.8368 + 15 × 0.9231 + 5 = 82.59
    expect(a.distanceKm).toBe(10);
    expect(a.parts.distance).toBeCloseTo(0.6522, 4);
    expect(a.parts.price).toBeCloseTo(0.8368, 4);
    expect(a.parts.freshness).toBeCloseTo(0.9231, 4);
    expect(a.score).toBe(82.6);
    // G: 35 × 1 + 25 × 0.3 + 25 × 0.5 (price unknown) + 15 × 0 (20 days old) = 55, but named comes first.
    expect(g.score).toBe(55);
    expect(g.named).toBe(true);
  });
  it('explains each match in words', () => {
    const a = result.candidates[2];
    const texts = a.reasons.map((r) => r.text);
    expect(texts).toContain('Registered for nursing care');
    expect(texts).toContain('Specialism: dementia');
    expect(texts).toContain('1 bed free and accepting admissions');
    expect(texts).toContain('10 km from the centre of RM7');
    expect(texts).toContain('CQC rating: Good');
    expect(texts).toContain('Typical price £750 a week: £35 (5%) above the usual rate (£715)');
    expect(texts).toContain('On the council framework');
    const g = result.candidates[0];
    expect(g.reasons.find((r) => r.kind === 'freshness')).toEqual({
      kind: 'freshness',
      tone: 'warning',
      text: 'Capacity last updated 20 days ago: check by phone',
    });
    expect(g.reasons.map((r) => r.text)).toContain('Named by the person or their family');
  });
});

describe('matchCandidates for homecare', () => {
  const agency = (id: string, hours: number): CandidateLocation =>
    home({
      locationId: id,
      serviceTypes: ['homecare'],
      specialisms: [],
      vacancy: null,
      typicalWeeklyPricePence: null,
      typicalHourlyRatePence: 2_426,
      homecare: { asAt: daysAgo(1), hoursAvailable: hours },
    });
  it('needs twice the hours for a double-handed package', () => {
    const r = matchCandidates(
      [agency('H1', 20), agency('H2', 10)],
      {
        serviceNeed: 'homecare',
        specialisms: [],
        postcodeDistrict: 'RM7',
        homecareHoursPerWeek: 7,
        doubleHanded: true,
      },
      ctx,
    );
    expect(r.candidates.map((c) => c.locationId)).toEqual(['H1']);
    expect(r.excluded.capacity).toBe(1);
    expect(r.candidates[0].reasons.map((x) => x.text)).toContain('20 new hours a week available (needs 14)');
    expect(r.candidates[0].reasons.map((x) => x.text)).toContain('Typical price £24.26 an hour: at the usual rate');
  });
});

describe('matchCandidates for D2A beds', () => {
  it('offers only locations holding block beds with one free', () => {
    const r = matchCandidates(
      [
        home({ locationId: 'D1', d2aBeds: { total: 10, free: 2, asAt: daysAgo(0) } }),
        home({ locationId: 'D2', d2aBeds: { total: 10, free: 0, asAt: daysAgo(0) } }),
        home({ locationId: 'N' }),
      ],
      { serviceNeed: 'd2a_bed', specialisms: [], postcodeDistrict: 'RM7' },
      ctx,
    );
    expect(r.candidates.map((c) => c.locationId)).toEqual(['D1']);
    expect(r.excluded).toMatchObject({ service: 1, capacity: 1 });
  });
});

describe('priceScore', () => {
  it('is full at or below the usual rate, nothing at 130% and linear between', () => {
    expect(priceScore(70_000, 71_500)).toBe(1);
    expect(priceScore(92_950, 71_500)).toBeCloseTo(0, 10);
    expect(priceScore(82_225, 71_500)).toBeCloseTo(0.5, 10);
    expect(priceScore(null, 71_500)).toBe(0.5);
  });
});
