// Response schemas of the need and demand API (/api/demand). Routes declare them; the web app takes its types
// from them (`Wire<typeof schema>`), so the server and the browser share one contract.
import { z } from 'zod';
import { scenarioParamsSchema } from '../../domain/demand/model.js';
import { CARE_GROUPS, RATE_KINDS, SERVICES } from '../../domain/demand/rates.js';
import { METHODS } from '../../domain/demand/trend.js';
import { instant } from '../schemas.js';

/** BoroughSetting */
export const boroughSettingSchema = z.object({
  name: z.string(),
  gssCode: z.string(),
  synthetic: z.boolean(),
});

/** PopulationSex */
export const populationSexSchema = z.enum(['female', 'male', 'persons']);

/** RateCell */
export const rateCellSchema = z.object({
  sex: populationSexSchema,
  ageFrom: z.number(),
  ageTo: z.number().nullable(),
  value: z.number(),
});

/** RatePoint */
export const ratePointSchema = z.object({
  year: z.number(),
  value: z.number(),
});

/** StoredRate */
export const storedRateSchema = z.object({
  isDefault: z.boolean(),
  shipped: z.boolean(),
  updatedAt: z.string().nullable(),
  key: z.string(),
  label: z.string(),
  careGroup: z.enum(CARE_GROUPS),
  kind: z.enum(RATE_KINDS),
  service: z.enum(SERVICES).nullable(),
  cells: z.array(rateCellSchema),
  shareKnownToAsc: z.number(),
  source: z.string(),
  sourceYear: z.number(),
  history: z.array(ratePointSchema),
});

/** Scenario */
export const scenarioSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  params: scenarioParamsSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** CurrentUse */
export const currentUseSchema = z.object({
  service: z.enum(SERVICES),
  clients: z.number(),
  /** Mean weekly cost per client, whole pence. */
  weeklyCostPence: z.number().int().nullable(),
  hoursPerClient: z.number().nullable(),
});

/** ServiceSupply */
export const serviceSupplySchema = z.object({
  service: z.enum(SERVICES),
  capacity: z.number(),
  inUseToday: z.number().nullable(),
});

/** Calibration */
export const calibrationSchema = z.object({
  expected: z.number(),
  observed: z.number(),
  factor: z.number(),
});

/** GET /areas */
export const areaListSchema = z.object({
  areas: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      areaType: z.string(),
      synthetic: z.boolean(),
      figures: z.number(),
      years: z.string().nullable(),
      vintages: z.array(z.string()),
    }),
  ),
  borough: boroughSettingSchema.nullable(),
});

/** GET /population */
export const populationSchema = z.object({
  area: z.object({
    code: z.string(),
    name: z.string(),
    areaType: z.string(),
    parentCode: z.string().nullable(),
    synthetic: z.boolean(),
    createdAt: instant,
    updatedAt: instant,
  }),
  bands: z.array(z.string()),
  sexes: z.array(populationSexSchema),
  rows: z.array(
    z.object({
      people: z.number(),
      year: z.number(),
      band: z.string(),
    }),
  ),
  sources: z.array(
    z.object({
      year: z.number(),
      kind: z.enum(['estimate', 'projection', 'given']),
      vintage: z.string(),
    }),
  ),
  notes: z.array(z.string()),
});

/** GET /scenarios */
export const scenarioListSchema = z.object({
  scenarios: z.array(scenarioSchema),
  defaults: scenarioParamsSchema,
  methods: z.object({
    constant: z.string(),
    trend: z.string(),
    custom: z.string(),
  }),
});

/** GET /projection */
export const projectionSchema = z.object({
  areaCode: z.string(),
  baseYear: z.number(),
  years: z.array(z.number()),
  bands: z.array(z.string()),
  notes: z.array(z.string()),
  measures: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      careGroup: z.enum(CARE_GROUPS),
      careGroupLabel: z.string(),
      kind: z.enum(RATE_KINDS),
      service: z.enum(SERVICES).nullable(),
      source: z.string(),
      sourceYear: z.number(),
      shareKnownToAsc: z.number(),
      scope: z.string(),
      method: z.enum(METHODS),
      methodNote: z.string(),
      calibration: z
        .object({
          expected: z.number(),
          observed: z.number(),
          factor: z.number(),
        })
        .nullable(),
      totals: z.array(z.number()),
      multipliers: z.array(z.number()),
      byBand: z.array(
        z.object({
          band: z.string(),
          values: z.array(z.number()),
        }),
      ),
    }),
  ),
  services: z.array(
    z.object({
      service: z.enum(SERVICES),
      label: z.string(),
      unit: z.string(),
      unitsPerClient: z.number(),
      clients: z.array(z.number()),
      gap: z
        .object({
          crossingYear: z.number().nullable(),
          shortToday: z.boolean(),
          marketFactor: z.number(),
          note: z.string(),
          rows: z.array(
            z.object({
              year: z.number(),
              clients: z.number(),
              inUse: z.number(),
              required: z.number(),
              capacity: z.number(),
              gap: z.number(),
            }),
          ),
        })
        .nullable(),
    }),
  ),
  /** Money in whole pence. */
  budget: z.object({
    baseTotalPence: z.number().int(),
    note: z.string(),
    rows: z.array(
      z.object({
        year: z.number(),
        totalPence: z.number().int(),
        pressurePence: z.number().int(),
        pressureShare: z.number(),
        services: z.array(
          z.object({
            service: z.enum(SERVICES),
            label: z.string(),
            clients: z.number(),
            weeklyCostPence: z.number().int(),
            annualCostPence: z.number().int(),
          }),
        ),
      }),
    ),
  }),
  scenario: z.object({
    id: z.string(),
    name: z.string(),
    params: scenarioParamsSchema,
  }),
  asAt: z.string(),
  marketLinked: z.boolean(),
  currentUse: z.array(currentUseSchema),
  supply: z.array(serviceSupplySchema),
  population: z.object({
    sources: z.array(
      z.object({
        year: z.number(),
        kind: z.enum(['estimate', 'projection', 'given']),
        vintage: z.string(),
      }),
    ),
    sexes: z.array(populationSexSchema),
  }),
});

/** GET /compare */
export const comparisonSchema = z.object({
  area: z.string(),
  asAt: z.string(),
  baseYear: z.number(),
  scenarios: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      params: scenarioParamsSchema,
      years: z.array(z.number()),
      services: z.array(
        z.object({
          service: z.enum(SERVICES),
          label: z.string(),
          unit: z.string(),
          clients: z.array(z.number()),
          crossingYear: z.number().nullable(),
          gap: z.array(z.number()).nullable(),
        }),
      ),
      budget: z.array(
        z.object({
          year: z.number(),
          totalPence: z.number().int(),
          pressurePence: z.number().int(),
        }),
      ),
      measures: z.array(
        z.object({
          key: z.string(),
          label: z.string(),
          totals: z.array(z.number()),
        }),
      ),
    }),
  ),
});

/** GET /explain */
export const explanationSchema = z.object({
  total: z.number(),
  lines: z.array(
    z.object({
      population: z.number(),
      people: z.number(),
      sex: populationSexSchema,
      ages: z.string(),
      rate: z.number(),
      shareKnownToAsc: z.number(),
      multiplier: z.number(),
    }),
  ),
  areaCode: z.string(),
  rateKey: z.string(),
  rateLabel: z.string(),
  source: z.string(),
  sourceYear: z.number(),
  year: z.number(),
  scope: z.string(),
  method: z.enum(METHODS),
  methodNote: z.string(),
  scenario: z.object({
    id: z.string(),
    name: z.string(),
  }),
  calibration: calibrationSchema.nullable(),
});
