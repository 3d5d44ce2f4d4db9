// Per-account sign-in throttling: after MAX_FAILURES wrong passwords in a row an account (an email, whether or
// not an account has it) is locked for LOCKOUT_MINUTES; each further failure after that locks it again, until a
// successful sign-in or an administrator's reset clears the count.
// NCSC guidance: throttle or lock after about ten attempts, and tell the user how long the lockout lasts.
import { eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { signInThrottles } from './schema.js';
import { normaliseEmail } from '../../domain/core/auth.js';

export const MAX_FAILURES = 10;
export const LOCKOUT_MINUTES = 15;

/** When the account is locked until, or null when a sign-in may be tried now. */
export async function lockedUntil(db: Db, email: string, now = new Date()): Promise<Date | null> {
  const [row] = await db
    .select({ lockedUntil: signInThrottles.lockedUntil })
    .from(signInThrottles)
    .where(eq(signInThrottles.email, normaliseEmail(email)));
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/**
 * Count a failed sign-in. Returns the lockout's end when this failure locked the account.
 * Rows idle for a day are removed on the way.
 */
export async function recordFailure(db: Db, email: string, now = new Date()): Promise<Date | null> {
  const key = normaliseEmail(email).slice(0, 320);
  const lockAt = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
  const [row] = await db
    .insert(signInThrottles)
    .values({ email: key, failures: 1, lastFailureAt: now })
    .onConflictDoUpdate({
      target: signInThrottles.email,
      set: { failures: sql`${signInThrottles.failures} + 1`, lastFailureAt: now },
    })
    .returning({ failures: signInThrottles.failures });
  await db.delete(signInThrottles).where(lt(signInThrottles.lastFailureAt, new Date(now.getTime() - 86_400_000)));
  if (row.failures >= MAX_FAILURES) {
    await db.update(signInThrottles).set({ lockedUntil: lockAt }).where(eq(signInThrottles.email, key));
    return lockAt;
  }
  return null;
}

/** A successful sign-in (or an administrator's password reset) clears the count. */
export async function clearFailures(db: Db, email: string): Promise<void> {
  await db.delete(signInThrottles).where(eq(signInThrottles.email, normaliseEmail(email)));
}

/** "14:05 (in 15 minutes)" for the lockout message, London time. */
export function describeLockout(until: Date, now = new Date()): { minutes: number; text: string } {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  const clock = until.toLocaleTimeString('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' });
  return { minutes, text: `${clock} (in ${minutes} minute${minutes === 1 ? '' : 's'})` };
}
