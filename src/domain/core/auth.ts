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
export const STAFF_ROLES: readonly Role[] = ['admin', 'commissioner', 'broker', 'quality_officer', 'bcf_lead', 'viewer'];

/**
 * Staff who may change commissioning data (the viewer only reads). The BCF lead (council or ICB finance, plans and
 * reports the Better Care Fund) changes only the BCF area's data, so is not listed here: see BCF_EDITORS.
 */
export const EDITOR_ROLES: readonly Role[] = ['admin', 'commissioner', 'broker', 'quality_officer'];

/** Who may change a Better Care Fund plan, its spend, metrics, demand and capacity and HICM assessments. */
export const BCF_EDITORS: readonly Role[] = ['admin', 'commissioner', 'bcf_lead'];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

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

/** Minimum password policy (NCSC guidance favours length over composition rules). */
export function passwordProblem(password: string): string | null {
  if (password.length < 10) return 'Password must be at least 10 characters';
  if (password.length > 200) return 'Password must be 200 characters or fewer';
  return null;
}
