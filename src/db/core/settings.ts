import { eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { settings } from './schema.js';

/** The borough (or council) this Steward instance serves. */
export interface BoroughSetting {
  name: string;
  gssCode: string;
  /** Marks synthetic demo data so nobody quotes it. */
  synthetic: boolean;
  /** A real council's own name ("Plymouth City Council"), from the reference geography. */
  officialName?: string;
  /** A real council's tier (county, unitary, metropolitan, london_borough). */
  tier?: string;
}

/** A stored setting's value (JSON), or null when it was never set. */
export async function getSetting<T>(db: Db, key: string): Promise<T | null> {
  const [row] = await db.select().from(settings).where(eq(settings.key, key));
  return (row?.value as T) ?? null;
}

/** Stores a setting's value (JSON), replacing any earlier one. */
export async function putSetting(db: Db, key: string, value: unknown): Promise<void> {
  await db
    .insert(settings)
    .values({ key, value, updatedAt: new Date() })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
}

/** The borough Steward serves (name, GSS code, synthetic or real), or null before set-up. */
export const getBorough = (db: Db) => getSetting<BoroughSetting>(db, 'borough');
/** Records the borough Steward serves. */
export const putBorough = (db: Db, borough: BoroughSetting) => putSetting(db, 'borough', borough);
