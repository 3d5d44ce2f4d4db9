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

/** Rows one slice of a sliced read aims at: small enough that PGlite, which runs each query on the server's only
 * thread, answers one slice in tens of milliseconds, so a health check or another user waits no longer. */
export const SLICE_ROWS = 500;

/**
 * Reads a large set of rows in time slices instead of one query. `span` counts the rows and finds the earliest
 * value of the slicing column among them (one query; `first` null when none); the interval [first, to) is then cut
 * into equal slices of about `sliceRows` rows each (at least one) and `read(a, b)` is called for each slice in turn,
 * for rows whose column lies in [a, b). Every row lies in exactly one slice, so the concatenated result holds the
 * same rows as one query over [first, to), in slice order (each slice in the order `read` gives).
 * Between slices the event loop runs (PGlite yields before each query; see client.ts), so on the embedded
 * database no single query holds the server for the whole read. `to` is exclusive; instants are milliseconds
 * (the first value is rounded down to the millisecond, so a stored microsecond is never lost between slices).
 */
export async function readInSlices<T>(
  span: () => Promise<{ rows: number; first: Date | null }>,
  to: Date,
  read: (a: Date, b: Date) => Promise<T[]>,
  sliceRows = SLICE_ROWS,
): Promise<T[]> {
  const { rows, first } = await span();
  if (rows === 0 || first === null || first.getTime() >= to.getTime()) return [];
  const start = Math.floor(first.getTime());
  const end = to.getTime();
  const slices = Math.max(1, Math.min(Math.ceil(rows / Math.max(1, sliceRows)), end - start));
  const out: T[] = [];
  for (let i = 0; i < slices; i++) {
    const a = i === 0 ? start : start + Math.floor(((end - start) * i) / slices);
    const b = i === slices - 1 ? end : start + Math.floor(((end - start) * (i + 1)) / slices);
    if (b <= a) continue;
    for (const row of await read(new Date(a), new Date(b))) out.push(row);
  }
  return out;
}
