// The demo borough: a deterministic, seeded, synthetic dataset. Each area adds its own part, loaded in the
// order below (later parts read what earlier ones wrote). `steward demo --seed N` resets and reloads.
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/client.js';
import { recordAudit } from '../db/core/audit.js';
import { putBorough } from '../db/core/settings.js';
import { createRng } from '../domain/core/random.js';
import { DEMO_BOROUGH } from './borough.js';
import type { DemoPart } from './part.js';

export type { DemoContext, DemoPart } from './part.js';
import { createDemoStaff } from './users.js';
import { marketDemoPart } from './market.js';
import { demandDemoPart } from './demand.js';
import { dischargeDemoPart } from './discharge.js';
import { contractsDemoPart } from './contracts.js';
import { mpsDemoPart } from './mps.js';
import { directoryDemoPart } from './directory.js';
import { bcfDemoPart } from './bcf.js';
import { bcfBoroughDemoPart } from './bcfBorough.js';

const corePart: DemoPart = {
  name: 'core',
  description: 'the borough and one demo account per staff role',
  async load(db) {
    await putBorough(db, { ...DEMO_BOROUGH });
    await createDemoStaff(db);
  },
};

/** Parts in load order. One line per area. */
export const demoParts: DemoPart[] = [
  corePart,
  marketDemoPart,
  demandDemoPart,
  dischargeDemoPart,
  contractsDemoPart,
  mpsDemoPart,
  directoryDemoPart,
  bcfDemoPart,
  bcfBoroughDemoPart,
];

export interface LoadDemoOptions {
  seed?: number;
  asAt?: Date;
  log?: (message: string) => void;
  onProgress?: (part: string, partIndex: number, partCount: number, done: number, total: number) => void;
}

/** Every application table (all tables in the public schema). */
async function appTables(db: Db): Promise<string[]> {
  const rows = await queryRows<{ tablename: string }>(
    db,
    sql`select tablename from pg_tables where schemaname = 'public' order by tablename`,
  );
  return rows.map((r) => r.tablename);
}

/**
 * Reset the database to the demo borough: every table is emptied except that administrator accounts are kept
 * (so the operator can still sign in), then each part loads. All in one transaction: a failure leaves the
 * database as it was.
 */
export async function loadDemo(
  db: Db,
  options: LoadDemoOptions = {},
): Promise<{ seed: number; asAt: Date; parts: string[] }> {
  const seed = options.seed ?? 1;
  const asAt = startOfDay(options.asAt ?? new Date());
  const log = options.log ?? (() => {});
  await db.transaction(async (tx) => {
    const admins = await queryRows(
      tx,
      sql`select * from users where role = 'admin' and email not like '%@demo.steward.test'`,
    );
    const tables = await appTables(tx);
    if (tables.length)
      await tx.execute(sql.raw(`truncate table ${tables.map((t) => `"${t}"`).join(', ')} restart identity cascade`));
    for (const row of admins) {
      await tx.execute(sql`insert into users (id, email, name, role, provider_id, password_hash, created_at, last_sign_in_at, disabled_at)
        values (${row.id}, ${row.email}, ${row.name}, ${row.role}, null, ${row.password_hash}, ${row.created_at}, ${row.last_sign_in_at}, ${row.disabled_at})`);
    }
    for (const [i, part] of demoParts.entries()) {
      log(`Loading ${part.name}: ${part.description}`);
      options.onProgress?.(part.name, i, demoParts.length, 0, 1);
      await part.load(tx, {
        seed,
        asAt,
        rng: (stream) => createRng(seed, `${part.name}/${stream}`),
        log,
        progress: (done, total) => options.onProgress?.(part.name, i, demoParts.length, done, total),
      });
      options.onProgress?.(part.name, i, demoParts.length, 1, 1);
    }
    await recordAudit(
      tx,
      { system: 'demo' },
      {
        action: 'load',
        entity: 'demo',
        detail: { seed, asAt: asAt.toISOString().slice(0, 10), parts: demoParts.map((p) => p.name) },
      },
    );
  });
  return { seed, asAt, parts: demoParts.map((p) => p.name) };
}

export function startOfDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

/** Has anything been loaded yet? (npm start loads the demo into an empty database.) */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from settings where key = 'borough'`);
  return Number(row.n) === 0;
}
