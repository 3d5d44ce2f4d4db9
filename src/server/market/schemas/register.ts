// Schemas of the market register (/api/market): locations and providers, capacity returns, placements, usual
// rates and cost of care, self-funder fees and a location's whole picture. The web app takes its types from them.
import { z } from 'zod';
import { instant } from '../../schemas.js';
import { freshnessSchema, homeRowSchema } from './dashboard.js';

/** A location in the register (CQC fields, commissioning flags, coordinates). */
export const locationSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: instant,
  updatedAt: instant,
  providerId: z.string(),
  cqcLocationId: z.string().nullable(),
  alsoKnownAs: z.string().nullable(),
  address: z.string(),
  postcode: z.string(),
  postcodeDistrict: z.string(),
  localAuthorityGss: z.string().nullable(),
  localAuthorityName: z.string().nullable(),
  region: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  locationUrl: z.string().nullable(),
  serviceTypes: z.array(z.string()),
  specialisms: z.array(z.string()),
  serviceUserBands: z.array(z.string()),
  registeredBeds: z.number().nullable(),
  cqcRating: z.string().nullable(),
  cqcRatingDate: z.string().nullable(),
  cqcLastCheck: z.string().nullable(),
  inBorough: z.boolean(),
  onFramework: z.boolean(),
  onDps: z.boolean(),
  councilQualityRating: z.string().nullable(),
  councilQualityRatingDate: z.string().nullable(),
  selfFunderWeeklyFeePence: z.number().nullable(),
  registeredAt: z.string().nullable(),
  deregisteredAt: instant.nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
});

/** A provider organisation. */
export const providerSchema = z.object({
  id: z.string(),
  name: z.string(),
  cqcProviderId: z.string().nullable(),
  createdAt: instant,
  updatedAt: instant,
});

const returnFields = {
  id: z.string(),
  createdAt: instant,
  locationId: z.string(),
  asAt: instant,
  noChange: z.boolean(),
  source: z.string(),
  reportedBy: z.string().nullable(),
};

/** A care home's capacity and vacancy return (beds by group). */
export const careHomeReturnSchema = z.object({
  ...returnFields,
  maxCapacity: z.number(),
  occupied: z.number(),
  vacantReserved: z.number(),
  vacantAccepting: z.number(),
  residentialMax: z.number().nullable(),
  residentialOccupied: z.number().nullable(),
  residentialVacantAccepting: z.number().nullable(),
  nursingMax: z.number().nullable(),
  nursingOccupied: z.number().nullable(),
  nursingVacantAccepting: z.number().nullable(),
  dementiaMax: z.number().nullable(),
  dementiaOccupied: z.number().nullable(),
  dementiaVacantAccepting: z.number().nullable(),
  vacantClosed: z.number().describe('Vacant beds closed to admissions'),
  closedReason: z.string().nullable().describe('Why they are closed (BED_CLOSED_REASONS)'),
  closedNote: z.string().nullable(),
  heldForAssessment: z.number().describe('Beds held for a person being assessed'),
  nilReturn: z.boolean().describe('A nil return: no vacancies to report (occupied beds kept from the return before)'),
});

/** A homecare return: people supported, hours a week and new hours available (hours as numbers). */
export const homecareReturnSchema = z.object({
  ...returnFields,
  area: z.string(),
  peopleSupported: z.number(),
  hoursPerWeek: z.number(),
  newHoursAvailable: z.number(),
});

/** A workforce return: staff, agency staff, vacancies and absences. */
export const workforceReturnSchema = z.object({
  ...returnFields,
  nurses: z.number(),
  careStaff: z.number(),
  nonCareStaff: z.number(),
  agencyStaff: z.number(),
  vacancies: z.number().nullable().describe('staff vacancies; null when the return did not give them'),
  absences: z.number(),
});

/** How old a return is: its date (ISO), age in days and freshness band; all null/"missing" with no return. */
const aged = {
  asAt: z.string().nullable(),
  ageDays: z.number().nullable(),
  freshness: freshnessSchema,
};

/** A placement or package (pseudonymous person reference; prices in pence; hours as a decimal string). */
export const placementSchema = z.object({
  id: z.string(),
  createdAt: instant,
  updatedAt: instant,
  locationId: z.string(),
  serviceType: z.string(),
  personRef: z.string(),
  band: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  weeklyPricePence: z.number(),
  hoursPerWeek: z.string().nullable(),
  hourlyRatePence: z.number().nullable(),
  topUpWeeklyPence: z.number(),
  funding: z.string(),
  contractType: z.string(),
  purpose: z.string(),
  origin: z.string().nullable(),
  originRef: z.string().nullable(),
  endReason: z.string().nullable(),
  createdBy: z.string().nullable(),
});

/** A usual rate for a band from a date, in pence. */
export const usualRateSchema = z.object({
  id: z.string(),
  createdAt: instant,
  band: z.string(),
  effectiveFrom: z.string(),
  amountPence: z.number(),
  unit: z.string(),
  note: z.string().nullable(),
});

/** A cost of care figure for a service from a date, in pence. */
export const costOfCareSchema = z.object({
  id: z.string(),
  createdAt: instant,
  service: z.string(),
  effectiveFrom: z.string(),
  amountPence: z.number(),
  unit: z.string(),
  source: z.string().nullable(),
});

/** GET /locations: the register with each location's provider name. */
export const locationRowSchema = locationSchema.extend({ providerName: z.string() });

/** A care home's weekly self-funder fee for a band beside the council's usual rate (pence a week). */
export const selfFunderFeeSchema = z.object({
  band: z.string(),
  weeklyFeePence: z.number(),
  effectiveFrom: z.string(),
  usualRatePence: z.number().nullable(),
  aboveUsualRatePence: z.number().nullable(),
});

/** One fee a home recorded, with who recorded it (a provider user's name, or council staff) and when. */
export const selfFunderFeeHistorySchema = z.object({
  band: z.string(),
  weeklyFeePence: z.number(),
  effectiveFrom: z.string(),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
});

/** GET /locations/:id: a location's whole picture. */
export const locationPictureSchema = z.object({
  location: locationSchema,
  provider: providerSchema.pick({ id: true, name: true, cqcProviderId: true }).nullable(),
  careHome: careHomeReturnSchema.extend(aged).nullable(),
  homecare: z.array(homecareReturnSchema.extend(aged)),
  workforce: workforceReturnSchema.extend(aged).nullable(),
  history: z.object({
    careHome: z.array(
      careHomeReturnSchema
        .pick({
          asAt: true,
          maxCapacity: true,
          occupied: true,
          vacantAccepting: true,
          vacantReserved: true,
          vacantClosed: true,
          closedReason: true,
          heldForAssessment: true,
          noChange: true,
          nilReturn: true,
          source: true,
        })
        .extend({
          closedReasonText: z.string().nullable().describe('Why beds were closed, in words (label or the words given)'),
          filedBy: z
            .string()
            .nullable()
            .describe('Who filed it: a provider user, “Council staff on the provider’s behalf”, or how it came in'),
        }),
    ),
    homecare: z.array(
      homecareReturnSchema.pick({
        asAt: true,
        area: true,
        peopleSupported: true,
        hoursPerWeek: true,
        newHoursAvailable: true,
      }),
    ),
    workforce: z.array(
      workforceReturnSchema.omit({
        id: true,
        createdAt: true,
        locationId: true,
        noChange: true,
        source: true,
        reportedBy: true,
      }),
    ),
  }),
  placements: z.object({
    active: z.number(),
    councilFunded: z.number(),
    list: z.array(
      placementSchema.pick({
        id: true,
        personRef: true,
        band: true,
        startDate: true,
        weeklyPricePence: true,
        funding: true,
        contractType: true,
        purpose: true,
      }),
    ),
  }),
  assessment: homeRowSchema.nullable(),
  /** Care homes: the weekly self-funder fees in force by band, beside the usual rates. */
  selfFunderFees: z.array(selfFunderFeeSchema),
  selfFunderFeesUpcoming: z.array(selfFunderFeeSchema).describe('Fees set to apply from a later date'),
  selfFunderFeeHistory: z.array(selfFunderFeeHistorySchema),
});

/** GET /providers: organisations with their number of locations. */
export const providerRowSchema = providerSchema.extend({ locationCount: z.number() });

/** GET /providers/:id: a provider and its locations with their latest returns. */
export const providerViewSchema = z.object({
  provider: providerSchema,
  locations: z.array(
    locationSchema.extend({
      isCareHome: z.boolean(),
      careHome: careHomeReturnSchema.nullable(),
      homecare: z.array(homecareReturnSchema),
      workforce: workforceReturnSchema.nullable(),
      lastReturnAt: z.string().nullable(),
      ageDays: z.number().nullable(),
      freshness: freshnessSchema,
    }),
  ),
});

/** GET /rates: every usual rate and cost of care figure. */
export const ratesSchema = z.object({ usualRates: z.array(usualRateSchema), costOfCare: z.array(costOfCareSchema) });
