// Need and demand benchmark: project every English local authority (about 300 areas × 91 ages × 2 sexes ×
// 25 years) for 10 measures. Targets: under 1 s for the engine; under 10 s including the database reads
// on PGlite. Prints figures; asserts nothing.
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { loadavg } from 'node:os';
import { migrateDatabase, openDatabase, queryRows } from '../src/db/client.js';
import { populationRows } from '../src/db/demand/population.js';
import { REPORTING_BANDS } from '../src/domain/demand/ages.js';
import { DEFAULT_RATES } from '../src/domain/demand/defaults.js';
import { buildPopulationGrid, selectPopulationRows, type PopulationGrid } from '../src/domain/demand/population.js';
import { peopleIn, project } from '../src/domain/demand/projection.js';
import { gridFrom, yearRange } from '../src/domain/demand/testing.js';
import { latencySummary } from './stats.js';

const AREAS = 300;
const YEARS = yearRange(2022, 2046); // 25 years
const RATES = DEFAULT_RATES.slice(0, 10);
const codes = Array.from({ length: AREAS }, (_, i) => `E0${6 + (i % 4)}${String(900000 + i).padStart(6, '0')}`);

function ms(t0: number): string {
  return `${(performance.now() - t0).toFixed(0)} ms`;
}

console.log(
  `load average before: ${loadavg()
    .map((x) => x.toFixed(1))
    .join(', ')} (the machine is shared: figures scale with load)`,
);

// 1. The pure engine on grids built in memory.
const grids: PopulationGrid[] = codes.map((code, i) =>
  gridFrom(
    code,
    YEARS,
    ['female', 'male'],
    (year, sex, age) =>
      (800 + 400 * Math.sin(age / 15) + (i % 300)) * (1 + 0.005 * (year - 2022)) * (sex === 'female' ? 1.02 : 1),
  ),
);
const cells = AREAS * 91 * 2 * YEARS.length;
const runs: number[] = [];
let check = 0;
for (let r = 0; r < 5; r++) {
  const t0 = performance.now();
  const out = project({
    grids,
    rates: RATES,
    baseYear: 2022,
    toYear: 2046,
    method: r % 2 ? 'trend' : 'constant',
    bands: REPORTING_BANDS,
  });
  runs.push(performance.now() - t0);
  check += peopleIn(out[0], 2046);
}
console.log(
  `engine: ${AREAS} areas × 91 ages × 2 sexes × ${YEARS.length} years × ${RATES.length} measures = ${((cells * RATES.length) / 1e6).toFixed(2)} M products`,
);
console.log(
  `engine: median ${latencySummary(runs).median.toFixed(0)} ms over 5 runs (min ${Math.min(...runs).toFixed(0)}, max ${Math.max(...runs).toFixed(0)}); target < 1,000 ms  [check ${check.toFixed(1)}]`,
);

// 2. The same from PGlite: read every figure, choose vintages, build grids, project.
const database = await openDatabase({ dataDir: 'memory://' });
await migrateDatabase(database);
const db = database.db;
let t0 = performance.now();
await db.execute(sql`insert into demand_areas (code, name, area_type)
  select 'E0' || (6 + n % 4) || lpad((900000 + n)::text, 6, '0'), 'Bench area ' || n, 'local_authority' from generate_series(0, ${AREAS - 1}) n`);
await db.execute(sql`insert into population_series (area_code, year, sex, kind, source, vintage, age_from, counts)
  select a.code, y, s, 'projection', 'bench', '2022-based SNPP (bench)',
         (select array_agg(g order by g) from generate_series(0, 90) g),
         (select array_agg((800 + 400 * sin(g / 15.0) + a.n) * (1 + 0.005 * (y - 2022)) * (case when s = 'female' then 1.02 else 1 end) order by g) from generate_series(0, 90) g)
  from (select code, (substr(code, 4)::int - 900000) as n from demand_areas) a,
       generate_series(2022, 2046) y, unnest(array['female', 'male']) s`);
const [{ n }] = await queryRows<{ n: number }>(
  db,
  sql`select sum(cardinality(counts))::int as n from population_series`,
);
console.log(
  `setup: ${Number(n).toLocaleString('en-GB')} population figures (${AREAS * YEARS.length * 2} series rows) written in ${ms(t0)} (not part of the target)`,
);

const dbRuns: { read: number; build: number; engine: number; total: number }[] = [];
for (let r = 0; r < 2; r++) {
  t0 = performance.now();
  const rows = await populationRows(db, codes);
  const read = performance.now() - t0;
  const t1 = performance.now();
  const chosen = selectPopulationRows(rows);
  const byArea = new Map<string, typeof chosen.rows>();
  for (const row of chosen.rows) {
    const list = byArea.get(row.areaCode);
    if (list) list.push(row);
    else byArea.set(row.areaCode, [row]);
  }
  const dbGrids = codes.map((code) => buildPopulationGrid(code, byArea.get(code)!, chosen.sources));
  const build = performance.now() - t1;
  const t2 = performance.now();
  const out = project({
    grids: dbGrids,
    rates: RATES,
    baseYear: 2022,
    toYear: 2046,
    method: 'constant',
    bands: REPORTING_BANDS,
  });
  const engine = performance.now() - t2;
  dbRuns.push({ read, build, engine, total: performance.now() - t0 });
  if (r === 0)
    console.log(
      `check: first area 2046 ${peopleIn(out[0], 2046).toFixed(1)} (in-memory ${peopleIn(project({ grids: [grids[0]], rates: RATES.slice(0, 1), baseYear: 2022, toYear: 2046, method: 'constant', bands: REPORTING_BANDS })[0], 2046).toFixed(1)})`,
    );
}
for (const [i, r] of dbRuns.entries()) {
  console.log(
    `with PGlite (run ${i + 1}): read ${r.read.toFixed(0)} ms + build grids ${r.build.toFixed(0)} ms + engine ${r.engine.toFixed(0)} ms = ${r.total.toFixed(0)} ms; target < 10,000 ms`,
  );
}
console.log(
  `memory: heap used ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB, rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`,
);
await database.close();
