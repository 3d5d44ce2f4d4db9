// The ONS population layouts Steward reads, as published. Each layout turns CSV records into population
// figures, reporting every problem with its line and field. Checks that need the whole file (every age
// present once, "All ages" equal to the sum) run at the end in `PopulationCollector.finish`.
import { type AgeBand, bandEnd, bandLabel, OPEN_AGE, parseAgeLabel } from '../domain/demand/ages.js';
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

const GSS = /^[EWSNK]\d{8}$/;

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

function decimals(raw: string): number {
  const i = raw.indexOf('.');
  return i < 0 ? 0 : raw.length - i - 1;
}

/** Parses a count: a plain non-negative number (commas as thousands separators are refused as ambiguous). */
function parseCount(raw: string): number | null {
  const t = raw.trim();
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

interface TotalCheck {
  line: number;
  field: string;
  value: number;
  /** Largest rounding error the published parts can carry (half a unit of their last decimal each). */
  decimals: number;
}

/**
 * Collects figures, refusing duplicates, and checks the whole file at the end: for each area, sex and
 * year every age from 0 to 90+ is given exactly once, and "All ages" rows equal the sum of the ages.
 */
export class PopulationCollector {
  readonly issues: ImportIssue[] = [];
  private readonly data: PopulationDataset;
  private readonly seen = new Map<string, Map<number, number>>(); // area|sex|year → ageFrom → line
  private readonly totals = new Map<string, TotalCheck>(); // area|sex|year → All ages
  private readonly sums = new Map<string, { sum: number; parts: number; decimals: number }>();

  constructor(layout: PopulationLayout, kind: PopulationKind, source: string, vintage: string) {
    this.data = {
      layout,
      kind,
      source,
      vintage,
      areas: new Map(),
      areaCode: [],
      year: [],
      sex: [],
      ageFrom: [],
      ageTo: [],
      count: [],
    };
  }

  /** Areas with a refused row: their whole-area checks would only repeat that problem. */
  private readonly refusedAreas = new Set<string>();
  private currentArea: string | null = null;

  issue(line: number | null, field: string | undefined, message: string): void {
    this.issues.push({ line, field, message });
  }

  /** A row (or value) that could not be read: reported, and the area's whole-file checks are skipped. */
  refuse(line: number, field: string | undefined, message: string): void {
    this.issue(line, field, message);
    if (this.currentArea) this.refusedAreas.add(this.currentArea);
  }

  area(line: number, field: string, code: string, name: string | null): boolean {
    this.currentArea = code;
    if (!GSS.test(code)) {
      this.issue(line, field, `"${code}" is not an ONS GSS code (a letter and eight digits, e.g. E09000016)`);
      return false;
    }
    const known = this.data.areas.get(code);
    if (known === undefined || (known === code && name)) this.data.areas.set(code, name ?? code);
    else if (name && known !== name)
      this.issue(line, 'name', `area ${code} is called "${known}" earlier in the file and "${name}" here`);
    return true;
  }

  add(
    line: number,
    field: string,
    areaCode: string,
    year: number,
    sex: PopulationSex,
    band: AgeBand,
    raw: string,
  ): void {
    const count = parseCount(raw);
    if (count === null) {
      this.refuse(line, field, `"${raw}" is not a population count (a number of people, 0 or more)`);
      return;
    }
    const key = `${areaCode}|${sex}|${year}`;
    let ages = this.seen.get(key);
    if (!ages) this.seen.set(key, (ages = new Map()));
    if (ages.has(band.from)) {
      this.issue(
        line,
        field,
        `${areaCode} ${sex} ${year} age ${bandLabel(band)} was already given on line ${ages.get(band.from)}`,
      );
      return;
    }
    ages.set(band.from, line);
    const s = this.sums.get(key) ?? { sum: 0, parts: 0, decimals: 0 };
    s.sum += count;
    s.parts += 1;
    s.decimals = Math.max(s.decimals, decimals(raw.trim()));
    this.sums.set(key, s);
    const d = this.data;
    d.areaCode.push(areaCode);
    d.year.push(year);
    d.sex.push(sex);
    d.ageFrom.push(band.from);
    d.ageTo.push(band.to);
    d.count.push(count);
  }

  total(line: number, field: string, areaCode: string, year: number, sex: PopulationSex, raw: string): void {
    const value = parseCount(raw);
    if (value === null) {
      this.refuse(line, field, `"${raw}" is not a population count (a number of people, 0 or more)`);
      return;
    }
    this.totals.set(`${areaCode}|${sex}|${year}`, { line, field, value, decimals: decimals(raw.trim()) });
  }

  finish(): { dataset: PopulationDataset; issues: ImportIssue[] } {
    const d = this.data;
    // Coverage: each (area, sex, year) must cover 0…90+ exactly once.
    const bands = new Map<string, { from: number; to: number | null }[]>();
    for (let i = 0; i < d.count.length; i++) {
      const key = `${d.areaCode[i]}|${d.sex[i]}|${d.year[i]}`;
      const list = bands.get(key);
      const b = { from: d.ageFrom[i], to: d.ageTo[i] };
      if (list) list.push(b);
      else bands.set(key, [b]);
    }
    const ages = (from: number, to: number | null) => (from === to ? `age ${from}` : `ages ${bandLabel({ from, to })}`);
    for (const [key, list] of bands) {
      const [area, sex, year] = key.split('|');
      if (this.refusedAreas.has(area)) continue;
      list.sort((a, b) => a.from - b.from);
      let next = 0;
      for (const b of list) {
        if (b.from > next) {
          this.issue(null, 'age', `${area} ${sex} ${year}: no figure for ${ages(next, b.from - 1)}`);
        } else if (b.from < next) {
          this.issue(null, 'age', `${area} ${sex} ${year}: age band ${bandLabel(b)} overlaps the band before it`);
        }
        next = bandEnd(b) + 1;
      }
      if (next <= OPEN_AGE) this.issue(null, 'age', `${area} ${sex} ${year}: no figure for ${ages(next, null)}`);
    }
    for (const [key, t] of this.totals) {
      const s = this.sums.get(key);
      if (!s || this.refusedAreas.has(key.split('|')[0])) continue;
      const tolerance = 0.5 * 10 ** -s.decimals * s.parts + 0.5 * 10 ** -t.decimals + 1e-9;
      if (Math.abs(s.sum - t.value) > tolerance) {
        const [area, sex, year] = key.split('|');
        this.issue(
          t.line,
          t.field,
          `${area} ${sex} ${year}: "All ages" is ${t.value} but the ages add up to ${Math.round(s.sum * 1000) / 1000}`,
        );
      }
    }
    if (d.count.length === 0 && this.issues.length === 0)
      this.issue(null, undefined, 'the file holds no population figures');
    this.issues.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
    return { dataset: d, issues: this.issues };
  }
}

function sexFromWord(raw: string): PopulationSex | null {
  const t = raw.trim().toLowerCase();
  if (['persons', 'person', 'all', 'all persons', 'total', '0'].includes(t)) return 'persons';
  if (['males', 'male', 'm', '1'].includes(t)) return 'male';
  if (['females', 'female', 'f', '2'].includes(t)) return 'female';
  return null;
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

function yearColumns(h: string[], pattern: RegExp): { index: number; year: number }[] {
  return h.flatMap((name, index) => {
    const m = pattern.exec(name.trim());
    return m ? [{ index, year: Number(m[1]) }] : [];
  });
}

function snppParser(
  h: string[],
  lower: string[],
  col: (n: string) => number,
  headerLine: number,
  options: LayoutOptions,
): LayoutParser | ImportIssue[] {
  const years = yearColumns(h, /^(\d{4})$/);
  if (years.length === 0) return [{ line: headerLine, message: 'no year columns (e.g. "2022") in the header' }];
  const base = years[0].year;
  const c = new PopulationCollector(
    'snpp',
    'projection',
    options.source ?? `ONS ${base}-based sub-national population projections`,
    options.vintage ?? `${base}-based SNPP`,
  );
  const iCode = col('area_code');
  const iName = col('area_name');
  const iComp = col('component');
  const iSex = col('sex');
  const iAge = col('age_group');
  return {
    record(line, v) {
      if (v.length !== h.length) {
        c.refuse(line, undefined, `expected ${h.length} fields, found ${v.length}`);
        return;
      }
      const code = v[iCode].trim();
      if (!c.area(line, 'AREA_CODE', code, iName >= 0 ? v[iName].trim() : null)) return;
      if (iComp >= 0 && v[iComp].trim().toLowerCase() !== 'population') {
        c.refuse(line, 'COMPONENT', `only population rows can be imported; this row is "${v[iComp]}"`);
        return;
      }
      const sex = sexFromWord(v[iSex]);
      if (!sex) {
        c.refuse(line, 'SEX', `"${v[iSex]}" is not persons, males or females`);
        return;
      }
      const age = parseAgeLabel(v[iAge]);
      if (!age) {
        c.refuse(line, 'AGE_GROUP', `"${v[iAge]}" is not an age, an age band or "All ages"`);
        return;
      }
      for (const { index, year } of years) {
        if (age === 'all') c.total(line, h[index], code, year, sex, v[index]);
        else c.add(line, h[index], code, year, sex, age, v[index]);
      }
    },
    finish: () => c.finish(),
  };
}

function nomisParser(
  col: (n: string) => number,
  headerLine: number,
  options: LayoutOptions,
): LayoutParser | ImportIssue[] {
  // The year is PROJECTED_YEAR_NAME in projections and DATE_NAME (or DATE) in mid-year estimates.
  const iProjected = col('projected_year_name') >= 0 ? col('projected_year_name') : col('projected_year');
  const iDate = col('date_name') >= 0 ? col('date_name') : col('date');
  const iYear = iProjected >= 0 ? iProjected : iDate;
  const yearField = iProjected >= 0 ? 'PROJECTED_YEAR_NAME' : col('date_name') >= 0 ? 'DATE_NAME' : 'DATE';
  const iCode = col('geography_code');
  const missing = [
    ...(iCode < 0 ? ['GEOGRAPHY_CODE (the area’s GSS code)'] : []),
    ...(iYear < 0 ? ['DATE_NAME or PROJECTED_YEAR_NAME'] : []),
  ];
  if (missing.length)
    return missing.map((m) => ({ line: headerLine, field: m.split(' ')[0], message: `missing column ${m}` }));
  const kind: PopulationKind = iProjected >= 0 ? 'projection' : 'estimate';
  const c = new PopulationCollector(
    'nomis',
    kind,
    options.source ??
      (kind === 'projection'
        ? 'ONS sub-national population projections (NOMIS extract)'
        : 'ONS mid-year population estimates (NOMIS extract)'),
    options.vintage ?? (kind === 'projection' ? 'NOMIS SNPP extract' : 'NOMIS mid-year estimates'),
  );
  let lastYear = 0;
  const iName = col('geography_name');
  // Codes when the extract has them, else the labels: GENDER 0/1/2 or GENDER_NAME Total/Male/Female; C_AGE
  // 101…191 (ages 0…90+) and 200 (all ages) or C_AGE_NAME such as "Age 7", "Aged 90+", "All Ages".
  const iAge = col('c_age') >= 0 ? col('c_age') : col('c_age_name');
  const ageField = col('c_age') >= 0 ? 'C_AGE' : 'C_AGE_NAME';
  const iGender = col('gender') >= 0 ? col('gender') : col('gender_name');
  const genderField = col('gender') >= 0 ? 'GENDER' : 'GENDER_NAME';
  const iValue = col('obs_value');
  const iMeasure = col('measures_name');
  return {
    record(line, v) {
      const code = (v[iCode] ?? '').trim();
      if (!c.area(line, 'GEOGRAPHY_CODE', code, iName >= 0 ? (v[iName] ?? '').trim() || null : null)) return;
      if (iMeasure >= 0 && !/^value$/i.test((v[iMeasure] ?? '').trim())) {
        c.refuse(line, 'MEASURES_NAME', `only counts ("Value") can be imported; this row is "${v[iMeasure]}"`);
        return;
      }
      const yearRaw = (v[iYear] ?? '').trim();
      const ym = /^(\d{4})(-\d{2}(-\d{2})?)?$/.exec(yearRaw);
      if (!ym) {
        c.refuse(line, yearField, `"${yearRaw}" is not a year`);
        return;
      }
      const sex = iGender >= 0 ? sexFromWord(v[iGender] ?? '') : 'persons';
      if (!sex) {
        c.refuse(line, genderField, `"${v[iGender]}" is not 0 (total), 1 (male) or 2 (female), or Total, Male, Female`);
        return;
      }
      const ageRaw = (v[iAge] ?? '').trim();
      let age: AgeBand | 'all' | null;
      if (/^\d+$/.test(ageRaw) && Number(ageRaw) >= 100) {
        const code = Number(ageRaw);
        age = code === 200 ? 'all' : code >= 101 && code <= 191 ? parseAgeLabel(String(code - 101)) : null;
      } else age = parseAgeLabel(ageRaw);
      if (!age) {
        c.refuse(
          line,
          ageField,
          `"${ageRaw}" is not a NOMIS age (codes 101–191 and 200, or "Age 7", "Aged 90+", "All Ages")`,
        );
        return;
      }
      const year = Number(ym[1]);
      lastYear = Math.max(lastYear, year);
      if (age === 'all') c.total(line, 'OBS_VALUE', code, year, sex, v[iValue] ?? '');
      else c.add(line, 'OBS_VALUE', code, year, sex, age, v[iValue] ?? '');
    },
    finish: () => {
      const done = c.finish();
      if (kind === 'estimate' && !options.vintage && lastYear) done.dataset.vintage = `mid-${lastYear}`;
      return done;
    },
  };
}

function myeb1Parser(
  h: string[],
  lower: string[],
  headerLine: number,
  options: LayoutOptions,
): LayoutParser | ImportIssue[] {
  const years = yearColumns(lower, /^population_(\d{4})$/);
  if (years.length === 0) return [{ line: headerLine, message: 'no population_YYYY columns in the header' }];
  const last = years[years.length - 1].year;
  const iCode = lower.findIndex((x) => /^ladcode\d{2}$/.test(x));
  const iName = lower.findIndex((x) => /^laname\d{2}$/.test(x));
  const iSex = lower.indexOf('sex');
  const iAge = lower.indexOf('age');
  const c = new PopulationCollector(
    'myeb1',
    'estimate',
    options.source ?? `ONS mid-year population estimates (MYEB1), ${h[iCode]} boundaries`,
    options.vintage ?? `mid-${last}`,
  );
  return {
    record(line, v) {
      if (v.length !== h.length) {
        c.refuse(line, undefined, `expected ${h.length} fields, found ${v.length}`);
        return;
      }
      const code = v[iCode].trim();
      if (!c.area(line, h[iCode], code, iName >= 0 ? v[iName].trim() : null)) return;
      const sexRaw = v[iSex].trim();
      const sex = sexFromWord(sexRaw);
      if (sex !== 'male' && sex !== 'female') {
        c.refuse(line, 'sex', `"${sexRaw}" is not 1 or M (male), or 2 or F (female)`);
        return;
      }
      const age = parseAgeLabel(v[iAge]);
      if (!age || age === 'all') {
        c.refuse(line, 'age', `"${v[iAge]}" is not an age from 0 to 90 (90 = 90 and over)`);
        return;
      }
      for (const { index, year } of years) c.add(line, h[index], code, year, sex, age, v[index]);
    },
    finish: () => c.finish(),
  };
}

function midYearWideParser(
  h: string[],
  lower: string[],
  col: (n: string) => number,
  headerLine: number,
  options: LayoutOptions,
): LayoutParser | ImportIssue[] {
  // Single-year columns 0…90 (90 = 90 and over), plus all_ages and any aged_X_to_Y / aged_X_and_over
  // bands, which are checked against the single years.
  const ages = lower.flatMap((name, index) =>
    /^\d{1,2}\+?$/.test(name) ? [{ index, band: parseAgeLabel(name) as AgeBand }] : [],
  );
  const bandCols = lower.flatMap((name, index) => {
    if (!/^aged_/.test(name)) return [];
    const band = parseAgeLabel(name);
    return band && band !== 'all' ? [{ index, band }] : [];
  });
  if (ages.length === 0)
    return [{ line: headerLine, message: 'no single-year age columns (0, 1, … 90 or 90+) in the header' }];
  const iPeriod = col('period');
  const iCode = col('area_code');
  const iName = col('area_name');
  // Published as `gender` until 2021 and `sex` since the 2022 republication.
  const iGender = col('gender') >= 0 ? col('gender') : col('sex');
  const genderField = col('gender') >= 0 ? 'gender' : 'sex';
  const iAll = col('all_ages');
  let c: PopulationCollector | null = null;
  const collector = (year: number) =>
    c ??
    (c = new PopulationCollector(
      'mid-year-wide',
      'estimate',
      options.source ?? 'ONS mid-year population estimates',
      options.vintage ?? `mid-${year}`,
    ));
  return {
    record(line, v) {
      if (v.length !== h.length) {
        collector(0).issue(line, undefined, `expected ${h.length} fields, found ${v.length}`);
        return;
      }
      const period = iPeriod >= 0 ? v[iPeriod].trim() : '';
      const m = /^(\d{4})(-\d{2}-\d{2})?$/.exec(period);
      if (!m) {
        collector(0).issue(line, 'period', `"${period}" is not a year or a date such as 2020-06-30`);
        return;
      }
      const year = Number(m[1]);
      const col2 = collector(year);
      const code = v[iCode].trim();
      if (!col2.area(line, 'area_code', code, iName >= 0 ? v[iName].trim() : null)) return;
      const sex = sexFromWord(v[iGender]);
      if (!sex) {
        col2.refuse(line, genderField, `"${v[iGender]}" is not Persons, Males or Females`);
        return;
      }
      for (const { index, band } of ages) col2.add(line, h[index], code, year, sex, band, v[index]);
      if (iAll >= 0) col2.total(line, 'all_ages', code, year, sex, v[iAll]);
      // Published band columns must agree with the single years.
      for (const { index, band } of bandCols) {
        const stated = parseCount(v[index]);
        if (stated === null) {
          col2.issue(line, h[index], `"${v[index]}" is not a population count`);
          continue;
        }
        let sum = 0;
        for (const a of ages)
          if (a.band.from >= band.from && bandEnd(a.band) <= bandEnd(band)) sum += Number(v[a.index]);
        if (Math.abs(sum - stated) > 0.5 * (bandEnd(band) - band.from + 2)) {
          col2.issue(line, h[index], `${h[index]} is ${stated} but ages ${bandLabel(band)} add up to ${sum}`);
        }
      }
    },
    finish: () => (c ?? collector(0)).finish(),
  };
}
