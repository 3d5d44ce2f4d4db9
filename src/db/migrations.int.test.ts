// The migrations on each kind of database: a fresh database gets every one; a database on the schema before the
// BCF data version (0003) upgrades with its data kept and its BCF figures cached and refreshed from then on; and a
// database from a development version before the squashed baseline is refused with the words saying what to do.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { describe, expect, it } from 'vitest';
import { loadPlan } from './bcf/plans.js';
import {
  MIGRATIONS_FOLDER,
  migrateDatabase,
  openDatabase,
  queryRows,
  type Database,
  type DatabaseKind,
} from './client.js';
import { dataVersion } from './core/versions.js';
import { createScratchDatabase, postgresTestUrl } from './testing.js';

/** drizzle/ as it was before the migrations from `tag` on: the same files, the journal cut before that entry. */
function migrationsBefore(tag: string): { folder: string; remove: () => void } {
  const folder = mkdtempSync(path.join(tmpdir(), 'steward-migrations-'));
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalPath = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag === tag);
  expect(at).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, at);
  writeFileSync(journalPath, JSON.stringify(journal));
  return { folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

async function withDatabase(kind: DatabaseKind, body: (database: Database) => Promise<void>): Promise<void> {
  let drop: (() => Promise<void>) | null = null;
  let database: Database;
  if (kind === 'pglite') database = await openDatabase({ dataDir: 'memory://' });
  else {
    const created = await createScratchDatabase(postgresTestUrl());
    drop = created.drop;
    database = await openDatabase({ url: created.url, maxConnections: 2 });
  }
  try {
    await body(database);
  } finally {
    await database.close();
    await drop?.();
  }
}

const bcfTriggers = async (database: Database) =>
  (
    await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from pg_trigger t join pg_proc p on p.oid = t.tgfoid
        where not t.tgisinternal and p.proname = 'bump_data_version' and encode(t.tgargs, 'escape') like 'bcf%'`,
    )
  )[0].n;

const kinds: DatabaseKind[] = postgresTestUrl() ? ['pglite', 'postgres'] : ['pglite'];

describe.each(kinds)('migrations [%s]', (kind) => {
  it('gives a fresh database every migration: the bcf version and its 19 triggers', async () => {
    await withDatabase(kind, async (database) => {
      await migrateDatabase(database);
      expect(await dataVersion(database.db, 'bcf')).not.toBeNull();
      expect(await bcfTriggers(database)).toBe(19); // 13 bcf_* tables and 6 tables the BCF figures read
      await migrateDatabase(database); // again: nothing to do
      expect(await bcfTriggers(database)).toBe(19);
    });
  });

  it('upgrades a database on the schema before 0003, its plans kept, and caches BCF figures from then on', async () => {
    const before = migrationsBefore('0003_bcf_data_version');
    try {
      await withDatabase(kind, async (database) => {
        if (kind === 'pglite') await migratePglite(database.db as never, { migrationsFolder: before.folder });
        else await migratePg(database.db as never, { migrationsFolder: before.folder });
        expect(await dataVersion(database.db, 'bcf')).toBeNull();
        const [plan] = await queryRows<{ id: string }>(
          database.db,
          sql`insert into bcf_plans (name, years, baseline_year) values ('Plan from before', '{2026/27}', '2025/26')
            returning id`,
        );
        expect((await loadPlan(database.db, plan.id)).name).toBe('Plan from before'); // no version: read each time

        await migrateDatabase(database);
        expect(await bcfTriggers(database)).toBe(19);
        const version = await dataVersion(database.db, 'bcf');
        expect(version).not.toBeNull();
        const cached = await loadPlan(database.db, plan.id);
        expect(cached.name).toBe('Plan from before');
        expect(await loadPlan(database.db, plan.id)).toBe(cached);
        await database.db.execute(sql`update bcf_plans set name = 'Plan renamed after upgrade' where id = ${plan.id}`);
        expect((await dataVersion(database.db, 'bcf'))! > version!).toBe(true);
        expect((await loadPlan(database.db, plan.id)).name).toBe('Plan renamed after upgrade');
      });
    } finally {
      before.remove();
    }
  });

  it('refuses a database from a development version before the squashed baseline, saying what to do', async () => {
    await withDatabase(kind, async (database) => {
      // A table the baseline creates, made by an old development migration (no drizzle journal of today's).
      await database.db.execute(sql`create table bcf_plans (id uuid primary key)`);
      await expect(migrateDatabase(database)).rejects.toThrow(
        /squashed into one baseline.*Start from an empty database/,
      );
    });
  });
});
