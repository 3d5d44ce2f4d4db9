// Saved scenarios: named parameter sets for the projection model.
import { asc, eq } from 'drizzle-orm';
import { Conflict } from '../../domain/core/errors.js';
import type { Db } from '../client.js';
import { type AuditActor, recordAudit } from '../core/audit.js';
import type { ScenarioParams } from '../../domain/demand/model.js';
import { demandScenarios } from './schema.js';

export interface Scenario {
  id: string;
  name: string;
  description: string;
  params: ScenarioParams;
  createdAt: string;
  updatedAt: string;
}

function toScenario(row: typeof demandScenarios.$inferSelect): Scenario {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    params: row.params,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** 409: another scenario already has this name (names the `name` field). */
export class ScenarioNameTaken extends Conflict {
  constructor() {
    super('A scenario with this name already exists', [
      { field: 'name', message: 'choose a name no other scenario has' },
    ]);
  }
}

/** Saved demand scenarios, oldest first. */
export async function listScenarios(db: Db): Promise<Scenario[]> {
  const rows = await db
    .select()
    .from(demandScenarios)
    .orderBy(asc(demandScenarios.createdAt), asc(demandScenarios.name));
  return rows.map(toScenario);
}

/** One saved demand scenario, or null. */
export async function getScenario(db: Db, id: string): Promise<Scenario | null> {
  const [row] = await db.select().from(demandScenarios).where(eq(demandScenarios.id, id));
  return row ? toScenario(row) : null;
}

async function nameTaken(db: Db, name: string, exceptId?: string): Promise<boolean> {
  const rows = await db.select({ id: demandScenarios.id, name: demandScenarios.name }).from(demandScenarios);
  return rows.some((r) => r.name.toLowerCase() === name.toLowerCase() && r.id !== exceptId);
}

/** Saves a demand scenario in one audited transaction. @throws ScenarioNameTaken when the name is in use */
export async function createScenario(
  db: Db,
  input: { name: string; description: string; params: ScenarioParams },
  actor: AuditActor,
): Promise<Scenario> {
  return db.transaction(async (tx) => {
    if (await nameTaken(tx, input.name)) throw new ScenarioNameTaken();
    const [row] = await tx
      .insert(demandScenarios)
      .values({
        name: input.name,
        description: input.description,
        params: input.params,
        createdBy: 'userId' in actor ? actor.userId : null,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'create',
      entity: 'demand_scenario',
      entityId: row.id,
      detail: { name: input.name, params: input.params },
    });
    return toScenario(row);
  });
}

/**
 * Changes a saved scenario in one audited transaction; null when there is none.
 * @throws ScenarioNameTaken when the new name is in use
 */
export async function updateScenario(
  db: Db,
  id: string,
  input: { name: string; description: string; params: ScenarioParams },
  actor: AuditActor,
): Promise<Scenario | null> {
  return db.transaction(async (tx) => {
    const before = await getScenario(tx, id);
    if (!before) return null;
    if (await nameTaken(tx, input.name, id)) throw new ScenarioNameTaken();
    const [row] = await tx
      .update(demandScenarios)
      .set({ name: input.name, description: input.description, params: input.params, updatedAt: new Date() })
      .where(eq(demandScenarios.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'demand_scenario',
      entityId: id,
      detail: { before: before.params, after: input.params, name: input.name },
    });
    return toScenario(row);
  });
}

/** Deletes a saved scenario (audited). @returns false when there was none */
export async function deleteScenario(db: Db, id: string, actor: AuditActor): Promise<boolean> {
  return db.transaction(async (tx) => {
    const deleted = await tx
      .delete(demandScenarios)
      .where(eq(demandScenarios.id, id))
      .returning({ id: demandScenarios.id, name: demandScenarios.name });
    if (deleted.length === 0) return false;
    await recordAudit(tx, actor, {
      action: 'delete',
      entity: 'demand_scenario',
      entityId: id,
      detail: { name: deleted[0].name },
    });
    return true;
  });
}
