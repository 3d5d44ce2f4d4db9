// The shapes of an ONS population import: the layouts Steward reads, the dataset one file becomes (figures in
// columns) and the parser each layout provides.
import type { PopulationKind, PopulationSex } from '../domain/demand/population.js';
import type { ImportIssue } from './framework.js';

export type PopulationLayout = 'snpp' | 'nomis' | 'myeb1' | 'mid-year-wide';

export const LAYOUT_LABELS: Record<PopulationLayout, string> = {
  snpp: 'ONS sub-national population projections (wide, one column per year)',
  nomis:
    'NOMIS extract (GEOGRAPHY_CODE, C_AGE or C_AGE_NAME, DATE_NAME or PROJECTED_YEAR_NAME, GENDER or GENDER_NAME, OBS_VALUE)',
  myeb1: 'ONS mid-year estimates, MYEB1 long layout (ladcode, sex, age, population_YYYY)',
  'mid-year-wide': 'ONS mid-year estimates, wide layout (one row per sex or gender, single-year columns to 90 or 90+)',
};

/** One imported dataset: its figures in columns (national files run to a million values). */
export interface PopulationDataset {
  layout: PopulationLayout;
  kind: PopulationKind;
  source: string;
  vintage: string;
  areas: Map<string, string>;
  areaCode: string[];
  year: number[];
  sex: PopulationSex[];
  ageFrom: number[];
  ageTo: (number | null)[];
  count: number[];
}

export interface LayoutParser {
  /** Reads one data record (after the header). */
  record(line: number, values: string[]): void;
  finish(): { dataset: PopulationDataset; issues: ImportIssue[] };
}

export interface LayoutOptions {
  source?: string;
  vintage?: string;
}
