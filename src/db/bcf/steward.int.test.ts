import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { queryRows } from '../client.js';
import { describeWithDatabases } from '../testing.js';
import { putBorough } from '../core/settings.js';
import { replacePopulation, upsertAreas } from '../demand/population.js';
import { ESP2013 } from '../../domain/bcf/esp2013.js';
import { residentialAdmissionsRate, round } from '../../domain/bcf/metrics.js';
import { createPlan, loadPlan } from './plans.js';
import { computeStewardCounts, refreshStewardCounts } from './steward.js';
import { planScorecard } from './returns.js';

const GSS = 'E09000099';

describeWithDatabases('bcf counts from Steward’s own records', (ctx) => {
  let planId: string;
  beforeAll(async () => {
    const db = ctx.db;
    await putBorough(db, { name: 'Test borough', gssCode: GSS, synthetic: true });
    await upsertAreas(db, [{ code: GSS, name: 'Test borough', synthetic: true }]);
    // 65+ bands: 6,000 + 5,000 + 4,000 + 2,500 + 1,500 + 1,000 = 20,000 people aged 65+ in mid-2026.
    const counts = ESP2013.map((b) =>
      b.ageFrom >= 65 ? [6000, 5000, 4000, 2500, 1500, 1000][(b.ageFrom - 65) / 5] : 10_000,
    );
    // The same people in mid-2025, the baseline year's (2025/26) population.
    const both = <T>(f: (b: (typeof ESP2013)[number], i: number) => T) => [...ESP2013.map(f), ...ESP2013.map(f)];
    await replacePopulation(db, {
      kind: 'estimate',
      source: 'test',
      vintage: 'test',
      areaCode: both(() => GSS),
      year: [...ESP2013.map(() => 2025), ...ESP2013.map(() => 2026)],
      sex: both(() => 'persons' as const),
      ageFrom: both((b) => b.ageFrom),
      ageTo: both((b) => b.ageTo),
      count: both((_b, i) => counts[i]),
    });
    const [prov] = await queryRows<{ id: string }>(
      db,
      sql`insert into providers (name) values ('Test care') returning id`,
    );
    const [loc] = await queryRows<{ id: string }>(
      db,
      sql`insert into locations (provider_id, name) values (${prov.id}, 'Test home') returning id`,
    );
    const placement = (start: string, over: Partial<Record<'service' | 'band' | 'funding' | 'purpose', string>> = {}) =>
      db.execute(sql`insert into placements (person_ref, location_id, service_type, band, start_date, weekly_price_pence, funding, purpose)
        values (${`P${Math.random()}`}, ${loc.id}, ${over.service ?? 'care_home_residential'}, ${over.band ?? 'standard'}, ${start}, 80000,
                ${over.funding ?? 'council'}, ${over.purpose ?? 'long_term'})`);
    // Baseline year 2025/26, Q4 (January–March 2026): one.
    await placement('2026-02-15');
    // Q1 2026/27 (April–June): three that count, and one of each kind that does not.
    await placement('2026-04-03');
    await placement('2026-05-20', { service: 'care_home_nursing', funding: 'joint' });
    await placement('2026-06-30');
    await placement('2026-04-10', { band: 'individual' }); // LD/MH: not an older person's placement
    await placement('2026-04-11', { funding: 'self_funded' });
    await placement('2026-04-12', { service: 'homecare' });
    await placement('2026-04-13', { purpose: 'd2a' });
    // Q2: two; Q3 is not complete on 30 November.
    await placement('2026-07-01');
    await placement('2026-09-30');
    await placement('2026-10-02');
    const referral = (dischargedAt: string, destination: string) =>
      db.execute(sql`insert into discharge_referrals (person_ref, age_band, postcode_district, hospital, ward, pathway, service_need, funding_route,
          medically_optimised_at, discharged_at, destination)
        values (${`R${Math.random()}`}, '80-84', 'EB1', 'Test', 'W1', 1, 'reablement', 'council', ${dischargedAt}::timestamptz - interval '2 days', ${dischargedAt}, ${destination})`);
    for (const d of ['usual_residence', 'usual_residence', 'usual_residence', 'care_home', 'died'])
      await referral('2026-05-10T10:00:00Z', d);
    // Discharged at 23:30 UTC on 30 June = 00:30 on 1 July in London (BST): Q2.
    await referral('2026-06-30T23:30:00Z', 'usual_residence');
    const plan = await createPlan(
      db,
      { system: 'test' },
      {
        name: 'Test plan',
        years: ['2026/27'],
        baselineYear: '2025/26',
        places: [{ key: 'b', name: 'Test borough', gssCode: GSS }],
        income: [],
        requirements: [],
        schemes: [],
        metricPlans: [{ place: 'b', metric: 'residential_admissions', year: '2026/27', quarter: 0, value: 40 }],
        metricCounts: [],
      },
    );
    planId = plan.id;
  });

  it('counts permanent admissions 65+ from placements and discharges home from the hub, by complete quarter', async () => {
    const plan = await loadPlan(ctx.db, planId);
    const counts = await computeStewardCounts(ctx.db, plan, '2026-11-30');
    const get = (metric: string, quarter: number, year = '2026/27') =>
      counts.find((c) => c.metric === metric && c.quarter === quarter && c.year === year);
    // The baseline year too, so the metrics page compares the plan with the year before it.
    expect(get('residential_admissions', 4, '2025/26')).toMatchObject({ numerator: 1, denominator: 20_000 });
    expect(get('residential_admissions', 1, '2025/26')).toMatchObject({ numerator: 0 });
    expect(get('residential_admissions', 1)).toMatchObject({ numerator: 3, denominator: 20_000 });
    expect(get('residential_admissions', 2)).toMatchObject({ numerator: 2, denominator: 20_000 });
    expect(get('residential_admissions', 3)).toBeUndefined();
    expect(get('discharge_home', 1)).toMatchObject({ numerator: 3, denominator: 4 }); // the death left out
    expect(get('discharge_home', 2)).toMatchObject({ numerator: 1, denominator: 1 });
  });

  it('stores them and the scorecard reads them: 5 ÷ 20,000 × 100,000 = 25.0 for the half year', async () => {
    const plan = await loadPlan(ctx.db, planId);
    await refreshStewardCounts(ctx.db, { system: 'test' }, plan, '2026-11-30');
    const card = await planScorecard(ctx.db, await loadPlan(ctx.db, planId));
    const res = card.find((m) => m.definition.key === 'residential_admissions')!;
    const year = res.years.find((y) => y.year === '2026/27')!;
    expect(round(year.actual!)).toBe(round(residentialAdmissionsRate(5, 20_000)));
    expect(round(year.actual!)).toBe(25);
    expect(year.plan).toBe(20); // 40 a year, two quarters reported
    expect(year.rag).toBe('red');
    expect(year.source).toContain('Steward placements');
  });
});
