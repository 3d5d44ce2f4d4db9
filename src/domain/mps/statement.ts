/**
 * The Market Position Statement as one document of plain data: figures and narrative together, section by
 * section. The live draft is generated on request; a published edition stores the same document frozen (the
 * schema below is what is stored and what the API returns, and is checked when an edition is read back).
 *
 * Money is integer pence; shares are fractions (0.25 = 25%); people and beds are counts. Every section carries the
 * source lines of its figures.
 */
import { z } from 'zod';
import { isoDateSchema } from '../core/dates.js';
import { PORTFOLIOS } from './outline.js';

/** Units of a headline figure: counts, a fraction, or money in pence. */
export const FIGURE_UNITS = ['count', 'share', 'pence', 'pence_per_week', 'pence_per_hour'] as const;
export type FigureUnit = (typeof FIGURE_UNITS)[number];

export const figureSchema = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number().nullable(),
  unit: z.enum(FIGURE_UNITS),
  hint: z.string().nullable(),
});
export type Figure = z.infer<typeof figureSchema>;

export const narrativeBlockSchema = z.object({
  key: z.string(),
  heading: z.string().nullable(),
  text: z.string(),
});

/** How contract values appear on public pages: the exact annual value, a band, or not at all. */
export const VALUE_DISCLOSURES = ['exact', 'band', 'none'] as const;
export type ValueDisclosure = (typeof VALUE_DISCLOSURES)[number];

export const opportunitySchema = z.object({
  /** Stable across editions: `procurement:<id>` or `contract:<id>`. */
  id: z.string(),
  kind: z.enum(['procurement', 'contract_ending']),
  title: z.string(),
  serviceArea: z.string().nullable(),
  serviceAreaLabel: z.string(),
  careGroupLabel: z.string().nullable(),
  /** The service-area sections it appears in (none for a new service not yet placed in one). */
  sectionKeys: z.array(z.string()),
  /** The council's intended route: Re-tender, Direct award, New service, Extend, To be decided... */
  intention: z.string(),
  /** The procurement stage under way, if any. */
  stage: z.string().nullable(),
  marketEngagementFrom: isoDateSchema.nullable(),
  tenderFrom: isoDateSchema.nullable(),
  awardBy: isoDateSchema.nullable(),
  serviceStarts: isoDateSchema.nullable(),
  currentContractEnds: isoDateSchema.nullable(),
  /** Annual value as the council chose to publish it. */
  annualValuePence: z.number().int().nullable(),
  annualValueBand: z.string().nullable(),
  /** The date this opportunity is ordered by (tender, else start, else end). */
  keyDate: isoDateSchema.nullable(),
});
export type Opportunity = z.infer<typeof opportunitySchema>;

const series = z.array(z.object({ year: z.number().int(), people: z.number() }));

const base = {
  key: z.string(),
  title: z.string(),
  shortTitle: z.string(),
  narrative: z.array(narrativeBlockSchema),
  figures: z.array(figureSchema),
  sources: z.array(z.string()),
  notes: z.array(z.string()),
};

export const areaSectionSchema = z.object({
  ...base,
  kind: z.literal('area'),
  population: z
    .object({
      estimateYear: z.number().int().nullable(),
      currentYear: z.number().int(),
      /** Population by broad age group in the current year and five and ten years on. */
      ageGroups: z.array(z.object({ group: z.string(), values: series })),
      /** Single-sex counts by five-year band in the current year (for the population pyramid). */
      pyramid: z.array(z.object({ band: z.string(), female: z.number(), male: z.number() })),
      pyramidYear: z.number().int(),
    })
    .nullable(),
  /** Deprivation, where indices of deprivation have been imported (null otherwise). */
  deprivation: z.object({ rank: z.number().int(), of: z.number().int(), source: z.string() }).nullable(),
});

export const needSectionSchema = z.object({
  ...base,
  kind: z.literal('need'),
  baseYear: z.number().int().nullable(),
  measures: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      careGroup: z.string(),
      careGroupLabel: z.string(),
      kind: z.string(),
      scope: z.string(),
      values: series,
      source: z.string(),
    }),
  ),
});

export const marketSectionSchema = z.object({
  ...base,
  kind: z.literal('market'),
  byServiceType: z.array(
    z.object({ serviceType: z.string(), label: z.string(), locations: z.number(), registeredBeds: z.number() }),
  ),
  bedsByType: z.array(
    z.object({
      group: z.string(),
      label: z.string(),
      maxCapacity: z.number(),
      occupied: z.number(),
      vacantAccepting: z.number(),
    }),
  ),
  ratings: z.array(z.object({ rating: z.string(), count: z.number() })),
  prices: z.array(
    z.object({
      quarter: z.string(),
      placements: z.number(),
      meanPence: z.number().nullable(),
      medianPence: z.number().nullable(),
    }),
  ),
  usualRates: z.array(
    z.object({ band: z.string(), label: z.string(), amountPence: z.number().int(), effectiveFrom: isoDateSchema }),
  ),
});

export const spendSectionSchema = z.object({
  ...base,
  kind: z.literal('spend'),
  byServiceArea: z.array(
    z.object({ serviceArea: z.string(), label: z.string(), contracts: z.number(), annualValuePence: z.number() }),
  ),
  byFundingSource: z.array(z.object({ fundingSource: z.string(), label: z.string(), annualValuePence: z.number() })),
  placements: z.array(
    z.object({
      service: z.string(),
      label: z.string(),
      clients: z.number(),
      weeklyCostPence: z.number().nullable(),
      annualCostPence: z.number().nullable(),
    }),
  ),
});

export const strategySectionSchema = z.object({
  ...base,
  kind: z.literal('strategy'),
  plan: z
    .object({
      title: z.string(),
      years: z.array(z.string()),
      priorities: z.array(z.object({ number: z.number().int(), title: z.string(), intentions: z.array(z.string()) })),
    })
    .nullable(),
});

export const serviceSectionSchema = z.object({
  ...base,
  kind: z.literal('service'),
  portfolio: z.enum(PORTFOLIOS),
  provision: z.object({
    contracts: z.number(),
    annualValuePence: z.number(),
    providers: z.number(),
    forms: z.array(z.object({ form: z.string(), label: z.string(), contracts: z.number() })),
    market: z.array(
      z.object({
        serviceType: z.string(),
        label: z.string(),
        locations: z.number(),
        registeredBeds: z.number(),
        goodOrOutstanding: z.number(),
      }),
    ),
  }),
});

export const textSectionSchema = z.object({
  ...base,
  kind: z.enum(['introduction', 'contacts']),
});

export const statementSectionSchema = z.discriminatedUnion('kind', [
  textSectionSchema,
  areaSectionSchema,
  needSectionSchema,
  marketSectionSchema,
  spendSectionSchema,
  strategySectionSchema,
  serviceSectionSchema,
]);
export type StatementSection = z.infer<typeof statementSectionSchema>;
export type ServiceSection = z.infer<typeof serviceSectionSchema>;
export type MarketSection = z.infer<typeof marketSectionSchema>;

export const statementSchema = z.object({
  schemaVersion: z.literal(1),
  borough: z.object({ name: z.string(), gssCode: z.string(), synthetic: z.boolean() }),
  /** The London date the figures are for. */
  asAt: isoDateSchema,
  /** When the document was generated (ISO date-time). */
  generatedAt: z.string(),
  valueDisclosure: z.enum(VALUE_DISCLOSURES),
  sections: z.array(statementSectionSchema),
  opportunities: z.array(opportunitySchema),
});
export type Statement = z.infer<typeof statementSchema>;

/** The opportunities of one service-area section, in key-date order. */
export function sectionOpportunities(statement: Statement, sectionKey: string): Opportunity[] {
  return statement.opportunities.filter((o) => o.sectionKeys.includes(sectionKey));
}
