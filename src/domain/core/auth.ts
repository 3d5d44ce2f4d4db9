// Roles and the acting user. Pure: the server decides who the actor is; these rules decide what they may do.

export const ROLES = ['admin', 'commissioner', 'broker', 'quality_officer', 'bcf_lead', 'provider', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  commissioner: 'Commissioner',
  broker: 'Broker',
  quality_officer: 'Quality officer',
  bcf_lead: 'Better Care Fund lead',
  provider: 'Provider',
  viewer: 'Read-only viewer',
};

/** Who is making a request. A provider user acts for exactly one provider organisation. */
export interface Actor {
  userId: string;
  role: Role;
  providerId: string | null;
}

/** Council and NHS staff: everyone but providers. They may read commissioning data across the market. */
export const STAFF_ROLES: readonly Role[] = [
  'admin',
  'commissioner',
  'broker',
  'quality_officer',
  'bcf_lead',
  'viewer',
];

/**
 * Staff who may change commissioning data (the viewer only reads). The BCF lead (council or ICB finance, plans and
 * reports the Better Care Fund) changes only the BCF area's data, so is not listed here: see BCF_EDITORS.
 */
export const EDITOR_ROLES: readonly Role[] = ['admin', 'commissioner', 'broker', 'quality_officer'];

/**
 * Who may open the discharge area (the hub board, referrals, and for providers their discharge requests): the web
 * area's roles and the home page's discharge cards both read this list, so a card never links to a page its reader
 * cannot open. The BCF lead reads discharge figures through the BCF area's metrics instead.
 */
export const DISCHARGE_READERS: readonly Role[] = [
  'admin',
  'commissioner',
  'broker',
  'quality_officer',
  'viewer',
  'provider',
];

/**
 * Why a user with `role` is refused something only `allowed` may do or see, in words for that user and without
 * listing Steward's internal roles: a provider is told it is for council staff; a read-only viewer that the account
 * only reads; staff refused a provider's page that it is for care providers; staff refused an administrator's or
 * commissioner's action who may do it, in plain words. Every refusal ends with who to ask.
 */
export function refusalFor(role: Role, allowed: readonly Role[]): string {
  const ask = 'Ask an administrator if you need it.';
  const staffAllowed = allowed.some((r) => r !== 'provider');
  if (role === 'provider') {
    return 'This is for council staff. Your provider account shows your own contracts, returns and concerns.';
  }
  if (!staffAllowed) return 'This is for care providers, to send their own returns and answers.';
  if (role === 'viewer') return `Your account can read Steward but not change it. ${ask}`;
  if (allowed.length === 1 && allowed[0] === 'admin') return `Only an administrator can do this. ${ask}`;
  if (allowed.every((r) => r === 'admin' || r === 'commissioner' || r === 'provider')) {
    return `Only commissioners can do this. ${ask}`;
  }
  return `Your account cannot do this. ${ask}`;
}

/**
 * Why an account with role `from` cannot be given role `to`, or null when it can. A provider's account belongs to
 * an outside organisation (a care provider, not the council or NHS): giving it a staff role would let that
 * organisation read every provider's commercial data and people's referrals, so it is refused; the person needs a
 * new staff account with their council or NHS email instead. A staff account is not turned into a provider one
 * either: a provider user is added as new, tied to its organisation.
 */
export function roleChangeProblem(from: Role, to: Role): string | null {
  if (from === to) return null;
  if (from === 'provider')
    return `This account belongs to a provider organisation, so it cannot be given the ${ROLE_LABELS[to]} role: add a new account with the person’s council or NHS email address instead`;
  if (to === 'provider')
    return 'A staff account cannot become a provider account: add a new provider user, tied to their organisation, instead';
  return null;
}

/** Who may change a Better Care Fund plan, its spend, metrics, demand and capacity and HICM assessments. */
export const BCF_EDITORS: readonly Role[] = ['admin', 'commissioner', 'bcf_lead'];

/** True when `value` is one of Steward's roles. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** True when there is a signed-in actor whose role is one of `roles`. */
export function hasRole(actor: Actor | null | undefined, roles: readonly Role[]): boolean {
  return !!actor && roles.includes(actor.role);
}

/**
 * May this actor act on records belonging to `providerId`?
 * Staff editors may act on any provider; a provider user only on its own organisation.
 */
export function actsForProvider(actor: Actor, providerId: string): boolean {
  if (actor.role === 'provider') return actor.providerId === providerId;
  return actor.role !== 'viewer';
}

/** What a password is checked against besides its length. */
export interface PasswordContext {
  /** The account's email: the password may not be it, nor contain its local part. */
  email?: string;
  /** True for a password on the list of common (breached) passwords; compared lower-case. */
  isCommon?: (lowerCased: string) => boolean;
}

const KEYBOARD_RUNS = ['0123456789', '1234567890', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/**
 * The password policy, after NCSC "Password administration for system owners" and NIST SP 800-63B §5.1.1.2:
 * length over composition rules (10 to 200 characters, any characters, no forced mix), and a deny-list: not a
 * common password (also once trailing digits and symbols are removed, so "password2024!" is refused), not one
 * character repeated or a keyboard run, not the user's email nor the name before its @ (with or without digits
 * and symbols added).
 * @returns the problem in words for the form, or null when the password is acceptable
 */
export function passwordProblem(password: string, context: PasswordContext = {}): string | null {
  if (password.length < 10) return 'Password must be at least 10 characters';
  if (password.length > 200) return 'Password must be 200 characters or fewer';
  const lower = password.normalize('NFKC').toLowerCase();
  if (/^(.)\1+$/u.test(lower)) return 'Password must not be one character repeated';
  const stripped = lower.replace(/[\d\W_]+$/u, '');
  if (KEYBOARD_RUNS.some((run) => run.includes(lower) || (stripped.length >= 4 && run.includes(stripped))))
    return 'Password must not be a run of keys like 1234567890 or qwertyuiop';
  if (context.isCommon && (context.isCommon(lower) || (stripped.length >= 4 && context.isCommon(stripped))))
    return 'This password is too common: choose a longer one, for example three random words';
  const email = context.email?.trim().toLowerCase();
  if (email) {
    const local = email.split('@')[0];
    if (lower.includes(email) || lower === local || stripped === local)
      return 'Password must not be your email address or the name before its @';
  }
  return null;
}

/** An email address as accounts store and compare it: trimmed and lower-cased. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
