// The Better Care Fund part of the demo: the Barking & Dagenham, Havering and Redbridge joint plan (seed 001,
// "Joint Better Care Fund Plan 2023-25"), moved to the demo's calendar: the plan covers the demo's current
// financial year and the next, and the seed's 2022/23 outturn is the baseline year before it. Calibrated on the
// seed: permanent admissions 65+ per 100,000 in the baseline year are the seed's (B&D 789.6, Havering 557.2,
// Redbridge 460.9) and Havering's plan is 550.1; the Home Settle and Support capacity and referrals per month are
// the seed's (B&D 34/42, Havering 82/147, Redbridge 27/52); the HICM grid is the seed's; Havering's MSIF is
// £2.355m as the seed says. Other money, populations and hospital activity are synthetic but of the right size.
// The plan is built in bcfJointPlan.ts; its hospital activity, HICM assessments and links to the contracts part
// are in bcfActivity.ts, bcfHicm.ts and bcfLinks.ts. This module loads them in order, with the population.
import type { Db } from '../db/client.js';
import { replacePopulation, upsertAreas, type FigureColumns } from '../db/demand/population.js';
import { dischargeSimulationScenarios } from '../db/discharge/simulationSchema.js';
import { prefillFromHub, writeDemandCapacity } from '../db/bcf/demandCapacity.js';
import { insertAssessments } from '../db/bcf/hicm.js';
import { createPlan, loadPlan } from '../db/bcf/plans.js';
import { financialYearOf, financialYearStart } from '../domain/core/dates.js';
import type { Rng } from '../domain/core/random.js';
import { ESP2013 } from '../domain/bcf/esp2013.js';
import { monthsOfYear, nextFinancialYear, quarterEndDate, quartersOf } from '../domain/bcf/period.js';
import { boroughScenario } from '../domain/discharge/simulation/examples.js';
import type { DemoPart } from './part.js';
import { loadHospitalActivity } from './bcfActivity.js';
import { hicmAssessments } from './bcfHicm.js';
import { buildJointPlan } from './bcfJointPlan.js';
import { linkRegister } from './bcfLinks.js';
import { DEMO_BCF_PLACES, demoBands } from './bcfPlaces.js';

export { DEMO_RISK_LINKS, DEMO_SCHEME_CONTRACTS } from './bcfLinks.js';

const ACTOR = { system: 'demo' };

/**
 * The three places' synthetic population by ESP2013 band, mid-year of each of `allYears` (the first mid-year is
 * `firstMidYear`): estimates up to last year, projections after, in the need and demand area.
 */
async function loadBcfPopulation(db: Db, today: string, allYears: readonly string[], firstMidYear: number) {
  await upsertAreas(
    db,
    DEMO_BCF_PLACES.map((p) => ({ code: p.gssCode, name: p.name, areaType: 'local_authority', synthetic: true })),
  );
  for (const kind of ['estimate', 'projection'] as const) {
    const cols: { [K in keyof Omit<FigureColumns, 'kind' | 'source' | 'vintage'>]: unknown[] } = {
      areaCode: [],
      year: [],
      sex: [],
      ageFrom: [],
      ageTo: [],
      count: [],
    };
    allYears.forEach((_y, k) => {
      const year = firstMidYear + k;
      const isEstimate = year <= Number(today.slice(0, 4)) - 1;
      if ((kind === 'estimate') !== isEstimate) return;
      for (const p of DEMO_BCF_PLACES)
        demoBands(p, k).forEach((count, i) => {
          cols.areaCode.push(p.gssCode);
          cols.year.push(year);
          cols.sex.push('persons');
          cols.ageFrom.push(ESP2013[i].ageFrom);
          cols.ageTo.push(ESP2013[i].ageTo);
          cols.count.push(count);
        });
    });
    if (cols.count.length === 0) continue;
    await replacePopulation(db, {
      kind,
      source: 'Synthetic demo data for the BCF places, 65+ calibrated on seed 001 (not real ONS figures)',
      vintage: kind === 'estimate' ? 'mid-year (synthetic, BCF places)' : 'projection (synthetic, BCF places)',
      ...(cols as unknown as Omit<FigureColumns, 'kind' | 'source' | 'vintage'>),
    });
  }
}

/**
 * Load the joint plan (after the contracts part, whose contracts and risks it links to) on the demo's calendar:
 * the population, the plan with its money, schemes, metrics and hospital activity, a capacity planner scenario,
 * demand and capacity for the next plan year and the HICM assessments. Returns the plan's id.
 */
export async function loadBcfDemo(db: Db, ctx: { asAt: Date; rng: (s: string) => Rng }): Promise<{ planId: string }> {
  const today = ctx.asAt.toISOString().slice(0, 10);
  const current = financialYearOf(today);
  const years = [current, nextFinancialYear(current)];
  const baseline = financialYearOf(`${Number(financialYearStart(current).slice(0, 4)) - 1}-06-01`);
  const allYears = [baseline, ...years];
  const firstMidYear = Number(financialYearStart(baseline).slice(0, 4));
  const rng = ctx.rng('bcf');

  await loadBcfPopulation(db, today, allYears, firstMidYear);
  const completeQuarters = quartersOf(allYears).filter((q) => quarterEndDate(q) <= today);
  const created = await createPlan(db, ACTOR, buildJointPlan({ years, baseline, allYears, completeQuarters }, rng));
  const saved = await loadPlan(db, created.id);
  // Hospital activity (falls 65+ and chronic ACSC) by age band for each complete quarter, and their plans.
  await loadHospitalActivity(db, created.placeIds, allYears, completeQuarters, rng);

  // A capacity planner scenario for the intermediate care services (the seed's 57 rehab beds, 61 in winter).
  const scenario = boroughScenario({
    name: 'BHR intermediate care (BCF plan)',
    startDate: financialYearStart(years[1]),
  });
  const [sc] = await db
    .insert(dischargeSimulationScenarios)
    .values({
      name: scenario.name,
      description: 'Pathway 1 reablement, pathway 2 step-down beds and pathway 3 D2A beds planned in the BCF plan',
      scenario,
    })
    .returning({ id: dischargeSimulationScenarios.id });

  // Demand and capacity for the next plan year: prefilled from the hub and the scenario, with the welfare
  // service (Home Settle and Support) entered from the seed's figures, grown for the plan year.
  await prefillFromHub(db, ACTOR, saved, years[1], { scenarioId: sc.id, growth: 0.03 });
  const welfare = DEMO_BCF_PLACES.flatMap((p) =>
    [years[0], years[1]].flatMap((y, k) =>
      monthsOfYear(y).map((month, m) => ({
        placeId: created.placeIds[p.key],
        service: 'welfare' as const,
        month,
        demand: Math.round(p.hss.referrals * (1 + 0.03 * (k + 1)) * (m >= 8 ? 1.08 : 1)),
        capacity: Math.round(p.hss.capacity * (k === 0 ? 1.1 : 1.3)),
        demandSource: 'HSS referrals, grown 3% a year (seed 001)',
        capacitySource: 'HSS contract capacity (seed 001, increased)',
      })),
    ),
  );
  await writeDemandCapacity(db, ACTOR, saved, welfare, 'demo_demand_capacity');

  // HICM: the seed's grid as the latest assessment, a year-earlier one showing progress, and planned next levels.
  await insertAssessments(db, hicmAssessments(today, created.placeIds));
  await linkRegister(db, created.id, created.schemeIds);
  return { planId: created.id };
}

/** The BCF part: the joint plan of seed 001 (after the contracts part, whose contracts and risks it links). */
export const bcfDemoPart: DemoPart = {
  name: 'bcf',
  description: 'the Better Care Fund joint plan for Barking & Dagenham, Havering and Redbridge (seed 001)',
  async load(db, ctx) {
    await loadBcfDemo(db, ctx);
  },
};
