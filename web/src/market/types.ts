// JSON shapes of the market API as the browser receives them: taken from the server's response schemas
// (src/server/market/schemas/), so they cannot drift from what the server sends.
import type { Wire } from '../../../src/server/schemas';
import type {
  careHomesPageSchema,
  homeRowSchema,
  marketSummarySchema,
  occupancyPointSchema,
  priceQuarterSchema,
  priceSummaryResultSchema,
  providerShareSchema,
  vacancyRowSchema,
} from '../../../src/server/market/schemas/dashboard';
import type {
  careHomeReturnSchema,
  costOfCareSchema,
  homecareReturnSchema,
  locationPictureSchema,
  locationSchema,
  providerViewSchema,
  ratesSchema,
  usualRateSchema,
  workforceReturnSchema,
} from '../../../src/server/market/schemas/register';
export type { Freshness } from '../../../src/domain/market/capacity';

export type CareHomesPage = Wire<typeof careHomesPageSchema>;
export type HomeRow = Wire<typeof homeRowSchema>;
export type OccupancyPoint = Wire<typeof occupancyPointSchema>;
export type PriceQuarter = Wire<typeof priceQuarterSchema>;
export type ProviderShare = Wire<typeof providerShareSchema>;
export type PriceSummary = Wire<typeof priceSummaryResultSchema>;
/** GET /api/market/summary */
export type MarketSummary = Wire<typeof marketSummarySchema>;
export type VacancyRow = Wire<typeof vacancyRowSchema>;
export type CareHomeReturn = Wire<typeof careHomeReturnSchema>;
export type HomecareReturn = Wire<typeof homecareReturnSchema>;
export type WorkforceReturn = Wire<typeof workforceReturnSchema>;
export type Location = Wire<typeof locationSchema>;
export type LocationPicture = Wire<typeof locationPictureSchema>;
export type ProviderView = Wire<typeof providerViewSchema>;
export type ProviderLocation = ProviderView['locations'][number];
export type UsualRate = Wire<typeof usualRateSchema>;
export type CostOfCareFigure = Wire<typeof costOfCareSchema>;
/** GET /api/market/rates: every usual rate and cost of care figure, newest first within a band/service. */
export type RatesResponse = Wire<typeof ratesSchema>;
