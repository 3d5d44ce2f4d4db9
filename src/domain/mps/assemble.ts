/**
 * Assembles the Market Position Statement from figures the other areas already produce: the demand area's
 * population grid and projection model, the market area's capacity and price summaries and register, the contracts
 * area's register, procurement forecasts and delivery plan. Pure: the database layer (src/db/mps/generate.ts) reads
 * the inputs with those areas' own repositories and passes them here.
 *
 * Disclosure control: nothing here names a person or a provider. Quarterly new-placement prices are shown only for
 * quarters with at least {@link MIN_PRICE_PLACEMENTS} placements, so no single provider's price can be read off.
 */
import { type AgeBand, bandLabel } from '../demand/ages.js';
import type { ModelResult } from '../demand/model.js';
import { type PopulationGrid, populationIn } from '../demand/population.js';
import { SERVICE_LABELS, type Service } from '../demand/rates.js';
import { WEEKS_PER_YEAR } from '../demand/budget.js';
import {
  CONTRACT_FORM_LABELS,
  FUNDING_SOURCE_LABELS,
  SERVICE_AREA_LABELS,
  type ContractForm,
  type FundingSource,
  type ServiceArea,
} from '../contracts/contract.js';
import { BAND_LABELS, SERVICE_TYPE_LABELS, type PlacementBand, type ServiceType } from '../market/types.js';
import type { IsoDate } from '../core/dates.js';
import { CHAPTERS, PORTFOLIOS, SERVICE_SECTIONS, sectionDefinition, sectionTakes } from './outline.js';
import { opportunitiesComingUp, type OpportunityContract, type OpportunityProcurement } from './opportunities.js';
import type { Figure, MarketSection, Statement, StatementSection, ValueDisclosure } from './statement.js';

/** Fewest new placements in a quarter for its mean and median price to be published. */
export const MIN_PRICE_PLACEMENTS = 5;

/** The market area's capacity summary fields the statement uses (src/db/market/dashboard.ts `capacitySummary`). */
export interface CapacityInput {
  byServiceType: { serviceType: string; locations: number; registeredBeds: number }[];
  careHomes: number;
  registeredBeds: number;
  maxCapacity: number;
  occupied: number;
  vacantAccepting: number;
  occupancy: number | null;
  byGroup: { group: string; maxCapacity: number; occupied: number; vacantAccepting: number }[];
  ratings: { rating: string; count: number }[];
  homecare: { agencies: number; peopleSupported: number; hoursPerWeek: number };
  workforce: { agencyShare: number | null; vacancies: number };
}

/** The market area's price summary fields the statement uses (`priceSummary`; prices in pence). */
export interface PricesInput {
  quarters: { quarter: string; n: number; mean: number; median: number }[];
  change: { recentMean: number | null; change: number | null };
  last12Months: { share: number | null };
  outOfBorough: { active: number; outOfBorough: number; share: number | null };
  homecare: { meanHourlyRatePence: number | null };
  usualRates: { band: string; amountPence: number; effectiveFrom: string }[];
}

/** A registered location in the borough (the market area's `listLocations`). */
export interface LocationInput {
  name: string;
  providerName: string;
  providerId: string;
  serviceTypes: string[];
  registeredBeds: number | null;
  cqcRating: string | null;
}

/** A contract (the contracts area's ContractView). */
export interface ContractInput extends OpportunityContract {
  providerId: string | null;
  fundingSource: string;
}

/** The delivery plan's priorities and intentions (the contracts area's `getPlan`). */
export interface PlanInput {
  title: string;
  years: string[];
  priorities: { id: string; number: number; title: string }[];
  intentions: { priorityId: string; text: string; sortOrder: number }[];
}

export interface StatementInputs {
  borough: { name: string; gssCode: string; synthetic: boolean };
  asAt: IsoDate;
  generatedAt: string;
  valueDisclosure: ValueDisclosure;
  /** Narrative text by section key, then block key. */
  narrative: Record<string, Record<string, string>>;
  /** The borough's population (null when none has been imported). */
  population: PopulationGrid | null;
  /** The demand model run on the default scenario (null without population). */
  model: ModelResult | null;
  /** Today's council-supported clients and mean weekly cost in pence, by service (the demand area's `currentUse`). */
  currentUse: { service: string; clients: number; weeklyCostPence: number | null }[];
  capacity: CapacityInput;
  prices: PricesInput;
  locations: LocationInput[];
  contracts: ContractInput[];
  procurements: OpportunityProcurement[];
  /** Names of providers and their services anywhere in the register, kept out of public titles. */
  providerNames: string[];
  plan: PlanInput | null;
}

const fig = (key: string, label: string, value: number | null, unit: Figure['unit'], hint: string | null = null) => ({
  key,
  label,
  value,
  unit,
  hint,
});

function narrativeOf(inputs: StatementInputs, key: string) {
  const def = sectionDefinition(key)!;
  return def.blocks.map((b) => ({ key: b.key, heading: b.heading, text: inputs.narrative[key]?.[b.key] ?? '' }));
}

function chapter(key: string) {
  const c = CHAPTERS.find((x) => x.key === key)!;
  return { key: c.key, title: c.title, shortTitle: c.shortTitle };
}

const BROAD_GROUPS: { group: string; band: AgeBand }[] = [
  { group: '0 to 17', band: { from: 0, to: 17 } },
  { group: '18 to 64', band: { from: 18, to: 64 } },
  { group: '65 to 84', band: { from: 65, to: 84 } },
  { group: '85 and over', band: { from: 85, to: null } },
];

function populationSources(grid: PopulationGrid): string[] {
  const estimates = [...new Set(grid.sources.filter((s) => s.kind === 'estimate').map((s) => s.vintage))];
  const projections = [...new Set(grid.sources.filter((s) => s.kind === 'projection').map((s) => s.vintage))];
  const out: string[] = [];
  if (estimates.length) out.push(`Population estimates: ONS mid-year estimates, ${estimates.join(', ')}.`);
  if (projections.length)
    out.push(`Population projections: ONS sub-national population projections, ${projections.join(', ')}.`);
  return out;
}

function areaSection(inputs: StatementInputs, currentYear: number): StatementSection {
  const grid = inputs.population;
  const base = { ...chapter('area'), narrative: narrativeOf(inputs, 'area'), deprivation: null };
  const notes = ['No indices of deprivation have been imported for this borough.'];
  if (!grid || !grid.years.includes(currentYear)) {
    return {
      ...base,
      kind: 'area',
      figures: [],
      sources: [],
      notes: [...notes, 'No population figures have been imported for this borough.'],
      population: null,
    };
  }
  const years = [currentYear, currentYear + 5, currentYear + 10].filter((y) => grid.years.includes(y));
  const estimateYear = grid.sources.filter((s) => s.kind === 'estimate').at(-1)?.year ?? null;
  const at = (year: number, band: AgeBand) => Math.round(populationIn(grid, year, band));
  const all: AgeBand = { from: 0, to: null };
  const older: AgeBand = { from: 65, to: null };
  const oldest: AgeBand = { from: 85, to: null };
  const later = years.at(-1)!;
  const growth = (band: AgeBand) =>
    later > currentYear && at(currentYear, band) > 0 ? at(later, band) / at(currentYear, band) - 1 : null;
  const split = grid.sexes.includes('female') && grid.sexes.includes('male');
  const pyramid: { band: string; female: number; male: number }[] = [];
  if (split) {
    for (let from = 0; from <= 90; from += 5) {
      const band: AgeBand = { from, to: from === 90 ? null : from + 4 };
      pyramid.push({
        band: bandLabel(band),
        female: Math.round(populationIn(grid, currentYear, band, 'female')),
        male: Math.round(populationIn(grid, currentYear, band, 'male')),
      });
    }
  } else notes.push('The population is given for persons only, so no population pyramid is drawn.');
  const figures: Figure[] = [
    fig('population', `Residents in ${currentYear}`, at(currentYear, all), 'count'),
    fig('population_65_plus', `Residents aged 65 and over in ${currentYear}`, at(currentYear, older), 'count'),
    fig('population_85_plus', `Residents aged 85 and over in ${currentYear}`, at(currentYear, oldest), 'count'),
    fig('growth_all', `Population growth to ${later}`, growth(all), 'share'),
    fig('growth_65_plus', `Growth in residents aged 65 and over to ${later}`, growth(older), 'share'),
    fig('growth_85_plus', `Growth in residents aged 85 and over to ${later}`, growth(oldest), 'share'),
  ];
  if (estimateYear !== null)
    figures.push(
      fig(
        'population_estimate',
        `Residents in ${estimateYear} (latest mid-year estimate)`,
        at(estimateYear, all),
        'count',
      ),
    );
  return {
    ...base,
    kind: 'area',
    figures,
    sources: populationSources(grid),
    notes: [...notes, ...grid.notes],
    population: {
      estimateYear,
      currentYear,
      ageGroups: BROAD_GROUPS.map((g) => ({
        group: g.group,
        values: years.map((year) => ({ year, people: at(year, g.band) })),
      })),
      pyramid,
      pyramidYear: currentYear,
    },
  };
}

function needSection(inputs: StatementInputs): StatementSection {
  const model = inputs.model;
  const base = { ...chapter('need'), kind: 'need' as const, narrative: narrativeOf(inputs, 'need') };
  if (!model)
    return {
      ...base,
      figures: [],
      sources: [],
      notes: ['No population figures have been imported, so need cannot be projected.'],
      baseYear: null,
      measures: [],
    };
  const yi10 = model.years.indexOf(model.baseYear + 10);
  const measures = model.measures.map((m) => ({
    key: m.key,
    label: m.label,
    careGroup: m.careGroup,
    careGroupLabel: m.careGroupLabel,
    kind: m.kind,
    scope: m.scope,
    values: model.years.map((year, i) => ({ year, people: Math.round(m.projection.totals[i]) })),
    source: m.source,
  }));
  const figures: Figure[] = measures.flatMap((m) => [
    fig(`${m.key}_now`, `${m.label}, ${model.baseYear}`, m.values[0]?.people ?? null, 'count'),
    ...(yi10 >= 0
      ? [fig(`${m.key}_in_10_years`, `${m.label}, ${model.baseYear + 10}`, m.values[yi10].people, 'count')]
      : []),
  ]);
  return {
    ...base,
    figures,
    sources: [...new Set(model.measures.map((m) => `${m.label}: ${m.source}.`))],
    notes: [
      'Need = population × prevalence or service-use rate × share known to adult social care, rates held at today’s level (the conservative case in Islington’s statement). Service-use rates are scaled so that they reproduce today’s council-supported clients.',
      ...model.notes,
    ],
    baseYear: model.baseYear,
    measures,
  };
}

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

function marketSection(inputs: StatementInputs): StatementSection {
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

function spendSection(inputs: StatementInputs): StatementSection {
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

function strategySection(inputs: StatementInputs): StatementSection {
  const plan = inputs.plan;
  return {
    ...chapter('strategy'),
    kind: 'strategy',
    narrative: narrativeOf(inputs, 'strategy'),
    figures: plan
      ? [
          fig('priorities', 'Commissioning priorities in the delivery plan', plan.priorities.length, 'count'),
          fig('intentions', 'Commissioning intentions', plan.intentions.length, 'count'),
        ]
      : [],
    sources: plan ? [`The council’s commissioning delivery plan: ${plan.title}.`] : [],
    notes: plan ? [] : ['No delivery plan has been set up.'],
    plan: plan
      ? {
          title: plan.title,
          years: plan.years,
          priorities: [...plan.priorities]
            .sort((a, b) => a.number - b.number)
            .map((p) => ({
              number: p.number,
              title: p.title,
              intentions: plan.intentions
                .filter((i) => i.priorityId === p.id)
                .sort((a, b) => a.sortOrder - b.sortOrder)
                .map((i) => i.text),
            })),
        }
      : null,
  };
}

function serviceSections(inputs: StatementInputs, disclosure: ValueDisclosure): StatementSection[] {
  return PORTFOLIOS.flatMap((portfolio) =>
    SERVICE_SECTIONS.filter((s) => s.portfolio === portfolio).map((s): StatementSection => {
      const contracts = inputs.contracts.filter(
        (c) => c.status === 'live' && sectionTakes(s, c.serviceArea, c.careGroup),
      );
      const forms = new Map<string, number>();
      for (const c of contracts) forms.set(c.contractForm, (forms.get(c.contractForm) ?? 0) + 1);
      const annual = contracts.reduce((sum, c) => sum + c.annualValuePence, 0);
      const market = s.marketServiceTypes.map((t) => {
        const here = inputs.locations.filter((l) => l.serviceTypes.includes(t));
        return {
          serviceType: t,
          label: SERVICE_TYPE_LABELS[t],
          locations: here.length,
          registeredBeds: here.reduce((sum, l) => sum + (l.registeredBeds ?? 0), 0),
          goodOrOutstanding: here.filter((l) => l.cqcRating === 'Good' || l.cqcRating === 'Outstanding').length,
        };
      });
      const providers = new Set(contracts.map((c) => c.providerId).filter(Boolean)).size;
      return {
        key: s.key,
        title: s.title,
        shortTitle: s.title,
        kind: 'service',
        portfolio,
        narrative: narrativeOf(inputs, s.key),
        figures: [
          fig('contracts', 'Live contracts', contracts.length, 'count'),
          ...(disclosure === 'none' ? [] : [fig('annual_value', 'Annual value of live contracts', annual, 'pence')]),
          fig('providers', 'Providers under contract', providers, 'count'),
          ...market.map((m) =>
            fig(`${m.serviceType}_locations`, `${m.label}: registered services in the borough`, m.locations, 'count'),
          ),
        ],
        sources: [
          'The council’s contract register and procurement plans in Steward.',
          ...(market.length ? ['Care Quality Commission register of services in the borough.'] : []),
        ],
        notes: [],
        provision: {
          contracts: contracts.length,
          annualValuePence: disclosure === 'none' ? 0 : annual,
          providers,
          forms: [...forms].map(([form, n]) => ({
            form,
            label: CONTRACT_FORM_LABELS[form as ContractForm] ?? form,
            contracts: n,
          })),
          market,
        },
      };
    }),
  );
}

/**
 * The whole statement for `inputs.asAt`, section by section in the order of the outline (src/domain/mps/outline.ts).
 * The current year of population and need is the calendar year of `asAt` (the demand model's base year).
 */
export function assembleStatement(inputs: StatementInputs): Statement {
  const currentYear = Number(inputs.asAt.slice(0, 4));
  const text = (key: 'introduction' | 'contacts'): StatementSection => ({
    ...chapter(key),
    kind: key,
    narrative: narrativeOf(inputs, key),
    figures: [],
    sources: [],
    notes: [],
  });
  const opportunities = opportunitiesComingUp(
    inputs.contracts,
    inputs.procurements,
    inputs.asAt,
    inputs.valueDisclosure,
    inputs.providerNames,
  );
  const contacts = text('contacts');
  contacts.figures = [fig('opportunities', 'Opportunities coming up', opportunities.length, 'count')];
  contacts.sources = ['Procurement plans and the contract register in Steward (contracts ending within three years).'];
  return {
    schemaVersion: 1,
    borough: inputs.borough,
    asAt: inputs.asAt,
    generatedAt: inputs.generatedAt,
    valueDisclosure: inputs.valueDisclosure,
    sections: [
      text('introduction'),
      areaSection(inputs, currentYear),
      needSection(inputs),
      marketSection(inputs),
      spendSection(inputs),
      strategySection(inputs),
      ...serviceSections(inputs, inputs.valueDisclosure),
      contacts,
    ],
    opportunities,
  };
}
