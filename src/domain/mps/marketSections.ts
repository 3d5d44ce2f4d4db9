// The Market Position Statement's chapters about the market and the council's spend in it.
import { SERVICE_LABELS, type Service } from '../demand/rates.js';
import { WEEKS_PER_YEAR } from '../demand/budget.js';
import {
  FUNDING_SOURCE_LABELS,
  SERVICE_AREA_LABELS,
  type FundingSource,
  type ServiceArea,
} from '../contracts/contract.js';
import { BAND_LABELS, SERVICE_TYPE_LABELS, type PlacementBand, type ServiceType } from '../market/types.js';
import type { Figure, MarketSection, StatementSection } from './statement.js';
import type { CapacityInput, StatementInputs } from './inputs.js';
import { MIN_PRICE_PLACEMENTS } from './inputs.js';
import { chapter, fig, narrativeOf } from './sectionParts.js';

const RATING_ORDER = ['Outstanding', 'Good', 'Requires improvement', 'Inadequate', 'Not rated'];
const GROUP_LABELS: Record<string, string> = {
  residential: 'Residential beds',
  nursing: 'Nursing beds',
  dementia: 'Dementia beds',
  not_split: 'Not split by type in the return',
};

/**
 * Care home beds by type from the latest capacity returns, in rows that add up to the headline totals. Residential,
 * nursing and dementia beds are separate groups in a return (as `src/domain/market/capacity.ts` checks them), and a
 * return may give only its totals: those beds make a last row, "not split by type", so the rows always sum to the
 * headline maximum capacity, occupied and vacant-accepting beds. Counts of beds, never negative.
 */
export function bedsByType(cap: CapacityInput): MarketSection['bedsByType'] {
  const row = (group: string, maxCapacity: number, occupied: number, vacantAccepting: number) => ({
    group,
    label: GROUP_LABELS[group] ?? group,
    maxCapacity,
    occupied,
    vacantAccepting,
  });
  const groups = ['residential', 'nursing', 'dementia'].map((group) => {
    const g = cap.byGroup.find((x) => x.group === group);
    return row(group, g?.maxCapacity ?? 0, g?.occupied ?? 0, g?.vacantAccepting ?? 0);
  });
  const sum = (k: 'maxCapacity' | 'occupied' | 'vacantAccepting') => groups.reduce((s, g) => s + g[k], 0);
  const rest = row(
    'not_split',
    Math.max(0, cap.maxCapacity - sum('maxCapacity')),
    Math.max(0, cap.occupied - sum('occupied')),
    Math.max(0, cap.vacantAccepting - sum('vacantAccepting')),
  );
  return rest.maxCapacity + rest.occupied + rest.vacantAccepting > 0 ? [...groups, rest] : groups;
}

/**
 * The "market" chapter: care homes, beds, occupancy, homecare, workforce and ratings from the market area's
 * capacity summary, and new-placement prices in pence by quarter, suppressed for quarters with fewer than
 * MIN_PRICE_PLACEMENTS placements.
 */
export function marketSection(inputs: StatementInputs): StatementSection {
  const { capacity: cap, prices } = inputs;
  const rated = cap.ratings.filter((r) => r.rating !== 'Not rated').reduce((s, r) => s + r.count, 0);
  const good = cap.ratings
    .filter((r) => r.rating === 'Outstanding' || r.rating === 'Good')
    .reduce((s, r) => s + r.count, 0);
  const quarters = prices.quarters.map((q) => ({
    quarter: q.quarter,
    placements: q.n,
    meanPence: q.n >= MIN_PRICE_PLACEMENTS ? Math.round(q.mean) : null,
    medianPence: q.n >= MIN_PRICE_PLACEMENTS ? Math.round(q.median) : null,
  }));
  const figures: Figure[] = [
    fig('care_homes', 'Care homes in the borough', cap.careHomes, 'count'),
    fig('registered_beds', 'Registered care home beds', cap.registeredBeds, 'count'),
    fig('occupancy', 'Care home occupancy (latest returns)', cap.occupancy, 'share'),
    fig('vacant_accepting', 'Vacant beds accepting admissions', cap.vacantAccepting, 'count'),
    fig(
      'good_or_outstanding',
      'Services rated Good or Outstanding by CQC (of those rated)',
      rated > 0 ? good / rated : null,
      'share',
    ),
    fig('homecare_agencies', 'Homecare agencies', cap.homecare.agencies, 'count'),
    fig(
      'homecare_hours',
      'Homecare hours delivered a week (latest returns)',
      Math.round(cap.homecare.hoursPerWeek),
      'count',
    ),
    fig(
      'mean_new_placement_price',
      'Mean weekly price of new care home placements (last 12 months)',
      prices.change.recentMean === null ? null : Math.round(prices.change.recentMean),
      'pence_per_week',
    ),
    fig(
      'at_or_below_usual_rate',
      'New care home placements at or below the usual rate (last 12 months)',
      prices.last12Months.share,
      'share',
    ),
    fig(
      'homecare_hourly_rate',
      'Mean hourly rate of council homecare packages',
      prices.homecare.meanHourlyRatePence === null ? null : Math.round(prices.homecare.meanHourlyRatePence),
      'pence_per_hour',
    ),
    fig(
      'out_of_borough',
      'Council-funded care home residents placed outside the borough',
      prices.outOfBorough.share,
      'share',
      `${prices.outOfBorough.outOfBorough} of ${prices.outOfBorough.active}`,
    ),
    fig(
      'agency_share',
      'Agency staff share of the care workforce (latest returns)',
      cap.workforce.agencyShare,
      'share',
    ),
  ];
  return {
    ...chapter('market'),
    kind: 'market',
    narrative: narrativeOf(inputs, 'market'),
    figures,
    sources: [
      `Care Quality Commission register of services and ratings, as held in Steward on ${inputs.asAt}.`,
      'Providers’ capacity and workforce returns (latest return of each service).',
      'Council placements recorded in Steward: prices of new care home placements by the quarter they started; usual rates set by the council.',
    ],
    notes: [
      `Prices are not shown for a quarter with fewer than ${MIN_PRICE_PLACEMENTS} new placements, so no single provider’s price can be read from them.`,
    ],
    byServiceType: cap.byServiceType.map((t) => ({
      serviceType: t.serviceType,
      label: SERVICE_TYPE_LABELS[t.serviceType as ServiceType] ?? t.serviceType,
      locations: t.locations,
      registeredBeds: t.registeredBeds,
    })),
    bedsByType: bedsByType(cap),
    ratings: RATING_ORDER.map((rating) => ({
      rating,
      count: cap.ratings.find((r) => r.rating === rating)?.count ?? 0,
    })),
    prices: quarters,
    usualRates: prices.usualRates.map((r) => ({
      band: r.band,
      label: BAND_LABELS[r.band as PlacementBand] ?? r.band,
      amountPence: r.amountPence,
      effectiveFrom: r.effectiveFrom,
    })),
  };
}

/**
 * The "spend" chapter: the annual value of live contracts (pence) by service area and funding source, and today's
 * council-supported clients and weekly costs by service; contract values are left out when the council discloses none.
 */
export function spendSection(inputs: StatementInputs): StatementSection {
  const live = inputs.contracts.filter((c) => c.status === 'live');
  const byArea = new Map<string, { contracts: number; annualValuePence: number }>();
  const byFunding = new Map<string, number>();
  for (const c of live) {
    const a = byArea.get(c.serviceArea) ?? { contracts: 0, annualValuePence: 0 };
    a.contracts++;
    a.annualValuePence += c.annualValuePence;
    byArea.set(c.serviceArea, a);
    byFunding.set(c.fundingSource, (byFunding.get(c.fundingSource) ?? 0) + c.annualValuePence);
  }
  const placements = inputs.currentUse.map((u) => {
    const weekly = u.weeklyCostPence;
    return {
      service: u.service,
      label: SERVICE_LABELS[u.service as Service] ?? u.service,
      clients: u.clients,
      weeklyCostPence: weekly,
      annualCostPence: weekly === null ? null : Math.round(weekly * u.clients * WEEKS_PER_YEAR),
    };
  });
  const contractTotal = live.reduce((s, c) => s + c.annualValuePence, 0);
  const placementTotal = placements.reduce((s, p) => s + (p.annualCostPence ?? 0), 0);
  return {
    ...chapter('spend'),
    kind: 'spend',
    narrative: narrativeOf(inputs, 'spend'),
    figures: [
      fig('contracts_annual_value', 'Annual value of live contracts', contractTotal, 'pence'),
      fig('live_contracts', 'Live contracts', live.length, 'count'),
      fig(
        'placements_annual_cost',
        'Council-supported placements and packages: annual cost at today’s prices',
        placementTotal,
        'pence',
      ),
      fig(
        'placements_clients',
        'People in council-supported long-term placements and packages',
        placements.reduce((s, p) => s + p.clients, 0),
        'count',
      ),
    ],
    sources: [
      `The council’s contract register in Steward, live contracts on ${inputs.asAt} (annual values).`,
      `Council-funded long-term placements and packages live on ${inputs.asAt}: people × mean weekly cost × ${WEEKS_PER_YEAR.toFixed(2)} weeks.`,
    ],
    notes: [
      'Contract values and placement costs overlap where placements are bought under block or framework contracts, so they are not added together.',
    ],
    byServiceArea: [...byArea]
      .map(([serviceArea, v]) => ({
        serviceArea,
        label: SERVICE_AREA_LABELS[serviceArea as ServiceArea] ?? serviceArea,
        ...v,
      }))
      .sort((a, b) => b.annualValuePence - a.annualValuePence),
    byFundingSource: [...byFunding]
      .map(([fundingSource, annualValuePence]) => ({
        fundingSource,
        label: FUNDING_SOURCE_LABELS[fundingSource as FundingSource] ?? fundingSource,
        annualValuePence,
      }))
      .sort((a, b) => b.annualValuePence - a.annualValuePence),
    placements,
  };
}
