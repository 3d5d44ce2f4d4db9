// Market Position Statement tables: the commissioners' narrative (every version kept, with author and date), the
// review trail of each section, and the published editions (the whole statement, figures and text, frozen as
// JSON; a trigger in drizzle/*_mps_editions_frozen.sql refuses any change to a published edition).
import {
  bigserial,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../core/schema.js';

/** One version of one narrative block of one section. The latest version of each block is the draft text. */
export const mpsBlockVersions = pgTable(
  'mps_block_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sectionKey: text('section_key').notNull(),
    blockKey: text('block_key').notNull(),
    version: integer('version').notNull(),
    body: text('body').notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    /** Who wrote it when not a user (the demo loader, an import). */
    authorLabel: text('author_label'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('mps_block_versions_uq').on(t.sectionKey, t.blockKey, t.version)],
);

/** Review steps of a section: sent for review, approved, changes requested, with the block versions seen. */
export const mpsReviewEvents = pgTable(
  'mps_review_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Order of events (several may share a timestamp inside one transaction). */
    sequence: bigserial('sequence', { mode: 'number' }).notNull(),
    sectionKey: text('section_key').notNull(),
    action: text('action').notNull(), // sent_for_review | approved | changes_requested
    byUserId: uuid('by_user_id').references(() => users.id, { onDelete: 'set null' }),
    byLabel: text('by_label'),
    comment: text('comment'),
    /** Block key → version number the step was about. */
    versions: jsonb('versions').$type<Record<string, number>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mps_review_events_section_idx').on(t.sectionKey, t.sequence)],
);

/** A published edition: the statement as it was on the day, figures and narrative together. */
export const mpsEditions = pgTable('mps_editions', {
  id: uuid('id').primaryKey().defaultRandom(),
  number: integer('number').notNull().unique(),
  title: text('title').notNull(),
  /** London date of publication. */
  publishedOn: date('published_on').notNull(),
  publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
  publishedByLabel: text('published_by_label'),
  /** The date the figures are for. */
  asAt: date('as_at').notNull(),
  /** The whole statement (src/domain/mps/statement.ts `statementSchema`). */
  statement: jsonb('statement').notNull(),
});

export type MpsBlockVersionRow = typeof mpsBlockVersions.$inferSelect;
export type MpsReviewEventRow = typeof mpsReviewEvents.$inferSelect;
export type MpsEditionRow = typeof mpsEditions.$inferSelect;
