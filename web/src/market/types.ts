// Shapes of the market API responses (src/server/market/routes.ts).
export type { Freshness } from '../../../src/domain/market/capacity';
import type { Freshness } from '../../../src/domain/market/capacity';

import type {
  CapacitySummary,
  CareHomesPage,
  HomeRow,
  OccupancyPoint,
  PriceQuarter,
  PriceSummaryResult,
} from '../../../src/db/market/dashboard';
export type { ProviderShare } from '../../../src/domain/market/concentration';
export type { CareHomesPage, HomeRow, OccupancyPoint, PriceQuarter };
export type PriceSummary = PriceSummaryResult;
/** GET /api/market/summary */
export type MarketSummary = CapacitySummary & { occupancyTrend: OccupancyPoint[]; districts: string[] };

export interface VacancyRow {
  locationId: string;
  name: string;
  providerId: string;
  providerName: string;
  postcodeDistrict: string;
  inBorough: boolean;
  serviceTypes: string[];
  specialisms: string[];
  cqcRating: string | null;
  maxCapacity: number;
  occupied: number;
  vacantAccepting: number;
  residentialVacantAccepting: number | null;
  nursingVacantAccepting: number | null;
  dementiaVacantAccepting: number | null;
  asAt: string;
  ageDays: number;
  freshness: Freshness;
}
export interface CareHomeReturn {
  id: string;
  locationId: string;
  asAt: string;
  maxCapacity: number;
  occupied: number;
  vacantReserved: number;
  vacantAccepting: number;
  residentialMax: number | null;
  residentialOccupied: number | null;
  residentialVacantAccepting: number | null;
  nursingMax: number | null;
  nursingOccupied: number | null;
  nursingVacantAccepting: number | null;
  dementiaMax: number | null;
  dementiaOccupied: number | null;
  dementiaVacantAccepting: number | null;
  noChange: boolean;
  source: string;
}
export interface HomecareReturn {
  area: string;
  asAt: string;
  peopleSupported: number;
  hoursPerWeek: number;
  newHoursAvailable: number;
}
export interface WorkforceReturn {
  asAt: string;
  nurses: number;
  careStaff: number;
  nonCareStaff: number;
  agencyStaff: number;
  vacancies: number;
  absences: number;
}
export interface Location {
  id: string;
  providerId: string;
  cqcLocationId: string | null;
  name: string;
  address: string;
  postcode: string;
  postcodeDistrict: string;
  localAuthorityGss: string | null;
  localAuthorityName: string | null;
  serviceTypes: string[];
  specialisms: string[];
  serviceUserBands: string[];
  registeredBeds: number | null;
  cqcRating: string | null;
  cqcRatingDate: string | null;
  cqcLastCheck: string | null;
  inBorough: boolean;
  onFramework: boolean;
  onDps: boolean;
  councilQualityRating: string | null;
  councilQualityRatingDate: string | null;
  locationUrl: string | null;
  deregisteredAt: string | null;
}
type Aged = { asAt: string | null; ageDays: number | null; freshness: Freshness };
export interface LocationPicture {
  location: Location;
  provider: { id: string; name: string; cqcProviderId: string | null } | null;
  careHome: (CareHomeReturn & Aged) | null;
  homecare: (HomecareReturn & Aged)[];
  workforce: (WorkforceReturn & Aged) | null;
  history: {
    careHome: Omit<CareHomeReturn, 'id' | 'locationId'>[];
    homecare: HomecareReturn[];
    workforce: WorkforceReturn[];
  };
  placements: {
    active: number;
    councilFunded: number;
    list: {
      id: string;
      personRef: string;
      band: string;
      startDate: string;
      weeklyPricePence: number;
      funding: string;
      contractType: string;
      purpose: string;
    }[];
  };
  assessment: HomeRow | null;
}
export interface ProviderLocation extends Location {
  isCareHome: boolean;
  careHome: CareHomeReturn | null;
  homecare: HomecareReturn[];
  workforce: WorkforceReturn | null;
  lastReturnAt: string | null;
  ageDays: number | null;
  freshness: Freshness;
}
export interface ProviderView {
  provider: { id: string; name: string; cqcProviderId: string | null };
  locations: ProviderLocation[];
}
// GET /api/market/rates: every usual rate and cost of care figure, newest first within a band/service.
export interface UsualRate {
  id: string;
  band: string;
  effectiveFrom: string;
  amountPence: number;
  unit: string;
  note: string | null;
  createdAt: string;
}
export interface CostOfCareFigure {
  id: string;
  service: string;
  effectiveFrom: string;
  amountPence: number;
  unit: string;
  source: string | null;
  createdAt: string;
}
export interface RatesResponse {
  usualRates: UsualRate[];
  costOfCare: CostOfCareFigure[];
}
