// What the directory record modules share: where an entry came from, the batch size, inserting in batches and
// the label an audit actor is recorded under.
import { eq } from 'drizzle-orm';
import type { Db } from '../../client.js';
import type { AuditActor } from '../../core/audit.js';
import { users } from '../../core/schema.js';

/** Where an entry came from: typed by staff, published from the market register or a contract, imported, suggested. */
export type ServiceSource = 'staff' | 'market' | 'contract' | 'import' | 'demo' | 'suggestion';

/** Rows per statement when writing or reading in batches. */
export const CHUNK = 500;

/** Insert `rows` into `table`, CHUNK rows per statement. */
export async function insertChunks<T extends Record<string, unknown>>(
  db: Db,
  table: Parameters<Db['insert']>[0],
  rows: T[],
) {
  for (let i = 0; i < rows.length; i += CHUNK) await db.insert(table).values(rows.slice(i, i + CHUNK) as never);
}

/** The label and user id an audit actor is recorded under (a user without a label: their email). */
export async function labelOf(db: Db, actor: AuditActor): Promise<{ actorLabel: string; userId: string | null }> {
  if ('system' in actor) return { actorLabel: `system:${actor.system}`, userId: null };
  if (actor.label) return { actorLabel: actor.label, userId: actor.userId };
  const [u] = await db.select({ email: users.email }).from(users).where(eq(users.id, actor.userId));
  return { actorLabel: u?.email ?? actor.userId, userId: actor.userId };
}
