// The query planner's table statistics. PostgreSQL gathers them in the background (autovacuum); embedded PGlite
// never does, so after a bulk load its planner guesses every table holds a handful of rows and picks nested
// loops and bitmap scans where a hash join or a plain scan is ten times cheaper (issue 14).
import { sql } from 'drizzle-orm';
import type { Db } from './client.js';

/**
 * Gathers statistics for every table (ANALYZE; it reads a sample of at most 30,000 rows a table, so its cost stays
 * bounded at any size: about 0.2 s on PostgreSQL and 0.7–1.2 s on PGlite for the demo borough on a busy machine).
 * Run after the demo loads and after each import, outside their transactions so it sees what they committed.
 */
export async function gatherStatistics(db: Db): Promise<void> {
  await db.execute(sql`analyze`);
}
