// Shapes of the BCF API's answers (src/server/bcf/schemas.ts).
export type Rag = 'green' | 'amber' | 'red' | null;

export interface Place {
  id: string;
  name: string;
  gssCode: string;
}

export interface Funding {
  fundingLine: string;
  year: string;
  plannedPence: number;
}

export interface Actual {
  fundingLine: string;
  year: string;
  quarter: number;
  actualPence: number;
  outputs: number | null;
}

export interface Scheme {
  id: string;
  placeId: string;
  ref: string;
  name: string;
  schemeType: string;
  subType: string;
  objective: string;
  commissioner: string;
  provider: string;
  areaOfSpend: string;
  contractIds: string[];
  plannedOutputs: number | null;
  outputUnit: string;
  funding: Funding[];
  actuals: Actual[];
}

export interface SpendLine {
  fundingLine: string;
  incomePence: number;
  plannedPence: number;
  actualByQuarterPence: [number, number, number, number];
  actualPence: number;
}

export interface PlanView {
  id: string;
  name: string;
  years: string[];
  baselineYear: string;
  narrative: Record<string, string>;
  places: Place[];
  income: { placeId: string; year: string; fundingLine: string; amountPence: number }[];
  schemes: Scheme[];
  checks: { key: string; placeId: string; year: string; label: string; met: boolean; detail: string }[];
  spend: { year: string; placeId: string | null; lines: SpendLine[] }[];
  fundingLineLabels: Record<string, string>;
  /** The register's contracts the schemes name. */
  contracts: { id: string; reference: string; title: string }[];
  schemeTypes: Record<string, string[]>;
  canEdit: boolean;
}

export interface Figure {
  plan: number | null;
  actual: number | null;
  lower: number | null;
  upper: number | null;
  rag: Rag;
  inputs: string;
  lowCount: boolean;
  source: string;
}

export interface PlaceMetric {
  placeId: string;
  definition: {
    key: string;
    name: string;
    title: string;
    unit: 'per_100000' | 'percent';
    direction: 'lower' | 'higher';
    source: string;
    method: string;
  };
  quarters: (Figure & { year: string; quarter: number })[];
  years: (Figure & { year: string; quartersReported: number })[];
}

export interface MetricsView {
  years: string[];
  places: Place[];
  stewardPlace: Place | null;
  council: { name: string; gssCode: string } | null;
  metrics: PlaceMetric[];
  canEdit: boolean;
}

export interface DcRow {
  placeId: string;
  service: string;
  month: string;
  demand: number | null;
  capacity: number | null;
  shortfall: number | null;
  demandSource: string;
  capacitySource: string;
}

export interface DcView {
  year: string;
  years: string[];
  months: string[];
  places: Place[];
  services: { key: string; label: string }[];
  rows: DcRow[];
  summary: {
    placeId: string;
    service: string;
    demand: number;
    capacity: number;
    shortfall: number;
    monthsShort: number;
  }[];
  scenarios: { id: string; name: string }[];
  canEdit: boolean;
}

export interface Assessment {
  id: string;
  placeId: string;
  change: number;
  level: string;
  evidence: string;
  assessedOn: string;
  plannedLevel: string | null;
  plannedBy: string | null;
}

export interface HicmView {
  places: Place[];
  changes: { number: number; name: string }[];
  levels: { key: string; label: string }[];
  latest: Assessment[];
  history: Assessment[];
  canEdit: boolean;
}

export type RiskLink =
  | { kind: 'plan' }
  | { kind: 'scheme'; schemeId: string; schemeRef: string }
  | { kind: 'contract'; schemeId: string; schemeRef: string; contractId: string; contractRef: string };

export interface PlanRisks {
  asAt: string;
  risks: {
    id: string;
    reference: string;
    title: string;
    owner: string;
    mitigation: string;
    likelihood: number;
    impact: number;
    score: number;
    band: { rag: 'green' | 'amber' | 'red'; label: string };
    status: string;
    reviewDate: string | null;
    links: RiskLink[];
    linked: boolean;
  }[];
  available: { id: string; reference: string; title: string }[];
  canEdit: boolean;
}
