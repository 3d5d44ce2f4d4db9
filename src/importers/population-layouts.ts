// The ONS population layouts Steward reads, as published. Each layout turns CSV records into population
// figures, reporting every problem with its line and field. Checks that need the whole file (every age
// present once, "All ages" equal to the sum) run at the end in `PopulationCollector.finish`.
import type { ImportIssue } from './framework.js';
import { LAYOUT_LABELS, type LayoutOptions, type LayoutParser, type PopulationLayout } from './population-dataset.js';
import { midYearWideParser, myeb1Parser, nomisParser, snppParser } from './population-layout-parsers.js';

export {
  LAYOUT_LABELS,
  type LayoutOptions,
  type LayoutParser,
  type PopulationDataset,
  type PopulationLayout,
} from './population-dataset.js';
export { PopulationCollector } from './population-collector.js';

export function detectLayout(header: readonly string[]): PopulationLayout | null {
  const h = header.map((x) => x.trim().toLowerCase());
  if (h.includes('area_code') && h.includes('age_group') && h.includes('sex')) return 'snpp';
  if (h.includes('obs_value') && (h.includes('c_age') || h.includes('c_age_name'))) return 'nomis';
  if (h.some((x) => /^ladcode\d{2}$/.test(x)) && h.includes('sex') && h.includes('age')) return 'myeb1';
  if (h.includes('area_code') && (h.includes('gender') || h.includes('sex')) && h.includes('all_ages'))
    return 'mid-year-wide';
  return null;
}

/** NOMIS's own columns: each dimension comes as X, X_NAME, X_CODE, X_TYPE, X_TYPECODE and X_SORTORDER. */
const NOMIS_COLUMNS = new Set(
  ['date', 'projected_year', 'geography', 'gender', 'c_age', 'measures', 'obs_status', 'obs_conf'].flatMap((d) =>
    ['', '_name', '_code', '_type', '_typecode', '_sortorder'].map((suffix) => d + suffix),
  ),
);
['obs_value', 'urn', 'record_offset', 'record_count'].forEach((c) => NOMIS_COLUMNS.add(c));

/** Whether a (lower-case) header name belongs to the layout; anything else is refused, named. */
const KNOWN_COLUMN: Record<PopulationLayout, (name: string) => boolean> = {
  snpp: (n) => ['area_code', 'area_name', 'component', 'sex', 'age_group'].includes(n) || /^\d{4}$/.test(n),
  nomis: (n) => NOMIS_COLUMNS.has(n),
  myeb1: (n) =>
    /^(ladcode|laname)\d{2}$/.test(n) || ['country', 'sex', 'age'].includes(n) || /^population_\d{4}$/.test(n),
  'mid-year-wide': (n) =>
    ['period', 'area_code', 'area_name', 'geography', 'gender', 'sex', 'all_ages'].includes(n) ||
    /^aged_/.test(n) ||
    /^\d{1,2}\+?$/.test(n),
};

/** Columns of the header that the layout does not know, as written in the file. */
export function unknownColumns(header: readonly string[], layout: PopulationLayout): string[] {
  return header.filter((x) => x.trim() !== '' && !KNOWN_COLUMN[layout](x.trim().toLowerCase()));
}

/** Builds the parser for a header; issues with the header itself are returned as a string. */
export function layoutParser(
  header: string[],
  headerLine: number,
  options: LayoutOptions = {},
): LayoutParser | ImportIssue[] {
  const layout = detectLayout(header);
  if (!layout) {
    const known = new Set(
      (Object.keys(KNOWN_COLUMN) as PopulationLayout[]).flatMap((l) =>
        header.filter((x) => KNOWN_COLUMN[l](x.trim().toLowerCase())),
      ),
    );
    const strange = header.filter((x) => x.trim() !== '' && !known.has(x));
    return [
      {
        line: headerLine,
        message:
          'the header matches no known population layout: expected the ONS SNPP layout (AREA_CODE, AREA_NAME, COMPONENT, SEX, AGE_GROUP, years), NOMIS (GEOGRAPHY_CODE, C_AGE or C_AGE_NAME, DATE_NAME or PROJECTED_YEAR_NAME, GENDER or GENDER_NAME, OBS_VALUE), MYEB1 (ladcodeYY, lanameYY, sex, age, population_YYYY…) or the wide mid-year layout (period, area_code, area_name, sex or gender, all_ages, 0…90+)' +
          (strange.length ? `; columns no layout has: ${strange.map((x) => `"${x}"`).join(', ')}` : ''),
      },
    ];
  }
  const unknown = unknownColumns(header, layout);
  if (unknown.length)
    return unknown.map((name) => ({
      line: headerLine,
      field: name,
      message: `column "${name}" is not part of the ${LAYOUT_LABELS[layout]}: Steward does not know what it holds, so the file is refused rather than the column dropped (remove the column if it is not needed)`,
    }));
  const h = header.map((x) => x.trim());
  const lower = h.map((x) => x.toLowerCase());
  const col = (name: string) => lower.indexOf(name);
  if (layout === 'snpp') return snppParser(h, lower, col, headerLine, options);
  if (layout === 'nomis') return nomisParser(col, headerLine, options);
  if (layout === 'myeb1') return myeb1Parser(h, lower, headerLine, options);
  return midYearWideParser(h, lower, col, headerLine, options);
}
