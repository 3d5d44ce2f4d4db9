// The BCF return as a workbook in the layout of the national template's sheets: Cover, Income, Expenditure,
// Metrics, Demand and capacity, Narrative, Risks. This module holds the layout both directions share: the sheet
// shapes, sheet names, header row and column names. `buildReturn` (returnBuild.ts) lays a plan out as sheets;
// `parseReturn` (returnParse.ts) reads a filled workbook back.
import type { DcRow } from './demandCapacity.js';
import type { MetricKey } from './metrics.js';
import type { AreaOfSpend, Commissioner, Income, Place, Scheme, SchemeActual, SchemeFunding } from './plan.js';
import type { FyQuarter, QuarterNumber } from './period.js';
import type { MetricPlan, PlaceMetric } from './scorecard.js';

export type Cell = string | number | null;

export interface Sheet {
  name: string;
  /** Lines above the header: the sheet's title and guidance. */
  title: string[];
  header: string[];
  rows: Cell[][];
  /** Header names whose columns hold pounds. */
  money?: string[];
  /** A sheet for Steward only, kept out of sight (very hidden: Excel's unhide list does not offer it). */
  hidden?: boolean;
}

/**
 * The very hidden sheet that carries the plan's id, so a workbook from another plan is refused on import without
 * the Cover showing an id. Workbooks from before it carried the id on the Cover ("Plan reference"); still read.
 */
export const REFERENCE_SHEET = 'Steward';

/** The item (column A) whose value (column B) is the plan's id, on the reference sheet (or an older Cover). */
export const PLAN_REFERENCE = 'Plan reference';

/** The sheets a filled return must have to be read back. */
export const SHEET_NAMES = ['Cover', 'Income', 'Expenditure', 'Metrics', 'Demand and capacity', 'Narrative'] as const;

/** The risk log sheet: written from the risk register on export, never read back (risks change in the register). */
export const RISK_SHEET = 'Risks';

/** One risk of the plan's log as the Risks sheet shows it. Likelihood and impact 1–5; score = their product. */
export interface ReturnRisk {
  reference: string;
  title: string;
  /** What links it to the plan, e.g. "Plan", "Scheme HAV-06", "Contract EB-CAR-001 (HAV-06)". */
  linkedTo: string;
  owner: string;
  likelihood: number;
  impact: number;
  score: number;
  /** The council's band label for the score, e.g. "High". */
  rating: string;
  mitigation: string;
  reviewDate: string | null;
  status: string;
}

/** Header row number (1-based) on every sheet: the title lines, a blank line, then the header. */
export const HEADER_ROW = 4;

/** The narrative sheet's sections in order: the key stored with the plan and the label the sheet shows. */
export const NARRATIVE_SECTIONS: { key: string; label: string }[] = [
  { key: 'overview', label: 'Overview of the plan and joint priorities' },
  { key: 'metrics', label: 'Progress against the metrics' },
  { key: 'demand_capacity', label: 'Intermediate care demand and capacity' },
  { key: 'hicm', label: 'High Impact Change Model' },
  { key: 'dfg', label: 'Disabled Facilities Grant and housing' },
  { key: 'discharge_fund', label: 'Use of the ASC Discharge Fund' },
];

/** A quarter's stored counts behind a metric (numerator over denominator), with where they came from. */
export interface MetricCount {
  placeId: string;
  metric: MetricKey;
  year: string;
  quarter: QuarterNumber;
  numerator: number;
  denominator: number;
  source: string;
}

/** Everything the return shows: the plan, its figures for the years, and the quarter reported (if any). */
export interface ReturnInput {
  planId: string;
  planName: string;
  years: string[];
  places: Place[];
  income: Income[];
  schemes: Scheme[];
  metricPlans: MetricPlan[];
  counts: MetricCount[];
  scorecard: PlaceMetric[];
  demandCapacity: DcRow[];
  narrative: Record<string, string>;
  /** The plan's risk log (from the risk register). */
  risks: ReturnRisk[];
  /** The quarter being reported, or null for the plan itself. */
  quarter: FyQuarter | null;
  generatedOn: string;
}

/** Column header of a quarter's actual spend on the Expenditure sheet (pounds), e.g. "Q1 actual (£)". */
export const QUARTER_COL = (q: number) => `Q${q} actual (£)`;
/** Column header of a quarter's outputs on the Expenditure sheet, e.g. "Q1 outputs". */
export const OUTPUT_COL = (q: number) => `Q${q} outputs`;

/** A sheet read back: each row with its spreadsheet row number; cells as text or numbers, empty as null. */
export interface ReadSheet {
  name: string;
  rows: { line: number; cells: Cell[] }[];
}

/** What a filled return changes. Money in pence. */
export interface ReturnChanges {
  income: Income[];
  schemes: {
    /** The scheme's id, or null for a scheme the return adds (new Scheme ID). */
    schemeId: string | null;
    ref: string;
    placeId: string;
    name: string;
    schemeType: string;
    subType: string;
    commissioner: Commissioner;
    provider: string;
    areaOfSpend: AreaOfSpend;
    funding: SchemeFunding[];
    actuals: SchemeActual[];
  }[];
  metricPlans: MetricPlan[];
  counts: MetricCount[];
  demandCapacity: DcRow[];
  narrative: Record<string, string>;
}
