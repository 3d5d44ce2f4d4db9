// Faster figures, the same figures (issue 15): on the demo borough, the BCF metric inputs grouped in one pass equal
// those worked out quarter by quarter as before, the planner's year of history read in slices equals one read,
// and the home dashboard's cached parts (population, active placements, whether the hub has referrals) equal a
// fresh computation before and after writes that change them.
import type { FastifyInstance } from 'fastify';
import { and, gte, isNull, lt, or, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows, type Db } from '../../db/client.js';
import { describeWithDatabases } from '../../db/testing.js';
import { listPlans, loadPlan, type PlanData } from '../../db/bcf/plans.js';
import { ACTIVITY_MEASURE, metricInputs } from '../../db/bcf/metrics.js';
import { planScorecard } from '../../db/bcf/returns.js';
import { bcfActivity } from '../../db/bcf/schema.js';
import { getBorough } from '../../db/core/settings.js';
import { populationRows } from '../../db/demand/population.js';
import { readHistory } from '../../db/discharge/simulation.js';
import { dischargeReferrals } from '../../db/discharge/schema.js';
import { plausibleReferral } from '../../db/discharge/plausible.js';
import { loadDemo } from '../../demo/index.js';
import { ESP2013_65_PLUS } from '../../domain/bcf/esp2013.js';
import { espPopulation, populationLabel } from '../../domain/bcf/population.js';
import { scorecard, type MetricInput } from '../../domain/bcf/scorecard.js';
import type { QuarterNumber } from '../../domain/bcf/period.js';
import type { Actor } from '../../domain/core/auth.js';
import { addDays, financialYearStart, londonMidnight, londonToday } from '../../domain/core/dates.js';
import { createTestApp, signInAs, type TestClient } from '../testing.js';
import { dashboardSections } from './sections.js';

const AS_AT = new Date('2026-11-30T00:00:00Z');

/** The standardised metrics' inputs as metricInputs worked them out before (activity filtered per quarter). */
async function referenceStandardisedInputs(db: Db, plan: PlanData): Promise<MetricInput[]> {
  const codes = plan.places.map((p) => p.gssCode);
  const activity = await db.select().from(bcfActivity);
  const mineOfPlan = activity.filter(
    (a) => codes.includes(a.gssCode) && [plan.baselineYear, ...plan.years].includes(a.year),
  );
  const series = await populationRows(db, codes);
  const out: MetricInput[] = [];
  for (const place of plan.places)
    for (const metric of ['falls', 'avoidable_admissions'] as const) {
      const mine = mineOfPlan.filter((a) => a.gssCode === place.gssCode && a.measure === ACTIVITY_MEASURE[metric]);
      for (const key of new Set(mine.map((a) => `${a.year}|${a.quarter}`))) {
        const [year, q] = key.split('|');
        const pop = espPopulation(series, place.gssCode, Number(financialYearStart(year).slice(0, 4)));
        if (!pop) continue;
        const wanted = metric === 'falls' ? ESP2013_65_PLUS.map((b) => b.band) : pop.bands.map((b) => b.band);
        const rows = mine.filter((a) => a.year === year && a.quarter === Number(q));
        out.push({
          placeId: place.id,
          metric,
          year,
          quarter: Number(q) as QuarterNumber,
          numerator: null,
          denominator: null,
          bands: wanted.flatMap((band) => {
            const p = pop.bands.find((b) => b.band === band);
            if (!p) return [];
            const events = rows.filter((r) => r.ageBand === band).reduce((s, r) => s + r.admissions, 0);
            return [{ band, population: p.population, events }];
          }),
          source: `${rows[0].source}; population ${populationLabel(pop)}`,
        });
      }
    }
  return out;
}

const key = (i: MetricInput) => `${i.placeId}|${i.metric}|${i.year}|${i.quarter}`;
const byKey = (xs: MetricInput[]) => [...xs].sort((a, b) => key(a).localeCompare(key(b)));

describeWithDatabases('faster figures, same figures', (ctx) => {
  let app: FastifyInstance;
  let commissioner: TestClient;
  beforeAll(async () => {
    await loadDemo(ctx.db, { seed: 1, asAt: AS_AT });
    app = await createTestApp(ctx.database);
    commissioner = await signInAs(app, 'commissioner');
  }, 300_000);
  afterAll(async () => app?.close());

  it('gives every plan the same BCF metric inputs and scorecard as the quarter-by-quarter computation', async () => {
    const plans = await listPlans(ctx.db);
    expect(plans.length).toBeGreaterThan(0);
    let standardised = 0;
    for (const { id } of plans) {
      const plan = await loadPlan(ctx.db, id);
      const inputs = await metricInputs(ctx.db, plan);
      const reference = await referenceStandardisedInputs(ctx.db, plan);
      standardised += reference.length;
      expect(byKey(inputs.filter((i) => i.bands !== null))).toEqual(byKey(reference));
      expect(inputs.filter((i) => i.bands === null)).toHaveLength(plan.metricCounts.length);
      const years = [plan.baselineYear, ...plan.years];
      const stored = inputs.filter((i) => i.bands === null);
      expect(await planScorecard(ctx.db, plan)).toEqual(
        scorecard(plan.places, years, [...stored, ...reference], plan.metricPlans),
      );
    }
    expect(standardised).toBeGreaterThan(0); // the demo has hospital activity: the comparison is not empty
  });

  it('counts the dashboard’s BCF metrics off plan as the whole plan’s scorecard does', async () => {
    const plan = await loadPlan(ctx.db, (await listPlans(ctx.db))[0].id);
    const dash = (await commissioner.get('/api/dashboard')).json();
    const figures = dash.sections.find((s: { area: string }) => s.area === 'bcf').figures;
    const offPlan = figures.find((f: { key: string }) => f.key === 'bcfMetricsOffPlan');
    const year = offPlan.label.replace('Metrics off plan, ', '');
    expect(plan.years).toContain(year);
    const ofYear = (await planScorecard(ctx.db, plan))
      .map((m) => m.years.find((y) => y.year === year))
      .filter((y) => y && y.rag !== null);
    expect(offPlan.value).toBe(ofYear.filter((y) => y!.rag === 'red').length);
    expect(offPlan.hint).toBe(`of ${ofYear.length} place-metrics with a plan and figures`);
    expect(ofYear.length).toBeGreaterThan(0);
  });

  it('reads the planner’s year of history in slices with the same referrals as one query', async () => {
    const [latest] = await queryRows<{ day: string }>(
      ctx.db,
      sql`select to_char(max(medically_optimised_at) at time zone 'Europe/London', 'YYYY-MM-DD') as day from discharge_referrals`,
    );
    const to = addDays(latest.day, 1);
    const from = addDays(to, -365);
    const whole = await readHistory(ctx.db, from, to, 1_000_000_000);
    const sliced = await readHistory(ctx.db, from, to, 50);
    expect(whole.referrals.length).toBeGreaterThan(200); // several slices of 50
    expect(sliced).toEqual(whole);
    expect(await readHistory(ctx.db, from, to)).toEqual(whole);
    // The same referrals as the single query read before (which gave them in no set order).
    const r = dischargeReferrals;
    const one = await ctx.db
      .select({ pathway: r.pathway, readyAt: r.medicallyOptimisedAt, nextPathway: r.nextPathway })
      .from(r)
      .where(
        and(
          or(
            eq(r.pathway, 2),
            and(eq(r.pathway, 1), eq(r.serviceNeed, 'reablement')),
            and(eq(r.pathway, 3), eq(r.serviceNeed, 'd2a_bed')),
          ),
          isNull(r.cancelledAt),
          plausibleReferral(),
          gte(r.medicallyOptimisedAt, londonMidnight(from)),
          lt(r.medicallyOptimisedAt, londonMidnight(to)),
        ),
      );
    const norm = (xs: { pathway: number; readyAt: string | Date; nextPathway: number | null }[]) =>
      xs
        .map((x) => `${x.pathway}|${new Date(x.readyAt).toISOString()}|${x.nextPathway}`)
        .sort((a, b) => a.localeCompare(b));
    expect(norm(sliced.referrals)).toEqual(norm(one));
  });

  /** The dashboard's sections as a fresh computation gives them: a transaction handle has caches of its own. */
  async function recomputed(client: TestClient) {
    const actor: Actor = { userId: client.user.id, role: client.user.role, providerId: null };
    return ctx.db.transaction(async (tx) => {
      const sections = await Promise.all(dashboardSections.map((s) => s(tx as unknown as Db, actor)));
      return sections.filter((s) => s !== null && s.figures.length > 0);
    });
  }
  const figure = (body: { sections: { figures: { key: string; value: number | null }[] }[] }, k: string) =>
    body.sections.flatMap((s) => s.figures).find((f) => f.key === k)?.value;

  it('serves the home dashboard’s cached figures equal to a fresh computation, before and after writes', async () => {
    const first = (await commissioner.get('/api/dashboard')).json();
    expect(first.sections).toEqual(await recomputed(commissioner));
    expect(first.borough.population).toBeGreaterThan(0);
    const again = (await commissioner.get('/api/dashboard')).json();
    expect(again).toEqual(first);

    // A new active placement: the market version rises, the count follows at once.
    const [home] = await queryRows<{ id: string }>(
      ctx.db,
      sql`select id from locations where in_borough and deregistered_at is null order by name limit 1`,
    );
    await ctx.db
      .execute(sql`insert into placements (person_ref, location_id, service_type, band, start_date, weekly_price_pence, funding, purpose)
      values ('PERF15-1', ${home.id}, 'care_home_residential', 'standard_residential', ${addDays(londonToday(), -1)}, 90000, 'council', 'long_term')`);
    const afterPlacement = (await commissioner.get('/api/dashboard')).json();
    expect(figure(afterPlacement, 'placements')).toBe(Number(figure(first, 'placements')) + 1);
    expect(afterPlacement.sections).toEqual(await recomputed(commissioner));

    // The borough's population doubled: the demand version rises, the dashboard shows the new figure.
    const borough = await getBorough(ctx.db);
    await ctx.db.execute(
      sql`update population_series set counts = (select array_agg(c * 2 order by o) from unnest(counts) with ordinality as u(c, o)) where area_code = ${borough!.gssCode}`,
    );
    const afterPopulation = (await commissioner.get('/api/dashboard')).json();
    expect(afterPopulation.borough.population).toBe(first.borough.population * 2);
  });
});
