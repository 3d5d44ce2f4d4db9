// Upserts that take the incoming row's values: the `set` of `insert ... on conflict do update`.
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/**
 * The `set` of an upsert that overwrites each named column with the value of the row that was refused
 * (`excluded."column"`), keyed by the table's TypeScript column keys (so camel-cased keys map to their SQL names).
 * @throws Error when a key is not a column of the table (a programming error)
 */
export function fromExcluded<T extends PgTable, K extends keyof T['_']['columns'] & string>(
  table: T,
  keys: readonly K[],
): Record<K, SQL> {
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const set = {} as Record<K, SQL>;
  for (const key of keys) {
    const column = columns[key];
    if (!column) throw new Error(`${key} is not a column of the table`);
    set[key] = sql.raw(`excluded."${column.name}"`);
  }
  return set;
}
