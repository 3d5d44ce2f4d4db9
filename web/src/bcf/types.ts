// JSON shapes of the BCF API's answers as the browser receives them: taken from the server's response schemas
// (src/server/bcf/schemas.ts), so they cannot drift from what the server sends.
import type { Wire } from '../../../src/server/schemas';
import type {
  dcResponseSchema,
  hicmResponseSchema,
  metricsSchema,
  placeSchema,
  planRisksSchema,
  planSchema,
  schemeSchema,
} from '../../../src/server/bcf/schemas';

export type Place = Wire<typeof placeSchema>;
export type Scheme = Wire<typeof schemeSchema>;
export type PlanView = Wire<typeof planSchema>;
export type MetricsView = Wire<typeof metricsSchema>;
export type PlaceMetric = MetricsView['metrics'][number];
export type DcView = Wire<typeof dcResponseSchema>;
export type DcRow = DcView['rows'][number];
export type HicmView = Wire<typeof hicmResponseSchema>;
export type Assessment = HicmView['latest'][number];
export type PlanRisks = Wire<typeof planRisksSchema>;
export type RiskLink = PlanRisks['risks'][number]['links'][number];
