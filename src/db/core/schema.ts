// Core tables: user accounts, server-side sessions and the audit trail.
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uuid, bigserial } from 'drizzle-orm/pg-core';
import { providers } from '../market/schema.js';

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(), // stored lower-case
  name: text('name').notNull(),
  role: text('role').notNull(), // one of ROLES in src/domain/core/auth.ts
  providerId: uuid('provider_id').references(() => providers.id), // set for provider users only
  /** A provider user who adds and removes its own organisation's provider accounts (the Capacity Tracker's approver). */
  providerApprover: boolean('provider_approver').notNull().default(false),
  passwordHash: text('password_hash').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
});

/**
 * Failed sign-ins per account, keyed by the normalised email whether or not an account has it (so a lockout
 * says nothing about which emails exist). Cleared by a successful sign-in; rows idle for a day are removed.
 */
export const signInThrottles = pgTable('sign_in_throttles', {
  email: text('email').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

/** Server-side sessions. The cookie carries a random token; only its SHA-256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Who changed what and when. Rows are only ever inserted. `detail` holds identifiers and changed field
 * names/values of commissioning records, never people's names or other direct identifiers.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: uuid('user_id'), // null for system actions (CLI imports, demo load)
    actorLabel: text('actor_label').notNull(), // email at the time, or 'system:<command>'
    action: text('action').notNull(), // e.g. create | update | delete | import | sign-in | request
    entity: text('entity').notNull(), // e.g. location, placement, or the route for request-level entries
    entityId: text('entity_id'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_entity_idx').on(t.entity, t.entityId)],
);

/** Instance settings, e.g. the borough this Steward serves: key → JSON value. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<unknown>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A counter per area, raised by statement-level triggers (drizzle/0001_market_aggregates.sql, drizzle/0003_bcf_data_version.sql) in
 * the same transaction as any write to the area's tables, so a figure computed over the area can be cached under the
 * version it was read at (src/db/core/versions.ts) and is never served once the data has changed. area: discharge,
 * market, demand, contracts or bcf.
 */
export const dataVersions = pgTable('data_versions', {
  area: text('area').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
});
