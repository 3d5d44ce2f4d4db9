// Fast bulk inserts for the demo loader and the benchmark: one JSON parameter per batch expanded with
// json_populate_recordset, instead of one bind parameter per value (much faster on PGlite, fine on PostgreSQL).
import { getTableColumns, getTableName, sql, type Table } from 'drizzle-orm';
import type { Db } from '../client.js';

/** Inserts many rows in batches of `batchSize` (one statement a batch), for importers and the demo. */
export async function bulkInsert<T extends Table>(
  db: Db,
  table: T,
  rows: readonly Partial<T['$inferInsert']>[],
  batchSize = 5000,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const keys = Object.keys(rows[0]).filter((k) => k in columns);
  const names = keys.map((k) => columns[k].name);
  const colList = sql.raw(names.map((n) => `"${n}"`).join(', '));
  const tableName = getTableName(table);
  for (let i = 0; i < rows.length; i += batchSize) {
    const batch = rows.slice(i, i + batchSize).map((r) => {
      const o: Record<string, unknown> = {};
      keys.forEach((k, j) => {
        const v = (r as Record<string, unknown>)[k];
        o[names[j]] = v instanceof Date ? v.toISOString() : v;
      });
      return o;
    });
    await db.execute(
      sql`insert into ${sql.raw(`"${tableName}"`)} (${colList}) select ${colList} from json_populate_recordset(null::${sql.raw(`"${tableName}"`)}, ${JSON.stringify(batch)}::json)`,
    );
  }
}
