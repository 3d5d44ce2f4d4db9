// The capacity planner's data, typed from the server's response schemas (never written twice).
import type { z } from 'zod';
import type {
  BaselineResponse,
  CapacityRecommendationResponse,
  CompareResponse,
  HubPositionResponse,
  SavedScenarioResponse,
  SimulationResultResponse,
  historyFitSchema,
} from '../../../../src/server/discharge/simulationSchemas';
import type { Scenario } from '../../../../src/domain/discharge/simulation/scenario';

export type { Scenario };
export type SimulationResult = SimulationResultResponse;
export type Baseline = BaselineResponse;
export type HistoryFit = z.infer<typeof historyFitSchema>;
export type HubPosition = HubPositionResponse;
export type SavedScenario = SavedScenarioResponse;
export type CapacityRecommendation = CapacityRecommendationResponse;
export type Comparison = CompareResponse['comparison'];
export type ComparisonRow = Comparison['rows'][number];
