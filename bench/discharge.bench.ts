// Discharge hub benchmarks (issue 5):
//  1. "Who can take them now" over a national-scale market: 15,000 care homes (plus 8,000 homecare
//     branches), latest capacity returns, a year of placements for typical prices, ~2,900 district centroids.
//     Target: p95 under 50 ms on PostgreSQL.
//  2. The hub board API for 500 people waiting (with delays and requests). Target: under 200 ms.
//  3. The ONSPD importer streaming a synthetic national-size file (BENCH_ONSPD_ROWS, default 2,700,000 rows):
//     rows per second and peak memory (it must not grow with the file).
// Runs on PostgreSQL (STEWARD_BENCH_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres) in a scratch
// database that is dropped afterwards; falls back to PGlite when no server answers.
import { randomBytes } from 'node:crypto';
import { rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createRng } from '../src/domain/core/random.js';
import { type Database, migrateDatabase, openDatabase } from '../src/db/client.js';
import { searchCandidates } from '../src/db/discharge/candidates.js';
import {
  dischargeDelays,
  dischargeReferrals,
  dischargeRequests,
  postcodeDistricts,
} from '../src/db/discharge/schema.js';
import {
  careHomeCapacity,
  homecareCapacity,
  locations,
  placements,
  providers,
  usualRates,
} from '../src/db/market/schema.js';
import { fileSource } from '../src/importers/framework.js';
import { readOnspdDistricts } from '../src/importers/postcodes.js';
import { writeSyntheticOnspd } from './synthetic.js';
import { createTestApp, signInAs } from '../src/server/testing.js';
import type { ServiceNeed } from '../src/domain/discharge/referral.js';
import { formatLatency, latencySummary } from './stats.js';

const ADMIN_URL = process.env.STEWARD_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const HOMES = 15_000;
const AGENCIES = 8_000;
const rng = createRng(2026, 'discharge-bench');

async function scratch(): Promise<{ database: Database; drop: () => Promise<void>; kind: string }> {
  const name = `steward_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    const database = await openDatabase({ url: url.toString(), maxConnections: 4 });
    return {
      database,
      kind: 'PostgreSQL',
      drop: async () => {
        await database.close();
        if (process.env.BENCH_KEEP) return void console.log(`Kept database ${name}`);
        const a = new pg.Client({ connectionString: ADMIN_URL });
        await a.connect();
        await a.query(`drop database if exists ${name} with (force)`);
        await a.end();
      },
    };
  } catch {
    await admin.end().catch(() => {});
    const database = await openDatabase({ dataDir: 'memory://' });
    return { database, kind: 'PGlite (no PostgreSQL server reachable)', drop: () => database.close() };
  }
}

async function insertChunks<T>(rows: T[], insert: (b: T[]) => Promise<unknown>, size = 1000) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** Outward codes like a national directory: 120 areas × up to 24 districts, spread over Great Britain. */
function nationalDistricts(): { district: string; lat: number; lng: number }[] {
  const out: { district: string; lat: number; lng: number }[] = [];
  const letters = 'ABCDEFGHJKLMNOPRSTUWYZ';
  for (let a = 0; a < 120; a++) {
    const area = letters[a % letters.length] + letters[Math.floor(a / letters.length) % letters.length];
    const lat = 50.3 + rng.next() * 5.5;
    const lng = -4.8 + rng.next() * 6.4;
    const n = rng.int(12, 24);
    for (let d = 1; d <= n; d++)
      out.push({ district: `${area}${d}`, lat: lat + rng.normal(0, 0.08), lng: lng + rng.normal(0, 0.12) });
  }
  return out;
}

async function seedMarket(database: Database, districts: { district: string; lat: number; lng: number }[]) {
  const db = database.db;
  const now = Date.now();
  await insertChunks(
    districts.map((d) => ({ ...d, postcodes: rng.int(300, 3000), source: 'bench' })),
    (b) => db.insert(postcodeDistricts).values(b),
  );
  await db.insert(usualRates).values([
    { band: 'standard_residential', effectiveFrom: '2024-04-01', amountPence: 70_100 },
    { band: 'enhanced_residential', effectiveFrom: '2024-04-01', amountPence: 77_200 },
    { band: 'standard_nursing', effectiveFrom: '2024-04-01', amountPence: 71_500 },
    { band: 'homecare_hourly', effectiveFrom: '2024-04-01', amountPence: 2_426, unit: 'hour' },
  ]);
  const providerRows = Array.from({ length: 6_000 }, (_, i) => ({
    id: crypto.randomUUID(),
    name: `Bench provider ${i}`,
  }));
  await insertChunks(providerRows, (b) => db.insert(providers).values(b));
  const ratings = ['Outstanding', 'Good', 'Good', 'Good', 'Requires improvement', 'Inadequate', null];
  const homes = Array.from({ length: HOMES }, (_, i) => {
    const d = rng.pick(districts);
    const nursing = rng.bernoulli(0.45);
    return {
      id: crypto.randomUUID(),
      providerId: rng.pick(providerRows).id,
      name: `Care home ${i}`,
      postcode: `${d.district} 1AA`,
      postcodeDistrict: d.district,
      serviceTypes: nursing
        ? rng.bernoulli(0.5)
          ? ['care_home_nursing', 'care_home_residential']
          : ['care_home_nursing']
        : ['care_home_residential'],
      specialisms: rng.bernoulli(0.6) ? ['dementia'] : [],
      serviceUserBands: ['older_people'],
      cqcRating: rng.pick(ratings),
      onFramework: rng.bernoulli(0.3),
      lat: d.lat + rng.normal(0, 0.02),
      lng: d.lng + rng.normal(0, 0.03),
      registeredBeds: rng.int(20, 120),
    };
  });
  const agencies = Array.from({ length: AGENCIES }, (_, i) => {
    const d = rng.pick(districts);
    return {
      id: crypto.randomUUID(),
      providerId: rng.pick(providerRows).id,
      name: `Homecare ${i}`,
      postcode: `${d.district} 2BB`,
      postcodeDistrict: d.district,
      serviceTypes: ['homecare'],
      specialisms: [],
      serviceUserBands: ['older_people'],
      cqcRating: rng.pick(ratings),
      onDps: rng.bernoulli(0.4),
      lat: null,
      lng: null,
    };
  });
  await insertChunks([...homes, ...agencies], (b) => db.insert(locations).values(b), 500);
  // Three monthly returns per home, so "latest" has to be found.
  const caps = homes.flatMap((h) =>
    [60, 30, rng.uniform(0, 10)].map((ago) => {
      const max = h.registeredBeds;
      const vac = rng.bernoulli(0.55) ? rng.int(1, 4) : 0;
      return {
        locationId: h.id,
        asAt: new Date(now - ago * 86_400_000),
        maxCapacity: max,
        occupied: max - vac,
        vacantAccepting: vac,
        source: 'bench',
      };
    }),
  );
  await insertChunks(caps, (b) => db.insert(careHomeCapacity).values(b));
  await insertChunks(
    agencies.flatMap((a) =>
      [30, rng.uniform(0, 10)].map((ago) => ({
        locationId: a.id,
        asAt: new Date(now - ago * 86_400_000),
        area: '',
        peopleSupported: 80,
        hoursPerWeek: '1200',
        newHoursAvailable: String(rng.int(0, 60)),
        source: 'bench',
      })),
    ),
    (b) => db.insert(homecareCapacity).values(b),
  );
  const today = new Date(now).toISOString().slice(0, 10);
  const pl = Array.from({ length: 40_000 }, (_, i) => {
    const h = rng.pick(homes);
    const nursing = h.serviceTypes.includes('care_home_nursing');
    return {
      personRef: `B-${i}`,
      locationId: h.id,
      serviceType: nursing ? 'care_home_nursing' : 'care_home_residential',
      band: nursing ? 'standard_nursing' : 'standard_residential',
      startDate: new Date(now - rng.int(1, 700) * 86_400_000).toISOString().slice(0, 10),
      weeklyPricePence: rng.int(65_000, 110_000),
      funding: 'council',
    };
  });
  await insertChunks(pl, (b) => db.insert(placements).values(b));
  void today;
  await database.db.execute('analyze');
  return { homes, agencies };
}

async function benchSearch(database: Database, districts: { district: string }[]) {
  const needs: { serviceNeed: ServiceNeed; specialisms: string[]; homecareHoursPerWeek?: number }[] = [
    { serviceNeed: 'care_home_nursing', specialisms: [] },
    { serviceNeed: 'care_home_nursing', specialisms: ['dementia'] },
    { serviceNeed: 'care_home_residential', specialisms: [] },
    { serviceNeed: 'care_home_dementia', specialisms: ['dementia'] },
    { serviceNeed: 'homecare', specialisms: [], homecareHoursPerWeek: 10 },
  ];
  for (let i = 0; i < 10; i++)
    await searchCandidates(database.db, { ...needs[i % needs.length], postcodeDistrict: rng.pick(districts).district });
  const times: number[] = [];
  let found = 0;
  for (let i = 0; i < 300; i++) {
    const t = performance.now();
    const r = await searchCandidates(database.db, {
      ...needs[i % needs.length],
      postcodeDistrict: rng.pick(districts).district,
    });
    times.push(performance.now() - t);
    found += r.candidates.length;
  }
  console.log(
    `Candidate search over ${HOMES.toLocaleString('en-GB')} care homes + ${AGENCIES.toLocaleString('en-GB')} homecare branches (300 searches, 40 km radius):`,
  );
  console.log(
    `  ${formatLatency(latencySummary(times))}; mean candidates returned ${(found / 300).toFixed(1)}  (target p95 < 50 ms)`,
  );
}

async function benchBoard(database: Database, homes: { id: string; providerId: string }[]) {
  const db = database.db;
  const now = Date.now();
  const refs = Array.from({ length: 500 }, (_, i) => ({
    id: crypto.randomUUID(),
    personRef: `BOARD-${String(i).padStart(4, '0')}`,
    ageBand: '85-94',
    postcodeDistrict: 'AA1',
    hospital: 'Bench General',
    ward: `Ward ${i % 12}`,
    pathway: 1 + (i % 3),
    serviceNeed: ['reablement', 'rehab_bed', 'care_home_nursing'][i % 3],
    fundingRoute: 'council',
    medicallyOptimisedAt: new Date(now - rng.uniform(0.1, 30) * 86_400_000),
    requestSentAt: i % 2 ? new Date(now - 3_600_000) : null,
  }));
  await insertChunks(refs, (b) => db.insert(dischargeReferrals).values(b));
  await insertChunks(
    refs.flatMap((r) => [
      {
        referralId: r.id,
        reason: 'awaiting_care_home',
        fromAt: r.medicallyOptimisedAt,
        toAt: new Date(now - 86_400_000),
      },
      { referralId: r.id, reason: 'family_choice', fromAt: new Date(now - 86_400_000), toAt: null },
    ]),
    (b) => db.insert(dischargeDelays).values(b),
  );
  await insertChunks(
    refs
      .filter((r) => r.requestSentAt)
      .flatMap((r) =>
        Array.from({ length: 4 }, (_, k) => ({
          referralId: r.id,
          providerId: homes[k * 7 + (r.personRef.length % 5)].providerId,
          locationId: homes[k * 7 + (r.personRef.length % 5)].id,
          status: k === 0 ? 'offered' : 'sent',
          pricePence: k === 0 ? 75_000 : null,
        })),
      ),
    (b) => db.insert(dischargeRequests).values(b),
  );
  const app = await createTestApp(database);
  const broker = await signInAs(app, 'broker');
  for (let i = 0; i < 5; i++) await broker.get('/api/discharge/board');
  const times: number[] = [];
  let waiting = 0;
  for (let i = 0; i < 50; i++) {
    const t = performance.now();
    const res = await broker.get('/api/discharge/board');
    times.push(performance.now() - t);
    waiting = (res.json() as { lanes: { waiting: number }[] }).lanes.reduce((a, l) => a + l.waiting, 0);
  }
  await app.close();
  console.log(
    `Hub board API (GET /api/discharge/board, ${waiting} people waiting, 50 calls through Fastify incl. session check and JSON):`,
  );
  console.log(`  ${formatLatency(latencySummary(times))}  (target p95 < 200 ms)`);
}

async function benchOnspd(districts: { district: string; lat: number; lng: number }[]) {
  const rows = Number(process.env.BENCH_ONSPD_ROWS ?? 2_700_000);
  const file = path.join(os.tmpdir(), `onspd-bench-${process.pid}.csv`);
  await writeSyntheticOnspd(file, rows, districts);
  const size = statSync(file).size;
  global.gc?.();
  const baseRss = process.memoryUsage().rss;
  let peak = baseRss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const t = performance.now();
  const result = await readOnspdDistricts(fileSource(file));
  const secs = (performance.now() - t) / 1000;
  clearInterval(sampler);
  rmSync(file, { force: true });
  console.log(
    `ONSPD importer (synthetic national layout, ${rows.toLocaleString('en-GB')} rows, ${(size / 1e6).toFixed(0)} MB):`,
  );
  console.log(
    `  ${secs.toFixed(1)} s (${Math.round(rows / secs).toLocaleString('en-GB')} rows/s); ${result.districts.length.toLocaleString('en-GB')} districts from ${result.stats.live.toLocaleString('en-GB')} live postcodes; ${result.issues.length} issues`,
  );
  console.log(
    `  peak RSS ${(peak / 1e6).toFixed(0)} MB (started at ${(baseRss / 1e6).toFixed(0)} MB): memory does not grow with the file`,
  );
}

// BENCH_DISCHARGE_PARTS=search,board,onspd (default all) picks the parts to run.
const parts = new Set((process.env.BENCH_DISCHARGE_PARTS ?? 'search,board,onspd').split(','));
const districts = nationalDistricts();
if (parts.has('search') || parts.has('board')) {
  const { database, drop, kind } = await scratch();
  try {
    console.log(`Database: ${kind}`);
    await migrateDatabase(database);
    const t = performance.now();
    const { homes } = await seedMarket(database, districts);
    console.log(
      `Seeded ${HOMES.toLocaleString('en-GB')} care homes, ${AGENCIES.toLocaleString('en-GB')} homecare branches, ${districts.length.toLocaleString('en-GB')} districts in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    if (parts.has('search')) await benchSearch(database, districts);
    if (parts.has('board')) await benchBoard(database, homes);
  } finally {
    await drop();
  }
}
if (parts.has('onspd')) await benchOnspd(districts);
