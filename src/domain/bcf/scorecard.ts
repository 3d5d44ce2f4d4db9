// The metrics scorecard: for each place and metric, plan and actual by quarter and by year, with confidence
// limits, RAG and the inputs the figure came from. Pure: the database layer gathers the counts.
import {
  METRIC_DEFINITIONS,
  METRICS,
  avoidableAdmissionsRate,
  dischargeHomePercent,
  fallsRate,
  ragRating,
  residentialAdmissionsRate,
  type BandCounts,
  type MetricDefinition,
  type MetricKey,
  type Rag,
} from './metrics.js';
import { quartersOf, type QuarterNumber } from './period.js';

/**
 * The counts behind one quarter's figure for one place.
 * residential_admissions: numerator = admissions, denominator = population 65+.
 * discharge_home: numerator = discharged to usual place of residence, denominator = all discharged.
 * falls, avoidable_admissions: bands = events and population by ESP2013 band.
 */
export interface MetricInput {
  placeId: string;
  metric: MetricKey;
  year: string;
  quarter: QuarterNumber;
  numerator: number | null;
  denominator: number | null;
  bands: BandCounts[] | null;
  /** Where the counts came from ("Steward placements", "hospital activity import 2026-07-03", "demo"). */
  source: string;
}

/** A planned value: quarter 0 is the year's plan. */
export interface MetricPlan {
  placeId: string;
  metric: MetricKey;
  year: string;
  quarter: 0 | QuarterNumber;
  value: number;
}

export interface Figure {
  plan: number | null;
  actual: number | null;
  lower: number | null;
  upper: number | null;
  rag: Rag | null;
  /** The counts in words, e.g. "267 admissions ÷ 47,918 people aged 65+". */
  inputs: string;
  /** Fewer than 10 events behind a standardised rate. */
  lowCount: boolean;
  source: string;
}

export interface QuarterFigure extends Figure {
  year: string;
  quarter: QuarterNumber;
}

export interface YearFigure extends Figure {
  year: string;
  /** Quarters with counts (4 = the whole year). */
  quartersReported: number;
}

export interface PlaceMetric {
  placeId: string;
  definition: MetricDefinition;
  quarters: QuarterFigure[];
  years: YearFigure[];
}

// One formatter for every call: toLocaleString with options builds a new one each time (tens of µs apiece, and
// a scorecard formats thousands of band counts).
const wholeNumber = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const n0 = (v: number) => wholeNumber.format(v);

interface Computed {
  actual: number;
  lower: number | null;
  upper: number | null;
  inputs: string;
  lowCount: boolean;
}

/** A figure's actual, limits, RAG against `plan`, inputs in words and low-count flag ("No counts yet" without any). */
function figureOf(metric: MetricKey, c: Computed | null, plan: number | null) {
  return {
    actual: c?.actual ?? null,
    lower: c?.lower ?? null,
    upper: c?.upper ?? null,
    rag: ragRating(metric, c?.actual ?? null, plan),
    inputs: c?.inputs ?? 'No counts yet',
    lowCount: c?.lowCount ?? false,
  };
}

function compute(metric: MetricKey, rows: readonly MetricInput[]): Computed | null {
  if (rows.length === 0) return null;
  if (metric === 'residential_admissions') {
    if (rows.some((r) => r.numerator === null || r.denominator === null)) return null;
    const admissions = rows.reduce((s, r) => s + r.numerator!, 0);
    const population = rows[rows.length - 1].denominator!;
    return {
      actual: residentialAdmissionsRate(admissions, population),
      lower: null,
      upper: null,
      inputs: `${n0(admissions)} permanent admissions ÷ ${n0(population)} people aged 65+ × 100,000`,
      lowCount: false,
    };
  }
  if (metric === 'discharge_home') {
    if (rows.some((r) => r.numerator === null || r.denominator === null)) return null;
    const home = rows.reduce((s, r) => s + r.numerator!, 0);
    const all = rows.reduce((s, r) => s + r.denominator!, 0);
    if (all === 0) return null;
    const p = dischargeHomePercent(home, all);
    return {
      actual: p.percent,
      lower: p.lower,
      upper: p.upper,
      inputs: `${n0(home)} discharged to their usual place of residence ÷ ${n0(all)} discharged × 100`,
      lowCount: false,
    };
  }
  if (rows.some((r) => r.bands === null)) return null;
  // Events add up over the quarters; the population is the year's (the last quarter's figure).
  const events = new Map<string, number>();
  for (const r of rows) for (const b of r.bands!) events.set(b.band, (events.get(b.band) ?? 0) + b.events);
  const bands = rows[rows.length - 1].bands!.map((b) => ({
    band: b.band,
    events: events.get(b.band) ?? 0,
    population: b.population,
  }));
  const dsr = metric === 'falls' ? fallsRate(bands) : avoidableAdmissionsRate(bands);
  return {
    actual: dsr.rate,
    lower: dsr.lower,
    upper: dsr.upper,
    // Every band's admissions and population, so the rate and its limits can be worked by hand from the page.
    inputs: `${n0(dsr.events)} admissions, population ${n0(dsr.population)}${metric === 'falls' ? ' aged 65+' : ''}, standardised to ESP2013 over ${bands.length} age bands (${bands.map((b) => `${b.band}: ${n0(b.events)} in ${n0(b.population)}`).join('; ')})`,
    lowCount: dsr.lowCount,
  };
}

/** Quarter plan: the quarter's own plan, else for rates a quarter of the year's, for percentages the year's. */
function quarterPlan(
  def: MetricDefinition,
  plans: readonly MetricPlan[],
  year: string,
  quarter: QuarterNumber,
): number | null {
  const own = plans.find((p) => p.year === year && p.quarter === quarter);
  if (own) return own.value;
  const annual = plans.find((p) => p.year === year && p.quarter === 0);
  if (!annual) return null;
  return def.unit === 'percent' ? annual.value : annual.value / 4;
}

/**
 * Plan against actual for every place and metric over the plan's years.
 * A year's actual is over the quarters reported so far; for rates per 100,000 its plan is prorated to those
 * quarters (a half year is compared with half the year's plan), for percentages it is the year's plan. Without a
 * year's plan, the reported quarters' plans are added up (rates) or averaged (percentages).
 */
export function scorecard(
  places: readonly { id: string }[],
  years: readonly string[],
  inputs: readonly MetricInput[],
  plans: readonly MetricPlan[],
): PlaceMetric[] {
  const out: PlaceMetric[] = [];
  for (const place of places) {
    for (const metric of METRICS) {
      const def = METRIC_DEFINITIONS[metric];
      const mine = inputs.filter((i) => i.placeId === place.id && i.metric === metric);
      const myPlans = plans.filter((p) => p.placeId === place.id && p.metric === metric);
      const quarters: QuarterFigure[] = quartersOf(years).map(({ year, quarter }) => {
        const rows = mine.filter((i) => i.year === year && i.quarter === quarter);
        const c = compute(metric, rows);
        const plan = quarterPlan(def, myPlans, year, quarter);
        return {
          year,
          quarter,
          plan,
          ...figureOf(metric, c, plan),
          source: rows[0]?.source ?? '',
        };
      });
      const yearFigures: YearFigure[] = years.map((year) => {
        const rows = mine.filter((i) => i.year === year).sort((a, b) => a.quarter - b.quarter);
        const reported = new Set(rows.map((r) => r.quarter)).size;
        const c = compute(metric, rows);
        const annual = myPlans.find((p) => p.year === year && p.quarter === 0)?.value ?? null;
        // Without a year's plan, the quarters' plans: added up for rates, averaged for percentages, over the
        // quarters reported (all four before any is reported).
        const upTo = reported === 0 ? [1, 2, 3, 4] : [...new Set(rows.map((r) => r.quarter))];
        const quarterPlans = upTo.map((q) => myPlans.find((p) => p.year === year && p.quarter === q)?.value ?? null);
        const fromQuarters = quarterPlans.every((v) => v !== null)
          ? def.unit === 'percent'
            ? quarterPlans.reduce((s, v) => s! + v!, 0)! / quarterPlans.length
            : quarterPlans.reduce((s, v) => s! + v!, 0)
          : null;
        const plan =
          annual === null ? fromQuarters : def.unit === 'percent' || reported === 0 ? annual : (annual * reported) / 4;
        return {
          year,
          quartersReported: reported,
          plan,
          ...figureOf(metric, c, plan),
          source: [...new Set(rows.map((r) => r.source))].join('; '),
        };
      });
      out.push({ placeId: place.id, definition: def, quarters, years: yearFigures });
    }
  }
  return out;
}
