// The demo borough's default BCF plan is its own (issue 13, review finding 26): the demo opened every BCF page and
// the home dashboard's BCF cards on the joint plan of three real boroughs although the borough's own plan exists.
import { beforeAll, expect, it } from 'vitest';
import { createPlan, listPlans } from '../db/bcf/plans.js';
import { putBorough } from '../db/core/settings.js';
import { describeWithDatabases } from '../db/testing.js';
import { createRng } from '../domain/core/random.js';
import { bcfSection } from '../server/bcf/section.js';
import { loadBcfDemo } from './bcf.js';

describeWithDatabases('demo BCF: the default plan is the borough’s own', (ctx) => {
  let jointId: string;
  let ownId: string;
  beforeAll(async () => {
    await putBorough(ctx.db, { name: 'Eastbrook (demo borough)', gssCode: 'E06009901', synthetic: true });
    const demo = { asAt: new Date('2026-11-30T00:00:00Z'), rng: (s: string) => createRng(1, `bcf/${s}`) };
    // The joint plan is made first (the older), as the demo does.
    jointId = (await loadBcfDemo(ctx.db, demo)).planId;
    // The borough's own plan, made after it (as the demo's later part does), here without figures.
    ownId = (
      await createPlan(
        ctx.db,
        { system: 'test' },
        {
          name: 'Eastbrook Better Care Fund Plan 2026/27 to 2027/28',
          years: ['2026/27', '2027/28'],
          baselineYear: '2025/26',
          places: [{ key: 'eb', name: 'Eastbrook (demo borough)', gssCode: 'E06009901' }],
          income: [],
          requirements: [],
          schemes: [],
          metricPlans: [],
          metricCounts: [],
        },
      )
    ).id;
  });

  it('lists the borough’s own plan first, then the joint plan (demo data from a published template)', async () => {
    const plans = await listPlans(ctx.db);
    expect(plans.map((p) => p.id)).toEqual([ownId, jointId]);
    expect(plans[0].name).toMatch(/^Eastbrook Better Care Fund Plan /);
    expect(plans[1].places).toEqual(['Barking and Dagenham', 'Havering', 'Redbridge']);
  });

  it('points the home dashboard’s BCF cards at the default plan', async () => {
    const section = await bcfSection(ctx.db, { userId: 'x', role: 'bcf_lead', providerId: null });
    expect(section).not.toBeNull();
    for (const f of section!.figures) expect(f.href).toContain(`plan=${ownId}`);
  });
});
