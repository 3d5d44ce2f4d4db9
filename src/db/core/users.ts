import { and, eq, isNull } from 'drizzle-orm';
import { InputError, NotFound } from '../../domain/core/errors.js';
import type { Db } from '../client.js';
import { type Actor, isRole, normaliseEmail, roleChangeProblem, type Role } from '../../domain/core/auth.js';
import { providers } from '../market/schema.js';
import { recordAudit, type AuditActor } from './audit.js';
import { hashPassword, newPasswordProblem } from './passwords.js';
import { deleteUserSessions } from './sessions.js';
import { clearFailures } from './throttle.js';
import { users } from './schema.js';

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  providerId: string | null;
  providerName: string | null;
  /** A provider user who adds and removes its own organisation's provider accounts. */
  providerApprover: boolean;
  createdAt: string;
  lastSignInAt: string | null;
  disabled: boolean;
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string;
  providerId?: string | null;
  /** Provider users only: may add and remove its organisation's provider accounts. */
  providerApprover?: boolean;
}

/** `opts.passwordHash` lets bulk loaders (the demo) reuse one hash instead of hashing per user. */
export async function createUser(
  db: Db,
  input: NewUser,
  by: AuditActor | null,
  opts: { passwordHash?: string } = {},
): Promise<UserView> {
  const errors: { field: string; message: string }[] = [];
  const email = normaliseEmail(input.email);
  if (!email) errors.push({ field: 'email', message: 'Enter an email address' });
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    errors.push({ field: 'email', message: 'Enter an email address in the correct format, like name@example.org' });
  if (!input.name.trim()) errors.push({ field: 'name', message: 'Enter a name' });
  if (!isRole(input.role)) errors.push({ field: 'role', message: 'Choose a role' });
  const pw = newPasswordProblem(input.password, email);
  if (pw) errors.push({ field: 'password', message: pw });
  if (input.role === 'provider' && !input.providerId)
    errors.push({ field: 'providerId', message: 'Choose the provider this user acts for' });
  if (input.role !== 'provider' && input.providerId)
    errors.push({ field: 'providerId', message: 'Only provider users are tied to a provider' });
  if (input.role !== 'provider' && input.providerApprover)
    errors.push({ field: 'providerApprover', message: 'Only provider users can be their organisation’s approver' });

  return db.transaction(async (tx) => {
    // The database's checks join the others, so every problem is reported in one go.
    if (email && !errors.some((e) => e.field === 'email')) {
      const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
      if (existing) errors.push({ field: 'email', message: 'A user with this email address already exists' });
    }
    if (input.role === 'provider' && input.providerId) {
      const known = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(input.providerId)
        ? (await tx.select({ id: providers.id }).from(providers).where(eq(providers.id, input.providerId)))[0]
        : undefined;
      if (!known) errors.push({ field: 'providerId', message: 'Choose a provider from the list' });
    }
    if (errors.length) throw new InputError(errors);
    const [row] = await tx
      .insert(users)
      .values({
        email,
        name: input.name.trim(),
        role: input.role,
        providerId: input.providerId ?? null,
        providerApprover: input.providerApprover ?? false,
        passwordHash: opts.passwordHash ?? (await hashPassword(input.password)),
      })
      .returning({ id: users.id });
    await recordAudit(tx, by, {
      action: 'create',
      entity: 'user',
      entityId: row.id,
      detail: {
        role: input.role,
        providerId: input.providerId ?? null,
        providerApprover: input.providerApprover ?? false,
      },
    });
    const view = await getUser(tx, row.id);
    return view!;
  });
}

/** One user account as shown to administrators, or null. */
export async function getUser(db: Db, id: string): Promise<UserView | null> {
  const [row] = await userQuery(db).where(eq(users.id, id));
  return row ? toView(row) : null;
}

/** Every user account, by role then email. */
export async function listUsers(db: Db): Promise<UserView[]> {
  const rows = await userQuery(db).orderBy(users.role, users.email);
  return rows.map(toView);
}

/** The account with this email (compared trimmed and lower-cased) that is not disabled, or undefined. */
export async function findActiveUserByEmail(db: Db, email: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.email, normaliseEmail(email)), isNull(users.disabledAt)));
  return row ?? null;
}

/** How many accounts there are, or with one role. */
export async function countUsers(db: Db, role?: Role): Promise<number> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(role ? eq(users.role, role) : undefined);
  return rows.length;
}

/**
 * The actor a signed-in user acts as (id, role, provider). @throws Error when the stored role is not a known role
 */
export function actorOf(user: { id: string; role: string; providerId: string | null }): Actor {
  if (!isRole(user.role)) throw new Error(`Unknown role ${user.role}`);
  return { userId: user.id, role: user.role, providerId: user.providerId };
}

function userQuery(db: Db) {
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      providerId: users.providerId,
      providerName: providers.name,
      providerApprover: users.providerApprover,
      createdAt: users.createdAt,
      lastSignInAt: users.lastSignInAt,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .leftJoin(providers, eq(providers.id, users.providerId));
}

function toView(r: Awaited<ReturnType<ReturnType<typeof userQuery>['execute']>>[number]): UserView {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role as Role,
    providerId: r.providerId,
    providerName: r.providerName ?? null,
    providerApprover: r.providerApprover,
    createdAt: r.createdAt.toISOString(),
    lastSignInAt: r.lastSignInAt?.toISOString() ?? null,
    disabled: r.disabledAt !== null,
  };
}

/** Full row (with the hash) for password checks. */
export async function getUserRow(db: Db, id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

/**
 * Set a user's password (their own change, or an administrator's reset): checked against the policy, stored
 * hashed, every other session of the user ended, and audited. Throws InputError naming `field`, NotFound when there is no such user.
 */
export async function setPassword(
  db: Db,
  userId: string,
  password: string,
  by: AuditActor,
  opts: { field: string; keepToken?: string; action: 'change-password' | 'reset-password' },
): Promise<void> {
  const row = await getUserRow(db, userId);
  if (!row) throw new NotFound('User');
  const problem = newPasswordProblem(password, row.email);
  if (problem) throw new InputError([{ field: opts.field, message: problem }]);
  const hash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash: hash }).where(eq(users.id, userId));
    const ended = await deleteUserSessions(tx, userId, opts.keepToken);
    await clearFailures(tx, row.email);
    await recordAudit(tx, by, {
      action: opts.action,
      entity: 'user',
      entityId: userId,
      detail: { sessionsEnded: ended },
    });
  });
}

export interface UserChange {
  name?: string;
  role?: Role;
  providerId?: string | null;
  providerApprover?: boolean;
  disabled?: boolean;
}

/**
 * An administrator changes a user's name, role (and provider) or disables / re-enables the account. Disabling
 * ends every session. An administrator cannot disable or demote themselves (so one always remains).
 */
export async function updateUser(db: Db, id: string, change: UserChange, by: { userId: string }): Promise<UserView> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(users).where(eq(users.id, id)).for('update');
    if (!row) throw new NotFound('User');
    const errors: { field: string; message: string }[] = [];
    const role = change.role ?? (row.role as Role);
    const providerId =
      change.providerId !== undefined ? change.providerId : role === 'provider' ? row.providerId : null;
    if (change.name !== undefined && !change.name.trim()) errors.push({ field: 'name', message: 'Enter a name' });
    if (id === by.userId && change.role !== undefined && change.role !== 'admin')
      errors.push({ field: 'role', message: 'You cannot take away your own administrator role' });
    if (id === by.userId && change.disabled)
      errors.push({ field: 'disabled', message: 'You cannot disable your own account' });
    // An outside organisation's account never gets staff access, nor a staff account a provider's (one check, in
    // the domain: roleChangeProblem).
    const roleProblem = change.role !== undefined ? roleChangeProblem(row.role as Role, change.role) : null;
    if (roleProblem) errors.push({ field: 'role', message: roleProblem });
    else if (role === 'provider' && !providerId)
      errors.push({ field: 'providerId', message: 'Choose the provider this user acts for' });
    if (role !== 'provider' && providerId)
      errors.push({ field: 'providerId', message: 'Only provider users are tied to a provider' });
    if (role !== 'provider' && change.providerApprover)
      errors.push({ field: 'providerApprover', message: 'Only provider users can be their organisation’s approver' });
    const providerApprover = role === 'provider' ? (change.providerApprover ?? row.providerApprover) : false;
    if (providerId && providerId !== row.providerId) {
      const [p] = await tx.select({ id: providers.id }).from(providers).where(eq(providers.id, providerId));
      if (!p) errors.push({ field: 'providerId', message: 'No provider with this id' });
    }
    if (errors.length) throw new InputError(errors);
    const disabledAt =
      change.disabled === undefined ? row.disabledAt : change.disabled ? (row.disabledAt ?? new Date()) : null;
    await tx
      .update(users)
      .set({
        name: change.name?.trim() ?? row.name,
        role,
        providerId: providerId ?? null,
        providerApprover,
        disabledAt,
      })
      .where(eq(users.id, id));
    let sessionsEnded = 0;
    if (change.disabled || role !== row.role || (providerId ?? null) !== row.providerId)
      sessionsEnded = await deleteUserSessions(tx, id);
    await recordAudit(tx, by, {
      action: change.disabled === true ? 'disable' : change.disabled === false ? 'enable' : 'update',
      entity: 'user',
      entityId: id,
      detail: {
        ...(role !== row.role ? { role: { from: row.role, to: role } } : {}),
        ...((providerId ?? null) !== row.providerId
          ? { providerId: { from: row.providerId, to: providerId ?? null } }
          : {}),
        ...(change.name !== undefined && change.name.trim() !== row.name
          ? { name: { from: row.name, to: change.name.trim() } }
          : {}),
        ...(providerApprover !== row.providerApprover
          ? { providerApprover: { from: row.providerApprover, to: providerApprover } }
          : {}),
        ...(change.disabled !== undefined && change.disabled !== (row.disabledAt !== null)
          ? { disabled: { from: row.disabledAt !== null, to: change.disabled } }
          : {}),
        sessionsEnded,
      },
    });
    return (await getUser(tx, id))!;
  });
}
