// Pseudonymous person references. A council's own person IDs (Mosaic, LiquidLogic…) are replaced on import by an
// HMAC-SHA256 of the ID under a key this instance generates once and keeps in its settings: the same person gets
// the same reference on every import, and the reference cannot be turned back into the ID without the key.
import { createHmac, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { getSetting } from './settings.js';
import { settings } from './schema.js';

const KEY_SETTING = 'pseudonymisation_key';

/** The instance's key (32 random bytes, base64), created on first use; concurrent first uses agree on one key. */
export async function pseudonymKey(db: Db): Promise<Buffer> {
  const existing = await getSetting<string>(db, KEY_SETTING);
  if (existing) return Buffer.from(existing, 'base64');
  await db
    .insert(settings)
    .values({ key: KEY_SETTING, value: randomBytes(32).toString('base64') })
    .onConflictDoNothing({ target: settings.key });
  const [row] = await db
    .select()
    .from(settings)
    .where(sql`${settings.key} = ${KEY_SETTING}`);
  return Buffer.from(row.value as string, 'base64');
}

/**
 * The pseudonymous reference of a source system's person ID: `ps-` and 24 hex digits (96 bits) of
 * HMAC-SHA256(key, ID with surrounding spaces removed and letters upper-cased).
 */
export function pseudonymise(key: Buffer, personId: string): string {
  return `ps-${createHmac('sha256', key).update(personId.trim().toUpperCase()).digest('hex').slice(0, 24)}`;
}
