// What the demo market generator returns: providers, locations, capacity and workforce returns, usual rates, cost
// of care and placements, as plain data ready to insert.
import type { CareHomeFigures } from '../domain/discharge/brokerage.js';
import type { Band, ContractType, Funding, Purpose, ServiceType, Specialism } from '../domain/market/types.js';

export interface DemoDistrictInput {
  district: string;
  lat: number;
  lng: number;
  gssCode: string;
  locality: string;
}
export interface DemoMarketOptions {
  asAt: string; // ISO date: the demo's today
  boroughGss: string;
  boroughName: string;
  districts: readonly DemoDistrictInput[];
  neighbourNames: Record<string, string>; // gss → name
}

export interface DemoProvider {
  key: string;
  name: string;
  cqcProviderId: string;
}
export interface DemoLocation {
  key: string;
  providerKey: string;
  cqcLocationId: string;
  name: string;
  address: string;
  postcode: string;
  postcodeDistrict: string;
  localAuthorityGss: string;
  localAuthorityName: string;
  region: string;
  serviceTypes: ServiceType[];
  specialisms: Specialism[];
  serviceUserBands: Specialism[];
  registeredBeds: number | null;
  cqcRating: string | null;
  cqcRatingDate: string | null;
  inBorough: boolean;
  onFramework: boolean;
  onDps: boolean;
  councilQualityRating: string | null;
  councilQualityRatingDate: string | null;
  selfFunderWeeklyFeePence: number | null;
  registeredAt: string;
  lat: number;
  lng: number;
  /** Why this home is fragile in the story (low occupancy, agency, stale), for the demo narrative only. */
  storyFlags: string[];
}
/** One care home capacity return: the figures the brokerage reads (CareHomeFigures), when and for which location. */
export interface DemoCareHomeCapacity extends CareHomeFigures {
  locationKey: string;
  asAt: string;
}
export interface DemoHomecareCapacity {
  locationKey: string;
  asAt: string;
  area: string;
  peopleSupported: number;
  hoursPerWeek: number;
  newHoursAvailable: number;
}
export interface DemoWorkforce {
  locationKey: string;
  asAt: string;
  nurses: number;
  careStaff: number;
  nonCareStaff: number;
  agencyStaff: number;
  vacancies: number;
  absences: number;
}
export interface DemoRate {
  band: Band;
  effectiveFrom: string;
  amountPence: number;
  unit: 'week' | 'hour';
  note: string;
}
export interface DemoCostOfCare {
  service: 'residential' | 'nursing' | 'homecare';
  effectiveFrom: string;
  amountPence: number;
  unit: 'week' | 'hour';
  source: string;
}
export interface DemoPlacement {
  personRef: string;
  locationKey: string;
  serviceType: ServiceType;
  band: Band | 'individual';
  startDate: string;
  endDate: string | null;
  weeklyPricePence: number;
  hoursPerWeek: number | null;
  hourlyRatePence: number | null;
  topUpWeeklyPence: number;
  funding: Funding;
  contractType: ContractType;
  purpose: Purpose;
  endReason: string | null;
}
export interface DemoMarket {
  providers: DemoProvider[];
  locations: DemoLocation[];
  careHomeCapacity: DemoCareHomeCapacity[];
  homecareCapacity: DemoHomecareCapacity[];
  workforce: DemoWorkforce[];
  usualRates: DemoRate[];
  costOfCare: DemoCostOfCare[];
  placements: DemoPlacement[];
  /** The provider whose demo account the guides and end-to-end tests use. */
  featuredProviderKey: string;
}
