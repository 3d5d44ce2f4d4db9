// The contracts part of the demo borough: a contract register of about seventy contracts linked to the
// market part's providers (read from the database) and to local voluntary-sector organisations, procurements
// in flight, three years of KPI returns, PAMMS-style assessments (one waiting for the featured provider's
// challenge), provider concerns, a delivery plan modelled on Halton's and a risk register on the BCF risk log.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { recordAudit } from '../db/core/audit.js';
import { users } from '../db/core/schema.js';
import { locations, providers } from '../db/market/schema.js';
import {
  contracts,
  kpiReturns,
  kpis,
  procurementStages,
  procurements,
  providerConcernEvents,
  providerConcerns,
  qualityAssessments,
  riskScores,
  risks,
} from '../db/contracts/schema.js';
import { createPlan } from '../db/contracts/deliveryPlan.js';
import type { Rng } from '../domain/core/random.js';
import { addDays, addMonths, daysBetween, financialYearOf, type IsoDate } from '../domain/core/dates.js';
import { CONCERN_STATUSES } from '../domain/contracts/concern.js';
import {
  overallRating,
  needsActionPlan,
  type DomainRatings,
  type QualityRating,
} from '../domain/contracts/assessment.js';
import { periodsDue, kpiMeasureFromUnit, kpiRag, type Kpi, type KpiFrequency } from '../domain/contracts/kpi.js';
import { planBackwards, type ProcurementStage, type StageDates } from '../domain/contracts/procurement.js';
import { riskScore } from '../domain/contracts/risk.js';
import { DEMO_PLAN_PRIORITIES, DEMO_RISKS } from './contractsContent.js';
import { FEATURED_HOME_NAME, FEATURED_PROVIDER_NAME } from './marketGenerator.js';
import type { DemoPart } from './part.js';
import { createDemoProviderUser } from './users.js';

const SYSTEM = { system: 'demo' } as const;

/** Voluntary, community and public-sector organisations the council contracts with (not in the CQC market data). */
const VCS = [
  'Age Concern Eastbrook',
  'Eastbrook Mind',
  'Eastbrook Carers Centre',
  'Eastbrook Advocacy Partnership',
  'Eastbrook Community Meals CIC',
  'Community Equipment Partnership Ltd',
  'Eastbrook Sensory Services',
  'Eastbrook Home Improvement Agency',
  'Crossroads Care Eastbrook',
  'Eastbrook Community Health NHS Trust',
  'Healthwatch Eastbrook CIC',
  'Eastbrook Social Prescribing Network',
  'Eastbrook Befriending Network',
  'People First Eastbrook',
  'Eastbrook Day Centre Trust',
  'Dementia Support Eastbrook',
] as const;

function endOfMonth(date: IsoDate): IsoDate {
  return addDays(addMonths(`${date.slice(0, 7)}-01`, 1), -1);
}

interface Spec {
  reference: string;
  title: string;
  providerId: string | null;
  locationId?: string | null;
  serviceArea: string;
  careGroup: string;
  contractForm: string;
  fundingSource: string;
  annualPounds: number;
  /** Months from today to the current end date (end of that month). */
  endInMonths: number;
  termYears: number;
  options?: number[];
  taken?: number;
  notice?: number;
  socialValue?: string;
  decision?: string | null;
  kpis?: KpiSpec[];
}

interface KpiSpec extends Omit<Kpi, 'dueDays' | 'measure'> {
  /** Spread of returned values around target (sd, in the unit). */
  sd: number;
  /** Leave the latest ended period without a return (so a provider can submit it). */
  leaveLatestOpen?: boolean;
}

const K = {
  admissions24h: {
    name: 'Admissions accepted within 24 hours of referral',
    unit: '%',
    target: 90,
    direction: 'higher_is_better',
    frequency: 'monthly',
    tolerance: 5,
    sd: 5,
  },
  occupancy: {
    name: 'Block bed occupancy',
    unit: '%',
    target: 92,
    direction: 'higher_is_better',
    frequency: 'monthly',
    tolerance: 4,
    sd: 4,
  },
  d2aHome: {
    name: 'Discharge to assess: people going home within 6 weeks',
    unit: '%',
    target: 30,
    direction: 'higher_is_better',
    frequency: 'quarterly',
    tolerance: 5,
    sd: 5,
  },
  reviews: {
    name: 'Residents with a care plan review in the quarter',
    unit: '%',
    target: 95,
    direction: 'higher_is_better',
    frequency: 'quarterly',
    tolerance: 3,
    sd: 3,
  },
  missed: {
    name: 'Missed visits',
    unit: '%',
    target: 1,
    direction: 'lower_is_better',
    frequency: 'monthly',
    tolerance: 0.5,
    sd: 0.45,
  },
  delivered: {
    name: 'Care hours delivered against commissioned',
    unit: '%',
    target: 95,
    direction: 'higher_is_better',
    frequency: 'monthly',
    tolerance: 3,
    sd: 2.5,
  },
  tenancies: {
    name: 'Tenancies sustained',
    unit: '%',
    target: 95,
    direction: 'higher_is_better',
    frequency: 'quarterly',
    tolerance: 3,
    sd: 2.5,
  },
  home91: {
    name: 'Older people still at home 91 days after discharge into reablement',
    unit: '%',
    target: 82,
    direction: 'higher_is_better',
    frequency: 'quarterly',
    tolerance: 3,
    sd: 3,
  },
  start48h: {
    name: 'Referrals started within 48 hours',
    unit: '%',
    target: 85,
    direction: 'higher_is_better',
    frequency: 'monthly',
    tolerance: 5,
    sd: 5,
  },
  welfare24h: {
    name: 'Welfare call within 24 hours of discharge',
    unit: '%',
    target: 95,
    direction: 'higher_is_better',
    frequency: 'monthly',
    tolerance: 3,
    sd: 3,
  },
  carersAssessed: {
    name: "Carers' assessments completed within 28 days",
    unit: '%',
    target: 90,
    direction: 'higher_is_better',
    frequency: 'quarterly',
    tolerance: 5,
    sd: 5,
  },
  newCarers: {
    name: 'New carers identified',
    unit: 'carers',
    target: 150,
    direction: 'higher_is_better',
    frequency: 'quarterly',
    tolerance: 15,
    sd: 20,
  },
  peopleSupported: {
    name: 'People supported',
    unit: 'people',
    target: 400,
    direction: 'higher_is_better',
    frequency: 'quarterly',
    tolerance: 40,
    sd: 45,
  },
  wellbeing: {
    name: 'People reporting improved wellbeing (WEMWBS)',
    unit: '%',
    target: 70,
    direction: 'higher_is_better',
    frequency: 'six_monthly',
    tolerance: 5,
    sd: 5,
  },
  advocacy5d: {
    name: 'Advocacy referrals allocated within 5 working days',
    unit: '%',
    target: 90,
    direction: 'higher_is_better',
    frequency: 'quarterly',
    tolerance: 5,
    sd: 5,
  },
  equipment7d: {
    name: 'Standard equipment delivered within 7 days',
    unit: '%',
    target: 95,
    direction: 'higher_is_better',
    frequency: 'monthly',
    tolerance: 3,
    sd: 2.5,
  },
  sameDay: {
    name: 'Same-day deliveries for hospital discharge',
    unit: '%',
    target: 90,
    direction: 'higher_is_better',
    frequency: 'monthly',
    tolerance: 5,
    sd: 4,
  },
  meals: {
    name: 'Meals delivered on time',
    unit: '%',
    target: 97,
    direction: 'higher_is_better',
    frequency: 'monthly',
    tolerance: 2,
    sd: 1.5,
  },
} satisfies Record<string, KpiSpec>;

const kpi = (k: KpiSpec, extra: Partial<KpiSpec> = {}): KpiSpec => ({ ...k, ...extra });

interface LocationInfo {
  id: string;
  providerId: string;
  name: string;
  providerName: string;
  serviceTypes: string[];
  serviceUserBands: string[];
  cqcRating: string | null;
  inBorough: boolean;
}

function domainRatingsFor(cqc: string | null, g: Rng): DomainRatings {
  const pick = (): QualityRating => {
    const x = g.next();
    if (cqc === 'Inadequate') return x < 0.5 ? 'Poor' : 'Requires improvement';
    if (cqc === 'Requires improvement') return x < 0.45 ? 'Requires improvement' : x < 0.95 ? 'Good' : 'Poor';
    if (cqc === 'Outstanding') return x < 0.55 ? 'Excellent' : 'Good';
    return x < 0.12 ? 'Excellent' : x < 0.9 ? 'Good' : 'Requires improvement';
  };
  return {
    involvement_information: pick(),
    personalised_care: pick(),
    safeguarding_safety: pick(),
    staffing: pick(),
    management: pick(),
  };
}

function ratingColumns(r: DomainRatings) {
  return {
    involvementInformation: r.involvement_information,
    personalisedCare: r.personalised_care,
    safeguardingSafety: r.safeguarding_safety,
    staffing: r.staffing,
    management: r.management,
    overall: overallRating(r),
  };
}

async function vcsProviders(db: Db): Promise<Map<string, string>> {
  const existing = await db
    .select({ id: providers.id, name: providers.name })
    .from(providers)
    .where(inArray(providers.name, [...VCS]));
  const ids = new Map(existing.map((p) => [p.name, p.id]));
  for (const name of VCS) {
    if (ids.has(name)) continue;
    const [row] = await db.insert(providers).values({ name }).returning({ id: providers.id });
    ids.set(name, row.id);
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.providerId, row.id));
    if (!user) await createDemoProviderUser(db, row.id, name);
  }
  return ids;
}

export const contractsDemoPart: DemoPart = {
  name: 'contracts',
  description: 'contract register, procurements, KPI returns, quality assessments, delivery plan and risk register',
  async load(db, ctx) {
    const asAt = ctx.asAt.toISOString().slice(0, 10);
    const g = ctx.rng('register');
    const total = 7;
    let done = 0;
    const step = () => ctx.progress(++done, total);

    const locs: LocationInfo[] = (
      await db
        .select({
          id: locations.id,
          providerId: locations.providerId,
          name: locations.name,
          providerName: providers.name,
          serviceTypes: locations.serviceTypes,
          serviceUserBands: locations.serviceUserBands,
          cqcRating: locations.cqcRating,
          inBorough: locations.inBorough,
        })
        .from(locations)
        .innerJoin(providers, eq(providers.id, locations.providerId))
        .where(and(eq(locations.inBorough, true), isNull(locations.deregisteredAt)))
    ).sort((a, b) => a.name.localeCompare(b.name));
    if (locs.length === 0)
      throw new Error('The contracts demo needs the market part loaded first (no providers found)');
    const isHome = (l: LocationInfo) => l.serviceTypes.some((t) => t.startsWith('care_home'));
    const olderHomes = locs.filter((l) => isHome(l) && l.serviceUserBands.includes('older_people'));
    const featured =
      olderHomes.find((l) => l.name === FEATURED_HOME_NAME && l.providerName === FEATURED_PROVIDER_NAME) ??
      olderHomes[0];
    const otherHomes = olderHomes.filter((l) => l !== featured);
    const ldHomes = locs.filter((l) => isHome(l) && !l.serviceUserBands.includes('older_people'));
    const agencies = locs.filter((l) => l.serviceTypes.includes('homecare') && !l.serviceTypes.includes('extra_care'));
    const supported = locs.filter(
      (l) => l.serviceTypes.includes('supported_living') && !l.serviceTypes.includes('homecare'),
    );
    const extraCare = locs.filter((l) => l.serviceTypes.includes('extra_care'));
    const vcs = await vcsProviders(db);
    const v = (name: (typeof VCS)[number]) => vcs.get(name)!;
    step();

    // ---------- The register ----------
    const specs: Spec[] = [
      {
        reference: 'EB-CH-001',
        title: `Discharge to assess nursing beds – block of 12 beds at ${featured.name}`,
        providerId: featured.providerId,
        locationId: featured.id,
        serviceArea: 'care_homes',
        careGroup: 'older_people',
        contractForm: 'block',
        fundingSource: 'asc_discharge_fund',
        annualPounds: 12 * 1_181 * 52,
        endInMonths: 16,
        termYears: 2,
        options: [12],
        notice: 3,
        socialValue: 'Two care apprenticeships a year; local recruitment',
        kpis: [kpi(K.occupancy, { leaveLatestOpen: true }), kpi(K.d2aHome)],
      },
      ...otherHomes.slice(0, 9).map((l, i): Spec => ({
        reference: `EB-CH-${String(i + 2).padStart(3, '0')}`,
        title: `${i < 4 ? 'Block beds at usual rates' : 'Residential and nursing framework call-off'} – ${l.name}`,
        providerId: l.providerId,
        locationId: l.id,
        serviceArea: 'care_homes',
        careGroup: 'older_people',
        contractForm: i < 4 ? 'block' : 'framework_call_off',
        fundingSource: i % 3 === 0 ? 'bcf' : 'general_fund',
        annualPounds: Math.round(g.int(8, 20) * (i < 4 ? 1_020 : 983) * 52),
        endInMonths: [3, 9, 14, 20, 26, 31, 8, 40, 17][i],
        termYears: 3,
        options: [12, 12],
        taken: i % 2,
        notice: 3,
        kpis: i < 4 ? [kpi(K.admissions24h), kpi(K.reviews)] : i < 6 ? [kpi(K.reviews)] : [],
      })),
      ...ldHomes.slice(0, 3).map((l, i): Spec => ({
        reference: `EB-LD-${String(i + 1).padStart(3, '0')}`,
        title: `Learning disability residential care – ${l.name}`,
        providerId: l.providerId,
        locationId: l.id,
        serviceArea: 'care_homes',
        careGroup: l.serviceUserBands.includes('mental_health') ? 'mental_health' : 'learning_disability_autism',
        contractForm: 'framework_call_off',
        fundingSource: 'general_fund',
        annualPounds: g.int(6, 10) * 1_950 * 52,
        endInMonths: [22, 11, 35][i],
        termYears: 4,
        options: [24],
        notice: 3,
      })),
      ...agencies.slice(0, 4).map((l, i): Spec => ({
        reference: `EB-HC-${String(i + 1).padStart(3, '0')}`,
        title: `Homecare zone ${['north', 'south', 'east', 'west'][i]} – lead provider (${l.providerName})`,
        providerId: l.providerId,
        locationId: l.id,
        serviceArea: 'homecare',
        careGroup: 'older_people',
        contractForm: 'cost_and_volume',
        fundingSource: i === 2 ? 'bcf' : 'general_fund',
        annualPounds: g.int(1_800, 2_900) * 1_000,
        endInMonths: 11,
        termYears: 5,
        options: [12, 12],
        taken: 2,
        notice: 6,
        socialValue: 'London Living Wage for all care workers; paid travel time',
        decision: 're_tender',
        kpis: [kpi(K.missed), kpi(K.delivered)],
      })),
      ...agencies.slice(4, 18).map((l, i): Spec => ({
        reference: `EB-HC-${String(i + 5).padStart(3, '0')}`,
        title: `Homecare DPS call-off – ${l.providerName}`,
        providerId: l.providerId,
        locationId: l.id,
        serviceArea: 'homecare',
        careGroup: g.next() < 0.8 ? 'older_people' : 'physical_sensory',
        contractForm: 'dps',
        fundingSource: 'general_fund',
        annualPounds: g.int(180, 1_100) * 1_000,
        endInMonths: 11,
        termYears: 4,
        options: [],
        notice: 1,
        kpis: i < 4 ? [kpi(K.missed)] : [],
      })),
      ...supported.slice(0, 6).map((l, i): Spec => ({
        reference: `EB-SL-${String(i + 1).padStart(3, '0')}`,
        title: `Supported living – ${l.name}`,
        providerId: l.providerId,
        locationId: l.id,
        serviceArea: 'supported_living',
        careGroup: i % 3 === 2 ? 'mental_health' : 'learning_disability_autism',
        contractForm: 'framework_call_off',
        fundingSource: 'general_fund',
        annualPounds: g.int(380, 1_450) * 1_000,
        endInMonths: [7, 19, 7, 30, 15, 44][i],
        termYears: 3,
        options: [12, 12],
        taken: i < 3 ? 1 : 0,
        notice: 3,
        kpis: i < 3 ? [kpi(K.tenancies)] : [],
      })),
      ...extraCare.slice(0, 3).map((l, i): Spec => ({
        reference: `EB-EC-${String(i + 1).padStart(3, '0')}`,
        title: `Extra care housing care and support – ${l.name}`,
        providerId: l.providerId,
        locationId: l.id,
        serviceArea: 'extra_care',
        careGroup: 'older_people',
        contractForm: 'block',
        fundingSource: 'general_fund',
        annualPounds: g.int(520, 900) * 1_000,
        endInMonths: [13, 25, 37][i],
        termYears: 5,
        options: [24],
        notice: 6,
      })),
      {
        reference: 'EB-REA-001',
        title: 'Reablement (Home First) – in-house service',
        providerId: null,
        serviceArea: 'reablement',
        careGroup: 'older_people',
        contractForm: 'in_house_sla',
        fundingSource: 'bcf',
        annualPounds: 3_240_000,
        endInMonths: 28,
        termYears: 3,
        kpis: [],
      },
      {
        reference: 'EB-REA-002',
        title: 'Home, Settle and Support after hospital discharge',
        providerId: v('Age Concern Eastbrook'),
        serviceArea: 'reablement',
        careGroup: 'older_people',
        contractForm: 'grant',
        fundingSource: 'asc_discharge_fund',
        annualPounds: 710_000,
        endInMonths: 14,
        termYears: 2,
        options: [12],
        notice: 3,
        kpis: [kpi(K.welfare24h)],
      },
      {
        reference: 'EB-REA-003',
        title: 'Community rehabilitation beds (52 beds, flex to 61 in winter)',
        providerId: v('Eastbrook Community Health NHS Trust'),
        serviceArea: 'reablement',
        careGroup: 'older_people',
        contractForm: 's75_pooled',
        fundingSource: 'icb',
        annualPounds: 4_560_000,
        endInMonths: 20,
        termYears: 3,
        options: [12],
        notice: 6,
        kpis: [kpi(K.home91), kpi(K.start48h)],
      },
      {
        reference: 'EB-CAR-001',
        title: "Carers' Hub – information, assessment and support for unpaid carers",
        providerId: v('Eastbrook Carers Centre'),
        serviceArea: 'carers',
        careGroup: 'carers',
        contractForm: 'block',
        fundingSource: 'bcf',
        annualPounds: 455_000,
        endInMonths: 4,
        termYears: 3,
        options: [12, 12],
        taken: 2,
        notice: 3,
        socialValue: 'Volunteering programme with 40 local volunteers',
        decision: 're_tender',
        kpis: [kpi(K.carersAssessed), kpi(K.newCarers)],
      },
      {
        reference: 'EB-CAR-002',
        title: "Carers' breaks grant",
        providerId: v('Eastbrook Carers Centre'),
        serviceArea: 'carers',
        careGroup: 'carers',
        contractForm: 'grant',
        fundingSource: 'ibcf',
        annualPounds: 180_000,
        endInMonths: 16,
        termYears: 2,
        notice: 1,
      },
      {
        reference: 'EB-CAR-003',
        title: 'Home-based respite care for carers',
        providerId: v('Crossroads Care Eastbrook'),
        serviceArea: 'carers',
        careGroup: 'carers',
        contractForm: 'block',
        fundingSource: 'bcf',
        annualPounds: 265_000,
        endInMonths: 9,
        termYears: 3,
        options: [12],
        notice: 3,
      },
      {
        reference: 'EB-PRV-001',
        title: 'Age Well prevention: frailty, falls, social isolation and hospital discharge support',
        providerId: v('Age Concern Eastbrook'),
        serviceArea: 'prevention',
        careGroup: 'older_people',
        contractForm: 'block',
        fundingSource: 'general_fund',
        annualPounds: 612_000,
        endInMonths: 5,
        termYears: 3,
        options: [12],
        taken: 1,
        notice: 3,
        decision: 're_tender',
        kpis: [kpi(K.peopleSupported), kpi(K.wellbeing)],
      },
      {
        reference: 'EB-PRV-002',
        title: 'Live Well prevention: physical and sensory disability, learning disability, autism and mental health',
        providerId: v('Eastbrook Mind'),
        serviceArea: 'prevention',
        careGroup: 'all_adults',
        contractForm: 'block',
        fundingSource: 'general_fund',
        annualPounds: 548_000,
        endInMonths: 5,
        termYears: 3,
        options: [12],
        taken: 1,
        notice: 3,
        decision: 're_tender',
        kpis: [kpi(K.peopleSupported, { target: 320, tolerance: 30, sd: 35 })],
      },
      {
        reference: 'EB-PRV-003',
        title: 'Strength and balance falls prevention classes',
        providerId: v('Age Concern Eastbrook'),
        serviceArea: 'prevention',
        careGroup: 'older_people',
        contractForm: 'grant',
        fundingSource: 'public_health_grant',
        annualPounds: 138_000,
        endInMonths: 23,
        termYears: 3,
        notice: 1,
      },
      {
        reference: 'EB-PRV-004',
        title: 'Befriending and social isolation service',
        providerId: v('Eastbrook Befriending Network'),
        serviceArea: 'prevention',
        careGroup: 'older_people',
        contractForm: 'grant',
        fundingSource: 'bcf',
        annualPounds: 96_000,
        endInMonths: 2,
        termYears: 2,
        notice: 1,
      },
      {
        reference: 'EB-PRV-005',
        title: 'Community meals service',
        providerId: v('Eastbrook Community Meals CIC'),
        serviceArea: 'prevention',
        careGroup: 'older_people',
        contractForm: 'block',
        fundingSource: 'general_fund',
        annualPounds: 410_000,
        endInMonths: 8,
        termYears: 3,
        options: [12],
        notice: 6,
        kpis: [kpi(K.meals)],
      },
      {
        reference: 'EB-PRV-006',
        title: 'Dementia support service (post-diagnosis pathway)',
        providerId: v('Dementia Support Eastbrook'),
        serviceArea: 'prevention',
        careGroup: 'older_people',
        contractForm: 'block',
        fundingSource: 'bcf',
        annualPounds: 325_000,
        endInMonths: 10,
        termYears: 3,
        options: [12],
        taken: 1,
        notice: 3,
        decision: 'direct_award',
      },
      {
        reference: 'EB-PRV-007',
        title: 'Social prescribing link workers',
        providerId: v('Eastbrook Social Prescribing Network'),
        serviceArea: 'prevention',
        careGroup: 'all_adults',
        contractForm: 'grant',
        fundingSource: 'icb',
        annualPounds: 240_000,
        endInMonths: 17,
        termYears: 2,
        notice: 3,
      },
      {
        reference: 'EB-ADV-001',
        title: 'Healthwatch and Advocacy Hub (Care Act, IMCA, IMHA)',
        providerId: v('Eastbrook Advocacy Partnership'),
        serviceArea: 'advocacy',
        careGroup: 'all_adults',
        contractForm: 'block',
        fundingSource: 'general_fund',
        annualPounds: 368_000,
        endInMonths: 29,
        termYears: 3,
        options: [12, 12],
        notice: 3,
        socialValue: 'Peer advocates recruited from people with lived experience',
        kpis: [kpi(K.advocacy5d)],
      },
      {
        reference: 'EB-ADV-002',
        title: 'Self-advocacy support for people with learning disabilities',
        providerId: v('People First Eastbrook'),
        serviceArea: 'advocacy',
        careGroup: 'learning_disability_autism',
        contractForm: 'grant',
        fundingSource: 'general_fund',
        annualPounds: 52_000,
        endInMonths: 12,
        termYears: 2,
        notice: 1,
      },
      {
        reference: 'EB-ADV-003',
        title: 'Healthwatch Eastbrook',
        providerId: v('Healthwatch Eastbrook CIC'),
        serviceArea: 'advocacy',
        careGroup: 'all_adults',
        contractForm: 'grant',
        fundingSource: 'general_fund',
        annualPounds: 145_000,
        endInMonths: 29,
        termYears: 3,
        notice: 3,
      },
      {
        reference: 'EB-EQP-001',
        title: 'Integrated community equipment service',
        providerId: v('Community Equipment Partnership Ltd'),
        serviceArea: 'equipment',
        careGroup: 'all_adults',
        contractForm: 's75_pooled',
        fundingSource: 'bcf',
        annualPounds: 1_860_000,
        endInMonths: 15,
        termYears: 5,
        options: [24],
        notice: 12,
        kpis: [kpi(K.equipment7d), kpi(K.sameDay)],
      },
      {
        reference: 'EB-EQP-002',
        title: 'Telecare monitoring and response',
        providerId: v('Community Equipment Partnership Ltd'),
        serviceArea: 'equipment',
        careGroup: 'older_people',
        contractForm: 'block',
        fundingSource: 'general_fund',
        annualPounds: 640_000,
        endInMonths: 33,
        termYears: 4,
        options: [12],
        notice: 6,
      },
      {
        reference: 'EB-EQP-003',
        title: 'Integrated sensory service',
        providerId: v('Eastbrook Sensory Services'),
        serviceArea: 'equipment',
        careGroup: 'physical_sensory',
        contractForm: 'block',
        fundingSource: 'general_fund',
        annualPounds: 215_000,
        endInMonths: 6,
        termYears: 3,
        options: [12],
        notice: 3,
      },
      {
        reference: 'EB-EQP-004',
        title: 'Home improvement agency and handyperson service',
        providerId: v('Eastbrook Home Improvement Agency'),
        serviceArea: 'equipment',
        careGroup: 'physical_sensory',
        contractForm: 'grant',
        fundingSource: 'dfg',
        annualPounds: 390_000,
        endInMonths: 21,
        termYears: 3,
        notice: 3,
      },
      {
        reference: 'EB-DAY-001',
        title: 'Learning disability day opportunities',
        providerId: v('Eastbrook Day Centre Trust'),
        serviceArea: 'day_opportunities',
        careGroup: 'learning_disability_autism',
        contractForm: 'block',
        fundingSource: 'general_fund',
        annualPounds: 780_000,
        endInMonths: 7,
        termYears: 3,
        options: [12],
        notice: 6,
      },
      {
        reference: 'EB-DAY-002',
        title: "Older people's day centre",
        providerId: v('Eastbrook Day Centre Trust'),
        serviceArea: 'day_opportunities',
        careGroup: 'older_people',
        contractForm: 'block',
        fundingSource: 'general_fund',
        annualPounds: 295_000,
        endInMonths: 19,
        termYears: 3,
        options: [12],
        notice: 3,
      },
      {
        reference: 'EB-MH-001',
        title: 'Mental health crisis café and recovery support',
        providerId: v('Eastbrook Mind'),
        serviceArea: 'prevention',
        careGroup: 'mental_health',
        contractForm: 'grant',
        fundingSource: 'icb',
        annualPounds: 176_000,
        endInMonths: 13,
        termYears: 2,
        notice: 3,
      },
    ];

    const contractIds = new Map<string, string>();
    const contractEnd = new Map<string, IsoDate>();
    for (const s of specs) {
      const options = s.options ?? [];
      const taken = s.taken ?? 0;
      const currentEnd = endOfMonth(addMonths(asAt, s.endInMonths));
      const initialEnd = endOfMonth(addMonths(currentEnd, -options.slice(0, taken).reduce((a, b) => a + b, 0)));
      const startDate = addDays(addMonths(initialEnd, -12 * s.termYears), 1);
      const annual = Math.round(s.annualPounds) * 100;
      const totalMonths = 12 * s.termYears + options.slice(0, taken).reduce((a, b) => a + b, 0);
      const [row] = await db
        .insert(contracts)
        .values({
          reference: s.reference,
          title: s.title,
          providerId: s.providerId,
          locationId: s.locationId ?? null,
          serviceArea: s.serviceArea,
          careGroup: s.careGroup,
          contractForm: s.contractForm,
          fundingSource: s.fundingSource,
          totalValuePence: Math.round((annual * totalMonths) / 12),
          annualValuePence: annual,
          startDate,
          initialEndDate: initialEnd,
          extensionOptionsMonths: options,
          extensionsTaken: taken,
          breakClauseDates: [],
          noticePeriodMonths: s.notice ?? 3,
          socialValue: s.socialValue ?? null,
          leadOfficer:
            s.serviceArea === 'care_homes' || s.serviceArea === 'homecare' || s.serviceArea === 'reablement'
              ? 'Commissioning Manager – Age Well'
              : 'Commissioning Manager – Live Well',
          decision: s.decision ?? null,
          decidedAt: s.decision ? new Date(`${addDays(asAt, -g.int(20, 90))}T10:00:00Z`) : null,
        })
        .returning({ id: contracts.id });
      contractIds.set(s.reference, row.id);
      contractEnd.set(s.reference, currentEnd);
    }
    step();

    // ---------- Procurements in flight ----------
    const plan = (ref: string, route: string, title: string, shape: (stages: StageDates[]) => StageDates[]) => ({
      ref,
      route,
      title,
      stages: shape(planBackwards(addDays(contractEnd.get(ref)!, 1))),
    });
    const actual = (stages: StageDates[], upTo: ProcurementStage, slipDays: number, openStage?: ProcurementStage) => {
      // Stages before `upTo` finished (the last `slipDays` late); `openStage` started but not finished.
      let finished = true;
      return stages
        .map((s) => {
          if (s.stage === upTo) finished = false;
          if (finished)
            return { ...s, actualStart: s.plannedStart, actualEnd: addDays(s.plannedEnd, Math.min(slipDays, 14)) };
          if (s.stage === openStage) return { ...s, actualStart: addDays(s.plannedStart, slipDays) };
          return s;
        })
        .map((s) =>
          s.actualStart && s.actualStart > asAt
            ? { ...s, actualStart: null, actualEnd: null }
            : s.actualEnd && s.actualEnd > asAt
              ? { ...s, actualEnd: null }
              : s,
        );
    };
    const stagesDoneBefore = (stages: StageDates[]) => {
      // Mark every stage whose planned end has passed as done on time, the one under way as started.
      return stages.map((s) =>
        s.plannedEnd < asAt
          ? { ...s, actualStart: s.plannedStart, actualEnd: s.plannedEnd }
          : s.plannedStart <= asAt
            ? { ...s, actualStart: s.plannedStart }
            : s,
      );
    };
    const procs = [
      // Carers' Hub: the tender went out five weeks late and is still open: the new service cannot start in time.
      plan('EB-CAR-001', 're_tender', "Carers' Hub re-tender", (s) =>
        actual(s, 'tender_published', 36, 'tender_published'),
      ),
      plan('EB-PRV-001', 're_tender', 'Community Wellness and Empowerment Service – Age Well', stagesDoneBefore),
      plan('EB-PRV-002', 're_tender', 'Community Wellness and Empowerment Service – Live Well', stagesDoneBefore),
      plan('EB-PRV-006', 'direct_award', 'Dementia support service – direct award', (s) =>
        stagesDoneBefore(
          s.map((x) =>
            x.stage === 'tender_published' || x.stage === 'evaluation' || x.stage === 'soft_market_test'
              ? { ...x, notApplicable: true }
              : x,
          ),
        ),
      ),
      plan('EB-HC-001', 're_tender', 'Homecare zones and DPS refresh', stagesDoneBefore),
    ];
    for (const p of procs) {
      const [row] = await db
        .insert(procurements)
        .values({
          contractId: contractIds.get(p.ref)!,
          title: p.title,
          route: p.route,
          leadOfficer: 'Procurement Business Partner',
        })
        .returning({ id: procurements.id });
      await db
        .insert(procurementStages)
        .values(p.stages.map((s) => ({ ...s, notApplicable: s.notApplicable ?? false, procurementId: row.id })));
    }
    // A new service with no contract to replace: short stay residential respite (Halton's Priority 2 action).
    const [respite] = await db
      .insert(procurements)
      .values({
        contractId: null,
        title: 'Short stay residential respite service (new)',
        route: 'new_service',
        leadOfficer: 'Commissioning Manager – Live Well',
      })
      .returning({ id: procurements.id });
    await db.insert(procurementStages).values(
      planBackwards(endOfMonth(addMonths(asAt, 14))).map((s) => ({
        ...s,
        procurementId: respite.id,
        notApplicable: false,
      })),
    );
    step();

    // ---------- KPIs and returns ----------
    const kg = ctx.rng('kpi-returns');
    let kpiCount = 0;
    for (const s of specs) {
      for (const k of s.kpis ?? []) {
        const contractId = contractIds.get(s.reference)!;
        const reportingFrom = addMonths(`${asAt.slice(0, 7)}-01`, -15);
        const [row] = await db
          .insert(kpis)
          .values({
            contractId,
            name: k.name,
            measure: kpiMeasureFromUnit(k.unit),
            unit: k.unit,
            target: k.target,
            direction: k.direction,
            frequency: k.frequency,
            tolerance: k.tolerance,
            dueDays: null,
            reportingFrom,
          })
          .returning({ id: kpis.id });
        kpiCount++;
        const periods = periodsDue({ frequency: k.frequency as KpiFrequency, dueDays: null }, reportingFrom, asAt);
        const values = [];
        for (const [i, p] of periods.entries()) {
          const latest = i === periods.length - 1;
          if (latest && k.leaveLatestOpen) continue;
          const x = kg.next();
          // 86% on time, 9% late, 5% never sent (overdue once past the due date).
          if (x >= 0.95 && p.dueDate < asAt) continue;
          const submittedOn = x < 0.86 ? addDays(p.dueDate, -kg.int(0, 8)) : addDays(p.dueDate, kg.int(1, 25));
          if (submittedOn > asAt) continue;
          let value = kg.normal(k.target + (k.direction === 'higher_is_better' ? 1 : -1) * k.sd, k.sd);
          if (k.unit === '%') value = Math.min(100, Math.max(0, value));
          else value = Math.max(0, Math.round(value));
          value = Math.round(value * 10) / 10;
          values.push({
            kpiId: row.id,
            periodStart: p.periodStart,
            value,
            submittedOn,
            comment: kpiRag(k, value) === 'red' ? 'Below target: staffing pressures this period' : null,
          });
        }
        if (values.length) await db.insert(kpiReturns).values(values);
      }
    }
    step();

    // ---------- Quality assessments and concerns ----------
    const qa = ctx.rng('assessments');
    const assessed = [...olderHomes, ...ldHomes, ...agencies.slice(0, 12), ...supported.slice(0, 3)];
    const latestPublished = new Map<string, { overall: string; on: IsoDate }>();
    for (const [i, l] of assessed.entries()) {
      if (l !== featured && qa.next() < 0.3) continue; // not every service is visited each cycle
      const ratings = domainRatingsFor(l.cqcRating, qa);
      const visit = addDays(asAt, -qa.int(60, 640));
      const shared = addDays(visit, qa.int(5, 12));
      const responded = addDays(shared, qa.int(2, 13));
      const published = addDays(responded, qa.int(1, 6));
      const plan = needsActionPlan(ratings);
      const planLate = i % 7 === 3;
      const planOn = plan
        ? published < addDays(asAt, -14) || planLate
          ? addDays(published, planLate ? 19 : qa.int(5, 14))
          : null
        : null;
      await db.insert(qualityAssessments).values({
        locationId: l.id,
        providerId: l.providerId,
        visitDate: visit,
        assessorName: 'Quality Assurance Officer',
        status: 'published',
        ...ratingColumns(ratings),
        summary: `Annual PAMMS visit to ${l.name}.`,
        sharedOn: shared,
        providerRespondedOn: responded,
        providerResponse: 'accept',
        publishedOn: published,
        actionPlan: planOn ? 'Actions agreed for each domain rated below Good, with named leads and dates.' : null,
        actionPlanSubmittedOn: planOn && planOn <= asAt ? planOn : null,
      });
      latestPublished.set(l.id, { overall: overallRating(ratings), on: published });
    }
    // A recent Requires-improvement assessment whose action plan is overdue.
    const riHome = otherHomes[5] ?? otherHomes[0];
    const riRatings: DomainRatings = {
      involvement_information: 'Good',
      personalised_care: 'Requires improvement',
      safeguarding_safety: 'Good',
      staffing: 'Requires improvement',
      management: 'Requires improvement',
    };
    await db.insert(qualityAssessments).values({
      locationId: riHome.id,
      providerId: riHome.providerId,
      visitDate: addDays(asAt, -50),
      assessorName: 'Quality Assurance Officer',
      status: 'published',
      ...ratingColumns(riRatings),
      summary: 'Care plans not reviewed; high agency use at night; registered manager vacancy.',
      sharedOn: addDays(asAt, -44),
      providerRespondedOn: addDays(asAt, -36),
      providerResponse: 'accept',
      publishedOn: addDays(asAt, -33),
    });
    latestPublished.set(riHome.id, { overall: overallRating(riRatings), on: addDays(asAt, -33) });
    // The featured home: a draft shared three days ago, waiting for the provider's answer.
    const featuredRatings: DomainRatings = {
      involvement_information: 'Good',
      personalised_care: 'Good',
      safeguarding_safety: 'Good',
      staffing: 'Requires improvement',
      management: 'Good',
    };
    await db.insert(qualityAssessments).values({
      locationId: featured.id,
      providerId: featured.providerId,
      visitDate: addDays(asAt, -9),
      assessorName: 'Quality Assurance Officer',
      status: 'provider_challenge',
      ...ratingColumns(featuredRatings),
      summary:
        'Warm, person-centred care; night staffing relies on agency staff and induction records were incomplete.',
      sharedOn: addDays(asAt, -3),
    });
    // A challenged draft waiting for the quality officer, and a draft not yet shared.
    const challenged = otherHomes[1] ?? otherHomes[0];
    await db.insert(qualityAssessments).values({
      locationId: challenged.id,
      providerId: challenged.providerId,
      visitDate: addDays(asAt, -20),
      assessorName: 'Quality Assurance Officer',
      status: 'provider_challenge',
      ...ratingColumns({
        involvement_information: 'Good',
        personalised_care: 'Good',
        safeguarding_safety: 'Requires improvement',
        staffing: 'Good',
        management: 'Requires improvement',
      }),
      summary: 'Medication audits late; falls log incomplete.',
      sharedOn: addDays(asAt, -15),
      providerRespondedOn: addDays(asAt, -6),
      providerResponse: 'challenge',
      providerComments:
        'The falls log was kept electronically and was shown to the officer after the visit; medication audits are now weekly.',
    });
    const draftHome = agencies[2] ?? otherHomes[2];
    await db.insert(qualityAssessments).values({
      locationId: draftHome.id,
      providerId: draftHome.providerId,
      visitDate: addDays(asAt, -4),
      assessorName: 'Quality Assurance Officer',
      status: 'draft',
      ...ratingColumns({
        involvement_information: 'Good',
        personalised_care: 'Excellent',
        safeguarding_safety: 'Good',
        staffing: 'Good',
        management: 'Excellent',
      }),
      summary: 'Draft: notes being written up.',
    });
    // The market register shows each location's latest published rating.
    for (const [locationId, r] of latestPublished) {
      await db
        .update(locations)
        .set({ councilQualityRating: r.overall, councilQualityRatingDate: r.on })
        .where(eq(locations.id, locationId));
    }
    const concernKinds = ['provider_concern', 'safeguarding_referral', 'complaint', 'whistleblowing'];
    const concernText: Record<string, string[]> = {
      provider_concern: [
        'Late visits reported by two families',
        'Staffing below assessed levels at weekends',
        'Medication administration errors reported',
      ],
      safeguarding_referral: [
        'Unexplained bruising reported by family (section 42 enquiry opened)',
        'Alleged financial abuse by a visitor',
        'Fall with injury not reported promptly',
      ],
      complaint: ['Complaint about quality of food and choice', 'Complaint about call handling out of hours'],
      whistleblowing: ['Anonymous report of unsafe moving and handling practice'],
    };
    const cg = ctx.rng('concerns');
    const concernLocs = [...olderHomes, ...agencies.slice(0, 12)];
    for (let i = 0; i < 16; i++) {
      const l = concernLocs[cg.int(0, concernLocs.length - 1)];
      const kind = cg.weighted(concernKinds, [5, 4, 3, 1]);
      const raisedOn = addDays(asAt, -cg.int(3, 360));
      const closed = raisedOn < addDays(asAt, -60) && cg.next() < 0.8;
      // An open concern stands at a stage of the lifecycle: the older it is, the further on.
      const age = daysBetween(raisedOn, asAt);
      const stage = closed ? 4 : age < 7 ? 0 : age < 21 ? 1 : age < 60 ? 2 : 3;
      const path = CONCERN_STATUSES.slice(0, stage + 1);
      const closedOn = closed ? addDays(raisedOn, cg.int(10, 50)) : null;
      const [concern] = await db
        .insert(providerConcerns)
        .values({
          locationId: l.id,
          providerId: l.providerId,
          kind,
          raisedOn,
          summary: cg.pick(concernText[kind]),
          status: path[path.length - 1],
          closedOn,
          agreedAction: stage >= 3 ? 'Provider action plan agreed: weekly review with the quality team' : null,
          safeguardingReferralOn: kind === 'safeguarding_referral' ? raisedOn : null,
          safeguardingReference:
            kind === 'safeguarding_referral' ? `ASG/${raisedOn.slice(0, 4)}/${String(100 + i).padStart(4, '0')}` : null,
        })
        .returning({ id: providerConcerns.id });
      // Its history: one step every few days from the day it was raised (closing on its closing date).
      await db.insert(providerConcernEvents).values(
        path.map((to, n) => ({
          concernId: concern.id,
          at: new Date(`${to === 'closed' && closedOn ? closedOn : addDays(raisedOn, Math.min(n * 5, age))}T10:00:00Z`),
          kind: n === 0 ? 'log' : 'transition',
          fromStatus: n === 0 ? null : path[n - 1],
          toStatus: to,
        })),
      );
    }
    step();

    // ---------- Delivery plan (Halton's layout) ----------
    const fy = financialYearOf(asAt);
    const start = Number(fy.slice(0, 4));
    const label = (y: number) => `${y}/${String((y + 1) % 100).padStart(2, '0')}`;
    const years = [label(start - 1), label(start), label(start + 1)];
    await createPlan(db, SYSTEM, {
      title: 'Delivery Plan',
      years,
      priorities: DEMO_PLAN_PRIORITIES.map((p) => ({
        number: p.number,
        title: p.title,
        intentions: p.intentions.map((i) => ({
          text: i.text,
          actions: i.actions.map((a) => ({
            text: a.text,
            yearStatuses: [...a.years],
            responsibleServiceAreas: a.areas,
            contractId: a.contractRef ? (contractIds.get(a.contractRef) ?? null) : null,
            milestones: a.milestones.map((m) => ({
              title: m.title,
              dueDate: addDays(asAt, m.dueInDays),
              completedOn: m.done ? addDays(asAt, Math.min(m.dueInDays, -1) - 3) : null,
            })),
          })),
        })),
      })),
    });
    step();

    // ---------- Risk register (BCF risk log and local risks) ----------
    const rg = ctx.rng('risks');
    for (const r of DEMO_RISKS) {
      const [l, i] = r.scores[r.scores.length - 1];
      const [row] = await db
        .insert(risks)
        .values({
          reference: r.reference,
          title: r.title,
          mitigation: r.mitigation,
          owner: r.owner,
          likelihood: l,
          impact: i,
          reviewDate: addDays(asAt, rg.int(-25, 80)),
          contractId: r.contractRef ? (contractIds.get(r.contractRef) ?? null) : null,
        })
        .returning({ id: risks.id });
      await db.insert(riskScores).values(
        r.scores.map(([sl, si], n) => ({
          riskId: row.id,
          recordedOn: addDays(asAt, -91 * (r.scores.length - 1 - n) - 7),
          likelihood: sl,
          impact: si,
          score: riskScore(sl, si),
          note: n === 0 ? 'Risk identified' : 'Quarterly review',
        })),
      );
    }
    await recordAudit(db, SYSTEM, {
      action: 'load',
      entity: 'contracts_demo',
      detail: { contracts: specs.length, kpis: kpiCount, risks: DEMO_RISKS.length },
    });
    ctx.log(
      `  ${specs.length} contracts, ${procs.length + 1} procurements, ${kpiCount} KPIs, ${latestPublished.size + 3} assessments, ${DEMO_RISKS.length} risks`,
    );
    step();
  },
};
