// Shapes of the market API responses (src/server/market/routes.ts).
export type { Freshness } from '../../../src/domain/market/capacity';
import type { Freshness } from '../../../src/domain/market/capacity';

export interface OccupancyPoint { month: string; homes: number; maxCapacity: number; occupied: number; vacantAccepting: number; occupancy: number | null }
export interface ProviderShare { providerId: string; name: string; units: number; share: number }
export interface MarketSummary {
  asAt: string;
  byServiceType: { serviceType: string; locations: number; registeredBeds: number }[];
  careHomes: number; registeredBeds: number; reportingHomes: number; maxCapacity: number; occupied: number;
  vacantReserved: number; vacantAccepting: number; occupancy: number | null; staleHomes: number;
  byGroup: { group: 'residential' | 'nursing' | 'dementia'; maxCapacity: number; occupied: number; vacantAccepting: number }[];
  ratings: { rating: string; count: number }[];
  homecare: { agencies: number; reportingAgencies: number; peopleSupported: number; hoursPerWeek: number; newHoursAvailable: number };
  workforce: { staff: number; agencyStaff: number; agencyShare: number | null; vacancies: number; absences: number };
  concentration: { hhi: number; level: 'unconcentrated' | 'moderate' | 'high'; top5Share: number; providers: ProviderShare[]; providerCount: number };
  occupancyTrend: OccupancyPoint[];
  districts: string[];
}
export interface PriceQuarter { quarter: string; n: number; mean: number; min: number; q1: number; median: number; q3: number; max: number; compared: number; atOrBelowUsualRate: number; share: number | null }
export interface PriceSummary {
  asAt: string;
  quarters: PriceQuarter[];
  change: { earlierFrom: string; earlierTo: string; recentFrom: string; recentTo: string; earlierMean: number | null; recentMean: number | null; earlierN: number; recentN: number; change: number | null };
  last12Months: { n: number; compared: number; atOrBelowUsualRate: number; share: number | null };
  contractMix: { quarter: string; spot: number; framework: number; block: number; dps: number }[];
  histogram: { fromPence: number; toPence: number; count: number }[];
  funding: { funding: string; count: number }[];
  outOfBorough: { active: number; outOfBorough: number; share: number | null };
  homecare: { activePackages: number; hoursPerWeek: number; meanHourlyRatePence: number | null; spotShareLast12Months: number | null };
  usualRates: { band: string; amountPence: number; effectiveFrom: string }[];
  costOfCare: { service: string; amountPence: number; effectiveFrom: string; source: string | null }[];
}
import type { CareHomesPage, HomeRow } from '../../../src/db/market/dashboard';
export type { CareHomesPage, HomeRow };
export interface VacancyRow {
  locationId: string; name: string; providerId: string; providerName: string; postcodeDistrict: string; inBorough: boolean;
  serviceTypes: string[]; specialisms: string[]; cqcRating: string | null; maxCapacity: number; occupied: number; vacantAccepting: number;
  residentialVacantAccepting: number | null; nursingVacantAccepting: number | null; dementiaVacantAccepting: number | null;
  asAt: string; ageDays: number; freshness: Freshness;
}
export interface CareHomeReturn {
  id: string; locationId: string; asAt: string; maxCapacity: number; occupied: number; vacantReserved: number; vacantAccepting: number;
  residentialMax: number | null; residentialOccupied: number | null; residentialVacantAccepting: number | null;
  nursingMax: number | null; nursingOccupied: number | null; nursingVacantAccepting: number | null;
  dementiaMax: number | null; dementiaOccupied: number | null; dementiaVacantAccepting: number | null; noChange: boolean; source: string;
}
export interface HomecareReturn { area: string; asAt: string; peopleSupported: number; hoursPerWeek: number; newHoursAvailable: number }
export interface WorkforceReturn { asAt: string; nurses: number; careStaff: number; nonCareStaff: number; agencyStaff: number; vacancies: number; absences: number }
export interface Location {
  id: string; providerId: string; cqcLocationId: string | null; name: string; address: string; postcode: string; postcodeDistrict: string;
  localAuthorityGss: string | null; localAuthorityName: string | null; serviceTypes: string[]; specialisms: string[]; serviceUserBands: string[];
  registeredBeds: number | null; cqcRating: string | null; cqcRatingDate: string | null; cqcLastCheck: string | null; inBorough: boolean; onFramework: boolean; onDps: boolean;
  councilQualityRating: string | null; councilQualityRatingDate: string | null; locationUrl: string | null; deregisteredAt: string | null;
}
type Aged = { asAt: string | null; ageDays: number | null; freshness: Freshness };
export interface LocationPicture {
  location: Location;
  provider: { id: string; name: string; cqcProviderId: string | null } | null;
  careHome: (CareHomeReturn & Aged) | null;
  homecare: (HomecareReturn & Aged)[];
  workforce: (WorkforceReturn & Aged) | null;
  history: { careHome: (Omit<CareHomeReturn, 'id' | 'locationId'>)[]; homecare: HomecareReturn[]; workforce: WorkforceReturn[] };
  placements: { active: number; councilFunded: number; list: { id: string; personRef: string; band: string; startDate: string; weeklyPricePence: number; funding: string; contractType: string; purpose: string }[] };
  assessment: HomeRow | null;
}
export interface ProviderLocation extends Location {
  isCareHome: boolean; careHome: CareHomeReturn | null; homecare: HomecareReturn[]; workforce: WorkforceReturn | null;
  lastReturnAt: string | null; ageDays: number | null; freshness: Freshness;
}
export interface ProviderView { provider: { id: string; name: string; cqcProviderId: string | null }; locations: ProviderLocation[] }
// GET /api/market/rates: every usual rate and cost of care figure, newest first within a band/service.
export interface UsualRate { id: string; band: string; effectiveFrom: string; amountPence: number; unit: string; note: string | null; createdAt: string }
export interface CostOfCareFigure { id: string; service: string; effectiveFrom: string; amountPence: number; unit: string; source: string | null; createdAt: string }
export interface RatesResponse { usualRates: UsualRate[]; costOfCare: CostOfCareFigure[] }
