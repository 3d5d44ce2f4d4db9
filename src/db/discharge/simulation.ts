// Capacity planning by simulation: saved scenarios, and the hub history the model is fitted to.
import { and, asc, eq, gte, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { recordAudit, type AuditActor } from '../core/audit.js';
import { addDays } from '../../domain/discharge/simulation/calendar.js';
import { fitHistory, type HistoryFit, type HistoryInput } from '../../domain/discharge/simulation/fit.js';
import { parseScenario, type FieldIssue, type Scenario } from '../../domain/discharge/simulation/scenario.js';
import { dischargeBedStays, dischargeBlockBeds, dischargeReferrals } from './schema.js';
import { dischargeSimulationScenarios, type SimulationScenarioRow } from './simulationSchema.js';

export interface SavedScenario {
  id: string;
  name: string;
  description: string;
  scenario: Scenario;
  updatedAt: string;
}

export class ScenarioInputError extends Error {
  constructor(readonly issues: FieldIssue[]) {
    super(issues.map((i) => `${i.field}: ${i.message}`).join('; '));
  }
}

function toSaved(row: SimulationScenarioRow): SavedScenario {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    scenario: row.scenario as Scenario,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function validate(name: string, scenario: unknown): Scenario {
  const parsed = parseScenario(scenario);
  if (!parsed.ok)
    throw new ScenarioInputError(parsed.issues.map((i) => ({ field: `scenario.${i.field}`, message: i.message })));
  return { ...parsed.scenario, name };
}

export async function listScenarios(db: Db): Promise<SavedScenario[]> {
  const rows = await db.select().from(dischargeSimulationScenarios).orderBy(asc(dischargeSimulationScenarios.name));
  return rows.map(toSaved);
}

export async function getScenario(db: Db, id: string): Promise<SavedScenario | null> {
  const [row] = await db.select().from(dischargeSimulationScenarios).where(eq(dischargeSimulationScenarios.id, id));
  return row ? toSaved(row) : null;
}

async function nameTaken(db: Db, name: string, exceptId?: string): Promise<boolean> {
  const rows = await db
    .select({ id: dischargeSimulationScenarios.id })
    .from(dischargeSimulationScenarios)
    .where(eq(dischargeSimulationScenarios.name, name));
  return rows.some((r) => r.id !== exceptId);
}

export async function createScenario(
  db: Db,
  actor: AuditActor & { userId: string },
  input: { name: string; description?: string; scenario: unknown },
): Promise<SavedScenario> {
  const scenario = validate(input.name, input.scenario);
  return db.transaction(async (tx) => {
    if (await nameTaken(tx, input.name))
      throw new ScenarioInputError([{ field: 'name', message: `a scenario called "${input.name}" already exists` }]);
    const [row] = await tx
      .insert(dischargeSimulationScenarios)
      .values({
        name: input.name,
        description: input.description ?? '',
        scenario,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'create',
      entity: 'discharge_simulation_scenario',
      entityId: row.id,
      detail: { name: row.name },
    });
    return toSaved(row);
  });
}

export async function updateScenario(
  db: Db,
  actor: AuditActor & { userId: string },
  id: string,
  input: { name: string; description?: string; scenario: unknown },
): Promise<SavedScenario | null> {
  const scenario = validate(input.name, input.scenario);
  return db.transaction(async (tx) => {
    if (await nameTaken(tx, input.name, id))
      throw new ScenarioInputError([{ field: 'name', message: `a scenario called "${input.name}" already exists` }]);
    const [row] = await tx
      .update(dischargeSimulationScenarios)
      .set({
        name: input.name,
        description: input.description ?? '',
        scenario,
        updatedBy: actor.userId,
        updatedAt: new Date(),
      })
      .where(eq(dischargeSimulationScenarios.id, id))
      .returning();
    if (!row) return null;
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'discharge_simulation_scenario',
      entityId: id,
      detail: { name: row.name },
    });
    return toSaved(row);
  });
}

export async function deleteScenario(db: Db, actor: AuditActor, id: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .delete(dischargeSimulationScenarios)
      .where(eq(dischargeSimulationScenarios.id, id))
      .returning({ name: dischargeSimulationScenarios.name });
    if (rows.length === 0) return false;
    await recordAudit(tx, actor, {
      action: 'delete',
      entity: 'discharge_simulation_scenario',
      entityId: id,
      detail: { name: rows[0].name },
    });
    return true;
  });
}

/** The hub's referrals, block-booked beds and D2A outcomes in [from, to), as the fit needs them (no personal data). */
export async function readHistory(db: Db, from: string, to: string): Promise<HistoryInput> {
  const fromTime = new Date(`${from}T00:00:00Z`);
  const toTime = new Date(`${to}T00:00:00Z`);
  const referrals = await db
    .select({
      pathway: dischargeReferrals.pathway,
      readyAt: dischargeReferrals.medicallyOptimisedAt,
      startedAt: dischargeReferrals.dischargedAt,
      endedAt: dischargeReferrals.serviceEndedAt,
      nextPathway: dischargeReferrals.nextPathway,
    })
    .from(dischargeReferrals)
    .where(
      and(
        inArray(dischargeReferrals.pathway, [1, 2, 3]),
        // The block capacity only: reablement, rehab beds and D2A beds (spot homecare and care home placements are not queued for it).
        or(eq(dischargeReferrals.pathway, 2), inArray(dischargeReferrals.serviceNeed, ['reablement', 'd2a_bed'])),
        isNull(dischargeReferrals.cancelledAt),
        gte(dischargeReferrals.medicallyOptimisedAt, fromTime),
        lt(dischargeReferrals.medicallyOptimisedAt, toTime),
      ),
    );
  const beds = await db
    .select({
      kind: dischargeBlockBeds.kind,
      fromDate: dischargeBlockBeds.fromDate,
      toDate: dischargeBlockBeds.toDate,
      weeklyPricePence: dischargeBlockBeds.weeklyPricePence,
    })
    .from(dischargeBlockBeds);
  const outcomes = await db
    .select({ outcome: dischargeBedStays.outcome, n: sql<number>`count(*)::int` })
    .from(dischargeBedStays)
    .innerJoin(dischargeBlockBeds, eq(dischargeBedStays.bedId, dischargeBlockBeds.id))
    .where(
      and(
        eq(dischargeBlockBeds.kind, 'd2a'),
        isNotNull(dischargeBedStays.leftAt),
        gte(dischargeBedStays.leftAt, fromTime),
        lt(dischargeBedStays.leftAt, toTime),
      ),
    )
    .groupBy(dischargeBedStays.outcome);
  // Services still running at the end of the window are open stays: only completed ones give lengths of stay.
  const iso = (d: Date | null) => (d && d < toTime ? d.toISOString() : null);
  return {
    from,
    to,
    referrals: referrals.map((r) => ({
      pathway: r.pathway,
      readyAt: r.readyAt.toISOString(),
      startedAt: iso(r.startedAt),
      endedAt: iso(r.endedAt),
      nextPathway: r.nextPathway,
    })),
    beds: beds.filter((b): b is typeof b & { kind: 'd2a' | 'rehab' } => b.kind === 'd2a' || b.kind === 'rehab'),
    d2aOutcomes: Object.fromEntries(outcomes.map((o) => [o.outcome ?? 'other', Number(o.n)])),
  };
}

/** Fits the model to the year of history before `asAt` (default: the day after the latest referral). */
export async function fitFromHistory(db: Db, asAt?: string): Promise<HistoryFit | null> {
  let to = asAt;
  if (!to) {
    const [latest] = await db
      .select({
        day: sql<
          string | null
        >`to_char(max(${dischargeReferrals.medicallyOptimisedAt}) at time zone 'UTC', 'YYYY-MM-DD')`,
      })
      .from(dischargeReferrals);
    if (!latest?.day) return null;
    to = addDays(latest.day, 1);
  }
  const from = addDays(to, -365);
  const history = await readHistory(db, from, to);
  if (history.referrals.length === 0) return null;
  return fitHistory(history);
}
