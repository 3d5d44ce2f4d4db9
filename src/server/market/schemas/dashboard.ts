// Response schemas of the market dashboard (/api/market): summary, occupancy, concentration, prices, the care homes
// page with its watch list, vacancies and closed beds. The web app takes its types from them (`Wire<typeof schema>`).
import { z } from 'zod';

/** OccupancyPoint */
export const occupancyPointSchema = z.object({
  month: z.string(),
  homes: z.number(),
  maxCapacity: z.number(),
  occupied: z.number(),
  vacantAccepting: z.number(),
  occupancy: z.number().nullable(),
});

/** ConcentrationLevel */
export const concentrationLevelSchema = z.enum(['unconcentrated', 'moderate', 'high']);

/** ProviderShare */
export const providerShareSchema = z.object({
  providerId: z.string(),
  name: z.string(),
  units: z.number(),
  share: z.number(),
});

/** PriceQuarter */
export const priceQuarterSchema = z.object({
  quarter: z.string(),
  n: z.number(),
  mean: z.number(),
  min: z.number(),
  q1: z.number(),
  median: z.number(),
  q3: z.number(),
  max: z.number(),
  compared: z.number(),
  atOrBelowUsualRate: z.number(),
  share: z.number().nullable(),
});

/** PriceChange */
export const priceChangeSchema = z.object({
  earlierFrom: z.string(),
  earlierTo: z.string(),
  recentFrom: z.string(),
  recentTo: z.string(),
  earlierMean: z.number().nullable(),
  recentMean: z.number().nullable(),
  earlierN: z.number(),
  recentN: z.number(),
  change: z.number().nullable(),
});

/** PriceSummaryResult */
export const priceSummaryResultSchema = z.object({
  asAt: z.string(),
  quarters: z.array(priceQuarterSchema),
  change: priceChangeSchema,
  last12Months: z.object({
    n: z.number(),
    compared: z.number(),
    atOrBelowUsualRate: z.number(),
    share: z.number().nullable(),
  }),
  contractMix: z.array(
    z.object({
      quarter: z.string(),
      spot: z.number(),
      framework: z.number(),
      block: z.number(),
      dps: z.number(),
    }),
  ),
  histogram: z.array(
    z.object({
      fromPence: z.number(),
      toPence: z.number(),
      count: z.number(),
    }),
  ),
  funding: z.array(
    z.object({
      funding: z.string(),
      count: z.number(),
    }),
  ),
  outOfBorough: z.object({
    active: z.number(),
    outOfBorough: z.number(),
    share: z.number().nullable(),
  }),
  homecare: z.object({
    activePackages: z.number(),
    hoursPerWeek: z.number(),
    meanHourlyRatePence: z.number().nullable(),
    spotShareLast12Months: z.number().nullable(),
  }),
  usualRates: z.array(
    z.object({
      band: z.string(),
      amountPence: z.number(),
      effectiveFrom: z.string(),
    }),
  ),
  costOfCare: z.array(
    z.object({
      service: z.string(),
      amountPence: z.number(),
      effectiveFrom: z.string(),
      source: z.string().nullable(),
    }),
  ),
});

/** Freshness */
export const freshnessSchema = z.enum(['current', 'ageing', 'stale', 'missing']);

/** FragilityReason */
export const fragilityReasonSchema = z.enum([
  'low_occupancy',
  'cqc_inadequate',
  'cqc_requires_improvement',
  'council_quality_concern',
  'price_below_usual_rate',
  'price_below_cost_of_care',
  'high_agency_use',
  'stale_data',
]);

/** HomeRow */
export const homeRowSchema = z.object({
  locationId: z.string(),
  name: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  postcodeDistrict: z.string(),
  localAuthorityName: z.string().nullable(),
  inBorough: z.boolean(),
  serviceTypes: z.array(z.string()),
  specialisms: z.array(z.string()),
  registeredBeds: z.number().nullable(),
  cqcRating: z.string().nullable(),
  cqcRatingDate: z.string().nullable(),
  councilQualityRating: z.string().nullable(),
  onFramework: z.boolean(),
  maxCapacity: z.number().nullable(),
  occupied: z.number().nullable(),
  vacantAccepting: z.number().nullable(),
  occupancy: z.number().nullable(),
  lastReturnAt: z.string().nullable(),
  ageDays: z.number().nullable(),
  freshness: freshnessSchema,
  councilFundedActive: z.number(),
  councilFundedShare: z.number().nullable(),
  meanCouncilPricePence: z.number().nullable(),
  usualRatePence: z.number().nullable(),
  costOfCarePence: z.number().nullable(),
  agencyShare: z.number().nullable(),
  fragility: z.array(fragilityReasonSchema),
  fragilityLevel: z.enum(['high', 'none', 'watch']),
});

/** CareHomesPage */
export const careHomesPageSchema = z.object({
  total: z.number(),
  levels: z.object({
    high: z.number(),
    watch: z.number(),
    none: z.number(),
  }),
  page: z.number(),
  pageSize: z.number(),
  rows: z.array(homeRowSchema),
  watch: z.array(homeRowSchema),
});

// ---- Responses ----

/** GET /summary: capacity, occupancy by month, ratings, homecare, workforce and concentration. */
export const marketSummarySchema = z.object({
  asAt: z.string(),
  occupancyTrend: z.array(occupancyPointSchema),
  districts: z.array(z.string()),
  byServiceType: z.array(z.object({ serviceType: z.string(), locations: z.number(), registeredBeds: z.number() })),
  careHomes: z.number(),
  registeredBeds: z.number(),
  reportingHomes: z.number(),
  maxCapacity: z.number(),
  occupied: z.number(),
  vacantReserved: z.number(),
  vacantAccepting: z.number(),
  occupancy: z.number().nullable(),
  staleHomes: z.number(),
  byGroup: z.array(
    z.object({
      group: z.enum(['dementia', 'residential', 'nursing']),
      maxCapacity: z.number(),
      occupied: z.number(),
      vacantAccepting: z.number(),
    }),
  ),
  ratings: z.array(z.object({ rating: z.string(), count: z.number() })),
  homecare: z.object({
    agencies: z.number(),
    reportingAgencies: z.number(),
    peopleSupported: z.number(),
    hoursPerWeek: z.number(),
    newHoursAvailable: z.number(),
  }),
  workforce: z.object({
    staff: z.number(),
    agencyStaff: z.number(),
    agencyShare: z.number().nullable(),
    vacancies: z.number(),
    absences: z.number(),
  }),
  concentration: z.object({
    hhi: z.number(),
    level: concentrationLevelSchema,
    top5Share: z.number(),
    providers: z.array(providerShareSchema),
    providerCount: z.number(),
  }),
});

/** GET /vacancies: care homes with beds vacant and accepting, from the latest return. */
export const vacancyRowSchema = z.object({
  locationId: z.string(),
  name: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  postcodeDistrict: z.string(),
  inBorough: z.boolean(),
  serviceTypes: z.array(z.string()),
  specialisms: z.array(z.string()),
  cqcRating: z.string().nullable(),
  maxCapacity: z.number(),
  occupied: z.number(),
  vacantAccepting: z.number(),
  residentialVacantAccepting: z.number().nullable(),
  nursingVacantAccepting: z.number().nullable(),
  dementiaVacantAccepting: z.number().nullable(),
  asAt: z.string(),
  ageDays: z.number(),
  freshness: freshnessSchema,
});

/** GET /bed-status: care homes with beds closed to admissions or held for assessment, from the latest return. */
export const bedStatusRowSchema = z.object({
  locationId: z.string(),
  name: z.string(),
  providerName: z.string(),
  postcodeDistrict: z.string(),
  maxCapacity: z.number(),
  occupied: z.number(),
  vacantAccepting: z.number(),
  vacantReserved: z.number(),
  vacantClosed: z.number(),
  closedReason: z.string().nullable(),
  closedNote: z.string().nullable(),
  heldForAssessment: z.number(),
  nilReturn: z.boolean(),
  asAt: z.string(),
  ageDays: z.number(),
  freshness: freshnessSchema,
});
