// The demo borough's population and scenarios. Synthetic: Eastbrook (E09000099, a code no real area
// has) is shaped on Havering (seed 000): 268,145 residents in the latest estimate year and the oldest
// age profile in London (about 18–19% aged 65+). A small cohort-component model (births, Gompertz
// mortality, net migration by age) ages the population from 2019 to 2047, so the projections show the
// baby-boom cohorts reaching old age; the mid-year "estimates" are the same path with seeded noise.
import type { Db } from '../db/client.js';
import { replacePopulation, upsertAreas } from '../db/demand/population.js';
import { createScenario } from '../db/demand/scenarios.js';
import { AGE_COUNT } from '../domain/demand/ages.js';
import { DEFAULT_SCENARIO } from '../domain/demand/model.js';
import type { PopulationSex } from '../domain/demand/population.js';
import type { Rng } from '../domain/core/random.js';
import { DEMO_BOROUGH } from './borough.js';
import type { DemoPart } from './part.js';

export const DEMO_RESIDENTS = 268_145;
export const ESTIMATE_YEARS = [2019, 2020, 2021, 2022, 2023, 2024] as const;
export const PROJECTION_BASE = 2022;
export const PROJECTION_LAST = 2047;
export const ESTIMATE_VINTAGE = 'mid-2024 (synthetic)';
export const PROJECTION_VINTAGE = '2022-based SNPP (synthetic)';

/** Starting (mid-2019) single-year counts before scaling: an outer-London shape with a large 50–70 bulge. */
function baseShape(age: number, sex: 'female' | 'male'): number {
  let v: number;
  if (age <= 17) v = 3350 - age * 10;
  else if (age <= 24) v = 2950;
  else if (age <= 34) v = 3300 + (age - 25) * 25;
  else if (age <= 49) v = 3500 + (age - 35) * 20;
  else if (age <= 64)
    v = 3950 - (age - 50) * 25; // the baby-boom cohorts
  else if (age <= 74) v = 2650 - (age - 65) * 40;
  else if (age <= 89) v = 2250 * Math.exp(-0.1 * (age - 75));
  else v = 1600; // 90 and over
  const female = age >= 60 ? 1.06 + (age - 60) * 0.012 : 0.99;
  return (v / 2) * (sex === 'female' ? female : 2 - female);
}

function deathRate(age: number, sex: 'female' | 'male'): number {
  if (age >= 90) return sex === 'female' ? 0.2 : 0.24;
  const q = 0.000022 * Math.exp(0.095 * age) + (age === 0 ? 0.003 : 0);
  return Math.min(0.5, q * (sex === 'male' ? 1.3 : 1));
}

/** Net migration as a share of each age: young adults arrive, some retirees leave. */
function netMigration(age: number): number {
  if (age >= 22 && age <= 38) return 0.012;
  if (age >= 0 && age <= 10) return 0.004;
  if (age >= 60 && age <= 72) return -0.004;
  return 0;
}

/** The cohort path mid-2019 … mid-2047: path[yearIndex][sexIndex][age]. */
export function demoPopulationPath(): number[][][] {
  const sexes = ['female', 'male'] as const;
  const years = PROJECTION_LAST - ESTIMATE_YEARS[0] + 1;
  const path: number[][][] = [sexes.map((s) => Array.from({ length: AGE_COUNT }, (_, a) => baseShape(a, s)))];
  for (let y = 1; y < years; y++) {
    const prev = path[y - 1];
    const women = prev[0].slice(15, 45).reduce((s, v) => s + v, 0);
    const births = women * 0.056;
    path.push(
      sexes.map((sex, si) => {
        const p = prev[si];
        const next = new Array<number>(AGE_COUNT).fill(0);
        next[0] = births * (sex === 'male' ? 1.05 / 2.05 : 1 / 2.05) * (1 - deathRate(0, sex));
        for (let a = 1; a < AGE_COUNT; a++) next[a] = p[a - 1] * (1 - deathRate(a - 1, sex)) * (1 + netMigration(a));
        next[90] += p[90] * (1 - deathRate(90, sex));
        return next;
      }),
    );
  }
  // Scale so mid-2024 holds exactly the published-size total.
  const i2024 = 2024 - ESTIMATE_YEARS[0];
  const total2024 = path[i2024].flat().reduce((s, v) => s + v, 0);
  const k = DEMO_RESIDENTS / total2024;
  return path.map((year) => year.map((ages) => ages.map((v) => v * k)));
}

export interface DemoFigures {
  areaCode: string[];
  year: number[];
  sex: PopulationSex[];
  ageFrom: number[];
  ageTo: (number | null)[];
  count: number[];
}

function emptyFigures(): DemoFigures {
  return { areaCode: [], year: [], sex: [], ageFrom: [], ageTo: [], count: [] };
}

/** Mid-year estimates 2019–2024: whole people, the path with ±1% seeded noise; 2024 sums to 268,145. */
export function demoEstimates(rng: Rng): DemoFigures {
  const path = demoPopulationPath();
  const out = emptyFigures();
  for (const year of ESTIMATE_YEARS) {
    const yi = year - ESTIMATE_YEARS[0];
    const cells: { si: number; a: number; v: number }[] = [];
    for (let si = 0; si < 2; si++) {
      for (let a = 0; a < AGE_COUNT; a++)
        cells.push({ si, a, v: Math.max(0, Math.round(path[yi][si][a] * (1 + rng.normal(0, 0.01)))) });
    }
    if (year === 2024) {
      // Put the rounding and noise residual on the largest working-age cell so the total is exact.
      const diff = DEMO_RESIDENTS - cells.reduce((s, c) => s + c.v, 0);
      cells.find((c) => c.si === 0 && c.a === 40)!.v += diff;
    }
    for (const c of cells) push(out, year, c.si, c.a, c.v);
  }
  return out;
}

/** 2022-based projections 2022–2047, three decimals as ONS publishes them. */
export function demoProjections(): DemoFigures {
  const path = demoPopulationPath();
  const out = emptyFigures();
  for (let year = PROJECTION_BASE; year <= PROJECTION_LAST; year++) {
    const yi = year - ESTIMATE_YEARS[0];
    for (let si = 0; si < 2; si++) {
      for (let a = 0; a < AGE_COUNT; a++) push(out, year, si, a, Math.round(path[yi][si][a] * 1000) / 1000);
    }
  }
  return out;
}

function push(out: DemoFigures, year: number, si: number, age: number, count: number): void {
  out.areaCode.push(DEMO_BOROUGH.gssCode);
  out.year.push(year);
  out.sex.push(si === 0 ? 'female' : 'male');
  out.ageFrom.push(age);
  out.ageTo.push(age === 90 ? null : age);
  out.count.push(count);
}

export async function loadDemandDemo(db: Db, rng: Rng): Promise<void> {
  await upsertAreas(db, [
    { code: DEMO_BOROUGH.gssCode, name: DEMO_BOROUGH.name, areaType: 'local_authority', synthetic: true },
  ]);
  await replacePopulation(db, {
    kind: 'estimate',
    source: 'Synthetic demo data shaped on ONS mid-year estimates (not real)',
    vintage: ESTIMATE_VINTAGE,
    ...demoEstimates(rng),
  });
  await replacePopulation(db, {
    kind: 'projection',
    source: 'Synthetic demo data shaped on ONS 2022-based SNPP (not real)',
    vintage: PROJECTION_VINTAGE,
    ...demoProjections(),
  });
  const actor = { system: 'demo' };
  await createScenario(
    db,
    {
      name: 'Generous: rates on trend',
      description: 'Rates with a history follow their linear trend (the Islington "generous" case).',
      params: { ...DEFAULT_SCENARIO, method: 'trend' },
    },
    actor,
  );
  await createScenario(
    db,
    {
      name: 'Home First: 20% of new residential admissions to homecare',
      description:
        'Policy lever: one in five new older people’s residential admissions supported at home instead, from 2026; prices uplifted 3% a year.',
      params: {
        ...DEFAULT_SCENARIO,
        upliftRate: 0.03,
        lever: {
          from: 'care_home_residential',
          to: 'homecare',
          share: 0.2,
          startYear: 2026,
          meanStayYears: 2.5,
          ratio: 1,
        },
      },
    },
    actor,
  );
}

export const demandDemoPart: DemoPart = {
  name: 'demand',
  description: 'population estimates and projections for the demo borough, and two scenarios',
  async load(db, ctx) {
    await loadDemandDemo(db, ctx.rng('population'));
  },
};
