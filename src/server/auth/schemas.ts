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

/** Sign-in and session answer: the user and the CSRF token to send on state-changing requests. */
export const sessionResponse = z.object({ user: userSchema, csrfToken: z.string() });

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
