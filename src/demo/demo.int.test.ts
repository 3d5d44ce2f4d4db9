import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../db/client.js';
import { createUser } from '../db/core/users.js';
import { getBorough } from '../db/core/settings.js';
import { describeWithDatabases } from '../db/testing.js';
import { DEMO_BOROUGH } from './borough.js';
import { loadPlan } from '../db/bcf/plans.js';
import { allDemandCapacity, planScorecard } from '../db/bcf/returns.js';
import { monthsOfYear } from '../domain/bcf/period.js';
import { computeStewardCounts } from '../db/bcf/steward.js';
import { isDatabaseEmpty, loadDemo } from './index.js';
import { DEMO_STAFF } from './users.js';

const AS_AT = new Date('2026-11-01T00:00:00Z');

/** Row counts of every application table. */
async function tableCounts(db: Parameters<typeof queryRows>[0]) {
  const counts: Record<string, number> = {};
  for (const tablename of await demoTables(db)) {
    const [row] = await queryRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from "${tablename}"`));
    counts[tablename] = Number(row.n);
  }
  return counts;
}

/** Application tables whose contents the demo decides (not the audit trail or sign-in sessions). */
async function demoTables(db: Parameters<typeof queryRows>[0]): Promise<string[]> {
  // data_versions holds cache keys that every write raises (issue 15), not demo content.
  const tables = await queryRows<{ tablename: string }>(
    db,
    sql`select tablename from pg_tables where schemaname = 'public' and tablename not in ('audit_log', 'sessions', 'data_versions') order by 1`,
  );
  return tables.map((t) => t.tablename);
}

/**
 * The demo's fingerprint: for every table, an MD5 of all its rows (sorted), over every column except those filled
 * at write time or at random: ids and references (uuid; some tables take random ones), instants (timestamptz: when
 * a row was written), JSON documents and lists of ids (`…_ids` columns: the records they name take random ids), defaults calling now() or a sequence, and password hashes
 * (salted at random). Names, figures, prices, dates and codes all count. Two loads with the same seed must give the same digests, table by table: the same rows, not only
 * as many of them.
 */
async function tableDigests(db: Parameters<typeof queryRows>[0]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const tablename of await demoTables(db)) {
    const columns = await queryRows<{ column_name: string }>(
      db,
      sql`select column_name from information_schema.columns
          where table_schema = 'public' and table_name = ${tablename}
            and coalesce(column_default, '') not similar to '%(now\(\)|gen_random_uuid|CURRENT_TIMESTAMP|nextval)%'
            and column_name not in ('password_hash', 'created_at', 'updated_at')
            and column_name not like '%\\_ids'
            and data_type not in ('uuid', 'timestamp with time zone', 'jsonb')
          order by ordinal_position`,
    );
    if (columns.length === 0) continue;
    const list = columns.map((c) => `"${c.column_name}"`).join(', ');
    const [row] = await queryRows<{ digest: string | null; n: number }>(
      db,
      sql.raw(
        `select md5(coalesce(string_agg(r, E'\n' order by r), '')) as digest, count(*)::int as n
         from (select row(${list})::text as r from "${tablename}") t`,
      ),
    );
    out[tablename] = `${row.n} rows, ${row.digest}`;
  }
  return out;
}

describeWithDatabases('demo borough', (ctx) => {
  it('loads into an empty database, resets on reload with the same result for the same seed, and keeps administrators', async () => {
    expect(await isDatabaseEmpty(ctx.db)).toBe(true);
    await createUser(
      ctx.db,
      { email: 'ops@council.example', name: 'Ops Admin', role: 'admin', password: 'a long admin password' },
      { system: 'test' },
    );

    await loadDemo(ctx.db, { seed: 7, asAt: AS_AT });
    expect(await isDatabaseEmpty(ctx.db)).toBe(false);
    expect(await getBorough(ctx.db)).toEqual(DEMO_BOROUGH);
    const first = await tableCounts(ctx.db);

    const firstDigests = await tableDigests(ctx.db);
    // Not vacuous: the demo fills the areas' main tables.
    for (const table of ['locations', 'placements', 'contracts', 'discharge_referrals', 'usual_rates'])
      expect(first[table], table).toBeGreaterThan(0);

    await loadDemo(ctx.db, { seed: 7, asAt: AS_AT });
    const second = await tableCounts(ctx.db);
    expect(second).toEqual(first);
    // The same rows, column by column, not only as many: every table's digest is the same.
    expect(await tableDigests(ctx.db)).toEqual(firstDigests);

    // The BCF plan's schemes name the register's contracts, and its risk log comes from the risk register.
    const links = await queryRows<{ ref: string; contracts: string }>(
      ctx.db,
      sql`select s.ref, string_agg(c.reference, ',' order by c.reference) as contracts
          from bcf_schemes s join contracts c on c.id::text = any(s.contract_ids) group by s.ref order by s.ref`,
    );
    expect(links.find((l) => l.ref === 'HAV-06')?.contracts).toBe('EB-CAR-001,EB-CAR-002,EB-CAR-003');
    expect(links.length).toBe(9);
    const logged = await queryRows<{ reference: string }>(
      ctx.db,
      sql`select r.reference from bcf_risk_links l join risks r on r.id = l.risk_id order by 1`,
    );
    expect(logged.map((r) => r.reference)).toEqual(['BCF-1', 'BCF-2', 'BCF-3', 'BCF-4', 'BCF-5', 'CON-2']);

    // The borough's own BCF plan: its admissions and discharges home computed by Steward from placements and the
    // hub (the same counts a fresh computation gives), a plan set against them.
    const [own] = await queryRows<{ id: string; name: string }>(
      ctx.db,
      sql`select p.id, pl.name from bcf_plans p join bcf_places pl on pl.plan_id = p.id where pl.gss_code = ${DEMO_BOROUGH.gssCode}`,
    );
    expect(own.name).toBe(DEMO_BOROUGH.name);
    const stored = await queryRows<{
      metric: string;
      year: string;
      quarter: number;
      numerator: number;
      source: string;
    }>(
      ctx.db,
      sql`select c.metric, c.year, c.quarter, c.numerator, c.source from bcf_metric_counts c
          join bcf_places pl on pl.id = c.place_id where pl.plan_id = ${own.id} order by 1, 2, 3`,
    );
    expect(stored.filter((c) => c.metric === 'residential_admissions').length).toBeGreaterThan(4);
    expect(stored.every((c) => c.source.startsWith('Steward '))).toBe(true);
    const fresh = await computeStewardCounts(ctx.db, await loadPlan(ctx.db, own.id), AS_AT.toISOString().slice(0, 10));
    const key = (c: { metric: string; year: string; quarter: number; numerator: number }) =>
      `${c.metric} ${c.year} Q${c.quarter}: ${c.numerator}`;
    expect(fresh.map(key).sort()).toEqual(stored.map(key).sort());

    // Like the joint plan, the borough's plan shows all four metrics with a plan and an actual (falls and avoidable
    // admissions from hospital activity for its residents), and demand and capacity for the next plan year.
    const ownPlan = await loadPlan(ctx.db, own.id);
    const card = await planScorecard(ctx.db, ownPlan);
    expect(card.map((m) => m.definition.key).sort()).toEqual([
      'avoidable_admissions',
      'discharge_home',
      'falls',
      'residential_admissions',
    ]);
    for (const m of card) {
      const baselineYear = m.years.find((y) => y.year === ownPlan.baselineYear)!;
      expect(baselineYear.plan, m.definition.key).not.toBeNull();
      expect(baselineYear.actual, m.definition.key).not.toBeNull();
    }
    // Calibrated as the joint plan's places: falls about 1,900 per 100,000 aged 65+, ACSC a few hundred a quarter.
    const falls = card.find((m) => m.definition.key === 'falls')!.years[0];
    expect(falls.actual!).toBeGreaterThan(1_300);
    expect(falls.actual!).toBeLessThan(2_600);
    const dc = await allDemandCapacity(ctx.db, ownPlan);
    const months = new Set(monthsOfYear(ownPlan.years[1]));
    const nextYear = dc.filter((r) => months.has(r.month));
    expect(new Set(nextYear.map((r) => r.service)).size).toBeGreaterThanOrEqual(3);
    expect(nextYear.filter((r) => r.demand !== null && r.capacity !== null).length).toBeGreaterThanOrEqual(36);

    const users = await queryRows<{ email: string; role: string }>(
      ctx.db,
      sql`select email, role from users order by email`,
    );
    expect(users.map((u) => u.email)).toContain('ops@council.example');
    for (const staff of DEMO_STAFF) expect(users).toContainEqual({ email: staff.email, role: staff.role });
  }, 900_000); // two full demo loads
});
