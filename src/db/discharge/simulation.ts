// Capacity planning by simulation: saved scenarios, and the hub history the model is fitted to.
import { and, asc, eq, gte, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { recordAudit, type AuditActor } from '../core/audit.js';
import { addDays, daysBetween, londonMidnight, londonToday } from '../../domain/core/dates.js';
import { cachedByVersion } from '../core/versions.js';
import { Conflict } from '../../domain/core/errors.js';
import type { HubPosition } from '../../domain/discharge/simulation/baseline.js';
import { fitHistory, type HistoryFit, type HistoryInput } from '../../domain/discharge/simulation/fit.js';
import { hubPosition, MAX_DAYS_IN_SERVICE } from '../../domain/discharge/simulation/position.js';
import {
  parseScenario,
  requireScenario,
  upgradeStoredScenario,
  type Scenario,
} from '../../domain/discharge/simulation/scenario.js';
import { dischargeBedStays, dischargeBlockBeds, dischargeReferrals } from './schema.js';
import { plausibleReferral } from './plausible.js';
import { readInSlices } from './sql.js';
import { dischargeSimulationScenarios, type SimulationScenarioRow } from './simulationSchema.js';

export interface SavedScenario {
  id: string;
  name: string;
  description: string;
  scenario: Scenario;
  updatedAt: string;
}

/**
 * A stored row as a saved scenario: the stored JSON is brought to today's shape (money in pence) and parsed with
 * the scenario schema, so defaults added since it was saved are filled in.
 * @throws Error when a stored scenario no longer parses (a bug in a migration, not the user's input)
 */
function toSaved(row: SimulationScenarioRow): SavedScenario {
  const parsed = parseScenario(upgradeStoredScenario(row.scenario));
  if (!parsed.ok)
    throw new Error(
      `saved scenario ${row.id} no longer parses: ${parsed.issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`,
    );
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    scenario: parsed.scenario,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** @throws InputError naming each field at fault, under `scenario.` */
function validate(name: string, scenario: unknown): Scenario {
  return { ...requireScenario(scenario, 'scenario'), name };
}

/** Saved scenarios by name, each parsed (and brought to today's shape) with the scenario schema. */
export async function listScenarios(db: Db): Promise<SavedScenario[]> {
  const rows = await db.select().from(dischargeSimulationScenarios).orderBy(asc(dischargeSimulationScenarios.name));
  return rows.map(toSaved);
}

/** One saved scenario, or null. */
export async function getScenario(db: Db, id: string): Promise<SavedScenario | null> {
  const [row] = await db.select().from(dischargeSimulationScenarios).where(eq(dischargeSimulationScenarios.id, id));
  return row ? toSaved(row) : null;
}

/** @throws Conflict (field `name`) when another scenario than `exceptId` already has this name. */
async function assertNameFree(db: Db, name: string, exceptId?: string): Promise<void> {
  const rows = await db
    .select({ id: dischargeSimulationScenarios.id })
    .from(dischargeSimulationScenarios)
    .where(eq(dischargeSimulationScenarios.name, name));
  if (rows.some((r) => r.id !== exceptId))
    throw new Conflict(`A scenario called "${name}" already exists`, [
      { field: 'name', message: `A scenario called "${name}" already exists: choose another name` },
    ]);
}

/**
 * Saves a named scenario (audited). @throws InputError naming each field of the scenario at fault (under
 * `scenario.`); Conflict when the name is taken
 */
export async function createScenario(
  db: Db,
  actor: AuditActor & { userId: string },
  input: { name: string; description?: string; scenario: unknown },
): Promise<SavedScenario> {
  const scenario = validate(input.name, input.scenario);
  return db.transaction(async (tx) => {
    await assertNameFree(tx, input.name);
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

/**
 * Changes a saved scenario (audited). @returns null when there is no such scenario
 * @throws InputError naming each field at fault; Conflict when the new name is taken
 */
export async function updateScenario(
  db: Db,
  actor: AuditActor & { userId: string },
  id: string,
  input: { name: string; description?: string; scenario: unknown },
): Promise<SavedScenario | null> {
  const scenario = validate(input.name, input.scenario);
  return db.transaction(async (tx) => {
    await assertNameFree(tx, input.name, id);
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

/** Deletes a saved scenario (audited). @returns false when there was no such scenario */
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

/** The block capacity only: reablement, rehab beds and D2A beds (spot homecare and care home placements do not queue for it). */
const BLOCK_CAPACITY = or(
  eq(dischargeReferrals.pathway, 2),
  and(eq(dischargeReferrals.pathway, 1), eq(dischargeReferrals.serviceNeed, 'reablement')),
  and(eq(dischargeReferrals.pathway, 3), eq(dischargeReferrals.serviceNeed, 'd2a_bed')),
);

/** Years of referral counts read for the rates, so a trend can be fitted when the hub has that much history. */
const COUNT_YEARS = 3;

/**
 * The hub's referrals, block-booked beds and D2A outcomes in the London days [from, to), as the fit needs them
 * (no personal data), plus referrals a day by pathway for up to three years before `to` (rates and trend).
 * The year of referrals is read in slices of about `sliceRows` by the time each became medically optimised
 * (readInSlices), each slice in that order (then by id), so on PGlite no single query holds the server; any slice
 * size gives the same history.
 */
export async function readHistory(db: Db, from: string, to: string, sliceRows?: number): Promise<HistoryInput> {
  const fromTime = londonMidnight(from);
  const toTime = londonMidnight(to);
  const r = dischargeReferrals;
  const inHistory = and(BLOCK_CAPACITY, isNull(r.cancelledAt), plausibleReferral());
  const referrals = await readInSlices(
    async () => {
      const [span] = await db
        .select({ rows: sql<number>`count(*)::int`, first: sql<Date | string | null>`min(${r.medicallyOptimisedAt})` })
        .from(r)
        .where(and(inHistory, gte(r.medicallyOptimisedAt, fromTime), lt(r.medicallyOptimisedAt, toTime)));
      return { rows: Number(span?.rows ?? 0), first: span?.first ? new Date(span.first) : null };
    },
    toTime,
    (a, b) =>
      db
        .select({
          pathway: r.pathway,
          readyAt: r.medicallyOptimisedAt,
          startedAt: r.dischargedAt,
          endedAt: r.serviceEndedAt,
          nextPathway: r.nextPathway,
          callsPerDay: r.callsPerDay,
        })
        .from(r)
        .where(and(inHistory, gte(r.medicallyOptimisedAt, a), lt(r.medicallyOptimisedAt, b)))
        .orderBy(asc(r.medicallyOptimisedAt), asc(r.id)),
    sliceRows,
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
  const countsFrom = addDays(to, -365 * COUNT_YEARS);
  const counted = await db
    .select({
      pathway: dischargeReferrals.pathway,
      day: sql<string>`to_char(${dischargeReferrals.medicallyOptimisedAt} at time zone 'Europe/London', 'YYYY-MM-DD')`,
      n: sql<number>`count(*)::int`,
    })
    .from(dischargeReferrals)
    .where(
      and(
        BLOCK_CAPACITY,
        isNull(dischargeReferrals.cancelledAt),
        plausibleReferral(),
        gte(dischargeReferrals.medicallyOptimisedAt, londonMidnight(countsFrom)),
        lt(dischargeReferrals.medicallyOptimisedAt, toTime),
      ),
    )
    .groupBy(sql`1, 2`);
  // Counts start at the first day with a referral (a hub new to Steward has no earlier record, not zero referrals).
  const firstDay = counted.reduce((min, c) => (c.day < min ? c.day : min), to);
  const length = daysBetween(firstDay, to);
  const referralCounts: Partial<Record<1 | 2 | 3, number[]>> = { 1: [], 2: [], 3: [] };
  for (const p of [1, 2, 3] as const) referralCounts[p] = new Array<number>(length).fill(0);
  for (const c of counted) {
    const k = daysBetween(firstDay, c.day);
    if (k >= 0 && k < length && (c.pathway === 1 || c.pathway === 2 || c.pathway === 3))
      referralCounts[c.pathway]![k] += Number(c.n);
  }
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
      callsPerDay: r.callsPerDay,
    })),
    beds: beds.filter((b): b is typeof b & { kind: 'd2a' | 'rehab' } => b.kind === 'd2a' || b.kind === 'rehab'),
    d2aOutcomes: Object.fromEntries(outcomes.map((o) => [o.outcome ?? 'other', Number(o.n)])),
    countsFrom: firstDay,
    referralCounts,
  };
}

/**
 * Fits the model to its history: {@link fitHistory} itself (the default), or the same function run elsewhere, e.g.
 * on a worker thread (src/server/discharge/computePool.ts), so the fit does not hold the server's event loop.
 */
export type FitRunner = (input: HistoryInput) => HistoryFit | Promise<HistoryFit>;

/**
 * Fits the model to the year of history before `asAt` (default: the day after the latest referral, London time).
 * Cached per discharge data version: the first request after a change fits, the rest share the fit (do not mutate it).
 * `runFit` does the fitting (default: fitHistory on this thread).
 * @returns null when there is no history in that year
 */
export async function fitFromHistory(
  db: Db,
  asAt?: string,
  runFit: FitRunner = fitHistory,
): Promise<HistoryFit | null> {
  // Cached per discharge data version and London date (plausible dates are judged against today), as the metrics are.
  return cachedByVersion(db, 'discharge', `fit|${asAt ?? 'latest'}|${londonToday()}`, () =>
    computeFit(db, asAt, runFit),
  );
}

async function computeFit(db: Db, asAt: string | undefined, runFit: FitRunner): Promise<HistoryFit | null> {
  let to = asAt;
  if (!to) {
    const [latest] = await db
      .select({
        day: sql<
          string | null
        >`to_char(max(${dischargeReferrals.medicallyOptimisedAt}) at time zone 'Europe/London', 'YYYY-MM-DD')`,
      })
      .from(dischargeReferrals)
      .where(plausibleReferral());
    if (!latest?.day) return null;
    to = addDays(latest.day, 1);
  }
  const from = addDays(to, -365);
  const history = await readHistory(db, from, to);
  if (history.referrals.length === 0) return null;
  return runFit(history);
}

/**
 * Today's position for the planner, read from the live records at `now`: everyone medically optimised and
 * waiting for reablement, a rehab bed or a D2A bed (the hub board's lanes for block capacity), and everyone
 * discharged into one of them whose service has not ended (up to a year back).
 */
export async function readHubPosition(db: Db, now = new Date()): Promise<HubPosition & { unrecordedEnds: number }> {
  const since = new Date(now.getTime() - (MAX_DAYS_IN_SERVICE + 30) * 86_400_000);
  const rows = await db
    .select({
      pathway: dischargeReferrals.pathway,
      serviceNeed: dischargeReferrals.serviceNeed,
      medicallyOptimisedAt: dischargeReferrals.medicallyOptimisedAt,
      dischargedAt: dischargeReferrals.dischargedAt,
      serviceEndedAt: dischargeReferrals.serviceEndedAt,
    })
    .from(dischargeReferrals)
    .where(
      and(
        BLOCK_CAPACITY,
        isNull(dischargeReferrals.cancelledAt),
        plausibleReferral(),
        lt(dischargeReferrals.medicallyOptimisedAt, now),
        or(
          isNull(dischargeReferrals.dischargedAt),
          and(
            gte(dischargeReferrals.dischargedAt, since),
            or(isNull(dischargeReferrals.serviceEndedAt), gte(dischargeReferrals.serviceEndedAt, now)),
          ),
        ),
      ),
    );
  return hubPosition(rows, now);
}
