// The market benchmarks' data set: a CQC directory CSV in the published layout (care homes from ~6,000 providers plus
// other services) and, once imported, capacity returns, workforce, usual rates, cost of care and placements generated
// inside the database. Deterministic for a given scale. Used by market.bench.ts and national.bench.ts.
import { writeFileSync } from 'node:fs';
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../src/db/client.js';
import { createRng } from '../src/domain/core/random.js';

let HOMES = 0;
let OTHER = 0;
let PLACEMENTS = 0;
/** Sets the size the next `writeDirectory` and `generate` make: 15,000 homes, 5,000 other services and 1,000,000
 * placements at scale 1. */
export function setScale(scale: number): void {
  HOMES = Math.round(15_000 * scale);
  OTHER = Math.round(5_000 * scale);
  PLACEMENTS = Math.round(1_000_000 * scale);
}

/** How many care homes the data set has at the current scale (15,000 is national). */
export function homeCount(): number {
  return HOMES;
}

/** How many CQC directory rows `writeDirectory` writes at the current scale (care homes and other services). */
export function directoryRows(): number {
  return HOMES + OTHER;
}

/** What the data covers: "national, 15,000 homes" only at full scale, else the homes it has. */
export function scaleLabel(): string {
  return HOMES >= 15_000
    ? `national, ${HOMES.toLocaleString('en-GB')} homes`
    : `${HOMES.toLocaleString('en-GB')} homes, ${Math.round((HOMES / 15_000) * 100)}% of national`;
}
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

/**
 * The homes split into parts of at most 1,500 for the generating statements: the market triggers take one
 * advisory lock per home a statement writes for, and PostgreSQL's lock table (max_locks_per_transaction 64 ×
 * max_connections 100 by default, shared by every session) has no room for 15,000 in one transaction.
 */
export function homeParts(): number {
  return Math.max(1, Math.ceil(HOMES / 1500));
}
/** The condition selecting part `i` of homeParts() on a location id column. */
export const homePart = (column: SQL, i: number): SQL =>
  sql`abs(hashtext(${column}::text)) % ${homeParts()}::int = ${i}::int`;

/** Capacity returns, workforce, usual rates and placements generated inside the database (deterministic). */
export async function generate(database: Database, now: Date): Promise<void> {
  const db = database.db;
  const parts = Array.from({ length: homeParts() }, (_, i) => i);
  await db.execute(sql`update locations set registered_beds = 10 + (abs(hashtext(cqc_location_id)) % 41), in_borough = true,
    cqc_rating = (array['Outstanding','Good','Good','Good','Good','Good','Good','Requires improvement','Requires improvement','Inadequate'])[1 + abs(hashtext(cqc_location_id || 'r')) % 10],
    on_framework = abs(hashtext(cqc_location_id || 'f')) % 3 > 0`);
  const today = now.toISOString().slice(0, 10);
  for (const i of parts) {
    await db.execute(sql`insert into care_home_capacity (location_id, as_at, max_capacity, occupied, vacant_reserved, vacant_accepting, source)
    select l.id, ${today}::timestamptz - make_interval(days => m * 30 + abs(hashtext(l.id::text)) % 5), l.registered_beds,
      l.registered_beds - 1 - (abs(hashtext(l.id::text || m::text)) % greatest(2, l.registered_beds / 6)), 0,
      1 + (abs(hashtext(l.id::text || m::text)) % greatest(2, l.registered_beds / 6)), 'bench'
    from locations l cross join generate_series(0, ${MONTHS - 1}::int) m where l.registered_beds is not null and ${homePart(sql`l.id`, i)}`);
    await db.execute(sql`insert into workforce_snapshots (location_id, as_at, nurses, care_staff, non_care_staff, agency_staff, vacancies, absences, source)
    select l.id, ${today}::timestamptz - make_interval(days => m * 30), l.registered_beds / 8, l.registered_beds, l.registered_beds / 3,
      abs(hashtext(l.id::text || 'a' || m::text)) % greatest(2, l.registered_beds / 4), 2, 1, 'bench'
    from locations l cross join generate_series(0, ${MONTHS - 1}::int) m where l.registered_beds is not null and ${homePart(sql`l.id`, i)}`);
  }
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
  for (let start = 0; start < PLACEMENTS; start += batch)
    for (const i of parts) {
      await db.execute(sql`insert into placements (person_ref, location_id, service_type, band, start_date, end_date, weekly_price_pence, funding, contract_type, origin)
      select 'B' || g, h.id, case when g % 3 = 0 then 'care_home_nursing' else 'care_home_residential' end,
        (array['standard_residential','enhanced_residential','standard_nursing','enhanced_nursing'])[1 + g % 4],
        ${today}::date - (abs(hashtext(g::text)) % 1460),
        case when g % 5 < 3 then greatest(${today}::date - (abs(hashtext(g::text || 'e')) % 200), ${today}::date - (abs(hashtext(g::text)) % 1460) + 14) else null end,
        50000 + (abs(hashtext(g::text || 'p')) % 90000),
        (array['council','council','council','nhs','joint','self_funded'])[1 + g % 6],
        (array['spot','framework','framework','block'])[1 + abs(hashtext(g::text || 'c')) % 4], 'bench'
      from generate_series(${start + 1}::int, ${Math.min(PLACEMENTS, start + batch)}::int) g join bench_homes h on h.rn = 1 + (abs(hashtext(g::text || 'h')) % ${homes}::int)
      where ${homePart(sql`h.id`, i)}`);
    }
  await db.execute(sql`drop table bench_homes`);
  await db.execute(sql`vacuum analyze`);
}
