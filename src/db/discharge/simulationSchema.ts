// Capacity planning: saved simulation scenarios (re-exported from ./schema.ts so drizzle-kit picks it up).
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const dischargeSimulationScenarios = pgTable(
  'discharge_simulation_scenarios',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** The scenario as validated by scenarioSchema (src/domain/discharge/simulation/scenario.ts). */
    scenario: jsonb('scenario').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('discharge_simulation_scenarios_name_uq').on(t.name),
    index('discharge_simulation_scenarios_updated_idx').on(t.updatedAt),
  ],
);

export type SimulationScenarioRow = typeof dischargeSimulationScenarios.$inferSelect;
