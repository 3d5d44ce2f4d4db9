// Procurements (recommissionings) and their stages; the recommissioning list joins contracts to them.
import { asc, eq, lte } from 'drizzle-orm';
import type { Db } from '../client.js';
import { type AuditActor, recordAudit } from '../core/audit.js';
import { providers } from '../market/schema.js';
import { InputError, NotFound } from '../../domain/core/errors.js';
import { currentEndDate } from '../../domain/contracts/contract.js';
import { addMonths, londonToday } from '../../domain/core/dates.js';
import {
  forecastProcurement,
  stageProblems,
  type ProcurementForecast,
  type StageDates,
  type ProcurementStage,
} from '../../domain/contracts/procurement.js';
import {
  recommissioningList,
  type Horizon,
  type RecommissioningDecision,
  type RecommissioningEntry,
} from '../../domain/contracts/recommissioning.js';
import { termOf } from './contracts.js';
import { contracts, planIntentions, procurements, procurementStages } from './schema.js';

export interface ProcurementView {
  id: string;
  title: string;
  route: string;
  leadOfficer: string | null;
  contractId: string | null;
  intentionId: string | null;
  intentionTitle: string | null;
  contractReference: string | null;
  contractEndDate: string | null;
  forecast: ProcurementForecast;
}

function stageDates(rows: (typeof procurementStages.$inferSelect)[]): StageDates[] {
  return rows.map((s) => ({
    stage: s.stage as ProcurementStage,
    plannedStart: s.plannedStart,
    plannedEnd: s.plannedEnd,
    actualStart: s.actualStart,
    actualEnd: s.actualEnd,
    notApplicable: s.notApplicable,
  }));
}

/**
 * Procurements (or the one with `onlyId`) with each stage's status as at `asAt`, optionally only those whose contract
 * ends by `contractEndsBy`.
 */
export async function listProcurements(
  db: Db,
  asAt: string,
  onlyId?: string,
  contractEndsBy?: string,
): Promise<ProcurementView[]> {
  const rows = await db
    .select({ p: procurements, c: contracts, intentionTitle: planIntentions.text })
    .from(procurements)
    .leftJoin(contracts, eq(contracts.id, procurements.contractId))
    .leftJoin(planIntentions, eq(planIntentions.id, procurements.intentionId))
    .where(
      onlyId ? eq(procurements.id, onlyId) : contractEndsBy ? lte(contracts.initialEndDate, contractEndsBy) : undefined,
    )
    .orderBy(asc(procurements.title));
  if (rows.length === 0) return [];
  const stages = onlyId
    ? await db.select().from(procurementStages).where(eq(procurementStages.procurementId, onlyId))
    : await db.select().from(procurementStages);
  const byProcurement = new Map<string, (typeof procurementStages.$inferSelect)[]>();
  for (const s of stages) {
    const list = byProcurement.get(s.procurementId) ?? [];
    list.push(s);
    byProcurement.set(s.procurementId, list);
  }
  return rows
    .map(({ p, c, intentionTitle }) => {
      const end = c ? currentEndDate(termOf(c)) : null;
      return {
        id: p.id,
        title: p.title,
        route: p.route,
        leadOfficer: p.leadOfficer,
        contractId: c?.id ?? null,
        intentionId: p.intentionId,
        intentionTitle: intentionTitle ?? null,
        contractReference: c?.reference ?? null,
        contractEndDate: end,
        forecast: forecastProcurement(stageDates(byProcurement.get(p.id) ?? []), end, asAt),
      };
    })
    .sort((a, b) => (a.forecast.plannedGoLive ?? '9999').localeCompare(b.forecast.plannedGoLive ?? '9999'));
}

/** One procurement with its stages' status as at `asAt`. @throws NotFound when there is none */
export async function getProcurement(db: Db, id: string, asAt: string): Promise<ProcurementView> {
  const [p] = await listProcurements(db, asAt, id);
  if (!p) throw new NotFound('Procurement');
  return p;
}

export interface ProcurementInput {
  contractId: string | null;
  /** The delivery plan's commissioning intention it is started from (null when none). */
  intentionId?: string | null;
  title: string;
  route: string;
  leadOfficer: string | null;
  stages: StageDates[];
}

/**
 * Creates a procurement and its stages in one audited transaction. @returns its id
 * @throws InputError when the stage dates are out of order, an actual date is after today (England), or the
 *   contract does not exist
 */
export async function createProcurement(db: Db, actor: AuditActor, input: ProcurementInput): Promise<string> {
  const problems = stageProblems(input.stages, londonToday());
  if (problems.length) throw new InputError(problems);
  return db.transaction(async (tx) => {
    if (input.contractId) {
      const [c] = await tx.select({ id: contracts.id }).from(contracts).where(eq(contracts.id, input.contractId));
      if (!c) throw new InputError([{ field: 'contractId', message: 'No contract with this id' }]);
    }
    if (input.intentionId) {
      const [i] = await tx
        .select({ id: planIntentions.id })
        .from(planIntentions)
        .where(eq(planIntentions.id, input.intentionId));
      if (!i) throw new InputError([{ field: 'intentionId', message: 'No commissioning intention with this id' }]);
    }
    const [row] = await tx
      .insert(procurements)
      .values({
        contractId: input.contractId,
        intentionId: input.intentionId ?? null,
        title: input.title,
        route: input.route,
        leadOfficer: input.leadOfficer,
      })
      .returning({ id: procurements.id });
    if (input.stages.length) {
      await tx
        .insert(procurementStages)
        .values(input.stages.map((s) => ({ ...s, notApplicable: s.notApplicable ?? false, procurementId: row.id })));
    }
    await recordAudit(tx, actor, {
      action: 'create',
      entity: 'procurement',
      entityId: row.id,
      detail: {
        title: input.title,
        contractId: input.contractId,
        intentionId: input.intentionId ?? null,
        route: input.route,
        stages: input.stages.map((s) => s.stage),
      },
    });
    return row.id;
  });
}

/** Record actual (or re-planned) dates for one stage; the whole plan is re-checked before saving. */
export async function updateStage(
  db: Db,
  actor: AuditActor,
  procurementId: string,
  stage: ProcurementStage,
  dates: Partial<Omit<StageDates, 'stage'>>,
): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await tx.select().from(procurementStages).where(eq(procurementStages.procurementId, procurementId));
    const current = rows.find((r) => r.stage === stage);
    if (!current) throw new NotFound(`Stage ${stage} of this procurement`);
    const next = stageDates(rows).map((s) => (s.stage === stage ? { ...s, ...dates } : s));
    const problems = stageProblems(next, londonToday());
    if (problems.length) throw new InputError(problems);
    await tx.update(procurementStages).set(dates).where(eq(procurementStages.id, current.id));
    await recordAudit(tx, actor, {
      action: 'update_stage',
      entity: 'procurement',
      entityId: procurementId,
      // Only the dates that changed (a form sends the whole stage).
      detail: {
        stage,
        ...Object.fromEntries(
          Object.entries(dates).filter(([k, v]) => v !== undefined && current[k as keyof typeof current] !== v),
        ),
      },
    });
  });
}

/** The recommissioning list for asAt, with each contract's procurement forecast. */
export async function recommissioning(db: Db, asAt: string, horizon: Horizon = 18): Promise<RecommissioningEntry[]> {
  // A contract's current end is never before its initial end, so later initial ends cannot be in the horizon.
  const horizonEnd = addMonths(asAt, horizon);
  const rows = await db
    .select({ c: contracts, providerName: providers.name })
    .from(contracts)
    .leftJoin(providers, eq(providers.id, contracts.providerId))
    .where(lte(contracts.initialEndDate, horizonEnd));
  const procs = await listProcurements(db, asAt, undefined, horizonEnd);
  const byContract = new Map(procs.filter((p) => p.contractId).map((p) => [p.contractId!, p.forecast]));
  return recommissioningList(
    rows.map(({ c, providerName }) => ({
      ...termOf(c),
      id: c.id,
      reference: c.reference,
      title: c.title,
      providerName,
      serviceArea: c.serviceArea,
      annualValuePence: Number(c.annualValuePence),
      leadOfficer: c.leadOfficer,
      decision: (c.decision as RecommissioningDecision | null) ?? null,
      procurement: byContract.get(c.id) ?? null,
    })),
    asAt,
    horizon,
  );
}
