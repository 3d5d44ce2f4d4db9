// Shapes of the need-and-demand API responses (see src/server/demand/routes.ts and src/domain/demand/view.ts).
import type { ModelView } from '../../../src/domain/demand/view';
import type { ScenarioParams } from '../../../src/domain/demand/model';
import type { RateDefinition } from '../../../src/domain/demand/rates';

export type { ScenarioParams, RateDefinition };

export interface Scenario {
  id: string;
  name: string;
  description: string;
  params: ScenarioParams;
  createdAt: string;
  updatedAt: string;
}

export interface ScenariosResponse {
  scenarios: Scenario[];
  defaults: ScenarioParams;
  methods: Record<string, string>;
}

export interface ProjectionResponse extends ModelView {
  scenario: { id: string; name: string; params: ScenarioParams };
  asAt: string;
  marketLinked: boolean;
  currentUse: { service: string; clients: number; weeklyCost: number | null; hoursPerClient: number | null }[];
  supply: { service: string; capacity: number; inUseToday: number | null }[];
  population: { sources: { year: number; kind: string; vintage: string }[]; sexes: string[] };
}

export type MeasureView = ModelView['measures'][number];
export type ServiceView = ModelView['services'][number];
export type BudgetRowView = ModelView['budget']['rows'][number];

export interface PopulationResponse {
  area: { code: string; name: string; areaType: string; synthetic: boolean };
  bands: string[];
  sexes: string[];
  rows: { year: number; band: string; people: number }[];
  sources: { year: number; kind: string; vintage: string }[];
  notes: string[];
}

export interface StoredRate extends RateDefinition {
  isDefault: boolean;
  shipped: boolean;
  updatedAt: string | null;
}

export interface ExplainResponse {
  scenario: { id: string; name: string };
  calibration: { expected: number; observed: number; factor: number } | null;
  areaCode: string;
  rateKey: string;
  rateLabel: string;
  source: string;
  sourceYear: number;
  year: number;
  scope: string;
  method: string;
  methodNote: string;
  lines: {
    sex: string;
    ages: string;
    population: number;
    rate: number;
    shareKnownToAsc: number;
    multiplier: number;
    people: number;
  }[];
  total: number;
}

export interface CompareResponse {
  area: string;
  asAt: string;
  baseYear: number;
  scenarios: {
    id: string;
    name: string;
    params: ScenarioParams;
    years: number[];
    services: {
      service: string;
      label: string;
      unit: string;
      clients: number[];
      crossingYear: number | null;
      gap: number[] | null;
    }[];
    budget: { year: number; total: number; pressure: number }[];
    measures: { key: string; label: string; totals: number[] }[];
  }[];
}

export interface AreasResponse {
  areas: {
    code: string;
    name: string;
    areaType: string;
    synthetic: boolean;
    figures: number;
    years: string | null;
    vintages: string[];
  }[];
  borough: { name: string; gssCode: string; synthetic: boolean } | null;
}
