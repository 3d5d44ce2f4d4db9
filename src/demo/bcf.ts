// The Better Care Fund part of the demo: the Barking & Dagenham, Havering and Redbridge joint plan (seed 001,
// "Joint Better Care Fund Plan 2023-25"), moved to the demo's calendar: the plan covers the demo's current
// financial year and the next, and the seed's 2022/23 outturn is the baseline year before it. Calibrated on the
// seed: permanent admissions 65+ per 100,000 in the baseline year are the seed's (B&D 789.6, Havering 557.2,
// Redbridge 460.9) and Havering's plan is 550.1; the Home Settle and Support capacity and referrals per month are
// the seed's (B&D 34/42, Havering 82/147, Redbridge 27/52); the HICM grid is the seed's; Havering's MSIF is
// £2.355m as the seed says. Other money, populations and hospital activity are synthetic but of the right size.
import type { Db } from '../db/client.js';
import { replacePopulation, upsertAreas, type FigureColumns } from '../db/demand/population.js';
import { dischargeSimulationScenarios } from '../db/discharge/simulationSchema.js';
import { prefillFromHub, writeDemandCapacity } from '../db/bcf/demandCapacity.js';
import { insertAssessments } from '../db/bcf/hicm.js';
import { createPlan, loadPlan, type NewPlan } from '../db/bcf/plans.js';
import { bcfActivity, bcfMetricPlans, bcfRiskLinks, bcfSchemes } from '../db/bcf/schema.js';
import { contracts, risks } from '../db/contracts/schema.js';
import { eq, inArray } from 'drizzle-orm';
import { financialYearOf, financialYearStart } from '../domain/core/dates.js';
import type { Rng } from '../domain/core/random.js';
import { ESP2013 } from '../domain/bcf/esp2013.js';
import type { HicmAssessment, MaturityLevel } from '../domain/bcf/hicm.js';
import type { MetricKey } from '../domain/bcf/metrics.js';
import { monthsOfYear, nextFinancialYear, quarterEndDate, quartersOf } from '../domain/bcf/period.js';
import type { FundingLine } from '../domain/bcf/plan.js';
import { boroughScenario } from '../domain/discharge/simulation/examples.js';
import type { DemoPart } from './part.js';
import { DEMO_BCF_PLACES, demoBands, splitWhole } from './bcfPlaces.js';
import { addCommunityHealth, schemesFor } from './bcfSchemes.js';

const ACTOR = { system: 'demo' };

/** Falls admissions a person a year by 65+ band (England-like: DSR about 1,800 per 100,000). */
const FALLS_RATES = [0.006, 0.009, 0.015, 0.028, 0.048, 0.075];
/** Chronic ACSC emergency admissions a person a year by age (rising with age). */
const acscRate = (ageFrom: number) => 0.0009 * Math.exp(0.043 * (ageFrom + 2));

const pounds = (n: number) => Math.round(n * 100);

/** Quarterly share of a year (Q3–Q4 winter slightly heavier). */
const QUARTER_SHAPE = [0.24, 0.24, 0.26, 0.26];

export async function loadBcfDemo(db: Db, ctx: { asAt: Date; rng: (s: string) => Rng }): Promise<{ planId: string }> {
  const today = ctx.asAt.toISOString().slice(0, 10);
  const current = financialYearOf(today);
  const years = [current, nextFinancialYear(current)];
  const baseline = financialYearOf(`${Number(financialYearStart(current).slice(0, 4)) - 1}-06-01`);
  const allYears = [baseline, ...years];
  const firstMidYear = Number(financialYearStart(baseline).slice(0, 4));
  const rng = ctx.rng('bcf');

  // Population of the three places, mid-year of each year, in the need and demand area (synthetic).
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

  const completeQuarters = quartersOf(allYears).filter((q) => quarterEndDate(q) <= today);
  const plan: NewPlan = {
    name: `Barking & Dagenham, Havering and Redbridge Joint Better Care Fund Plan ${years[0]} to ${years[1]}`,
    years,
    baselineYear: baseline,
    narrative: {
      overview:
        'Barking & Dagenham, Havering and Redbridge are adjacent outer north east London places sharing one acute trust (BHRUT) and one community and mental health trust (NELFT). The plan funds the Integrated Discharge Hub, Home First and reablement, D2A beds, falls prevention, carers and the Disabled Facilities Grant, and protects adult social care.',
      metrics:
        'Havering kept permanent admissions below plan (557.2 per 100,000 in the baseline year) and plans the same number of admissions, 550.1 per 100,000 against a growing population. Barking and Dagenham missed its plan (789.6) as acuity after Covid increased residential care; Redbridge beat its plan (460.9).',
      demand_capacity:
        'Home Settle and Support had capacity for 34 Barking and Dagenham referrals a month against 42 received; Havering 82 against 147; Redbridge 27 against 52. Capacity is being increased for the plan years.',
      hicm: 'Each place reviewed all nine changes at the Discharge Improvement Working Group.',
      dfg: 'Adaptations are designed for current and anticipated needs; discretionary grants top up the mandatory DFG.',
      discharge_fund:
        'The ASC Discharge Fund pays for reablement, short-term placements and the Home Settle and Support service.',
    },
    places: DEMO_BCF_PLACES.map((p) => ({ key: p.key, name: p.name, gssCode: p.gssCode })),
    income: [],
    requirements: [],
    schemes: [],
    metricPlans: [],
    metricCounts: [],
  };
  for (const p of DEMO_BCF_PLACES) {
    const specs = schemesFor(p.key);
    addCommunityHealth(specs);
    years.forEach((year, k) => {
      const uplift = 1 + 0.057 * k; // the minimum contribution's uplift for the second year
      for (const [line, amount] of Object.entries(p.income) as [FundingLine, number][]) {
        const total = pounds(amount * (line === 'minimum_nhs' ? uplift : 1 + 0.02 * k));
        plan.income.push({ place: p.key, year, fundingLine: line, amountPence: total });
      }
      const nhs = pounds(p.income.minimum_nhs! * uplift);
      plan.requirements.push({
        place: p.key,
        year,
        socialCarePence: Math.round(nhs * 0.4),
        outOfHospitalPence: Math.round(nhs * 0.3),
      });
    });
    for (const spec of specs) {
      const funding: NewPlan['schemes'][number]['funding'] = [];
      const actuals: NewPlan['schemes'][number]['actuals'] = [];
      for (const year of years) {
        for (const [line, share] of Object.entries(spec.lines) as [FundingLine, number][]) {
          const income = plan.income.find((i) => i.place === p.key && i.year === year && i.fundingLine === line);
          if (!income || !share) continue;
          // Redbridge has £250,000 of next year's iBCF not yet allocated to a scheme: the balance check flags it.
          const held =
            p.key === 'red' && line === 'ibcf' && year === years[1] && spec.ref.endsWith('-08') ? 250_000_00 : 0;
          const others = specs.filter((s) => (s.lines[line] ?? 0) > 0);
          const isLast = others[others.length - 1] === spec;
          const before = others
            .slice(0, others.indexOf(spec))
            .reduce(
              (s, o) =>
                s + Math.round(income.amountPence * (o.lines[line]! / others.reduce((a, x) => a + x.lines[line]!, 0))),
              0,
            );
          const mine = isLast
            ? income.amountPence - before
            : Math.round(income.amountPence * (share / others.reduce((a, x) => a + x.lines[line]!, 0)));
          const plannedPence = mine - held;
          funding.push({ fundingLine: line, year, plannedPence });
          for (const q of completeQuarters.filter((x) => x.year === year)) {
            const actualPence = Math.round(plannedPence * QUARTER_SHAPE[q.quarter - 1] * rng.uniform(0.9, 1.06));
            const outputs =
              spec.plannedOutputs === null
                ? null
                : Math.round(spec.plannedOutputs * QUARTER_SHAPE[q.quarter - 1] * rng.uniform(0.85, 1.1));
            actuals.push({
              fundingLine: line,
              year,
              quarter: q.quarter,
              actualPence,
              outputs: line === Object.keys(spec.lines)[0] ? outputs : null,
            });
          }
        }
      }
      const { lines: _lines, ...fields } = spec;
      plan.schemes.push({ ...fields, place: p.key, contractIds: [], funding, actuals });
    }

    // Metric plans: residential admissions a year; discharge home by quarter; falls a year; ACSC by quarter.
    const addPlan = (metric: MetricKey, year: string, quarter: 0 | 1 | 2 | 3 | 4, value: number) =>
      plan.metricPlans.push({ place: p.key, metric, year, quarter, value });
    addPlan('residential_admissions', baseline, 0, p.baselinePlan);
    years.forEach((y, k) => addPlan('residential_admissions', y, 0, p.admissionsPlans[k]));
    for (const [k, y] of allYears.entries()) {
      for (const q of [1, 2, 3, 4] as const)
        addPlan('discharge_home', y, q, Math.round((p.homeShare * 100 - 0.4 + 0.3 * k) * 10) / 10);
    }

    // Counts: residential admissions (baseline quarters add up to the seed's year) and discharges home.
    const baselineSplit = splitWhole(p.baselineAdmissions, QUARTER_SHAPE);
    for (const q of completeQuarters) {
      const k = allYears.indexOf(q.year);
      const pop65 = demoBands(p, k)
        .slice(13)
        .reduce((s, n) => s + n, 0);
      const admissions =
        q.year === baseline
          ? baselineSplit[q.quarter - 1]
          : Math.max(
              0,
              Math.round(
                ((p.admissionsPlans[k - 1] * pop65) / 1e5) * QUARTER_SHAPE[q.quarter - 1] * rng.uniform(0.92, 1.1),
              ),
            );
      plan.metricCounts.push({
        place: p.key,
        metric: 'residential_admissions',
        year: q.year,
        quarter: q.quarter,
        numerator: admissions,
        denominator: pop65,
        source: 'Council placements return (demo)',
      });
      const discharged = Math.round(p.discharges * rng.uniform(0.93, 1.08));
      plan.metricCounts.push({
        place: p.key,
        metric: 'discharge_home',
        year: q.year,
        quarter: q.quarter,
        numerator: Math.round(discharged * Math.min(0.99, p.homeShare + rng.normal(0, 0.006))),
        denominator: discharged,
        source: 'Acute discharges, SUS extract (demo)',
      });
    }
  }
  const created = await createPlan(db, ACTOR, plan);

  // Hospital activity (falls 65+ and chronic ACSC) by age band for each complete quarter, and their plans.
  const activity: (typeof bcfActivity.$inferInsert)[] = [];
  const saved = await loadPlan(db, created.id);
  const metricPlans: { placeId: string; metric: string; year: string; quarter: number; value: number }[] = [];
  for (const p of DEMO_BCF_PLACES) {
    const placeId = created.placeIds[p.key];
    const fallsLevel = p.key === 'hav' ? 1.05 : p.key === 'bd' ? 0.93 : 0.97;
    const acscLevel = p.key === 'bd' ? 1.25 : p.key === 'hav' ? 1.0 : 0.92;
    for (const q of completeQuarters) {
      const bands = demoBands(p, allYears.indexOf(q.year));
      const improvement = q.year === baseline ? 1 : 0.98;
      ESP2013.forEach((b, i) => {
        activity.push({
          gssCode: p.gssCode,
          measure: 'acsc',
          year: q.year,
          quarter: q.quarter,
          ageBand: b.band,
          admissions: rng.poisson((bands[i] * acscRate(b.ageFrom) * acscLevel * improvement) / 4),
          source: 'hospital activity (demo, synthetic SUS extract)',
        });
        if (b.ageFrom >= 65)
          activity.push({
            gssCode: p.gssCode,
            measure: 'falls_65',
            year: q.year,
            quarter: q.quarter,
            ageBand: b.band,
            admissions: rng.poisson(
              (bands[i] * FALLS_RATES[i - 13] * fallsLevel * improvement * QUARTER_SHAPE[q.quarter - 1] * 4) / 4,
            ),
            source: 'hospital activity (demo, synthetic SUS extract)',
          });
      });
    }
    // Plans: about the baseline's standardised rates, 3% better in the first plan year and 5% in the second.
    const fallsDsr = (FALLS_RATES.reduce((s, r, i) => s + r * ESP2013[13 + i].weight, 0) / 19_500) * 1e5 * fallsLevel;
    const acscDsr = (ESP2013.reduce((s, b) => s + acscRate(b.ageFrom) * b.weight, 0) / 1e5) * 1e5 * acscLevel;
    allYears.forEach((y, k) => {
      const better = [1.0, 0.97, 0.95][k];
      metricPlans.push({
        placeId,
        metric: 'falls',
        year: y,
        quarter: 0,
        value: Math.round(fallsDsr * better * 10) / 10,
      });
      for (const q of [1, 2, 3, 4])
        metricPlans.push({
          placeId,
          metric: 'avoidable_admissions',
          year: y,
          quarter: q,
          value: Math.round((acscDsr / 4) * better * 10) / 10,
        });
    });
  }
  for (let i = 0; i < activity.length; i += 500) await db.insert(bcfActivity).values(activity.slice(i, i + 500));
  await db.insert(bcfMetricPlans).values(metricPlans);

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
  const grid: Record<string, MaturityLevel[]> = {
    bd: [
      'mature',
      'mature',
      'mature',
      'established',
      'plans_in_place',
      'established',
      'established',
      'established',
      'established',
    ],
    hav: [
      'mature',
      'mature',
      'mature',
      'mature',
      'established',
      'established',
      'established',
      'established',
      'established',
    ],
    red: ['mature', 'mature', 'mature', 'mature', 'mature', 'established', 'established', 'established', 'established'],
  };
  const evidence: string[] = [
    'Discharge coordinators on most wards; discharge checklist on admission; daily system MDT calls.',
    'Daily escalation calls; internal and external delays monitored daily; IDH performance dashboard.',
    'MDT board rounds on each ward; daily system calls on people medically optimised.',
    'Home First (assessment at home and care support) and D2A for pathway 3 with a therapy team.',
    'Seven-day working: reviewed in social work teams; hospital social worker six or seven days.',
    'Care home trusted assessors across BHR places: 52 assessments offered a month.',
    'Discharge leaflet with carers group and system partners; choice and control under the Care Act.',
    'Care home trusted assessors; D2A evolving; provider forums; named GP for each home.',
    'Housing and homelessness worked through at the Discharge Improvement Working Group; Home Settle and Support.',
  ];
  const levels: MaturityLevel[] = ['not_yet_established', 'plans_in_place', 'established', 'mature', 'exemplary'];
  const assessed = `${Number(today.slice(0, 4)) - (today.slice(5) < '06-15' ? 1 : 0)}-06-15`;
  const earlier = `${Number(assessed.slice(0, 4)) - 1}-06-15`;
  const rows: Omit<HicmAssessment, 'id'>[] = [];
  for (const p of DEMO_BCF_PLACES) {
    grid[p.key].forEach((level, i) => {
      const idx = levels.indexOf(level);
      const before = i === 3 || i === 4 || i === 5 ? levels[Math.max(0, idx - 1)] : level;
      rows.push({
        placeId: created.placeIds[p.key],
        change: i + 1,
        level: before,
        evidence: evidence[i],
        assessedOn: earlier,
        plannedLevel: levels[Math.min(4, levels.indexOf(before) + 1)],
        plannedBy: assessed,
      });
      rows.push({
        placeId: created.placeIds[p.key],
        change: i + 1,
        level,
        evidence: evidence[i],
        assessedOn: assessed,
        plannedLevel: idx < 4 ? levels[idx + 1] : null,
        plannedBy: idx < 4 ? `${Number(assessed.slice(0, 4)) + 1}-06-30` : null,
      });
    });
  }
  await insertAssessments(db, rows);
  await linkRegister(db, created.id, created.schemeIds);
  return { planId: created.id };
}

/**
 * Contracts of the register each scheme pays for. The demo's contract register stands for Havering's (the demo
 * borough is calibrated on Havering), so Havering's schemes name its contracts: Home Settle and Support, Home
 * First reablement, the community rehabilitation beds, falls prevention, the carers' contracts, equipment and
 * telecare, homecare lead providers and block beds part-funded from the BCF, discharge to assess nursing beds
 * and the home improvement agency.
 */
export const DEMO_SCHEME_CONTRACTS: Record<string, string[]> = {
  'HAV-01': ['EB-REA-002'],
  'HAV-02': ['EB-REA-001'],
  'HAV-04': ['EB-REA-003'],
  'HAV-05': ['EB-PRV-003', 'EB-PRV-001'],
  'HAV-06': ['EB-CAR-001', 'EB-CAR-002', 'EB-CAR-003'],
  'HAV-07': ['EB-EQP-001', 'EB-EQP-002'],
  'HAV-08': ['EB-HC-001', 'EB-HC-002', 'EB-HC-003', 'EB-HC-004', 'EB-CH-002', 'EB-CH-005'],
  'HAV-09': ['EB-CH-001'],
  'HAV-10': ['EB-EQP-004'],
};

/** Register risks in the plan's log: the BCF risk log's five on the plan, the market-exit risk on pathway 3. */
export const DEMO_RISK_LINKS: { risk: string; scheme: string | null }[] = [
  { risk: 'BCF-1', scheme: null },
  { risk: 'BCF-2', scheme: null },
  { risk: 'BCF-3', scheme: null },
  { risk: 'BCF-4', scheme: null },
  { risk: 'BCF-5', scheme: null },
  { risk: 'CON-2', scheme: 'HAV-09' },
];

/** Link the schemes to the register's contracts and the plan to its risks (those the contracts part loaded). */
async function linkRegister(db: Db, planId: string, schemeIds: Record<string, string>): Promise<void> {
  const refs = Object.values(DEMO_SCHEME_CONTRACTS).flat();
  const found = await db
    .select({ id: contracts.id, reference: contracts.reference })
    .from(contracts)
    .where(inArray(contracts.reference, refs));
  for (const [scheme, wanted] of Object.entries(DEMO_SCHEME_CONTRACTS)) {
    const ids = wanted.flatMap((r) => found.filter((c) => c.reference === r).map((c) => c.id));
    if (ids.length && schemeIds[scheme])
      await db.update(bcfSchemes).set({ contractIds: ids }).where(eq(bcfSchemes.id, schemeIds[scheme]));
  }
  const register = await db
    .select({ id: risks.id, reference: risks.reference })
    .from(risks)
    .where(
      inArray(
        risks.reference,
        DEMO_RISK_LINKS.map((l) => l.risk),
      ),
    );
  const links = DEMO_RISK_LINKS.flatMap((l) => {
    const risk = register.find((r) => r.reference === l.risk);
    return risk ? [{ planId, riskId: risk.id, schemeId: l.scheme ? (schemeIds[l.scheme] ?? null) : null }] : [];
  });
  if (links.length) await db.insert(bcfRiskLinks).values(links);
}

export const bcfDemoPart: DemoPart = {
  name: 'bcf',
  description: 'the Better Care Fund joint plan for Barking & Dagenham, Havering and Redbridge (seed 001)',
  async load(db, ctx) {
    await loadBcfDemo(db, ctx);
  },
};
