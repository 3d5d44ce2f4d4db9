// Providers' self-service accounts, as the national Capacity Tracker's users expect: a provider "approver" adds
// and removes its own organisation's provider accounts, without a council administrator. An approver can never
// touch another organisation's accounts, nor make anyone more than a provider user.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.js';
import type { Actor } from '../../domain/core/auth.js';
import { Forbidden, InputError } from '../../domain/core/errors.js';
import { auditLog, users } from './schema.js';
import { createUser, getUser, getUserRow, updateUser, type UserView } from './users.js';

/**
 * The organisation a signed-in approver acts for.
 * @throws Forbidden unless the actor is a provider user whose account is its organisation's approver (and not disabled)
 */
export async function approverProvider(db: Db, actor: Actor): Promise<string> {
  if (actor.role !== 'provider' || !actor.providerId)
    throw new Forbidden('Only a provider’s approvers manage its accounts: council administrators use Administration');
  const row = await getUserRow(db, actor.userId);
  if (!row || !row.providerApprover || row.disabledAt)
    throw new Forbidden('Only your organisation’s approvers can add or remove its accounts: ask one of them');
  return actor.providerId;
}

/** Every account of one provider organisation (enabled and removed), approvers first, then by name. */
export async function listOrganisationUsers(db: Db, providerId: string): Promise<UserView[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.providerId, providerId), eq(users.role, 'provider')))
    .orderBy(asc(users.name), asc(users.email));
  const views = await Promise.all(rows.map((r) => getUser(db, r.id)));
  return views
    .filter((v): v is UserView => v !== null)
    .sort((a, b) => Number(b.providerApprover) - Number(a.providerApprover));
}

/**
 * An approver adds a colleague: always a provider user of the approver's own organisation (an approver too when
 * `providerApprover`); checked as createUser checks (email, name, password policy), audited.
 * @throws InputError naming each wrong field; Forbidden when the actor is not an approver
 */
export async function addColleague(
  db: Db,
  actor: Actor,
  input: { email: string; name: string; password: string; providerApprover: boolean },
): Promise<UserView> {
  const providerId = await approverProvider(db, actor);
  try {
    return await createUser(db, { ...input, role: 'provider', providerId }, { userId: actor.userId });
  } catch (err) {
    // An email already in use may be council staff's or another organisation's: say nothing about whose it is.
    if (err instanceof InputError)
      throw new InputError(
        err.errors.map((e) => (e.field === 'email' && e.message === EMAIL_TAKEN ? { ...e, message: EMAIL_IN_USE } : e)),
      );
    throw err;
  }
}

/** createUser's message for an email that has an account. */
const EMAIL_TAKEN = 'A user with this email address already exists';
/**
 * What an approver is told instead: the same for any account (council staff, another organisation or its own),
 * so the form cannot be used to find out who has an account.
 */
export const EMAIL_IN_USE =
  'This email address cannot be used for a new account: if your colleague already has one, find them in the accounts list, or use another email address';

export interface AccountEvent {
  /** When it happened, ISO timestamp. */
  at: string;
  /** The account it happened to (its name now). */
  account: string;
  /** What happened, in words ("Access removed"). */
  what: string;
  /** Who did it: a colleague's name, "Council administrator", or "Steward" for system changes. */
  by: string;
}

/** What one audited change to an account did, in words, or null for entries that are not account changes. */
function describeAccountChange(action: string, detail: Record<string, unknown> | null): string | null {
  const change = (k: string) => detail?.[k] as { from: unknown; to: unknown } | undefined;
  switch (action) {
    case 'create':
      return detail?.providerApprover ? 'Account added, as an approver' : 'Account added';
    case 'disable':
      return 'Access removed';
    case 'enable':
      return 'Access given back';
    case 'reset-password':
      return 'Password reset';
    case 'change-password':
      return 'Password changed';
    case 'update': {
      const parts: string[] = [];
      const approver = change('providerApprover');
      if (approver) parts.push(approver.to ? 'Made an approver' : 'No longer an approver');
      const name = change('name');
      if (name) parts.push(`Name changed from ${String(name.from)} to ${String(name.to)}`);
      if (change('role') || change('providerId')) parts.push('Moved to or from this organisation');
      return parts.length ? parts.join('; ') : null;
    }
    default:
      return null;
  }
}

/**
 * The history of one organisation's provider accounts, latest first (at most `limit`): each account added, access
 * removed or given back, approver made or unmade, with who did it (a colleague by name; council staff as "Council
 * administrator") and when. Read from the audit trail, so it covers changes made by approvers and administrators.
 */
export async function organisationAccountHistory(db: Db, providerId: string, limit = 500): Promise<AccountEvent[]> {
  const accounts = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.providerId, providerId), eq(users.role, 'provider')));
  if (!accounts.length) return [];
  const names = new Map(accounts.map((a) => [a.id, a.name]));
  const rows = await db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entity, 'user'),
        inArray(
          auditLog.entityId,
          accounts.map((a) => a.id),
        ),
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
  const events: AccountEvent[] = [];
  for (const r of rows) {
    const what = describeAccountChange(r.action, r.detail ?? null);
    if (!what || !r.entityId) continue;
    const by = !r.userId ? 'Steward' : (names.get(r.userId) ?? 'Council administrator');
    events.push({ at: r.at.toISOString(), account: names.get(r.entityId) ?? '', what, by });
  }
  return events;
}

/**
 * An approver removes a colleague's access (the account is disabled, its sessions ended, its history kept), gives
 * it back, or makes it an approver or not; audited.
 * @throws Forbidden for an account that is not a provider user of the approver's organisation; InputError for
 * removing or demoting oneself (so an organisation always keeps an approver)
 */
export async function changeColleague(
  db: Db,
  actor: Actor,
  id: string,
  change: { disabled?: boolean; providerApprover?: boolean },
): Promise<UserView> {
  const providerId = await approverProvider(db, actor);
  const target = await getUserRow(db, id);
  if (!target || target.role !== 'provider' || target.providerId !== providerId)
    throw new Forbidden('You can only change accounts of your own organisation');
  if (id === actor.userId && change.providerApprover === false)
    throw new InputError([{ field: 'providerApprover', message: 'You cannot take away your own approver role' }]);
  return updateUser(db, id, change, { userId: actor.userId });
}
