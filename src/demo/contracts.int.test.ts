import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeWithDatabases } from '../db/testing.js';
import { users } from '../db/core/schema.js';
import { locations } from '../db/market/schema.js';
import { listContracts } from '../db/contracts/contracts.js';
import { listProcurements, recommissioning } from '../db/contracts/procurements.js';
import { stageProblems } from '../domain/contracts/procurement.js';
import { listKpis } from '../db/contracts/kpis.js';
import { listAssessments } from '../db/contracts/assessments.js';
import { getPlan } from '../db/contracts/deliveryPlan.js';
import { listRisks } from '../db/contracts/risks.js';
import { createRng } from '../domain/core/random.js';
import { FEATURED_HOME_NAME, FEATURED_PROVIDER_NAME } from './marketGenerator.js';
import { contractsDemoPart } from './contracts.js';
import { marketDemoPart } from './market.js';
import { demoParts, type DemoContext } from './index.js';

const AS_AT = '2026-11-23';

describeWithDatabases('contracts demo part', (ctx) => {
  beforeAll(async () => {
    const c: DemoContext = {
      seed: 3,
      asAt: new Date(`${AS_AT}T00:00:00Z`),
      rng: (s) => createRng(3, s),
      log: () => {},
      progress: () => {},
    };
    await ctx.db.transaction(async (tx) => {
      await marketDemoPart.load(tx, { ...c, rng: (s) => createRng(3, `market/${s}`) });
      await contractsDemoPart.load(tx, { ...c, rng: (s) => createRng(3, `contracts/${s}`) });
    });
  });

  it('is registered after the market part', () => {
    const names = demoParts.map((p) => p.name);
    expect(names.indexOf('contracts')).toBeGreaterThan(names.indexOf('market'));
  });

  it('has a realistic register with contracts ending soon and procurements in flight', async () => {
    const all = await listContracts(ctx.db, {}, AS_AT);
    expect(all.length).toBeGreaterThanOrEqual(60);
    expect(all.length).toBeLessThanOrEqual(100);
    expect(new Set(all.map((c) => c.serviceArea))).toEqual(
      new Set([
        'care_homes',
        'homecare',
        'supported_living',
        'extra_care',
        'reablement',
        'carers',
        'prevention',
        'advocacy',
        'equipment',
        'day_opportunities',
      ]),
    );
    expect(all.filter((c) => c.providerId !== null).length).toBe(all.length - 1); // only the in-house SLA has no provider
    const within12 = await recommissioning(ctx.db, AS_AT, 12);
    expect(within12.length).toBeGreaterThanOrEqual(8);
    const hub = within12.find((e) => e.reference === 'EB-CAR-001');
    expect(hub?.horizon).toBe(6);
    expect(hub?.flags.some((f) => f.startsWith('Procurement cannot finish before the contract ends'))).toBe(true);
    const procs = await listProcurements(ctx.db, AS_AT);
    expect(procs).toHaveLength(6);
    // Every demo plan passes the checks a commissioner's own plan must: stages in order around go-live, no actual
    // date after the demo's today.
    expect(procs.map((p) => [p.title, stageProblems(p.forecast.stages, AS_AT)])).toEqual(
      procs.map((p) => [p.title, []]),
    );
    expect(procs.filter((p) => p.forecast.cannotFinishBeforeContractEnd).map((p) => p.contractReference)).toEqual([
      'EB-CAR-001',
    ]);
  });

  it('gives the featured provider a KPI return to submit and a draft assessment to answer', async () => {
    const [featuredUser] = await ctx.db
      .select()
      .from(users)
      .where(eq(users.email, 'rosewood-care-homes-ltd@provider.demo.steward.test'));
    expect(featuredUser?.providerId).toBeTruthy();
    const own = await listKpis(ctx.db, AS_AT, { providerId: featuredUser.providerId! });
    const occupancy = own.find((k) => k.name === 'Block bed occupancy')!;
    const latest = occupancy.returns[occupancy.returns.length - 1];
    expect(latest.state === 'awaited' || latest.state === 'overdue').toBe(true);
    const assessments = await listAssessments(ctx.db, AS_AT, {
      providerId: featuredUser.providerId!,
      forProvider: true,
    });
    const open = assessments.find((a) => a.status === 'provider_challenge');
    expect(open).toMatchObject({
      locationName: FEATURED_HOME_NAME,
      providerName: FEATURED_PROVIDER_NAME,
      challengeDaysLeft: 11,
      overall: 'Good',
      providerRespondedOn: null,
    });
    const all = await listKpis(ctx.db, AS_AT);
    expect(all.reduce((n, k) => n + k.late, 0)).toBeGreaterThan(0);
    expect(all.reduce((n, k) => n + k.overdue, 0)).toBeGreaterThan(0);
  });

  it('feeds the latest published rating into the market register', async () => {
    const published = (await listAssessments(ctx.db, AS_AT)).filter((a) => a.status === 'published');
    expect(published.length).toBeGreaterThan(20);
    const latest = published.reduce(
      (m, a) => ((m.get(a.locationId)?.publishedOn ?? '') < a.publishedOn! ? m.set(a.locationId, a) : m),
      new Map<string, (typeof published)[number]>(),
    );
    for (const [locationId, a] of latest) {
      const [loc] = await ctx.db
        .select({ rating: locations.councilQualityRating })
        .from(locations)
        .where(eq(locations.id, locationId));
      expect(loc.rating).toBe(a.overall);
    }
    expect(published.some((a) => a.actionPlanState === 'overdue')).toBe(true);
  });

  it("models the delivery plan on Halton's and the risks on the BCF risk log", async () => {
    const plan = await getPlan(ctx.db);
    expect(plan?.years).toEqual(['2025/26', '2026/27', '2027/28']);
    expect(plan?.priorities.map((p) => p.title)).toEqual([
      'Universal Prevention & Wellbeing',
      'Independent at Home',
      'Socially Engaged',
      'Housing',
      'Good, Local, Affordable, Quality Care',
      'A Confident, Sufficient and Skilled Workforce',
    ]);
    const risks = await listRisks(ctx.db, AS_AT);
    const bcf1 = risks.find((r) => r.reference === 'BCF-1')!;
    expect([bcf1.score, bcf1.band.label, bcf1.history.map((h) => h.score)]).toEqual([16, 'High', [20, 16, 16]]);
    expect(risks.find((r) => r.reference === 'CON-1')?.trend).toBe('rising');
  });
});
