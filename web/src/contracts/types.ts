// JSON shapes of the contracts API as the browser receives them: taken from the server's response schemas
// (src/server/contracts/schemas.ts), so they cannot drift from what the server sends.
import type { Wire } from '../../../src/server/schemas';
import type {
  actionViewSchema,
  assessmentViewSchema,
  contractDetailSchema,
  contractHistoryEntrySchema,
  contractViewSchema,
  kpiViewSchema,
  priorityGroupSchema,
  procurementForecastSchema,
  procurementViewSchema,
  ragSchema,
  recommissioningEntrySchema,
  returnStatusSchema,
  riskListItemSchema,
  stageForecastSchema,
} from '../../../src/server/contracts/schemas';

export type Contract = Wire<typeof contractViewSchema>;
/** GET /api/contracts/contracts/:id: the contract with its KPIs, procurements and history. */
export type ContractDetail = Wire<typeof contractDetailSchema>;
/** One entry in a contract's or a procurement's history. */
export type HistoryEntry = Wire<typeof contractHistoryEntrySchema>;
export type RecommissioningEntry = Wire<typeof recommissioningEntrySchema>;
export type ProcurementForecast = Wire<typeof procurementForecastSchema>;
export type StageForecast = Wire<typeof stageForecastSchema>;
export type ReturnStatus = Wire<typeof returnStatusSchema>;
export type ActionView = Wire<typeof actionViewSchema>;
export type PriorityGroup = Wire<typeof priorityGroupSchema>;
export type PlanRag = Wire<typeof ragSchema>;
export type Procurement = Wire<typeof procurementViewSchema>;
export type KpiView = Wire<typeof kpiViewSchema>;
export type Assessment = Wire<typeof assessmentViewSchema>;
/** GET /api/contracts/risks: each risk with its score, RAG band, trend and score history. */
export type Risk = Wire<typeof riskListItemSchema>;
