import { z } from 'zod';
import { ROLES } from '../../domain/core/auth.js';

export const roleSchema = z.enum(ROLES);

export const userSchema = z.object({
  id: z.string().uuid(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  providerId: z.string().uuid().nullable(),
  providerName: z.string().nullable(),
  /** A provider user who adds and removes its own organisation's provider accounts. */
  providerApprover: z.boolean(),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
  disabled: z.boolean(),
});

/** The council this Steward serves, as every page's banner names it. */
export const servedCouncilSchema = z.object({
  /** Short name ("Plymouth"), or the demo borough's name. */
  name: z.string(),
  /** The council's own name ("Plymouth City Council"); the short name for the demo borough. */
  officialName: z.string(),
  /** ONS GSS code of the local authority (E06000026), or the demo borough's made-up code. */
  gssCode: z.string(),
  /** True for the synthetic demo borough: its figures are made up and must not be quoted. */
  synthetic: z.boolean(),
});

/** The council answer: null before `steward setup` or `steward demo` has run. */
export const councilResponse = z.object({ council: servedCouncilSchema.nullable() });

/**
 * Sign-in and session answer: the user, the CSRF token to send on state-changing requests, and the council this
 * Steward serves (null before set-up).
 */
export const sessionResponse = z.object({
  signedIn: z.literal(true),
  user: userSchema,
  csrfToken: z.string(),
  council: servedCouncilSchema.nullable(),
});

/**
 * The session check's answer, 200 either way (issue 13: a 401 for "not signed in" logged an error in the browser
 * console on every page before sign-in): signed in, as `sessionResponse`; or `signedIn: false` with the council
 * only. Every other route still answers 401 without a session.
 */
export const sessionStateResponse = z.discriminatedUnion('signedIn', [
  sessionResponse,
  z.object({ signedIn: z.literal(false), council: servedCouncilSchema.nullable() }),
]);

/** One line of the audit trail: who did what to which record, with a detail bag (never names). */
export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  userEmail: z.string(),
  /** The person's name (null for the system, or an account since removed). */
  userName: z.string().nullable(),
  /** The record's name (a provider, location, user, contract, KPI, referral's person reference, scenario). */
  entityName: z.string().nullable(),
  /** Names of the ids in the detail, keyed by id. */
  names: z.record(z.string(), z.string()),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
