// Data area tables: the register of every file imported (by the CLI or the web "Data" page) — which importer,
// which file, when, by whom, how many rows and what changed — so an administrator sees each dataset's age.
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const importRuns = pgTable(
  'import_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(), // importer kind, e.g. cqc-locations | placements | population
    fileName: text('file_name').notNull(),
    bytes: integer('bytes'),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
    userId: uuid('user_id'), // null for the CLI and other system imports
    actorLabel: text('actor_label').notNull(), // email at the time, or 'system:import <kind>'
    rowsRead: integer('rows_read').notNull(),
    created: integer('created'),
    updated: integer('updated'),
    unchanged: integer('unchanged'),
    removed: integer('removed'),
    messages: jsonb('messages').$type<string[]>().notNull(),
  },
  (t) => [index('import_runs_kind_at_idx').on(t.kind, t.importedAt)],
);

export type ImportRunRow = typeof importRuns.$inferSelect;
