// National scale (issue 15), on PostgreSQL: at each scale asked for (--scale=0.1,0.3,1; 1 = 15,000 care homes,
// 1,000,000 placements, three years of monthly capacity returns, 500,000 discharge referrals over three years for
// one hub), in a database of its own (steward_bench_<scale>, dropped afterwards unless --keep):
//  - every market dashboard request as the web app makes it, including prices filtered by service type,
//    specialism, rating and area (target p95 < 100 ms);
//  - the discharge hub's board, metrics and D2A (target p95 < 100 ms) and candidate search for a waiting person
//    (target p95 < 50 ms);
//  - the writes: a capacity return, a placement and a referral, each committed with the figures they keep
//    (target p95 < 50 ms).
// Each through the API in-process (Fastify inject, as the web app's requests arrive minus the socket), timed twice:
// WARM, 2 warm-ups then --samples (default 30) samples of unchanged data, so reports cached per data version
// (src/db/core/versions.ts) are hit; and COLD, --samples samples each after every data version is bumped (untimed,
// as the health bench does), so each report is computed afresh as after a write. The target applies to both p95s.
// Tables: warm, cold, and warm/cold side by side; then, with several scales, p95 per request across the scales
// (warm / cold), so that cost growing faster than the data shows. The machine's load is printed with every table.
// Data is generated inside the database (generate_series, hashtext for deterministic spread), so 1× takes minutes,
// not hours. Flags: --scale=0.1,0.3,1 (default 0.1)  --samples=30  --keep  --only=<label part>,…  (only those reads;
// STEWARD_BENCH_DATABASE_URL: the server)
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { migrateDatabase, openDatabase, queryRows, type Database } from '../src/db/client.js';
import { recordCareHomeReturn } from '../src/db/market/capacity.js';
import { createPlacement } from '../src/db/market/placements.js';
import { createReferral } from '../src/db/discharge/referrals.js';
import { cqcImporter } from '../src/importers/cqc.js';
import { fileSource, runImport } from '../src/importers/framework.js';
import { createTestApp, signInAs } from '../src/server/testing.js';
import { generate, homePart, homeParts, setScale, writeDirectory } from './marketData.js';
import { flag, hasFlag, machineLoad, percentile, printTable, type Timed } from './lib.js';

const ADMIN_URL = process.env.STEWARD_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SCALES = flag('scale', process.env.STEWARD_BENCH_SCALE, '0.1')
  .split(',')
  .map(Number)
  .filter((s) => s > 0);
const SAMPLES = Number(flag('samples', process.env.STEWARD_BENCH_SAMPLES, '30'));
const KEEP = hasFlag('keep');
/** --only=market summary,care homes: time only the reads whose label contains one of these (writes always run). */
const ONLY = flag('only', process.env.STEWARD_BENCH_ONLY, '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);

const secs = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`;

async function adminQuery(q: string): Promise<void> {
  const c = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  await c.connect();
  try {
    await c.query(q);
  } finally {
    await c.end();
  }
}

/** Returns older than the market generator's twelve months: months 12–35, so each home has three years. */
async function olderReturns(database: Database, today: string): Promise<void> {
  for (let i = 0; i < homeParts(); i++)
    await database.db
      .execute(sql`insert into care_home_capacity (location_id, as_at, max_capacity, occupied, vacant_reserved, vacant_accepting, source)
    select l.id, ${today}::timestamptz - make_interval(days => m * 30 + abs(hashtext(l.id::text)) % 5), l.registered_beds,
      l.registered_beds - 1 - (abs(hashtext(l.id::text || m::text)) % greatest(2, l.registered_beds / 6)), 0,
      1 + (abs(hashtext(l.id::text || m::text)) % greatest(2, l.registered_beds / 6)), 'bench'
    from locations l cross join generate_series(12, 35) m where l.registered_beds is not null and ${homePart(sql`l.id`, i)}`);
}

/**
 * One hub's referrals over three years, newest first (referral g was made (g − 1) × 3 years ÷ n ago): pathway
 * 0 / 1 / 2 / 3 for 50 / 30 / 15 / 5 %, waits of 0–10 days after medically optimised (longer for pathways 2–3),
 * 3 % cancelled, a delay episode for a third of those waiting over a day, block-bed stays for D2A discharges.
 * People whose discharge time is still ahead are on the board (about 2,000 at 1×).
 */
async function generateDischarge(database: Database, referrals: number, now: Date): Promise<void> {
  const db = database.db;
  const nowIso = now.toISOString();
  await db.execute(sql`insert into postcode_districts (district, lat, lng, postcodes, source)
    select d, 50.3 + (abs(hashtext(d)) % 5500) / 1000.0, -4.8 + (abs(hashtext(d || 'x')) % 6400) / 1000.0, 1000, 'bench'
    from (select distinct postcode_district d from locations where postcode_district <> '') s
    on conflict do nothing`);
  const span = 3 * 365 * 86400;
  await db.execute(sql`insert into discharge_referrals (person_ref, age_band, postcode_district, hospital, ward, pathway,
      service_need, funding_route, referred_at, medically_optimised_at, request_sent_at, first_offer_at, awarded_at,
      discharged_at, cancelled_at, destination)
    select 'R' || g, (array['18-64','65-74','75-84','85-94','95+'])[1 + g % 5], d.district, 'Bench General Hospital',
      'Ward ' || (g % 24), p.pw,
      case p.pw when 0 then 'none' when 1 then (array['reablement','homecare'])[1 + g % 2]
        when 2 then (array['d2a_bed','rehab_bed'])[1 + g % 2] else (array['care_home_residential','care_home_nursing','care_home_dementia'])[1 + g % 3] end,
      (array['discharge_fund','council','nhs_chc','self_funded'])[1 + g % 4],
      t.ref, t.mo,
      case when p.pw > 0 then t.mo + interval '2 hours' end,
      case when p.pw > 0 and t.w > 6 then t.mo + interval '6 hours' end,
      case when p.pw > 0 and t.w > 20 and t.mo + make_interval(hours => t.w) <= ${nowIso}::timestamptz then t.mo + interval '20 hours' end,
      case when not t.cancel and t.mo + make_interval(hours => t.w) <= ${nowIso}::timestamptz then t.mo + make_interval(hours => t.w) end,
      case when t.cancel and t.mo + interval '12 hours' <= ${nowIso}::timestamptz then t.mo + interval '12 hours' end,
      case when t.cancel or t.mo + make_interval(hours => t.w) > ${nowIso}::timestamptz then null
        when p.pw <= 1 then 'usual_residence' when p.pw = 2 then (array['d2a_bed','rehab_bed'])[1 + g % 2] else 'care_home' end
    from generate_series(1, ${referrals}::int) g
    cross join lateral (select case when g % 20 < 10 then 0 when g % 20 < 16 then 1 when g % 20 < 19 then 2 else 3 end as pw) p
    cross join lateral (select ${nowIso}::timestamptz - make_interval(secs => (g - 1)::double precision * ${span} / ${referrals}) as ref,
      abs(hashtext(g::text || 'w')) % (case when p.pw >= 2 then 480 else 240 end) as w0) b
    cross join lateral (select b.ref as ref, b.ref + make_interval(hours => abs(hashtext(g::text || 'm')) % 72) as mo,
      b.w0 as w, g % 33 = 0 as cancel) t
    cross join (select array_agg(district order by district) a, least(50, count(*))::int n from postcode_districts) ds
    cross join lateral (select ds.a[1 + abs(hashtext(g::text || 'd')) % ds.n] as district) d`);
  await db.execute(sql`insert into discharge_delays (referral_id, reason, from_at, to_at)
    select id, (array['awaiting_care_home','awaiting_homecare','awaiting_assessment','awaiting_equipment','family_choice','other'])[1 + abs(hashtext(id::text)) % 6],
      medically_optimised_at + interval '24 hours', discharged_at
    from discharge_referrals
    where abs(hashtext(id::text || 'd')) % 3 = 0 and coalesce(discharged_at, ${nowIso}::timestamptz) > medically_optimised_at + interval '24 hours'
      and cancelled_at is null`);
  // Block beds: 40 D2A and 20 rehab beds in homes; each D2A/rehab discharge takes the bed its number points at.
  await db.execute(sql`insert into discharge_block_beds (location_id, kind, label, weekly_price_pence, from_date)
    select (select id from locations where registered_beds is not null order by id offset (k % 20) limit 1),
      case when k <= 40 then 'd2a' else 'rehab' end, 'Bed ' || k, 98000, (${nowIso}::timestamptz - interval '3 years')::date
    from generate_series(1, 60) k`);
  await db.execute(sql`insert into discharge_bed_stays (bed_id, referral_id, person_ref, admitted_at, left_at, outcome)
    select b.id, r.id, r.person_ref, r.discharged_at,
      case when r.discharged_at + make_interval(days => 10 + abs(hashtext(r.id::text)) % 40) < ${nowIso}::timestamptz
        then r.discharged_at + make_interval(days => 10 + abs(hashtext(r.id::text)) % 40) end,
      case when r.discharged_at + make_interval(days => 10 + abs(hashtext(r.id::text)) % 40) < ${nowIso}::timestamptz
        then (array['home','home','home','long_term_care','hospital','died'])[1 + abs(hashtext(r.id::text || 'o')) % 6] end
    from discharge_referrals r
    cross join (select array_agg(id order by label) filter (where kind = 'd2a') d2a,
      array_agg(id order by label) filter (where kind = 'rehab') rehab from discharge_block_beds) beds
    cross join lateral (select case when r.destination = 'd2a_bed' then beds.d2a[1 + abs(hashtext(r.id::text)) % 40]
      else beds.rehab[1 + abs(hashtext(r.id::text)) % 20] end as id) b
    where r.destination in ('d2a_bed', 'rehab_bed') and r.discharged_at > ${nowIso}::timestamptz - interval '1 year'`);
  await db.execute(sql`vacuum analyze`);
}

interface ScaleResult {
  scale: number;
  /** Warm: reports cached per data version kept between samples (and the writes). */
  rows: Timed[];
  /** Cold: every data version bumped before each sample, so each report is computed afresh. */
  coldRows: Timed[];
}

/** As after a write to every area: each area's data version raised, so no report cached per version is used. */
async function bumpVersions(database: Database): Promise<void> {
  await database.db.execute(sql`update data_versions set version = nextval('data_versions_seq')`);
}

/**
 * One row per request: warm and cold median and p95, the target and whether both p95s are within it (writes have
 * no cold run: each write raises its area's version itself), slowest cold p95 first.
 */
function printWarmCold(title: string, warm: readonly Timed[], cold: readonly Timed[]): void {
  console.log(`\n${title} — ${machineLoad()}`);
  const f = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(1)).padStart(10);
  const p = (r: Timed | undefined, q: number) => (r ? percentile(r.samples, q) : undefined);
  const width = Math.max(20, ...warm.map((r) => r.name.length));
  console.log(
    `${'request'.padEnd(width)}${'warm p50'.padStart(10)}${'warm p95'.padStart(10)}${'cold p50'.padStart(10)}${'cold p95'.padStart(10)}  target  ok`,
  );
  const sorted = [...warm].sort(
    (a, b) =>
      (p(
        cold.find((c) => c.name === b.name),
        0.95,
      ) ?? p(b, 0.95)!) -
      (p(
        cold.find((c) => c.name === a.name),
        0.95,
      ) ?? p(a, 0.95)!),
  );
  let over = 0;
  for (const w of sorted) {
    const c = cold.find((x) => x.name === w.name);
    const ok = p(w, 0.95)! < w.target && (c === undefined || p(c, 0.95)! < w.target);
    if (!ok) over++;
    console.log(
      `${w.name.padEnd(width)}${f(p(w, 0.5))}${f(p(w, 0.95))}${f(p(c, 0.5))}${f(p(c, 0.95))}  ${`<${w.target}`.padStart(6)}  ${ok ? 'yes' : 'NO'}`,
    );
  }
  console.log(`${sorted.length - over} of ${sorted.length} within target warm and cold; ${over} over.`);
}

async function runScale(scale: number, directory: string): Promise<ScaleResult> {
  setScale(scale);
  writeDirectory(directory);
  const name = `steward_bench_${String(scale).replace('.', '_')}`;
  await adminQuery(`drop database if exists ${name} with (force)`);
  await adminQuery(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), maxConnections: 4 });
  try {
    await migrateDatabase(database);
    const now = new Date();
    const today = now.toISOString().slice(0, 10);
    let t = performance.now();
    await runImport(database.db, cqcImporter, fileSource(directory), {
      actor: { system: 'bench' },
      options: { borough: 'E09000016' },
    });
    console.log(`  scale ${scale}: CQC directory imported in ${secs(t)}`);
    t = performance.now();
    await generate(database, now);
    await olderReturns(database, today);
    console.log(`  scale ${scale}: returns, workforce, rates and placements generated in ${secs(t)}`);
    t = performance.now();
    await generateDischarge(database, Math.round(500_000 * scale), now);
    console.log(`  scale ${scale}: discharge referrals, delays and bed stays generated in ${secs(t)}`);
    const [counts] = await queryRows<Record<string, number>>(
      database.db,
      sql`select (select count(*) from locations where registered_beds is not null)::int homes,
        (select count(*) from care_home_capacity)::int returns, (select count(*) from placements)::int placements,
        (select count(*) from discharge_referrals)::int referrals,
        (select count(*) from discharge_referrals where discharged_at is null and cancelled_at is null)::int waiting`,
    );
    console.log(
      `  scale ${scale}: ${counts.homes.toLocaleString('en-GB')} care homes, ${counts.returns.toLocaleString('en-GB')} capacity returns, ${counts.placements.toLocaleString('en-GB')} placements, ${counts.referrals.toLocaleString('en-GB')} referrals (${counts.waiting.toLocaleString('en-GB')} waiting)`,
    );

    const app = await createTestApp(database);
    const rows: Timed[] = [];
    const coldRows: Timed[] = [];
    try {
      const commissioner = await signInAs(app, 'commissioner');
      const broker = await signInAs(app, 'broker');
      const [home] = await queryRows<{ id: string }>(
        database.db,
        sql`select location_id as id from care_home_latest order by location_id limit 1`,
      );
      const [waiting] = await queryRows<{ id: string }>(
        database.db,
        sql`select id::text from discharge_referrals where discharged_at is null and cancelled_at is null and pathway = 3 order by referred_at desc limit 1`,
      );
      const [district] = await queryRows<{ d: string }>(
        database.db,
        sql`select postcode_district d from locations where postcode_district <> '' group by 1 order by count(*) desc limit 1`,
      );
      const market: [string, string][] = [
        ['market summary', '/api/market/summary?scope=all'],
        ['market summary (borough)', '/api/market/summary'],
        ['prices', '/api/market/prices?scope=all'],
        ['prices by service type', '/api/market/prices?scope=all&serviceType=care_home_nursing'],
        ['prices by specialism', '/api/market/prices?scope=all&specialism=dementia'],
        ['prices by rating', '/api/market/prices?scope=all&rating=Requires%20improvement'],
        ['prices by area (one council)', '/api/market/prices?scope=all&la=E09000016'],
        ['prices by area (district)', `/api/market/prices?scope=all&district=${district.d}`],
        ['care homes + fragility', '/api/market/care-homes?scope=all'],
        ['care homes, nursing', '/api/market/care-homes?scope=all&serviceType=care_home_nursing'],
        ['vacancies', '/api/market/vacancies?scope=all'],
        ['one care home', `/api/market/locations/${home.id}`],
      ];
      const hub: [string, string, number][] = [
        ['discharge board', '/api/discharge/board', 100],
        ['discharge metrics (months)', '/api/discharge/metrics?period=month', 100],
        ['discharge metrics (weeks)', '/api/discharge/metrics?period=week', 100],
        ['D2A', '/api/discharge/d2a', 100],
        ['candidate search', `/api/discharge/referrals/${waiting.id}/candidates`, 50],
      ];
      const reads = [...market.map(([l, u]) => [l, u, 100] as const), ...hub].filter(
        ([label]) => ONLY.length === 0 || ONLY.some((o) => label.includes(o)),
      );
      for (const [label, u, target] of reads) {
        const client = u.startsWith('/api/discharge') ? broker : commissioner;
        // Warm: 2 warm-ups, then repeated requests for unchanged data, so reports cached per data version are hit.
        const samples: number[] = [];
        let status = 0;
        for (let i = 0; i < SAMPLES + 2; i++) {
          const started = performance.now();
          const res = await client.get(u);
          status = res.statusCode;
          if (i >= 2) samples.push(performance.now() - started);
        }
        rows.push({ name: status === 200 ? label : `${label} (HTTP ${status})`, samples, target });
        // Cold: every data version bumped before each sample (untimed), as after any write, so every cached report
        // is computed again (as the health bench's "every run cold"). PostgreSQL's own buffers stay warm.
        const cold: number[] = [];
        let coldStatus = 0;
        for (let i = 0; i < SAMPLES; i++) {
          await bumpVersions(database);
          const started = performance.now();
          const res = await client.get(u);
          coldStatus = res.statusCode;
          cold.push(performance.now() - started);
        }
        coldRows.push({ name: coldStatus === 200 ? label : `${label} (HTTP ${coldStatus})`, samples: cold, target });
      }

      // Writes: each commits one row and the aggregates it changes.
      const homes = await queryRows<{ id: string; beds: number }>(
        database.db,
        sql`select l.id, l.registered_beds as beds from locations l join care_home_latest c on c.location_id = l.id
            where c.vacant_accepting > 1 order by l.id limit ${SAMPLES + 2}`,
      );
      const timeWrite = async (label: string, fn: (i: number) => Promise<unknown>) => {
        const samples: number[] = [];
        for (let i = 0; i < SAMPLES + 2; i++) {
          const started = performance.now();
          await fn(i);
          if (i >= 2) samples.push(performance.now() - started);
        }
        rows.push({ name: label, samples, target: 50 });
      };
      const h = (i: number) => homes[i % homes.length];
      await timeWrite('write: capacity return', (i) =>
        recordCareHomeReturn(database.db, { system: 'bench' }, h(i).id, {
          maxCapacity: h(i).beds,
          occupied: h(i).beds - 2,
          vacantReserved: 0,
          vacantAccepting: 2,
        }),
      );
      await timeWrite('write: placement', (i) =>
        createPlacement(
          database.db,
          { system: 'bench' },
          {
            personRef: `BENCH-${i}`,
            locationId: h(i).id,
            serviceType: 'care_home_residential',
            band: 'standard_residential',
            startDate: today,
            weeklyPricePence: 72_000,
          },
        ),
      );
      await timeWrite('write: referral', (i) =>
        createReferral(
          database.db,
          {
            personRef: `BENCH-W-${i}`,
            ageBand: '85-94',
            postcodeDistrict: district.d,
            hospital: 'Bench General Hospital',
            ward: 'Ward 1',
            medicallyOptimisedAt: now.toISOString(),
            pathway: 1,
            serviceNeed: 'reablement',
            doubleHanded: false,
            specialisms: [],
            equipment: [],
            needsSummary: '',
            fundingRoute: 'discharge_fund',
            preferredDistricts: [],
            preferredLocationIds: [],
          },
          { system: 'bench' },
          now,
        ),
      );
    } finally {
      await app.close();
    }
    printTable(
      `National scale ${scale}× on PostgreSQL, WARM (reports cached per data version kept; 2 warm-ups): ${SAMPLES} samples each (ms)`,
      rows,
    );
    printTable(
      `National scale ${scale}× on PostgreSQL, COLD (every data version bumped before each sample: no cached report): ${SAMPLES} samples each (ms)`,
      coldRows,
    );
    printWarmCold(
      `National scale ${scale}×: warm and cold side by side, target applies to both p95s (ms)`,
      rows,
      coldRows,
    );
    return { scale, rows, coldRows };
  } finally {
    await database.close();
    if (!KEEP) await adminQuery(`drop database if exists ${name} with (force)`);
    else console.log(`  kept database ${name}`);
  }
}

async function main(): Promise<void> {
  try {
    await adminQuery('select 1');
  } catch {
    console.log(`National bench skipped: no PostgreSQL at ${ADMIN_URL} (set STEWARD_BENCH_DATABASE_URL).`);
    return;
  }
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'steward-bench-national-'));
  const results: ScaleResult[] = [];
  try {
    for (const scale of SCALES) results.push(await runScale(scale, path.join(tmp, 'cqc-directory.csv')));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  if (results.length > 1) {
    console.log(`\nHow cost grows: p95 (ms) per request at each scale, warm / cold — ${machineLoad()}`);
    const names = results[0].rows.map((r) => r.name);
    console.log(`${'request'.padEnd(34)}${results.map((r) => `${r.scale}×`.padStart(16)).join('')}  target`);
    for (const n of names) {
      const cells = results.map((r) => {
        const row = r.rows.find((x) => x.name === n);
        const cold = r.coldRows.find((x) => x.name === n);
        const warm = row ? percentile(row.samples, 0.95).toFixed(1) : '–';
        return (cold ? `${warm} / ${percentile(cold.samples, 0.95).toFixed(1)}` : warm).padStart(16);
      });
      const target = results[0].rows.find((x) => x.name === n)!.target;
      console.log(`${n.padEnd(34)}${cells.join('')}  <${target}`);
    }
  }
}

await main();
