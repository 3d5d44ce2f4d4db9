// The BCF figures cached per data version (issue 15): each answer is computed once per change of the BCF data,
// and a write to any kind of table the figures read (the BCF tables, the population series, the borough setting,
// the contracts and risk registers) is seen by the very next request, whichever path wrote it.
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import { loadPlan } from '../../db/bcf/plans.js';
import { putBorough } from '../../db/core/settings.js';
import { dataVersion } from '../../db/core/versions.js';
import { describeWithDatabases } from '../../db/testing.js';
import { createRng } from '../../domain/core/random.js';
import { loadBcfDemo } from '../../demo/bcf.js';
import { createTestApp, signInAs, type TestClient } from '../testing.js';

/** Tables whose writes must raise the 'bcf' version besides the bcf_* tables (drizzle/0003_bcf_data_version.sql). */
const READ_BY_BCF = ['population_series', 'settings', 'contracts', 'risks', 'risk_scores', 'risk_bands'];

interface Metric {
  placeId: string;
  definition: { key: string };
  years: { year: string; plan: number | null; actual: number | null }[];
}

describeWithDatabases('bcf figures cached per data version', (ctx) => {
  let app: FastifyInstance;
  let planId: string;
  let lead: TestClient;
  const get = async (url: string) => {
    const res = await lead.get(url);
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  const exec = (q: ReturnType<typeof sql>) => ctx.db.execute(q);
  const plan = () => get(`/api/bcf/plans/${planId}`);
  const metrics = () => get(`/api/bcf/plans/${planId}/metrics`);
  const metric = (body: { metrics: Metric[] }, placeId: string, key: string) =>
    body.metrics.find((m) => m.placeId === placeId && m.definition.key === key)!;

  beforeAll(async () => {
    app = await createTestApp(ctx.database);
    await putBorough(ctx.db, { name: 'Test borough', gssCode: 'E09000099', synthetic: true });
    planId = (
      await loadBcfDemo(ctx.db, { asAt: new Date('2026-11-30T00:00:00Z'), rng: (s) => createRng(1, `bcf/${s}`) })
    ).planId;
    lead = await signInAs(app, 'bcf_lead');
  });
  afterAll(async () => app.close());

  it('raises the bcf version on a write to every bcf_* table and every other table the figures read', async () => {
    const tables = (
      await queryRows<{ name: string }>(
        ctx.db,
        sql`select tablename as name from pg_tables where schemaname = current_schema() and tablename like 'bcf\_%' order by 1`,
      )
    ).map((r) => r.name);
    expect(tables).toHaveLength(13); // every BCF table in the schema, so a new one without a trigger fails here
    for (const table of [...tables, ...READ_BY_BCF]) {
      const before = await dataVersion(ctx.db, 'bcf');
      // A statement-level trigger fires even when the statement changes no row.
      await exec(sql`delete from ${sql.identifier(table)} where false`);
      const after = await dataVersion(ctx.db, 'bcf');
      expect(after, table).not.toBeNull();
      expect(after! > before!, `${table} raises the bcf version`).toBe(true);
    }
  });

  it('shares one plan between requests and reads it again after a write', async () => {
    const first = await loadPlan(ctx.db, planId);
    expect(await loadPlan(ctx.db, planId)).toBe(first); // no write: the cached plan
    await exec(sql`update bcf_plans set name = 'Renamed joint plan' where id = ${planId}`);
    const second = await loadPlan(ctx.db, planId);
    expect(second).not.toBe(first);
    expect(second.name).toBe('Renamed joint plan');
    expect((await get('/api/bcf/plans')).plans.find((p: { id: string }) => p.id === planId).name).toBe(
      'Renamed joint plan',
    );
    expect((await plan()).name).toBe('Renamed joint plan');
  });

  it('shows a place, income, requirement, scheme, planned and actual spend as soon as each is written', async () => {
    const before = await plan();
    const place = before.places[1];
    await exec(sql`update bcf_places set name = 'Havering (renamed)' where id = ${place.id}`);
    expect((await plan()).places[1].name).toBe('Havering (renamed)');

    const income = before.income.find((i: { placeId: string }) => i.placeId === place.id);
    await exec(sql`update bcf_income set amount_pence = amount_pence + 12345
      where place_id = ${place.id} and year = ${income.year} and funding_line = ${income.fundingLine}`);
    const incomeAfter = (await plan()).income.find(
      (i: { placeId: string; year: string; fundingLine: string }) =>
        i.placeId === place.id && i.year === income.year && i.fundingLine === income.fundingLine,
    );
    expect(incomeAfter.amountPence).toBe(income.amountPence + 12345);

    const req = before.requirements.find((r: { placeId: string }) => r.placeId === place.id);
    await exec(sql`update bcf_requirements set social_care_pence = social_care_pence + 100
      where place_id = ${place.id} and year = ${req.year}`);
    expect(
      (await plan()).requirements.find(
        (r: { placeId: string; year: string }) => r.placeId === place.id && r.year === req.year,
      ).socialCarePence,
    ).toBe(req.socialCarePence + 100);

    const scheme = before.schemes[0];
    await exec(sql`update bcf_schemes set name = 'Renamed scheme' where id = ${scheme.id}`);
    expect((await plan()).schemes[0].name).toBe('Renamed scheme');

    const f = scheme.funding[0];
    await exec(sql`update bcf_scheme_funding set planned_pence = planned_pence + 500
      where scheme_id = ${scheme.id} and funding_line = ${f.fundingLine} and year = ${f.year}`);
    const fundingAfter = (await plan()).schemes[0].funding.find(
      (x: { fundingLine: string; year: string }) => x.fundingLine === f.fundingLine && x.year === f.year,
    );
    expect(fundingAfter.plannedPence).toBe(f.plannedPence + 500);
    const spent = (p: { spend: { year: string; placeId: string | null; lines: { plannedPence: number }[] }[] }) =>
      p.spend.find((s) => s.year === f.year && s.placeId === null)!.lines.reduce((sum, l) => sum + l.plannedPence, 0);
    expect(spent(await plan())).toBe(spent(before) + 500);

    // Actual spend: the home dashboard's spend to date follows.
    const dashSpend = async () =>
      (await get('/api/dashboard')).sections
        .find((x: { area: string }) => x.area === 'bcf')
        .figures.find((x: { key: string }) => x.key === 'bcfSpendToDate');
    const spend = await dashSpend();
    const year = spend.label.replace('Spend to date, ', '');
    await exec(sql`insert into bcf_scheme_actuals (scheme_id, funding_line, year, quarter, actual_pence)
      values (${scheme.id}, ${f.fundingLine}, ${year}, 4, 0)
      on conflict (scheme_id, funding_line, year, quarter) do nothing`);
    await exec(sql`update bcf_scheme_actuals set actual_pence = actual_pence + 100000
      where scheme_id = ${scheme.id} and funding_line = ${f.fundingLine} and year = ${year} and quarter = 4`);
    expect((await dashSpend()).value).toBe(spend.value + 100000);
  });

  it('gives the metrics’ new plan, counts, activity and population as soon as each is written', async () => {
    const before = await metrics();
    const place = before.places[0];
    const residential = metric(before, place.id, 'residential_admissions');
    const y = residential.years.findIndex((x) => x.plan !== null);
    const year = residential.years[y].year;
    await exec(sql`update bcf_metric_plans set value = value + 10
      where place_id = ${place.id} and metric = 'residential_admissions' and year = ${year}`);
    const planned = metric(await metrics(), place.id, 'residential_admissions').years[y].plan;
    expect(planned).not.toBe(residential.years[y].plan);

    const counted = residential.years.findIndex((x) => x.actual !== null);
    await exec(sql`update bcf_metric_counts set numerator = numerator * 2
      where place_id = ${place.id} and metric = 'residential_admissions' and year = ${residential.years[counted].year}`);
    expect(metric(await metrics(), place.id, 'residential_admissions').years[counted].actual).toBeCloseTo(
      residential.years[counted].actual! * 2,
      6,
    );

    const falls = metric(await metrics(), place.id, 'falls');
    const fy = falls.years.findIndex((x) => x.actual !== null);
    expect(fy).toBeGreaterThanOrEqual(0);
    await exec(sql`update bcf_activity set admissions = admissions * 2
      where gss_code = ${place.gssCode} and measure = 'falls_65' and year = ${falls.years[fy].year}`);
    const fallsDoubled = metric(await metrics(), place.id, 'falls').years[fy].actual!;
    expect(fallsDoubled).toBeCloseTo(falls.years[fy].actual! * 2, 6);

    // The population the standardised rate divides by: twice the people, half the rate.
    await exec(sql`update population_series set counts = array(select c * 2 from unnest(counts) c)
      where area_code = ${place.gssCode}`);
    expect(metric(await metrics(), place.id, 'falls').years[fy].actual!).toBeCloseTo(fallsDoubled / 2, 6);
  });

  it('follows the borough setting: the place Steward computes itself', async () => {
    const before = await metrics();
    expect(before.stewardPlace).toBeNull();
    const place = before.places[2];
    await putBorough(ctx.db, { name: place.name, gssCode: place.gssCode, synthetic: true });
    const after = await metrics();
    expect(after.stewardPlace.id).toBe(place.id);
    expect(after.council.gssCode).toBe(place.gssCode);
    await putBorough(ctx.db, { name: 'Test borough', gssCode: 'E09000099', synthetic: true });
  });

  it('shows the risk log’s links, risks and contracts as soon as each is written', async () => {
    const risksOf = async () => (await get(`/api/bcf/plans/${planId}/risks`)).risks as { id: string; title: string }[];
    const [risk] = await queryRows<{ id: string }>(
      ctx.db,
      sql`insert into risks (reference, title, owner, likelihood, impact)
        values ('BCF-CACHE-1', 'Winter demand above plan', 'BCF lead', 3, 4) returning id`,
    );
    expect((await risksOf()).some((r) => r.id === risk.id)).toBe(false); // in the register, not linked
    await exec(sql`insert into bcf_risk_links (plan_id, risk_id) values (${planId}, ${risk.id})`);
    expect((await risksOf()).find((r) => r.id === risk.id)?.title).toBe('Winter demand above plan');
    await exec(sql`update risks set title = 'Winter demand well above plan' where id = ${risk.id}`);
    expect((await risksOf()).find((r) => r.id === risk.id)?.title).toBe('Winter demand well above plan');
    await exec(sql`delete from bcf_risk_links where plan_id = ${planId} and risk_id = ${risk.id}`);
    expect((await risksOf()).some((r) => r.id === risk.id)).toBe(false);

    // A contract a scheme names: its title on the plan page follows the register.
    const [contract] = await queryRows<{ id: string }>(
      ctx.db,
      sql`insert into contracts (reference, title, service_area, care_group, contract_form, funding_source,
          total_value_pence, annual_value_pence, start_date, initial_end_date)
        values ('BCF-CACHE-C1', 'Reablement at home', 'reablement', 'older_people', 'block', 'bcf',
          100000000, 50000000, '2026-04-01', '2028-03-31') returning id`,
    );
    const scheme = (await plan()).schemes[1];
    await exec(sql`update bcf_schemes set contract_ids = ${`{${contract.id}}`} where id = ${scheme.id}`);
    expect((await plan()).contracts.find((c: { id: string }) => c.id === contract.id).title).toBe('Reablement at home');
    await exec(sql`update contracts set title = 'Reablement at home (varied)' where id = ${contract.id}`);
    expect((await plan()).contracts.find((c: { id: string }) => c.id === contract.id).title).toBe(
      'Reablement at home (varied)',
    );
  });
});
