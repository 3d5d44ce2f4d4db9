// Market summary at national scale: 15,000 care homes (450,000 beds), 12 monthly capacity returns each,
// 1,000,000 placements, on PGlite and on PostgreSQL (127.0.0.1:5432 or STEWARD_BENCH_DATABASE_URL).
// Prints: CQC directory import time (15,000 care homes + 5,000 other services through the real importer),
// bulk generation time (which includes the triggers keeping the dashboard's aggregates), each dashboard
// request's median and p95 latency through the HTTP API as the web app makes it, what single writes cost now
// that they keep the aggregates, and memory.
// Run with `npm run bench -- market`. STEWARD_BENCH_MARKET_SCALE=0.1 runs a tenth of the size.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
import { createRng } from '../src/domain/core/random.js';
import { addDays } from '../src/domain/core/dates.js';
import { cqcImporter } from '../src/importers/cqc.js';
import { fileSource, runImport } from '../src/importers/framework.js';

const SCALE = Number(process.env.STEWARD_BENCH_MARKET_SCALE ?? '1');
// PGlite is single-threaded WebAssembly inside this process: at full national scale the run takes far more
// than a few minutes, so by default it runs a tenth of the size (1,500 homes, 100,000 placements).
const PGLITE_SCALE = Number(process.env.STEWARD_BENCH_MARKET_PGLITE_SCALE ?? String(Math.min(SCALE, 0.1)));
let HOMES = 0;
let OTHER = 0;
let PLACEMENTS = 0;
function setScale(scale: number): void {
  HOMES = Math.round(15_000 * scale);
  OTHER = Math.round(5_000 * scale);
  PLACEMENTS = Math.round(1_000_000 * scale);
}
setScale(SCALE);
const MONTHS = 12;
const HEADER = [
  'Name',
  'Also known as',
  'Address',
  'Postcode',
  'Phone number',
  "Service's website (if available)",
  'Service types',
  'Date of latest check',
  'Specialisms/services',
  'Provider name',
  'Local authority',
  'Region',
  'Location URL',
  'CQC Location ID (for office use only)',
  'CQC Provider ID (for office use only)',
];
const LAS = [
  'Havering',
  'Redbridge',
  'Barking and Dagenham',
  'Thurrock',
  'Islington',
  'Halton',
  'Trafford',
  'Essex',
  'County Durham',
  'Darlington',
  'Croydon',
  'Bromley',
  'Barnet',
  'Enfield',
  'Ealing',
  'Hillingdon',
  'Brent',
  'Newham',
  'Lambeth',
  'Southwark',
];

/** A CQC directory CSV in the published layout: 15,000 care homes from ~6,000 providers plus other services. */
export function writeDirectory(file: string): void {
  const rng = createRng(2026, 'bench-market');
  const lines = [
    'CQC Locations data' + ','.repeat(14),
    ','.repeat(14),
    'This data was produced on 03 November 2025' + ','.repeat(14),
    ','.repeat(14),
    HEADER.join(','),
  ];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const providers = Math.round(HOMES * 0.4);
  for (let i = 0; i < HOMES + OTHER; i++) {
    const home = i < HOMES;
    const pid = home ? rng.int(0, providers - 1) : providers + i;
    const nursing = rng.next() < 0.4;
    const types = home
      ? nursing
        ? 'Nursing homes|Residential homes'
        : 'Residential homes'
      : rng.pick(['Dentist', 'Doctors/GPs', 'Hospital']);
    const spec = home
      ? [
          'Caring for adults over 65 yrs',
          ...(rng.next() < 0.6 ? ['Dementia'] : []),
          ...(rng.next() < 0.2 ? ['Physical disabilities'] : []),
        ].join('|')
      : 'Services for everyone';
    const area = String.fromCharCode(65 + (i % 26)) + String.fromCharCode(65 + (((i / 26) | 0) % 26));
    const postcode = `${area}${1 + (i % 20)} ${1 + (i % 9)}${String.fromCharCode(65 + (i % 23))}${String.fromCharCode(66 + (i % 22))}`;
    const date = `${String(1 + rng.int(0, 27)).padStart(2, '0')}/${months[rng.int(0, 11)]}/20${rng.int(19, 25)} - 00:00`;
    const lid = `1-${String(1_000_000_000 + i)}`;
    lines.push(
      [
        `Home ${i}`,
        '',
        `"${i} High Street,Town ${i % 500}"`,
        postcode,
        '',
        '',
        types,
        date,
        spec,
        `Provider ${pid} Ltd`,
        LAS[i % LAS.length],
        'London',
        `https://www.cqc.org.uk/location/${lid}`,
        lid,
        `1-${String(2_000_000_000 + pid)}`,
      ].join(','),
    );
  }
  writeFileSync(file, lines.join('\r\n') + '\r\n');
}

/** Capacity returns, workforce, usual rates and placements generated inside the database (deterministic). */
export async function generate(database: Database, now: Date): Promise<void> {
  const db = database.db;
  await db.execute(sql`update locations set registered_beds = 10 + (abs(hashtext(cqc_location_id)) % 41), in_borough = true,
    cqc_rating = (array['Outstanding','Good','Good','Good','Good','Good','Good','Requires improvement','Requires improvement','Inadequate'])[1 + abs(hashtext(cqc_location_id || 'r')) % 10],
    on_framework = abs(hashtext(cqc_location_id || 'f')) % 3 > 0`);
  const today = now.toISOString().slice(0, 10);
  await db.execute(sql`insert into care_home_capacity (location_id, as_at, max_capacity, occupied, vacant_reserved, vacant_accepting, source)
    select l.id, ${today}::timestamptz - make_interval(days => m * 30 + abs(hashtext(l.id::text)) % 5), l.registered_beds,
      l.registered_beds - 1 - (abs(hashtext(l.id::text || m::text)) % greatest(2, l.registered_beds / 6)), 0,
      1 + (abs(hashtext(l.id::text || m::text)) % greatest(2, l.registered_beds / 6)), 'bench'
    from locations l cross join generate_series(0, ${MONTHS - 1}::int) m where l.registered_beds is not null`);
  await db.execute(sql`insert into workforce_snapshots (location_id, as_at, nurses, care_staff, non_care_staff, agency_staff, vacancies, absences, source)
    select l.id, ${today}::timestamptz - make_interval(days => m * 30), l.registered_beds / 8, l.registered_beds, l.registered_beds / 3,
      abs(hashtext(l.id::text || 'a' || m::text)) % greatest(2, l.registered_beds / 4), 2, 1, 'bench'
    from locations l cross join generate_series(0, ${MONTHS - 1}::int) m where l.registered_beds is not null`);
  const y = Number(today.slice(0, 4));
  for (const [k, res, enh, nur, enhN] of [
    [0, 70100, 77200, 71500, 75300],
    [1, 62000, 69500, 63300, 67800],
    [2, 53400, 59800, 54500, 58400],
    [3, 50000, 56000, 51000, 54700],
  ]) {
    const from = `${y - k}-04-01`;
    await db.execute(sql`insert into usual_rates (band, effective_from, amount_pence, unit) values
      ('standard_residential', ${from}, ${res}, 'week'), ('enhanced_residential', ${from}, ${enh}, 'week'),
      ('standard_nursing', ${from}, ${nur}, 'week'), ('enhanced_nursing', ${from}, ${enhN}, 'week')`);
  }
  await db.execute(
    sql`insert into cost_of_care (service, effective_from, amount_pence, unit) values ('residential', ${`${y - 3}-04-01`}, 98300, 'week'), ('nursing', ${`${y - 3}-04-01`}, 118100, 'week')`,
  );
  // 1,000,000 placements over four years, in batches so PGlite's memory stays bounded.
  await db.execute(
    sql`create temporary table bench_homes as select id, row_number() over (order by id) as rn from locations where registered_beds is not null`,
  );
  const homes = HOMES;
  const batch = 200_000;
  for (let start = 0; start < PLACEMENTS; start += batch) {
    await db.execute(sql`insert into placements (person_ref, location_id, service_type, band, start_date, end_date, weekly_price_pence, funding, contract_type, origin)
      select 'B' || g, h.id, case when g % 3 = 0 then 'care_home_nursing' else 'care_home_residential' end,
        (array['standard_residential','enhanced_residential','standard_nursing','enhanced_nursing'])[1 + g % 4],
        ${today}::date - (abs(hashtext(g::text)) % 1460),
        case when g % 5 < 3 then greatest(${today}::date - (abs(hashtext(g::text || 'e')) % 200), ${today}::date - (abs(hashtext(g::text)) % 1460) + 14) else null end,
        50000 + (abs(hashtext(g::text || 'p')) % 90000),
        (array['council','council','council','nhs','joint','self_funded'])[1 + g % 6],
        (array['spot','framework','framework','block'])[1 + abs(hashtext(g::text || 'c')) % 4], 'bench'
      from generate_series(${start + 1}::int, ${Math.min(PLACEMENTS, start + batch)}::int) g join bench_homes h on h.rn = 1 + (abs(hashtext(g::text || 'h')) % ${homes}::int)`);
  }
  await db.execute(sql`drop table bench_homes`);
  await db.execute(sql`vacuum analyze`);
}

function stats(ms: number[]): { median: number; p95: number } {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { median: q(0.5), p95: q(0.95) };
}

/** Each dashboard request through the API, as the web app makes it (signed in as a commissioner). */
async function timeRequests(
  database: Database,
  runs: number,
): Promise<Record<string, { median: number; p95: number }>> {
  const app = await createTestApp(database);
  try {
    const commissioner = await signInAs(app, 'commissioner');
    const [home] = await queryRows<{ id: string }>(
      database.db,
      sql`select location_id as id from care_home_latest order by location_id limit 1`,
    );
    const requests: Record<string, string> = {
      'summary (national)': '/api/market/summary',
      'prices (national)': '/api/market/prices',
      'care homes + fragility (national)': '/api/market/care-homes',
      'vacancies (national)': '/api/market/vacancies',
      'one care home’s page (national)': `/api/market/locations/${home.id}`,
      'summary, nursing homes (national)': '/api/market/summary?serviceType=care_home_nursing',
      'prices, nursing homes (national)': '/api/market/prices?serviceType=care_home_nursing',
      'care homes, nursing (national)': '/api/market/care-homes?serviceType=care_home_nursing',
      'summary (one council)': '/api/market/summary?la=E09000016',
      'prices (one council)': '/api/market/prices?la=E09000016',
      'care homes + fragility (one council)': '/api/market/care-homes?la=E09000016',
      'every home in one response (download)': '/api/market/care-homes?pageSize=20000',
    };
    const out: Record<string, { median: number; p95: number }> = {};
    for (const [name, url] of Object.entries(requests)) {
      const first = await commissioner.get(url); // warm the cache and plans
      if (first.statusCode !== 200) throw new Error(`${url}: ${first.statusCode} ${first.body.slice(0, 200)}`);
      const ms: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        await commissioner.get(url);
        ms.push(performance.now() - t);
      }
      out[name] = stats(ms);
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
    return stats(ms).median;
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
    const runs = kind === 'postgres' ? 10 : 3;
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
    console.log(`  dashboard requests through the API (${runs} runs each, ms):`);
    for (const [name, s] of Object.entries(latencies))
      console.log(
        `    ${name.padEnd(44)} median ${s.median.toFixed(0).padStart(6)}   p95 ${s.p95.toFixed(0).padStart(6)}${kind === 'postgres' && name.includes('national') ? (s.p95 < 300 ? '   (under 300 ms)' : '   (over the 300 ms target)') : ''}`,
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
    `Market bench at scale ${SCALE}: wrote a ${HOMES + OTHER}-row CQC directory in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
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
