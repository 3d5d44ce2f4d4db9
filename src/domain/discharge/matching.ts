// "Who can take them now": filter the market to locations that provide the service, hold the specialisms
// and have capacity today, then rank them by distance, quality, price against the usual rate and how fresh
// their capacity figures are. Every candidate carries the reasons it matched, so the ranking can be checked.
import { poundsText } from '../core/money.js';
import { haversineKm, type LatLng } from './geo.js';
import type { ServiceNeed } from './referral.js';
import { STALE_DAYS, WEIGHTS, distanceScore, freshnessScore, priceScore, qualityScore } from './matchScores.js';

export interface CareHomeVacancy {
  asAt: Date;
  /** Beds vacant and accepting admissions (all types). */
  accepting: number;
  residential: number | null;
  nursing: number | null;
  dementia: number | null;
}

export interface HomecareAvailability {
  asAt: Date;
  /** New hours a week the provider can take on in the person's district (or across its whole area). */
  hoursAvailable: number;
}

export interface BlockBeds {
  total: number;
  free: number;
  asAt: Date;
}

export interface CandidateLocation {
  locationId: string;
  providerId: string;
  name: string;
  providerName: string;
  /** Market vocabulary: care_home_residential | care_home_nursing | homecare | ... */
  serviceTypes: readonly string[];
  /** Specialisms and service user bands together, market vocabulary (dementia, mental_health, ...). */
  specialisms: readonly string[];
  postcodeDistrict: string;
  /** The location's own coordinates when known; otherwise its district centroid is used. */
  position: LatLng | null;
  cqcRating: string | null;
  onFramework: boolean;
  onDps: boolean;
  vacancy: CareHomeVacancy | null;
  homecare: HomecareAvailability | null;
  /** Block-booked D2A beds at this location (null when it holds none), and how many are free now. */
  d2aBeds: BlockBeds | null;
  /** Community rehabilitation beds (pathway 2) at this location. */
  rehabBeds: BlockBeds | null;
  /** Typical weekly price (pence) the council has recently agreed here for this kind of placement, or null. */
  typicalWeeklyPricePence: number | null;
  /** Typical hourly rate (pence) for homecare, or null. */
  typicalHourlyRatePence: number | null;
}

export interface MatchRequest {
  serviceNeed: ServiceNeed;
  specialisms: readonly string[];
  postcodeDistrict: string;
  homecareHoursPerWeek?: number;
  doubleHanded?: boolean;
  preferredDistricts?: readonly string[];
  preferredLocationIds?: readonly string[];
}

export interface MatchContext {
  now: Date;
  /** Centroid of each postcode district (from ONSPD or the demo borough). */
  centroids: ReadonlyMap<string, LatLng>;
  /** Usual weekly rate (pence) for the need's band, or null when the council has none. */
  usualWeeklyRatePence: number | null;
  /** Usual hourly rate (pence) for homecare. */
  usualHourlyRatePence: number | null;
}

export type ReasonKind =
  'service' | 'specialism' | 'capacity' | 'distance' | 'quality' | 'price' | 'freshness' | 'preference' | 'contract';
export interface MatchReason {
  kind: ReasonKind;
  tone: 'good' | 'neutral' | 'warning';
  text: string;
}

export interface ScoreParts {
  distance: number;
  quality: number;
  price: number;
  freshness: number;
  bonus: number;
}

export interface Candidate {
  locationId: string;
  providerId: string;
  name: string;
  providerName: string;
  postcodeDistrict: string;
  distanceKm: number | null;
  capacity: number;
  capacityUnit: 'beds' | 'hours';
  cqcRating: string | null;
  pricePence: number | null;
  usualRatePence: number | null;
  dataAgeDays: number;
  named: boolean;
  score: number;
  parts: ScoreParts;
  reasons: MatchReason[];
}

export type ExclusionReason = 'service' | 'specialism' | 'capacity' | 'quality';
export interface MatchResult {
  candidates: Candidate[];
  excluded: Record<ExclusionReason, number>;
}

const CARE_HOME_TYPES = ['care_home_residential', 'care_home_nursing'];

function pounds(pence: number): string {
  return poundsText(pence);
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/** Capacity this location has for the need, the unit, and when it was reported; null if it does not provide the service. */
function capacityFor(
  c: CandidateLocation,
  need: MatchRequest,
): { amount: number; unit: 'beds' | 'hours'; asAt: Date | null; label: string } | null {
  switch (need.serviceNeed) {
    case 'care_home_residential':
      if (!c.serviceTypes.includes('care_home_residential')) return null;
      return {
        amount: c.vacancy ? (c.vacancy.residential ?? c.vacancy.accepting) : 0,
        unit: 'beds',
        asAt: c.vacancy?.asAt ?? null,
        label: 'Registered for residential care',
      };
    case 'care_home_nursing':
      if (!c.serviceTypes.includes('care_home_nursing')) return null;
      return {
        amount: c.vacancy ? (c.vacancy.nursing ?? c.vacancy.accepting) : 0,
        unit: 'beds',
        asAt: c.vacancy?.asAt ?? null,
        label: 'Registered for nursing care',
      };
    case 'care_home_dementia':
      if (!c.serviceTypes.some((t) => CARE_HOME_TYPES.includes(t))) return null;
      return {
        amount: c.vacancy ? (c.vacancy.dementia ?? c.vacancy.accepting) : 0,
        unit: 'beds',
        asAt: c.vacancy?.asAt ?? null,
        label: 'Care home',
      };
    case 'homecare':
    case 'reablement':
      if (!c.serviceTypes.includes('homecare')) return null;
      return {
        amount: c.homecare?.hoursAvailable ?? 0,
        unit: 'hours',
        asAt: c.homecare?.asAt ?? null,
        label: 'Provides homecare',
      };
    case 'd2a_bed':
      if (!c.d2aBeds) return null;
      return {
        amount: c.d2aBeds.free,
        unit: 'beds',
        asAt: c.d2aBeds.asAt,
        label: `Holds ${c.d2aBeds.total} block-booked D2A beds`,
      };
    case 'rehab_bed':
      if (!c.rehabBeds) return null;
      return {
        amount: c.rehabBeds.free,
        unit: 'beds',
        asAt: c.rehabBeds.asAt,
        label: `Holds ${c.rehabBeds.total} community rehabilitation beds`,
      };
    case 'none':
      return null;
  }
}

/** Hours a week the package needs from the provider: a double-handed call needs two carers. */
export function hoursNeeded(need: Pick<MatchRequest, 'homecareHoursPerWeek' | 'doubleHanded'>): number {
  return (need.homecareHoursPerWeek ?? 0) * (need.doubleHanded ? 2 : 1);
}

/**

/** Rank every location that can take this person now. Pure: the caller loads the market snapshot. */
export function matchCandidates(
  locations: readonly CandidateLocation[],
  need: MatchRequest,
  ctx: MatchContext,
): MatchResult {
  const excluded: Record<ExclusionReason, number> = { service: 0, specialism: 0, capacity: 0, quality: 0 };
  const out: Candidate[] = [];
  const origin = ctx.centroids.get(need.postcodeDistrict) ?? null;
  const named = new Set(need.preferredLocationIds ?? []);
  const preferredDistricts = new Set(need.preferredDistricts ?? []);
  const homeBased = need.serviceNeed === 'homecare' || need.serviceNeed === 'reablement';
  const required = homeBased ? hoursNeeded(need) : 1;

  for (const loc of locations) {
    const cap = capacityFor(loc, need);
    if (!cap) {
      excluded.service++;
      continue;
    }
    const missing = need.specialisms.filter((s) => !loc.specialisms.includes(s));
    if (missing.length) {
      excluded.specialism++;
      continue;
    }
    if (cap.amount < required || cap.amount <= 0) {
      excluded.capacity++;
      continue;
    }
    // The council does not make new placements with a provider rated Inadequate.
    if (loc.cqcRating === 'Inadequate') {
      excluded.quality++;
      continue;
    }

    const reasons: MatchReason[] = [];
    reasons.push({ kind: 'service', tone: 'good', text: cap.label });
    for (const s of need.specialisms)
      reasons.push({ kind: 'specialism', tone: 'good', text: `Specialism: ${s.replace(/_/g, ' ')}` });

    const ageDays = cap.asAt ? Math.max(0, (ctx.now.getTime() - cap.asAt.getTime()) / 86_400_000) : STALE_DAYS;
    const ageText = ageDays < 1 ? 'today' : `${Math.floor(ageDays)} day${Math.floor(ageDays) === 1 ? '' : 's'} ago`;
    reasons.push({
      kind: 'capacity',
      tone: 'good',
      text:
        cap.unit === 'beds'
          ? `${cap.amount} bed${cap.amount === 1 ? '' : 's'} free and accepting admissions`
          : `${round1(cap.amount)} new hours a week available (needs ${round1(required)})`,
    });
    reasons.push(
      ageDays > STALE_DAYS
        ? { kind: 'freshness', tone: 'warning', text: `Capacity last updated ${ageText}: check by phone` }
        : { kind: 'freshness', tone: ageDays > 7 ? 'warning' : 'neutral', text: `Capacity updated ${ageText}` },
    );

    const position = loc.position ?? ctx.centroids.get(loc.postcodeDistrict) ?? null;
    const distanceKm = origin && position ? round1(haversineKm(origin, position)) : null;
    reasons.push(
      distanceKm === null
        ? {
            kind: 'distance',
            tone: 'warning',
            text: `Distance unknown (no centroid for ${origin ? loc.postcodeDistrict || 'its postcode' : need.postcodeDistrict})`,
          }
        : {
            kind: 'distance',
            tone: distanceKm <= 10 ? 'good' : 'neutral',
            text: `${distanceKm} km from the centre of ${need.postcodeDistrict}`,
          },
    );

    reasons.push(
      loc.cqcRating
        ? {
            kind: 'quality',
            tone: loc.cqcRating === 'Requires improvement' ? 'warning' : 'good',
            text: `CQC rating: ${loc.cqcRating}`,
          }
        : { kind: 'quality', tone: 'neutral', text: 'Not yet rated by CQC' },
    );

    const pricePence = homeBased ? loc.typicalHourlyRatePence : loc.typicalWeeklyPricePence;
    const usualRatePence = homeBased ? ctx.usualHourlyRatePence : ctx.usualWeeklyRatePence;
    const unit = homeBased ? 'an hour' : 'a week';
    if (pricePence === null || usualRatePence === null) {
      reasons.push({
        kind: 'price',
        tone: 'neutral',
        text:
          pricePence === null
            ? 'No recent price agreed here'
            : `Typical price ${pounds(pricePence)} ${unit}; no usual rate set`,
      });
    } else {
      const diff = pricePence - usualRatePence;
      const pct = Math.round((diff / usualRatePence) * 100);
      reasons.push({
        kind: 'price',
        tone: diff <= 0 ? 'good' : pct > 10 ? 'warning' : 'neutral',
        text:
          diff === 0
            ? `Typical price ${pounds(pricePence)} ${unit}: at the usual rate`
            : diff < 0
              ? `Typical price ${pounds(pricePence)} ${unit}: ${pounds(-diff)} below the usual rate (${pounds(usualRatePence)})`
              : `Typical price ${pounds(pricePence)} ${unit}: ${pounds(diff)} (${pct}%) above the usual rate (${pounds(usualRatePence)})`,
      });
    }

    let bonus = 0;
    if (loc.onFramework || loc.onDps) {
      bonus += 5;
      reasons.push({
        kind: 'contract',
        tone: 'good',
        text: loc.onFramework ? 'On the council framework' : 'On the dynamic purchasing system',
      });
    }
    if (preferredDistricts.has(loc.postcodeDistrict)) {
      bonus += 10;
      reasons.push({ kind: 'preference', tone: 'good', text: `In a preferred area (${loc.postcodeDistrict})` });
    }
    const isNamed = named.has(loc.locationId);
    if (isNamed) reasons.push({ kind: 'preference', tone: 'good', text: 'Named by the person or their family' });

    const parts: ScoreParts = {
      distance: distanceScore(distanceKm),
      quality: qualityScore(loc.cqcRating),
      price: priceScore(pricePence, usualRatePence),
      freshness: freshnessScore(ageDays),
      bonus,
    };
    const score = round1(
      WEIGHTS.distance * parts.distance +
        WEIGHTS.quality * parts.quality +
        WEIGHTS.price * parts.price +
        WEIGHTS.freshness * parts.freshness +
        bonus,
    );

    out.push({
      locationId: loc.locationId,
      providerId: loc.providerId,
      name: loc.name,
      providerName: loc.providerName,
      postcodeDistrict: loc.postcodeDistrict,
      distanceKm,
      capacity: cap.amount,
      capacityUnit: cap.unit,
      cqcRating: loc.cqcRating,
      pricePence,
      usualRatePence,
      dataAgeDays: round1(ageDays),
      named: isNamed,
      score,
      parts,
      reasons,
    });
  }

  out.sort(
    (a, b) =>
      Number(b.named) - Number(a.named) ||
      b.score - a.score ||
      (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) ||
      a.name.localeCompare(b.name),
  );
  return { candidates: out, excluded };
}

/** The usual-rate band (market vocabulary) that prices a placement for this need. */
export function usualRateBand(need: ServiceNeed): string | null {
  switch (need) {
    case 'care_home_residential':
    case 'care_home_dementia':
      return need === 'care_home_dementia' ? 'enhanced_residential' : 'standard_residential';
    case 'care_home_nursing':
    case 'd2a_bed':
      return 'standard_nursing';
    case 'homecare':
    case 'reablement':
      return 'homecare_hourly';
    default:
      return null;
  }
}
