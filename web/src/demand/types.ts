// JSON shapes of the need-and-demand API as the browser receives them: taken from the server's response schemas
// (src/server/demand/schemas.ts), so they cannot drift from what the server sends.
import type { Wire } from '../../../src/server/schemas';
import type {
  areaListSchema,
  comparisonSchema,
  explanationSchema,
  populationSchema,
  projectionSchema,
  scenarioListSchema,
  scenarioSchema,
  storedRateSchema,
} from '../../../src/server/demand/schemas';
import type { ScenarioParams } from '../../../src/domain/demand/model';
import type { RateDefinition } from '../../../src/domain/demand/rates';

export type { ScenarioParams, RateDefinition };

export type Scenario = Wire<typeof scenarioSchema>;
export type ScenariosResponse = Wire<typeof scenarioListSchema>;
export type ProjectionResponse = Wire<typeof projectionSchema>;
export type MeasureView = ProjectionResponse['measures'][number];
export type ServiceView = ProjectionResponse['services'][number];
export type BudgetRowView = ProjectionResponse['budget']['rows'][number];
export type PopulationResponse = Wire<typeof populationSchema>;
export type StoredRate = Wire<typeof storedRateSchema>;
export type ExplainResponse = Wire<typeof explanationSchema>;
export type CompareResponse = Wire<typeof comparisonSchema>;
export type AreasResponse = Wire<typeof areaListSchema>;
