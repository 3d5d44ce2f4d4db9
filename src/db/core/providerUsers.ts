// Providers' self-service accounts, as the national Capacity Tracker's users expect: a provider "approver" adds
// and removes its own organisation's provider accounts, without a council administrator. An approver can never
// touch another organisation's accounts, nor make anyone more than a provider user.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import type { Actor } from '../../domain/core/auth.js';
import { Forbidden, InputError } from '../../domain/core/errors.js';
import { users } from './schema.js';
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
  return createUser(db, { ...input, role: 'provider', providerId }, { userId: actor.userId });
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
