// One parser per ONS population layout (SNPP, NOMIS, MYEB1, wide mid-year estimates): each reads the records
// after the header into a PopulationCollector, reporting every problem with its line and field.
import { type AgeBand, bandEnd, bandLabel, parseAgeLabel } from '../domain/demand/ages.js';
import type { PopulationKind, PopulationSex } from '../domain/demand/population.js';
import type { ImportIssue } from './framework.js';
import type { LayoutOptions, LayoutParser } from './population-dataset.js';
import { parseCount, PopulationCollector } from './population-collector.js';

function sexFromWord(raw: string): PopulationSex | null {
  const t = raw.trim().toLowerCase();
  if (['persons', 'person', 'all', 'all persons', 'total', '0'].includes(t)) return 'persons';
  if (['males', 'male', 'm', '1'].includes(t)) return 'male';
  if (['females', 'female', 'f', '2'].includes(t)) return 'female';
  return null;
}

function yearColumns(h: string[], pattern: RegExp): { index: number; year: number }[] {
  return h.flatMap((name, index) => {
    const m = pattern.exec(name.trim());
    return m ? [{ index, year: Number(m[1]) }] : [];
  });
}

/**
 * A record's area code once the record has one field per header column and the code (under the header `field`) is
 * an area the collector takes, with the name in column `iName` if there is one. null when refused (the collector
 * has the issue).
 */
function areaOf(
  c: PopulationCollector,
  h: string[],
  line: number,
  v: string[],
  iCode: number,
  field: string,
  iName: number,
): string | null {
  if (v.length !== h.length) {
    c.refuse(line, undefined, `expected ${h.length} fields, found ${v.length}`);
    return null;
  }
  const code = v[iCode].trim();
  return c.area(line, field, code, iName >= 0 ? v[iName].trim() : null) ? code : null;
}

/** The ONS sub-national population projections layout: one row per area, sex and age group, one column per year. */
export function snppParser(
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
      const code = areaOf(c, h, line, v, iCode, 'AREA_CODE', iName);
      if (code === null) return;
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

/** A NOMIS extract: one row per area, year, sex and age, the figure in OBS_VALUE. */
export function nomisParser(
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

/** The ONS mid-year estimates MYEB1 long layout: one row per area, sex and age, one population_YYYY column per year. */
export function myeb1Parser(
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
      const code = areaOf(c, h, line, v, iCode, h[iCode], iName);
      if (code === null) return;
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

/** The ONS mid-year estimates wide layout: one row per area and sex, one column per single year of age to 90+. */
export function midYearWideParser(
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
