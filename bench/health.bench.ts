// Does /api/health still answer while one heavy request runs? On the demo borough (loaded as `steward start`
// loads it), on PGlite and on PostgreSQL (127.0.0.1:5432 or STEWARD_BENCH_DATABASE_URL), the server listens on a
// real port; each heavy request runs (again and again, until enough health checks have been timed) while a
// worker thread calls /api/health over HTTP one after another (so a check is sent even while this thread is
// busy). Prints, per heavy request: how long it takes, and the health check's latency while it runs (median,
// p95, slowest) against the 100 ms target, beside the idle latency. Each run is cold (the data versions bumped
// before it, so cached figures are worked out again, as after any change); STEWARD_BENCH_HEALTH_WARM=1 keeps caches.
// Run with `npm run bench -- health`.
import { Worker } from 'node:worker_threads';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { migrateDatabase, openDatabase, type Database } from '../src/db/client.js';
import { gatherStatistics } from '../src/db/statistics.js';
import { createScratchDatabase } from '../src/db/testing.js';
import { addDays, londonToday } from '../src/domain/core/dates.js';
import { loadDemo } from '../src/demo/index.js';
import { buildApp } from '../src/server/app.js';
import { signInAs, type TestClient } from '../src/server/testing.js';
import { formatLatency, latencySummary, MIN_RUNS_FOR_P95 } from './stats.js';

/** The target: the health check answers within this while any single request runs. */
const TARGET_MS = 100;
/** Health checks timed per heavy request (at least MIN_RUNS_FOR_P95, so the p95 is not the slowest). */
const SAMPLES = Math.max(MIN_RUNS_FOR_P95, Number(process.env.STEWARD_BENCH_HEALTH_SAMPLES ?? '200'));
/** Each heavy request runs cold (data versions bumped first, so no cached figures) unless this is set. */
const WARM = process.env.STEWARD_BENCH_HEALTH_WARM === '1';
/** Time spent on one heavy request at most (it is repeated until SAMPLES checks or this many seconds). */
const BUDGET_S = Number(process.env.STEWARD_BENCH_HEALTH_SECONDS ?? '90');

interface Heavy {
  label: string;
  run: (client: TestClient) => Promise<{ statusCode: number; body: string }>;
}

function heavyRequests(today: string): Heavy[] {
  const fiveYears = addDays(today, -5 * 365);
  return [
    {
      label: 'discharge metrics, weekly, 5 years (the longest range allowed)',
      run: (c) => c.get(`/api/discharge/metrics?period=week&from=${fiveYears}&to=${today}`),
    },
    {
      label: 'discharge history, 5 years',
      run: (c) => c.get(`/api/discharge/history?from=${fiveYears}&to=${today}`),
    },
    { label: 'D2A occupancy, 5 years', run: (c) => c.get(`/api/discharge/d2a?from=${fiveYears}&to=${today}`) },
    { label: 'care homes, everywhere (scope=all)', run: (c) => c.get('/api/market/care-homes?scope=all') },
    { label: 'market prices, everywhere', run: (c) => c.get('/api/market/prices?scope=all') },
    {
      label: 'planner baseline, 2,000 replications (worker threads)',
      run: (c) => c.get('/api/discharge/simulation/baseline?replications=2000'),
    },
  ];
}

interface Ping {
  /** When the check was sent (ms since the epoch, sub-millisecond) and how long it took to answer. */
  sent: number;
  ms: number;
}

/** Checks /api/health one after another from a worker thread until stopped; `samples` fills as answers arrive. */
function startPinger(base: string): { samples: Ping[]; stop: () => Promise<void> } {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    let stop = false;
    parentPort.on('message', () => { stop = true; });
    (async () => {
      while (!stop) {
        const sent = performance.timeOrigin + performance.now();
        const res = await fetch(workerData.base + '/api/health');
        await res.arrayBuffer();
        parentPort.postMessage({ sent, ms: performance.timeOrigin + performance.now() - sent });
        await new Promise((r) => setTimeout(r, 2));
      }
      parentPort.close();
    })();`;
  const worker = new Worker(code, { eval: true, workerData: { base } });
  const samples: Ping[] = [];
  worker.on('message', (p: Ping) => samples.push(p));
  return {
    samples,
    stop: async () => {
      worker.postMessage('stop');
      await new Promise((r) => worker.once('exit', r));
    },
  };
}

async function healthOnce(base: string): Promise<number> {
  const t = performance.now();
  const res = await fetch(`${base}/api/health`);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`/api/health answered ${res.status}`);
  return performance.now() - t;
}

async function measure(database: Database, label: string): Promise<void> {
  await migrateDatabase(database);
  const t = performance.now();
  await loadDemo(database.db);
  // As `steward start` does after loading the demo: the planner's table statistics (PGlite never gathers them).
  if (process.env.STEWARD_BENCH_HEALTH_NO_ANALYZE !== '1') await gatherStatistics(database.db);
  console.log(
    `\n${label}${WARM ? '' : ', every run cold'}: demo borough loaded in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  const app = await buildApp({ database, logger: false, webDist: null });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  try {
    const commissioner = await signInAs(app, 'commissioner');
    const idle: number[] = [];
    for (let i = 0; i < SAMPLES; i++) idle.push(await healthOnce(base));
    console.log(`  /api/health, idle: ${formatLatency(latencySummary(idle))}`);
    // STEWARD_BENCH_HEALTH_ONLY=metrics times only the heavy requests whose label contains it.
    const filter = process.env.STEWARD_BENCH_HEALTH_ONLY;
    for (const heavy of heavyRequests(londonToday()).filter((h) => !filter || h.label.includes(filter))) {
      // One untimed run first: worker threads started (from TypeScript sources each compiles its code, seconds
      // on a busy machine, once per process; a built server starts them in milliseconds) and code warmed up.
      await heavy.run(commissioner);
      const durations: number[] = [];
      const windows: [number, number][] = [];
      let failed: string | null = null;
      // A pinger on its own thread calls /api/health one check after another, timing each from send to answer,
      // whatever this thread is doing; the heavy request runs again and again here meanwhile. A check counts
      // when its time in flight overlaps a run of the heavy request.
      const pinger = startPinger(base);
      const started = performance.now();
      const overlapping = () =>
        pinger.samples.filter((p) => windows.some(([a, b]) => p.sent < b && p.sent + p.ms > a)).map((p) => p.ms);
      while (overlapping().length < SAMPLES && failed === null && performance.now() - started < BUDGET_S * 1000) {
        // Cold: as if the data had just changed, so cached figures are worked out again (STEWARD_BENCH_HEALTH_WARM=1
        // keeps the caches, as repeated views of unchanged data hit them).
        if (!WARM) await database.db.execute(sql`update data_versions set version = nextval('data_versions_seq')`);
        const from = performance.timeOrigin + performance.now();
        const res = await heavy.run(commissioner);
        const to = performance.timeOrigin + performance.now();
        durations.push(to - from);
        windows.push([from, to]);
        if (res.statusCode !== 200) failed = `${res.statusCode} ${res.body.slice(0, 160)}`;
        // Let the pinger's answers in flight arrive before the next run.
        await new Promise((r) => setTimeout(r, 5));
      }
      await pinger.stop();
      const during = overlapping();
      if (failed) {
        console.log(`  ${heavy.label}: answered ${failed}`);
        continue;
      }
      if (during.length === 0) {
        // Answered (from a cache) before a check could be sent, every time: nothing ran beside a check.
        console.log(`  ${heavy.label}`);
        console.log(`    the request: ${formatLatency(latencySummary(durations), 0)}`);
        console.log(`    /api/health meanwhile: no check overlapped it (each run ended before a check was sent)`);
        continue;
      }
      const s = latencySummary(during);
      const verdict =
        s.max < TARGET_MS
          ? `every check under ${TARGET_MS} ms`
          : `p95 ${s.p95 !== null && s.p95 < TARGET_MS ? 'under' : 'OVER'} ${TARGET_MS} ms, ${during.filter((x) => x >= TARGET_MS).length} of ${during.length} checks over`;
      console.log(`  ${heavy.label}`);
      console.log(`    the request: ${formatLatency(latencySummary(durations), 0)}`);
      console.log(`    /api/health meanwhile: ${formatLatency(s)} → ${verdict}`);
    }
  } finally {
    await app.close();
  }
}

/** STEWARD_BENCH_HEALTH_DB=pglite or postgres runs one database only (default: both). */
const only = process.env.STEWARD_BENCH_HEALTH_DB;
if (only !== 'postgres') {
  const pglite = await openDatabase({ dataDir: 'memory://' });
  try {
    await measure(pglite, 'PGlite (embedded, in this process)');
  } finally {
    await pglite.close();
  }
}

const adminUrl = process.env.STEWARD_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const probe = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
const reachable = await probe.connect().then(
  () => true,
  () => false,
);
await probe.end().catch(() => {});
if (only === 'pglite') console.log('\nPostgreSQL: not asked for (STEWARD_BENCH_HEALTH_DB=pglite)');
else if (reachable) {
  const scratch = await createScratchDatabase(adminUrl);
  const database = await openDatabase({ url: scratch.url });
  try {
    await measure(database, `PostgreSQL (${adminUrl.replace(/:[^:@/]*@/, ':***@')})`);
  } finally {
    await database.close();
    await scratch.drop();
  }
} else console.log('\nPostgreSQL: not reachable, skipped');
process.exit(0);
