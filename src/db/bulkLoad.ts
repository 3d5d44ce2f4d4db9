// Bulk loads: a table's secondary indexes set aside for the load and built again after it, inside the load's
// transaction. In PostgreSQL (and PGlite) DROP INDEX and CREATE INDEX are transactional, so a load that is rolled
// back leaves the indexes exactly as they were; one that commits has them built again from their own definitions
// (pg_get_indexdef, read before they were dropped), so they are identical to what the migrations made. Dropping an
// index takes an ACCESS EXCLUSIVE lock on its table: other sessions' reads of the table wait for the commit.
import type { Transaction as PgliteTransaction } from '@electric-sql/pglite';
import { is, sql } from 'drizzle-orm';
import { PgliteSession } from 'drizzle-orm/pglite';
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

/** A value for {@link copyRows}: null is SQL NULL; numbers and strings are written as PostgreSQL reads their text. */
export type CopyValue = string | number | null;

/** One field of COPY's CSV: NULL unquoted and empty; any other value quoted, its quotes doubled (so commas,
 * line breaks, an empty string and a lone `\.` all read back as they were). */
function csvField(v: CopyValue): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  return `"${v.includes('"') ? v.replaceAll('"', '""') : v}"`;
}

/** The PGlite transaction under a Drizzle transaction, or null on another driver. */
function pgliteTransaction(tx: Db): PgliteTransaction | null {
  const session = tx._.session;
  if (!is(session, PgliteSession)) return null;
  // Drizzle keeps the client private; a PGlite session's client is the PGlite transaction it was made with.
  const client = (session as unknown as { client?: PgliteTransaction }).client;
  return typeof client?.query === 'function' ? client : null;
}

/** Whether {@link copyRows} can write with `tx` (PGlite: yes; node-postgres: no). */
export function canCopy(tx: Db): boolean {
  return pgliteTransaction(tx) !== null;
}

/**
 * Writes `rows` (each a value per column of `columns`, in order) into `table` with one COPY … FROM statement, on
 * PGlite: the rows go as one CSV text through PGlite's /dev/blob device, so the server parses plain text instead of
 * a statement's parameters. Columns left
 * out take their defaults; constraints, unique indexes and enabled triggers run as for an INSERT. `lineOf(i)` names
 * the file line of the i-th row (0-based), so a row the database refuses is reported on its line. Returns the
 * number of rows written. Hold a batch (thousands of rows, not a whole file): the text is built in memory.
 * @throws Error when the driver cannot COPY (check {@link canCopy}); the database's error for a refused row, its
 *   message prefixed with the row's line.
 */
export async function copyRows(
  tx: Db,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly CopyValue[])[],
  lineOf: (i: number) => number,
): Promise<number> {
  const client = pgliteTransaction(tx);
  if (!client) throw new Error('copyRows needs PGlite: this database driver cannot COPY from the client');
  if (!rows.length) return 0;
  let text = '';
  for (const row of rows) text += `${row.map(csvField).join(',')}\n`;
  const statement = `copy ${table} (${columns.map((c) => `"${c}"`).join(', ')}) from '/dev/blob' with (format csv)`;
  try {
    const r = await client.query(statement, [], { blob: new Blob([text]) });
    return r.affectedRows ?? rows.length;
  } catch (err) {
    // PostgreSQL names the row by its line in the COPY text ("COPY placements, line 3: ..."): the batch's 3rd row.
    const where = (err as { where?: unknown }).where;
    const m = typeof where === 'string' ? /COPY \S+, line (\d+)/.exec(where) : null;
    const i = m ? Number(m[1]) - 1 : -1;
    if (err instanceof Error && i >= 0 && i < rows.length) err.message = `line ${lineOf(i)}: ${err.message}`;
    throw err;
  }
}
