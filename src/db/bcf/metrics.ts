// The counts behind a BCF plan's metrics (stored counts, and hospital activity with the population for the
// standardised metrics) and the plan's metric values by quarter.
import { and, inArray } from 'drizzle-orm';
import type { Db } from '../client.js';
import { recordAudit, type AuditActor } from '../core/audit.js';
import { populationRows } from '../demand/population.js';
import { ESP2013_65_PLUS } from '../../domain/bcf/esp2013.js';
import { populationLabel, espPopulation } from '../../domain/bcf/population.js';
import { financialYearStart } from '../../domain/core/dates.js';
import { InputError } from '../../domain/core/errors.js';
import { metricPlanProblem } from '../../domain/bcf/metrics.js';
import type { MetricInput, MetricPlan } from '../../domain/bcf/scorecard.js';
import type { QuarterNumber } from '../../domain/bcf/period.js';
import type { PlanData } from './plans.js';
import { bcfActivity, bcfMetricPlans } from './schema.js';

/** Set one metric plan value (a place's metric for a year and quarter), replacing what was there. */
export async function upsertMetricPlan(db: Db, m: MetricPlan): Promise<void> {
  await db
    .insert(bcfMetricPlans)
    .values(m)
    .onConflictDoUpdate({
      target: [bcfMetricPlans.placeId, bcfMetricPlans.metric, bcfMetricPlans.year, bcfMetricPlans.quarter],
      set: { value: m.value },
    });
}

/** Which measure of hospital activity feeds each standardised metric. */
export const ACTIVITY_MEASURE: Record<'falls' | 'avoidable_admissions', string> = {
  falls: 'falls_65',
  avoidable_admissions: 'acsc',
};

/**
 * Every count behind the plan's metrics: stored counts (residential admissions, discharge home) and, for the
 * standardised metrics, hospital activity by band with the place's population by band for the year (the mid-year
 * estimate, else projection, of the need and demand area). A quarter with activity but no population is left out.
 */
export async function metricInputs(db: Db, plan: PlanData): Promise<MetricInput[]> {
  const out: MetricInput[] = plan.metricCounts.map((c) => ({
    placeId: c.placeId,
    metric: c.metric,
    year: c.year,
    quarter: c.quarter,
    numerator: c.numerator,
    denominator: c.denominator,
    bands: null,
    source: c.source,
  }));
  const codes = plan.places.map((p) => p.gssCode);
  if (codes.length === 0) return out;
  const activity = await db
    .select({
      gssCode: bcfActivity.gssCode,
      measure: bcfActivity.measure,
      year: bcfActivity.year,
      quarter: bcfActivity.quarter,
      ageBand: bcfActivity.ageBand,
      admissions: bcfActivity.admissions,
      source: bcfActivity.source,
    })
    .from(bcfActivity)
    .where(and(inArray(bcfActivity.gssCode, codes), inArray(bcfActivity.year, [plan.baselineYear, ...plan.years])));
  if (activity.length === 0) return out;
  const series = await populationRows(db, codes);
  // Each place's population by band is worked out once per year (not once per quarter and metric), and the
  // activity grouped once by place, measure, year and quarter (in the order read), so the work grows with the rows.
  const populations = new Map<string, ReturnType<typeof espPopulation>>();
  const populationOf = (gssCode: string, year: string) => {
    const key = `${gssCode}|${year}`;
    if (!populations.has(key))
      populations.set(key, espPopulation(series, gssCode, Number(financialYearStart(year).slice(0, 4))));
    return populations.get(key)!;
  };
  const grouped = new Map<string, Map<string, typeof activity>>();
  for (const a of activity) {
    const outer = `${a.gssCode}|${a.measure}`;
    let quarters = grouped.get(outer);
    if (!quarters) grouped.set(outer, (quarters = new Map()));
    const key = `${a.year}|${a.quarter}`;
    const rows = quarters.get(key);
    if (rows) rows.push(a);
    else quarters.set(key, [a]);
  }
  for (const place of plan.places) {
    for (const metric of ['falls', 'avoidable_admissions'] as const) {
      const quarters =
        grouped.get(`${place.gssCode}|${ACTIVITY_MEASURE[metric]}`) ?? new Map<string, typeof activity>();
      for (const [key, rows] of quarters) {
        const [year, q] = key.split('|');
        const pop = populationOf(place.gssCode, year);
        if (!pop) continue;
        const wanted = metric === 'falls' ? ESP2013_65_PLUS.map((b) => b.band) : pop.bands.map((b) => b.band);
        const events = new Map<string, number>();
        for (const r of rows) events.set(r.ageBand, (events.get(r.ageBand) ?? 0) + r.admissions);
        const bands = wanted.flatMap((band) => {
          const p = pop.bands.find((b) => b.band === band);
          if (!p) return [];
          return [{ band, population: p.population, events: events.get(band) ?? 0 }];
        });
        out.push({
          placeId: place.id,
          metric,
          year,
          quarter: Number(q) as QuarterNumber,
          numerator: null,
          denominator: null,
          bands,
          source: `${rows[0].source}; population ${populationLabel(pop)}`,
        });
      }
    }
  }
  return out;
}

/**
 * Set metric plan values (replacing the same place, metric, year and quarter). Audited. A percentage metric is
 * planned from 0 to 100 (`metricPlanProblem`, the return import's check too).
 * @throws InputError naming each plan value out of range
 */
export async function putMetricPlans(db: Db, actor: AuditActor, planId: string, rows: MetricPlan[]): Promise<void> {
  const bad = rows.flatMap((r, i) => {
    const problem = metricPlanProblem(r.metric, r.value);
    return problem ? [{ field: `plans.${i}.value`, message: problem[0].toUpperCase() + problem.slice(1) }] : [];
  });
  if (bad.length) throw new InputError(bad);
  await db.transaction(async (tx) => {
    for (const r of rows) await upsertMetricPlan(tx, r);
    await recordAudit(tx, actor, {
      action: 'update_metric_plans',
      entity: 'bcf_plan',
      entityId: planId,
      detail: { values: rows.length },
    });
  });
}
