// Form state ↔ API bodies for scenarios and rates. The browser checks what it can before sending; the
// server checks everything again (and its field errors are mapped back onto these inputs).
import type { SummaryError } from '../components';
import type { RateDefinition, ScenarioParams } from './types';

export interface ScenarioForm {
  name: string;
  description: string;
  method: 'constant' | 'trend' | 'custom';
  toYear: string;
  targetOccupancy: string; // percent
  uplift: string; // percent a year
  homecareHours: string; // blank = today's mean
  lever: 'yes' | 'no';
  leverFrom: string;
  leverTo: string;
  leverShare: string; // percent
  leverStartYear: string;
  leverMeanStay: string;
  trajectoryRate: string; // rate key, blank = none
  trajectoryYear: string;
  trajectoryChange: string; // percent change by that year, e.g. 20 or -10
}

const pct = (v: number) => String(Math.round(v * 100 * 100) / 100);

export function scenarioFormFrom(name: string, description: string, p: ScenarioParams): ScenarioForm {
  const [trajectoryRate, points] = Object.entries(p.trajectories)[0] ?? ['', []];
  const last = points[points.length - 1];
  return {
    name,
    description,
    method: p.method,
    toYear: String(p.toYear),
    targetOccupancy: pct(p.targetOccupancy),
    uplift: pct(p.upliftRate),
    homecareHours: p.homecareHoursPerClient === null ? '' : String(p.homecareHoursPerClient),
    lever: p.lever ? 'yes' : 'no',
    leverFrom: p.lever?.from ?? 'care_home_residential',
    leverTo: p.lever?.to ?? 'homecare',
    leverShare: p.lever ? pct(p.lever.share) : '20',
    leverStartYear: String(p.lever?.startYear ?? new Date().getFullYear()),
    leverMeanStay: String(p.lever?.meanStayYears ?? 2.5),
    trajectoryRate: last ? trajectoryRate : '',
    trajectoryYear: last ? String(last.year) : '2035',
    trajectoryChange: last ? pct(last.factor - 1) : '10',
  };
}

function num(raw: string): number | null {
  const t = raw.trim().replace(/%$/, '');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

/** Builds scenario parameters (keeping rate adjustments from `base`), or the problems found. */
export function scenarioParamsFrom(
  f: ScenarioForm,
  base: ScenarioParams,
): { params: ScenarioParams | null; errors: SummaryError[] } {
  const errors: SummaryError[] = [];
  if (!f.name.trim()) errors.push({ field: 'name', message: 'Enter a name for the scenario' });
  const toYear = num(f.toYear);
  if (toYear === null || !Number.isInteger(toYear) || toYear < 2025 || toYear > 2060)
    errors.push({ field: 'toYear', message: 'Projection end year must be a year from 2025 to 2060' });
  const occ = num(f.targetOccupancy);
  if (occ === null || occ <= 0 || occ > 100)
    errors.push({
      field: 'targetOccupancy',
      message: 'Target occupancy must be a percentage more than 0 and at most 100',
    });
  const uplift = num(f.uplift);
  if (uplift === null || uplift < -20 || uplift > 50)
    errors.push({ field: 'uplift', message: 'Price uplift must be a percentage from -20 to 50' });
  let hours: number | null = null;
  if (f.homecareHours.trim()) {
    hours = num(f.homecareHours);
    if (hours === null || hours <= 0 || hours > 168)
      errors.push({
        field: 'homecareHours',
        message: 'Homecare hours must be a number of hours a week from 0 to 168, or blank',
      });
  }
  let lever: ScenarioParams['lever'] = null;
  if (f.lever === 'yes') {
    const share = num(f.leverShare);
    const start = num(f.leverStartYear);
    const stay = num(f.leverMeanStay);
    if (share === null || share < 0 || share > 100)
      errors.push({ field: 'leverShare', message: 'Share of new admissions must be a percentage from 0 to 100' });
    if (start === null || !Number.isInteger(start) || start < 2000 || start > 2100)
      errors.push({ field: 'leverStartYear', message: 'Start year must be a year such as 2026' });
    if (stay === null || stay <= 0 || stay > 20)
      errors.push({
        field: 'leverMeanStay',
        message: 'Mean length of stay must be a number of years more than 0 and at most 20',
      });
    if (f.leverFrom === f.leverTo)
      errors.push({ field: 'leverTo', message: 'Choose a different service to move admissions to' });
    if (share !== null && start !== null && stay !== null) {
      lever = {
        from: f.leverFrom as never,
        to: f.leverTo as never,
        share: share / 100,
        startYear: start,
        meanStayYears: stay,
        ratio: 1,
      };
    }
  }
  const trajectories: ScenarioParams['trajectories'] = {};
  if (f.method === 'custom') {
    if (!f.trajectoryRate)
      errors.push({ field: 'trajectoryRate', message: 'Choose the rate the custom trajectory applies to' });
    const year = num(f.trajectoryYear);
    const change = num(f.trajectoryChange);
    if (year === null || !Number.isInteger(year) || year < 2000 || year > 2100)
      errors.push({ field: 'trajectoryYear', message: 'Enter the year the change is reached, such as 2035' });
    if (change === null || change < -100 || change > 1900)
      errors.push({
        field: 'trajectoryChange',
        message: 'Enter the change in the rate as a percentage, such as 20 or -10',
      });
    if (f.trajectoryRate && year !== null && change !== null)
      trajectories[f.trajectoryRate] = [{ year, factor: 1 + change / 100 }];
  }
  if (errors.length) return { params: null, errors };
  return {
    params: {
      method: f.method,
      toYear: toYear!,
      targetOccupancy: occ! / 100,
      upliftRate: uplift! / 100,
      rateAdjustments: base.rateAdjustments,
      trajectories,
      lever,
      homecareHoursPerClient: hours,
    },
    errors: [],
  };
}

/** Server field paths → form inputs. */
export const SCENARIO_FIELD_MAP: Record<string, string> = {
  name: 'name',
  'params.toYear': 'toYear',
  'params.targetOccupancy': 'targetOccupancy',
  'params.upliftRate': 'uplift',
  'params.homecareHoursPerClient': 'homecareHours',
  'params.lever.share': 'leverShare',
  'params.lever.startYear': 'leverStartYear',
  'params.lever.meanStayYears': 'leverMeanStay',
};

export interface RateForm {
  /** Cell values as percentages, in cell order. */
  cells: string[];
  share: string; // percent
  source: string;
  sourceYear: string;
}

export function rateFormFrom(rate: RateDefinition): RateForm {
  return {
    cells: rate.cells.map((c) => String(Math.round(c.value * 100 * 10000) / 10000)),
    share: String(Math.round(rate.shareKnownToAsc * 100 * 100) / 100),
    source: rate.source,
    sourceYear: String(rate.sourceYear),
  };
}

/** The edited rate (a PUT body without the key), or the problems found. Field names match the inputs. */
export function rateBodyFrom(
  rate: RateDefinition,
  f: RateForm,
): { body: Omit<RateDefinition, 'key'> | null; errors: SummaryError[] } {
  const errors: SummaryError[] = [];
  const cells = rate.cells.map((c, i) => {
    const v = num(f.cells[i] ?? '');
    if (v === null || v < 0 || v > 100)
      errors.push({
        field: `cells.${i}.value`,
        message: `Rate for ${c.sex === 'persons' ? 'people' : c.sex + 's'} aged ${c.ageTo === null ? `${c.ageFrom}+` : `${c.ageFrom} to ${c.ageTo}`} must be a percentage from 0 to 100`,
      });
    return { ...c, value: v === null ? c.value : v / 100 };
  });
  const share = num(f.share);
  if (share === null || share <= 0 || share > 100)
    errors.push({
      field: 'shareKnownToAsc',
      message: 'Share known to adult social care must be a percentage more than 0 and at most 100',
    });
  if (!f.source.trim()) errors.push({ field: 'source', message: 'Enter where the rate comes from' });
  const year = num(f.sourceYear);
  if (year === null || !Number.isInteger(year) || year < 1990 || year > 2100)
    errors.push({ field: 'sourceYear', message: 'Enter the source year, such as 2023' });
  if (errors.length) return { body: null, errors };
  const { key: _key, ...rest } = rate;
  return {
    body: {
      ...rest,
      cells,
      shareKnownToAsc: share! / 100,
      source: f.source.trim(),
      sourceYear: year!,
      history: rate.history,
    },
    errors: [],
  };
}
