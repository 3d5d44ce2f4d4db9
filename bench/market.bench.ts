// Market summary at national scale: 15,000 care homes (450,000 beds), 12 monthly capacity returns each,
// 1,000,000 placements, on PGlite and on PostgreSQL (127.0.0.1:5432 or STEWARD_BENCH_DATABASE_URL).
// Prints: CQC directory import time (15,000 care homes + 5,000 other services through the real importer),
// bulk generation time (which includes the triggers keeping the dashboard's aggregates), each dashboard
// request's median and p95 latency through the HTTP API as the web app makes it, what single writes cost now
// that they keep the aggregates, and memory.
// The data set it measures is made by marketData.ts. Run with `npm run bench -- market`. STEWARD_BENCH_MARKET_SCALE=0.1 runs a tenth of the size.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { migrateDatabase, openDatabase, queryRows, type Database } from '../src/db/client.js';
import { createScratchDatabase } from '../src/db/testing.js';
import { recordCareHomeReturn } from '../src/db/market/capacity.js';
import { createPlacement } from '../src/db/market/placements.js';
import { setUsualRate } from '../src/db/market/rates.js';
import { createTestApp, signInAs } from '../src/server/testing.js';
import { addDays } from '../src/domain/core/dates.js';
import { cqcImporter } from '../src/importers/cqc.js';
import { fileSource, runImport } from '../src/importers/framework.js';
import { formatLatency, latencySummary, MIN_RUNS_FOR_P95, type LatencySummary } from './stats.js';
import { directoryRows, generate, homeCount, scaleLabel, setScale, writeDirectory } from './marketData.js';

const SCALE = Number(process.env.STEWARD_BENCH_MARKET_SCALE ?? '1');
// PGlite is single-threaded WebAssembly inside this process: at full national scale the run takes far more
// than a few minutes, so by default it runs a tenth of the size (1,500 homes, 100,000 placements).
const PGLITE_SCALE = Number(process.env.STEWARD_BENCH_MARKET_PGLITE_SCALE ?? String(Math.min(SCALE, 0.1)));
setScale(SCALE);

/** Each dashboard request through the API, as the web app makes it (signed in as a commissioner). */
async function timeRequests(database: Database, runs: number): Promise<Record<string, LatencySummary>> {
  const app = await createTestApp(database);
  try {
    const commissioner = await signInAs(app, 'commissioner');
    const [home] = await queryRows<{ id: string }>(
      database.db,
      sql`select location_id as id from care_home_latest order by location_id limit 1`,
    );
    // Labelled with the scale the data really has: "national" only at 15,000 homes.
    const all = scaleLabel();
    const requests: Record<string, string> = {
      [`summary (${all})`]: '/api/market/summary',
      [`prices (${all})`]: '/api/market/prices',
      [`care homes + fragility, first 500 (${all})`]: '/api/market/care-homes',
      [`vacancies (${all})`]: '/api/market/vacancies',
      [`one care home’s page (${all})`]: `/api/market/locations/${home.id}`,
      [`summary, nursing homes (${all})`]: '/api/market/summary?serviceType=care_home_nursing',
      [`prices, nursing homes (${all})`]: '/api/market/prices?serviceType=care_home_nursing',
      [`care homes, nursing (${all})`]: '/api/market/care-homes?serviceType=care_home_nursing',
      'summary (one council)': '/api/market/summary?la=E09000016',
      'prices (one council)': '/api/market/prices?la=E09000016',
      'care homes + fragility (one council)': '/api/market/care-homes?la=E09000016',
    };
    const out: Record<string, LatencySummary> = {};
    for (const [name, url] of Object.entries(requests)) {
      const first = await commissioner.get(url); // warm the cache and plans
      if (first.statusCode !== 200) throw new Error(`${url}: ${first.statusCode} ${first.body.slice(0, 200)}`);
      const ms: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        await commissioner.get(url);
        ms.push(performance.now() - t);
      }
      out[name] = latencySummary(ms);
    }
    return out;
  } finally {
    await app.close();
  }
}

/** What single writes cost now that the triggers keep the aggregates current (median of a few, ms). */
async function timeWrites(database: Database, now: Date): Promise<Record<string, number>> {
  const db = database.db;
  const today = now.toISOString().slice(0, 10);
  const homes = await queryRows<{ id: string; beds: number }>(
    db,
    sql`select l.id, l.registered_beds as beds from locations l join care_home_latest c on c.location_id = l.id where c.vacant_accepting > 1 limit 5`,
  );
  const median = async (fn: (i: number) => Promise<unknown>) => {
    const ms: number[] = [];
    for (let i = 0; i < homes.length; i++) {
      const t = performance.now();
      await fn(i);
      ms.push(performance.now() - t);
    }
    return latencySummary(ms).median;
  };
  return {
    'record a care home return': await median((i) =>
      recordCareHomeReturn(db, { system: 'bench' }, homes[i].id, {
        maxCapacity: homes[i].beds,
        occupied: homes[i].beds - 2,
        vacantReserved: 0,
        vacantAccepting: 2,
      }),
    ),
    'create a placement (takes a bed)': await median((i) =>
      createPlacement(
        db,
        { system: 'bench' },
        {
          personRef: `BENCH-${i}`,
          locationId: homes[i].id,
          serviceType: 'care_home_residential',
          band: 'standard_residential',
          startDate: today,
          weeklyPricePence: 72_000,
        },
      ),
    ),
    'set a usual rate from 3 months ago': await median((i) =>
      setUsualRate(
        db,
        { system: 'bench' },
        { band: 'standard_residential', effectiveFrom: addDays(today, -90 + i), amountPence: 71_000 + i },
      ),
    ),
    'rebuild every aggregate from scratch': await median(() => db.execute(sql`select market_rebuild_aggregates()`)),
  };
}

export async function runOn(kind: 'pglite' | 'postgres', directory: string, url?: string): Promise<void> {
  let rssPeak = 0;
  const timer = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }, 200);
  const dataDir = kind === 'pglite' ? mkdtempSync(path.join(os.tmpdir(), 'steward-bench-market-')) : undefined;
  const database = await openDatabase(kind === 'pglite' ? { dataDir } : { url });
  try {
    await migrateDatabase(database);
    const now = new Date();
    let t = performance.now();
    const summary = await runImport(database.db, cqcImporter, fileSource(directory), {
      actor: { system: 'bench' },
      options: { borough: 'E09000016' },
    });
    const importSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    await generate(database, now);
    const generateSeconds = (performance.now() - t) / 1000;
    const [counts] = await queryRows<Record<string, number>>(
      database.db,
      sql`select (select count(*) from locations where registered_beds is not null)::int homes,
      (select sum(registered_beds) from locations)::int beds, (select count(*) from care_home_capacity)::int returns, (select count(*) from placements)::int placements`,
    );
    // Enough runs for a 95th percentile on PostgreSQL; PGlite (single-threaded, slow at scale) gets medians only.
    const runs = kind === 'postgres' ? MIN_RUNS_FOR_P95 : 5;
    if (process.env.STEWARD_BENCH_EXPLAIN) {
      const { sql: s2 } = await import('drizzle-orm');
      const orig = database.db.execute.bind(database.db);
      (database.db as unknown as { execute: unknown }).execute = async (q: never) => {
        const t = performance.now();
        const r = await orig(q);
        const ms = performance.now() - t;
        if (ms > 100) {
          const plan = (await orig(s2`explain analyze ${q}` as never)) as unknown as { rows: Record<string, string>[] };
          console.log(ms.toFixed(0), 'ms\n', plan.rows.map((x) => Object.values(x)[0]).join('\n'));
        }
        return r;
      };
    }
    const latencies = await timeRequests(database, runs);
    const writes = await timeWrites(database, now);
    clearInterval(timer);
    console.log(`\n${kind === 'pglite' ? 'PGlite (embedded)' : `PostgreSQL (${database.location})`}`);
    console.log(
      `  data: ${counts.homes.toLocaleString()} care homes, ${Number(counts.beds).toLocaleString()} beds, ${counts.returns.toLocaleString()} capacity returns, ${counts.placements.toLocaleString()} placements`,
    );
    console.log(
      `  CQC directory import: ${summary.rowsRead.toLocaleString()} locations (${summary.created} new) in ${importSeconds.toFixed(1)} s (${Math.round(summary.rowsRead / importSeconds).toLocaleString()} rows/s)`,
    );
    console.log(`  generate returns and placements in-database: ${generateSeconds.toFixed(1)} s`);
    console.log(`  dashboard requests through the API (${runs} runs each):`);
    const national = homeCount() >= 15_000;
    for (const [name, s] of Object.entries(latencies))
      console.log(
        `    ${name.padEnd(56)} ${formatLatency(s, 0)}${national && s.p95 !== null && !name.includes('one council') ? (s.p95 < 300 ? '   (p95 under the 300 ms target)' : '   (p95 over the 300 ms target)') : ''}`,
      );
    console.log('  single writes, keeping the aggregates (median ms):');
    for (const [name, ms] of Object.entries(writes)) console.log(`    ${name.padEnd(44)} ${ms.toFixed(0).padStart(6)}`);
    console.log(
      `  memory: peak RSS ${(rssPeak / 1048576).toFixed(0)} MB (PGlite runs inside this process), heap now ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB`,
    );
  } finally {
    clearInterval(timer);
    await database.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

async function postgresAdminUrl(): Promise<string | null> {
  const url =
    process.env.STEWARD_BENCH_DATABASE_URL ??
    process.env.STEWARD_TEST_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return url;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'steward-bench-cqc-'));
  const directory = path.join(tmp, 'cqc-directory.csv');
  const t0 = performance.now();
  writeDirectory(directory);
  console.log(
    `Market bench at scale ${SCALE}: wrote a ${directoryRows()}-row CQC directory in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  try {
    const admin = await postgresAdminUrl();
    if (admin) {
      const scratch = await createScratchDatabase(admin);
      try {
        await runOn('postgres', directory, scratch.url);
      } finally {
        await scratch.drop();
      }
    } else {
      console.log('\nPostgreSQL: skipped (nothing at 127.0.0.1:5432; set STEWARD_BENCH_DATABASE_URL)');
    }
    if (PGLITE_SCALE !== SCALE) {
      setScale(PGLITE_SCALE);
      writeDirectory(directory);
      console.log(
        `\nPGlite at scale ${PGLITE_SCALE} (set STEWARD_BENCH_MARKET_PGLITE_SCALE=1 for the full national size)`,
      );
    }
    await runOn('pglite', directory);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
