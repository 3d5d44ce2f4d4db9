import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, ne } from 'drizzle-orm';
import type { Db } from '../client.js';
import { sessions, users } from './schema.js';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000; // a working day and a bit

/** The SHA-256 of a session token (base64url): sessions are stored by hash, never by token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Starts a session for a user. @returns the token for the cookie, the CSRF token and when the session expires */
export async function createSession(
  db: Db,
  userId: string,
  now = new Date(),
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db.insert(sessions).values({ tokenHash: hashToken(token), userId, csrfToken, expiresAt });
  await db.update(users).set({ lastSignInAt: now }).where(eq(users.id, userId));
  // Housekeeping: expired sessions of this user go.
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, now)));
  return { token, csrfToken, expiresAt };
}

/** The live session for a token with its user (not disabled), or null when none has not expired on `now`. */
export async function findSession(db: Db, token: string, now = new Date()) {
  const [row] = await db
    .select({
      csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
      userId: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      providerId: users.providerId,
      disabledAt: users.disabledAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, now)));
  if (!row || row.disabledAt) return null;
  return row;
}

/** End every session of a user (sign out everywhere, password change or reset, account disabled), except `keepToken`'s. Returns how many ended. */
export async function deleteUserSessions(db: Db, userId: string, keepToken?: string): Promise<number> {
  const where = keepToken
    ? and(eq(sessions.userId, userId), ne(sessions.tokenHash, hashToken(keepToken)))
    : eq(sessions.userId, userId);
  const gone = await db.delete(sessions).where(where).returning({ t: sessions.tokenHash });
  return gone.length;
}

/** Ends the session with this token (signing out); no error when there is none. */
export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}
