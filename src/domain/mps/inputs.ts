// The figures the Market Position Statement is assembled from, as the other areas already produce them (the
// database layer reads them with those areas' repositories: src/db/mps/generate.ts).
import type { ModelResult } from '../demand/model.js';
import type { PopulationGrid } from '../demand/population.js';
import type { IsoDate } from '../core/dates.js';
import type { OpportunityContract, OpportunityProcurement } from './opportunities.js';
import type { ValueDisclosure } from './statement.js';

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
