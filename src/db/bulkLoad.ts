// Bulk loads: a table's secondary indexes set aside for the load and built again after it, inside the load's
// transaction. In PostgreSQL (and PGlite) DROP INDEX and CREATE INDEX are transactional, so a load that is rolled
// back leaves the indexes exactly as they were; one that commits has them built again from their own definitions
// (pg_get_indexdef, read before they were dropped), so they are identical to what the migrations made. Dropping an
// index takes an ACCESS EXCLUSIVE lock on its table: other sessions' reads of the table wait for the commit.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from './client.js';

/** An index set aside: its schema-qualified name and the CREATE INDEX statement that makes it again. */
export interface SetAsideIndex {
  name: string;
  definition: string;
}

/**
 * Drops the secondary indexes of `table` (a table name on the search path) that only speed up reads: not the
 * primary key, not unique indexes (they enforce a rule the load must keep and serve its lookups), not any index
 * behind a constraint. Returns what it dropped, for {@link restoreIndexes}. Must run inside a transaction.
 */
export async function setIndexesAside(tx: Db, table: string): Promise<SetAsideIndex[]> {
  const indexes = await queryRows<SetAsideIndex>(
    tx,
    sql`select format('%I.%I', n.nspname, c.relname) as name, pg_get_indexdef(i.indexrelid) as definition
        from pg_index i
        join pg_class c on c.oid = i.indexrelid
        join pg_namespace n on n.oid = c.relnamespace
        where i.indrelid = ${table}::regclass and not i.indisunique and not i.indisprimary and not i.indisexclusion
          and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
        order by c.relname`,
  );
  if (indexes.length) await tx.execute(sql.raw(`drop index ${indexes.map((i) => i.name).join(', ')}`));
  return indexes;
}

/** Builds again, one by one, the indexes {@link setIndexesAside} dropped, from their own definitions. */
export async function restoreIndexes(tx: Db, indexes: readonly SetAsideIndex[]): Promise<void> {
  for (const i of indexes) await tx.execute(sql.raw(i.definition));
}

/** A foreign key whose per-row check triggers were disabled for a load. */
export interface SetAsideForeignKey {
  table: string;
  triggers: string[];
}

/**
 * Disables the per-row check triggers of the foreign key `constraint` on `table` (those run for each row
 * inserted or updated), when the session may: disabling a constraint's internal triggers needs a superuser (PGlite's
 * user, and PostgreSQL's postgres; an ordinary owner keeps the per-row checks and gets null). The caller then
 * owes the check itself, set-based, before each write: the referenced rows locked FOR KEY SHARE as the triggers
 * would lock them (see {@link lockReferenced}), and a refusal for any missing. The triggers' ALTER TABLE takes a
 * SHARE ROW EXCLUSIVE lock on `table` (its reads go on; the referenced table is not locked). Transactional: a
 * rollback leaves the triggers enabled.
 */
export async function setForeignKeyChecksAside(
  tx: Db,
  table: string,
  constraint: string,
): Promise<SetAsideForeignKey | null> {
  const [role] = await queryRows<{ superuser: boolean }>(
    tx,
    sql`select rolsuper as superuser from pg_roles where rolname = current_user`,
  );
  if (!role?.superuser) return null;
  const triggers = await queryRows<{ name: string }>(
    tx,
    sql`select format('%I', t.tgname) as name
        from pg_trigger t join pg_constraint c on c.oid = t.tgconstraint
        where c.conname = ${constraint} and c.contype = 'f' and t.tgrelid = ${table}::regclass
          and c.conrelid = t.tgrelid and t.tgenabled <> 'D'
        order by t.tgname`,
  );
  if (!triggers.length) return null;
  const names = triggers.map((t) => t.name);
  await tx.execute(sql.raw(`alter table ${table} ${names.map((n) => `disable trigger ${n}`).join(', ')}`));
  return { table, triggers: names };
}

/** Enables again the triggers {@link setForeignKeyChecksAside} disabled. */
export async function restoreForeignKeyChecks(tx: Db, fk: SetAsideForeignKey): Promise<void> {
  await tx.execute(sql.raw(`alter table ${fk.table} ${fk.triggers.map((n) => `enable trigger ${n}`).join(', ')}`));
}

/**
 * Locks the rows of `table` whose `id` (uuid) is in `ids` FOR KEY SHARE, as a foreign key check does (no one can
 * delete them or change their key until this transaction ends), and returns the ids found; those missing do not
 * exist (any more).
 */
export async function lockReferenced(tx: Db, table: string, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`select id from ${sql.identifier(table)} where id = any(${`{${ids.join(',')}}`}::uuid[]) for key share`,
  );
  return new Set(rows.map((r) => r.id));
}
