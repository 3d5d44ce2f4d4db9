// Zod request and response schemas of the BCF API (they become its OpenAPI document).
import { z } from 'zod';
import { BOUNDS, realNumberSchema, wholeNumberSchema } from '../../domain/core/bounds.js';
import { DC_SERVICES } from '../../domain/bcf/demandCapacity.js';
import { MATURITY_LEVELS } from '../../domain/bcf/hicm.js';
import { METRICS } from '../../domain/bcf/metrics.js';
import { AREAS_OF_SPEND, COMMISSIONERS, FUNDING_LINES } from '../../domain/bcf/plan.js';
import { riskListItemSchema } from '../contracts/schemas.js';

const fyYear = z.string().regex(/^\d{4}\/\d{2}$/, 'Write the year like 2026/27');
const quarter = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
/** One funding line or quarter of spend, in whole pence (stored as bigint): BOUNDS.fundingLinePence. */
const pence = wholeNumberSchema(BOUNDS.fundingLinePence);
const rag = z.enum(['green', 'amber', 'red']).nullable();

export const placeSchema = z.object({ id: z.string(), name: z.string(), gssCode: z.string() });

export const planListSchema = z.object({
  plans: z.array(
    z.object({ id: z.string(), name: z.string(), years: z.array(z.string()), places: z.array(z.string()) }),
  ),
});

export const fundingSchema = z.object({ fundingLine: z.enum(FUNDING_LINES), year: fyYear, plannedPence: pence });
export const actualSchema = z.object({
  fundingLine: z.enum(FUNDING_LINES),
  year: fyYear,
  quarter,
  actualPence: pence,
  outputs: realNumberSchema(BOUNDS.schemeOutputs).nullable(),
});

/**
 * Planned and actual spend as read back: plain numbers, not the input bounds above, so a figure stored before a
 * bound was set (or by an older import) is still shown and can be corrected, never a page that fails to load.
 */
const fundingOutSchema = z.object({ fundingLine: z.enum(FUNDING_LINES), year: z.string(), plannedPence: z.number() });
const actualOutSchema = z.object({
  fundingLine: z.enum(FUNDING_LINES),
  year: z.string(),
  quarter: z.number(),
  actualPence: z.number(),
  outputs: z.number().nullable(),
});

export const schemeSchema = z.object({
  id: z.string(),
  placeId: z.string(),
  ref: z.string(),
  name: z.string(),
  schemeType: z.string(),
  subType: z.string(),
  objective: z.string(),
  commissioner: z.enum(COMMISSIONERS),
  provider: z.string(),
  areaOfSpend: z.enum(AREAS_OF_SPEND),
  contractIds: z.array(z.string()),
  plannedOutputs: z.number().nullable(),
  outputUnit: z.string(),
  funding: z.array(fundingOutSchema),
  actuals: z.array(actualOutSchema),
});

const spendLineSchema = z.object({
  fundingLine: z.enum(FUNDING_LINES),
  incomePence: z.number(),
  plannedPence: z.number(),
  actualByQuarterPence: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  actualPence: z.number(),
});

export const planSchema = z.object({
  id: z.string(),
  name: z.string(),
  years: z.array(z.string()),
  baselineYear: z.string(),
  narrative: z.record(z.string(), z.string()),
  places: z.array(placeSchema),
  income: z.array(
    z.object({ placeId: z.string(), year: z.string(), fundingLine: z.enum(FUNDING_LINES), amountPence: z.number() }),
  ),
  requirements: z.array(
    z.object({ placeId: z.string(), year: z.string(), socialCarePence: z.number(), outOfHospitalPence: z.number() }),
  ),
  schemes: z.array(schemeSchema),
  checks: z.array(
    z.object({
      key: z.string(),
      placeId: z.string(),
      year: z.string(),
      label: z.string(),
      met: z.boolean(),
      requiredPence: z.number(),
      actualPence: z.number(),
      detail: z.string(),
    }),
  ),
  spend: z.array(z.object({ year: z.string(), placeId: z.string().nullable(), lines: z.array(spendLineSchema) })),
  fundingLineLabels: z.record(z.string(), z.string()),
  schemeTypes: z.record(z.string(), z.array(z.string())),
  /** The register's contracts the schemes name. */
  contracts: z.array(z.object({ id: z.string(), reference: z.string(), title: z.string() })),
  canEdit: z.boolean(),
});

const figureFields = {
  plan: z.number().nullable(),
  actual: z.number().nullable(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
  rag,
  inputs: z.string(),
  lowCount: z.boolean(),
  source: z.string(),
};

export const metricsSchema = z.object({
  years: z.array(z.string()),
  places: z.array(placeSchema),
  /** The place Steward computes residential admissions and discharges home for (the council it is set up for). */
  stewardPlace: placeSchema.nullable(),
  /** The council Steward is set up for, to explain why no place is computed. */
  council: z.object({ name: z.string(), gssCode: z.string() }).nullable(),
  metrics: z.array(
    z.object({
      placeId: z.string(),
      definition: z.object({
        key: z.enum(METRICS),
        name: z.string(),
        title: z.string(),
        unit: z.enum(['per_100000', 'percent']),
        direction: z.enum(['lower', 'higher']),
        source: z.string(),
        method: z.string(),
      }),
      quarters: z.array(z.object({ year: z.string(), quarter, ...figureFields })),
      years: z.array(z.object({ year: z.string(), quartersReported: z.number(), ...figureFields })),
    }),
  ),
  canEdit: z.boolean(),
});

export const metricPlansBodySchema = z.object({
  plans: z
    .array(
      z.object({
        placeId: z.string().uuid(),
        metric: z.enum(METRICS),
        year: fyYear,
        quarter: z.union([z.literal(0), quarter]),
        value: realNumberSchema(BOUNDS.metricValue),
      }),
    )
    .min(1)
    .max(500),
});

export const refreshResponseSchema = z.object({
  counts: z.array(
    z.object({
      placeId: z.string(),
      metric: z.string(),
      year: z.string(),
      quarter: z.number(),
      numerator: z.number(),
      denominator: z.number(),
      source: z.string(),
    }),
  ),
});

const dcRowSchema = z.object({
  placeId: z.string(),
  service: z.enum(DC_SERVICES),
  month: z.string(),
  demand: z.number().nullable(),
  capacity: z.number().nullable(),
  shortfall: z.number().nullable(),
  demandSource: z.string(),
  capacitySource: z.string(),
});

export const dcResponseSchema = z.object({
  year: z.string(),
  years: z.array(z.string()),
  months: z.array(z.string()),
  places: z.array(placeSchema),
  services: z.array(z.object({ key: z.enum(DC_SERVICES), label: z.string() })),
  rows: z.array(dcRowSchema),
  summary: z.array(
    z.object({
      placeId: z.string(),
      service: z.enum(DC_SERVICES),
      demand: z.number(),
      capacity: z.number().nullable(),
      shortfall: z.number().nullable(),
      monthsShort: z.number(),
    }),
  ),
  scenarios: z.array(z.object({ id: z.string(), name: z.string() })),
  canEdit: z.boolean(),
});

export const dcQuerySchema = z.object({ year: fyYear.optional() });

export const dcCellsBodySchema = z.object({
  cells: z
    .array(
      z.object({
        placeId: z.string().uuid(),
        service: z.enum(DC_SERVICES),
        month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Write the month as YYYY-MM'),
        demand: wholeNumberSchema(BOUNDS.monthlyPeople).nullable(),
        capacity: wholeNumberSchema(BOUNDS.monthlyPeople).nullable(),
      }),
    )
    .min(1)
    .max(2000),
});

export const prefillBodySchema = z.object({
  year: fyYear,
  scenarioId: z.string().uuid().nullable().default(null),
  growth: z.number().gt(-1).lt(10).default(0.03),
});

const assessmentSchema = z.object({
  id: z.string(),
  placeId: z.string(),
  change: z.number(),
  level: z.enum(MATURITY_LEVELS),
  evidence: z.string(),
  assessedOn: z.string(),
  plannedLevel: z.enum(MATURITY_LEVELS).nullable(),
  plannedBy: z.string().nullable(),
});

export const hicmResponseSchema = z.object({
  places: z.array(placeSchema),
  changes: z.array(z.object({ number: z.number(), name: z.string() })),
  levels: z.array(z.object({ key: z.enum(MATURITY_LEVELS), label: z.string() })),
  latest: z.array(assessmentSchema),
  history: z.array(assessmentSchema),
  canEdit: z.boolean(),
});

export const hicmBodySchema = z.object({
  placeId: z.string().uuid(),
  change: z.number().int().min(1).max(9),
  level: z.enum(MATURITY_LEVELS),
  evidence: z.string().trim().min(1, 'Give the evidence for this level').max(4000),
  assessedOn: z.string(),
  plannedLevel: z.enum(MATURITY_LEVELS).nullable().default(null),
  plannedBy: z.string().nullable().default(null),
});

export const spendBodySchema = z.object({ funding: z.array(fundingSchema).min(1).max(64) });
export const actualsBodySchema = z.object({ actuals: z.array(actualSchema).min(1).max(64) });

export const returnQuerySchema = z.object({
  quarter: z
    .string()
    .regex(/^\d{4}\/\d{2} Q[1-4]$/, 'Write the quarter like 2026/27 Q2')
    .optional(),
});

export const importSummarySchema = z.object({
  income: z.number(),
  schemes: z.number(),
  /** Scheme IDs the return added. */
  schemesAdded: z.array(z.string()),
  metricPlans: z.number(),
  counts: z.number(),
  demandCapacity: z.number(),
});

export const idParams = z.object({ id: z.string().uuid('Not a valid id') });

const riskLinkSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('plan') }),
  z.object({ kind: z.literal('scheme'), schemeId: z.string(), schemeRef: z.string() }),
  z.object({
    kind: z.literal('contract'),
    schemeId: z.string(),
    schemeRef: z.string(),
    contractId: z.string(),
    contractRef: z.string(),
  }),
]);

/** The plan's risk log: register risks linked to the plan or a scheme, or on a contract a scheme names. */
export const planRisksSchema = z.object({
  asAt: z.string(),
  risks: z.array(riskListItemSchema.extend({ links: z.array(riskLinkSchema), linked: z.boolean() })),
  /** Register risks not yet linked to the plan (for the link form; empty for readers). */
  available: z.array(z.object({ id: z.string(), reference: z.string(), title: z.string() })),
  canEdit: z.boolean(),
});

export const riskLinkBodySchema = z.object({
  riskId: z.string().uuid('Choose a risk from the register'),
  schemeId: z.string().uuid('Choose a scheme of this plan').nullable(),
});

export const riskParams = z.object({
  id: z.string().uuid('Not a valid id'),
  riskId: z.string().uuid('Not a valid id'),
});

export const schemeContractsBodySchema = z.object({
  contractIds: z.array(z.string().uuid('Choose a contract from the register')).max(50),
});
