// SQL helpers shared by the discharge repositories.
import { sql, type SQL } from 'drizzle-orm';

/**
 * A text[] parameter. Drizzle expands a JS array into a list of parameters, and the two drivers serialise
 * arrays differently, so the array is sent as one PostgreSQL array literal and cast.
 */
export function textArray(values: readonly string[]): SQL {
  const literal = `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
  return sql`${literal}::text[]`;
}
