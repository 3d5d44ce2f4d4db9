// The contracts demo's register: the market part's in-borough services (read from the database) sorted into the
// kinds the contracts need, the voluntary-sector providers, and about seventy contracts with their dates and values.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { users } from '../db/core/schema.js';
import { locations, providers } from '../db/market/schema.js';
import { contracts } from '../db/contracts/schema.js';
import type { Rng } from '../domain/core/random.js';
import { addDays, addMonths, type IsoDate } from '../domain/core/dates.js';
import { COMMUNITY_CONTRACTS, VCS, type ContractSpec } from './contractsCommunity.js';
import { K, kpi } from './contractsKpis.js';
import { FEATURED_HOME_NAME, FEATURED_PROVIDER_NAME } from './marketGenerator.js';
import { createDemoProviderUser } from './users.js';

/** An in-borough, registered location of the market part, with what the contracts demo needs of it. */
export interface LocationInfo {
  id: string;
  providerId: string;
  name: string;
  providerName: string;
  serviceTypes: string[];
  serviceUserBands: string[];
  cqcRating: string | null;
  inBorough: boolean;
}

/** The market's in-borough locations sorted by kind (each list by name). */
export interface ContractsMarket {
  /** The featured provider's home (or the first older people's home when it is missing). */
  featured: LocationInfo;
  olderHomes: LocationInfo[];
  /** Older people's homes other than the featured one. */
  otherHomes: LocationInfo[];
  /** Learning disability and mental health homes. */
  ldHomes: LocationInfo[];
  /** Homecare agencies (not extra care). */
  agencies: LocationInfo[];
  /** Supported living services (not also homecare). */
  supported: LocationInfo[];
  extraCare: LocationInfo[];
}

/** The last day of `date`'s month. */
export function endOfMonth(date: IsoDate): IsoDate {
  return addDays(addMonths(`${date.slice(0, 7)}-01`, 1), -1);
}

/**
 * Read the market part's in-borough, still registered locations and sort them by kind.
 * Throws when there are none (the market part must load first).
 */
export async function loadContractsMarket(db: Db): Promise<ContractsMarket> {
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
  if (locs.length === 0) throw new Error('The contracts demo needs the market part loaded first (no providers found)');
  const isHome = (l: LocationInfo) => l.serviceTypes.some((t) => t.startsWith('care_home'));
  const olderHomes = locs.filter((l) => isHome(l) && l.serviceUserBands.includes('older_people'));
  const featured =
    olderHomes.find((l) => l.name === FEATURED_HOME_NAME && l.providerName === FEATURED_PROVIDER_NAME) ?? olderHomes[0];
  const otherHomes = olderHomes.filter((l) => l !== featured);
  const ldHomes = locs.filter((l) => isHome(l) && !l.serviceUserBands.includes('older_people'));
  const agencies = locs.filter((l) => l.serviceTypes.includes('homecare') && !l.serviceTypes.includes('extra_care'));
  const supported = locs.filter(
    (l) => l.serviceTypes.includes('supported_living') && !l.serviceTypes.includes('homecare'),
  );
  const extraCare = locs.filter((l) => l.serviceTypes.includes('extra_care'));
  return { featured, olderHomes, otherHomes, ldHomes, agencies, supported, extraCare };
}

/**
 * The voluntary-sector providers of {@link VCS}, by name → provider id: those already there are reused, the others
 * inserted, each with a demo provider sign-in.
 */
export async function vcsProviders(db: Db): Promise<Map<string, string>> {
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

/**
 * The register's contracts in order: the featured home's discharge-to-assess block, contracts with the market's
 * homes, agencies, supported living and extra care schemes (values drawn from `g`), then the community contracts
 * with their providers' ids from `vcs` (which must hold every provider they name).
 */
export function contractSpecs(m: ContractsMarket, vcs: ReadonlyMap<string, string>, g: Rng): ContractSpec[] {
  const { featured, otherHomes, ldHomes, agencies, supported, extraCare } = m;
  return [
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
    ...otherHomes.slice(0, 9).map((l, i): ContractSpec => ({
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
    ...ldHomes.slice(0, 3).map((l, i): ContractSpec => ({
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
    ...agencies.slice(0, 4).map((l, i): ContractSpec => ({
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
    ...agencies.slice(4, 18).map((l, i): ContractSpec => ({
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
    ...supported.slice(0, 6).map((l, i): ContractSpec => ({
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
    ...extraCare.slice(0, 3).map((l, i): ContractSpec => ({
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
    ...COMMUNITY_CONTRACTS.map(({ provider, ...s }): ContractSpec => ({
      ...s,
      providerId: provider ? vcs.get(provider)! : null,
    })),
  ];
}

/**
 * Insert the contracts: each ends at the end of the month `endInMonths` after `asAt`, started `termYears` before
 * its initial end (the current end less the extensions taken); values in pence from the annual pounds. Contracts
 * with a recommissioning decision get a decision date drawn from `g`. Returns each reference's id and current end.
 */
export async function insertContracts(
  db: Db,
  specs: readonly ContractSpec[],
  asAt: IsoDate,
  g: Rng,
): Promise<{ contractIds: Map<string, string>; contractEnd: Map<string, IsoDate> }> {
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
  return { contractIds, contractEnd };
}
