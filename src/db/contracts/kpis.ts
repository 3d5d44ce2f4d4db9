// Contract KPIs and providers' returns.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.js';
import { type AuditActor, recordAudit } from '../core/audit.js';
import { users } from '../core/schema.js';
import { providers } from '../market/schema.js';
import { Conflict, InputError, NotFound } from '../../domain/core/errors.js';
import { currentEndDate } from '../../domain/contracts/contract.js';
import {
  KPI_FREQUENCIES,
  amendmentReasonProblem,
  periodProblem,
  periodsDue,
  kpiDefinitionProblems,
  kpiUnitFor,
  kpiValueProblem,
  periodStartFor,
  returnStatuses,
  type Kpi,
  type KpiDirection,
  type KpiFrequency,
  type KpiMeasure,
  type KpiReturnInput,
  type ReturnStatus,
} from '../../domain/contracts/kpi.js';
import { termOf } from './contracts.js';
import { contracts, kpiReturnAmendments, kpiReturns, kpis } from './schema.js';

export interface KpiView extends Kpi {
  id: string;
  contractId: string;
  contractReference: string;
  contractTitle: string;
  providerId: string | null;
  providerName: string | null;
  reportingFrom: string;
  /** The day the KPI was retired (no period ending on or after it is due), and why; null while it is measured. */
  retiredOn: string | null;
  retireReason: string | null;
  returns: ReturnStatus[];
  late: number;
  overdue: number;
  offTarget: number;
}

function toKpi(k: typeof kpis.$inferSelect): Kpi {
  return {
    name: k.name,
    measure: k.measure as KpiMeasure,
    unit: k.unit,
    target: k.target,
    direction: k.direction as KpiDirection,
    frequency: k.frequency as KpiFrequency,
    tolerance: k.tolerance,
    dueDays: k.dueDays,
  };
}

/** KPIs with every period's return state; a provider sees only its own contracts' KPIs. */
export async function listKpis(
  db: Db,
  asAt: string,
  filter: { providerId?: string; contractId?: string } = {},
): Promise<KpiView[]> {
  const where = [];
  if (filter.providerId) where.push(eq(contracts.providerId, filter.providerId));
  if (filter.contractId) where.push(eq(kpis.contractId, filter.contractId));
  const rows = await db
    .select({ k: kpis, c: contracts, providerName: providers.name })
    .from(kpis)
    .innerJoin(contracts, eq(contracts.id, kpis.contractId))
    .leftJoin(providers, eq(providers.id, contracts.providerId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(contracts.reference), asc(kpis.name));
  if (rows.length === 0) return [];
  // Every return of the listed KPIs in one query (a join, not a long IN list), grouped by KPI.
  const returns = where.length
    ? await db
        .select({ r: kpiReturns })
        .from(kpiReturns)
        .innerJoin(kpis, eq(kpis.id, kpiReturns.kpiId))
        .innerJoin(contracts, eq(contracts.id, kpis.contractId))
        .where(and(...where))
    : await db.select({ r: kpiReturns }).from(kpiReturns);
  // Earlier figures of amended returns, and the names of everyone who gave or amended one.
  const amendedIds = returns.filter(({ r }) => r.amendedOn).map(({ r }) => r.id);
  const amendments = amendedIds.length
    ? await db
        .select()
        .from(kpiReturnAmendments)
        .where(inArray(kpiReturnAmendments.returnId, amendedIds))
        .orderBy(asc(kpiReturnAmendments.createdAt))
    : [];
  const userIds = [
    ...new Set(
      [...returns.map(({ r }) => r.submittedBy), ...amendments.flatMap((a) => [a.previousBy, a.amendedBy])].filter(
        (id): id is string => id !== null,
      ),
    ),
  ];
  const names = new Map(
    userIds.length
      ? (await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds))).map(
          (u) => [u.id, u.name] as const,
        )
      : [],
  );
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  const historyOf = new Map<string, KpiReturnInput['history']>();
  for (const a of amendments) {
    const list = historyOf.get(a.returnId) ?? [];
    list.push({
      value: a.previousValue,
      comment: a.previousComment,
      by: nameOf(a.previousBy),
      enteredByStaff: a.previousEnteredByStaff,
      amendedOn: a.amendedOn,
      amendedBy: nameOf(a.amendedBy),
      reason: a.reason,
    });
    historyOf.set(a.returnId, list);
  }
  const byKpi = new Map<string, KpiReturnInput[]>();
  for (const { r } of returns) {
    const list = byKpi.get(r.kpiId) ?? [];
    list.push({
      periodStart: r.periodStart,
      value: r.value,
      submittedOn: r.submittedOn,
      comment: r.comment,
      by: nameOf(r.submittedBy),
      enteredByStaff: r.enteredByStaff,
      amendedOn: r.amendedOn,
      history: historyOf.get(r.id) ?? [],
    });
    byKpi.set(r.kpiId, list);
  }
  return rows.map(({ k, c, providerName }) => {
    const kpi = toKpi(k);
    // A retired KPI owes no period that had not ended before it was retired; returns already in stay.
    const statuses = returnStatuses(
      kpi,
      k.reportingFrom,
      byKpi.get(k.id) ?? [],
      asAt,
      currentEndDate(termOf(c)),
    ).filter((s) => !k.retiredOn || s.periodEnd < k.retiredOn || s.value !== null);
    return {
      ...kpi,
      id: k.id,
      contractId: c.id,
      contractReference: c.reference,
      contractTitle: c.title,
      providerId: c.providerId,
      providerName,
      reportingFrom: k.reportingFrom,
      retiredOn: k.retiredOn,
      retireReason: k.retireReason,
      returns: statuses,
      late: statuses.filter((s) => s.state === 'late').length,
      overdue: statuses.filter((s) => s.state === 'overdue').length,
      offTarget: statuses.filter((s) => s.offTarget).length,
    };
  });
}

export interface KpiInput {
  contractId: string;
  name: string;
  /** How it is measured: types the target, tolerance and every return's value (money in pence). */
  measure: KpiMeasure;
  /** Needed for a count ('people') or another number ('score'); the other measures imply it ('%', 'days', '£'). */
  unit?: string | null;
  target: number;
  direction: KpiDirection;
  frequency: KpiFrequency;
  tolerance: number;
  dueDays: number | null;
  reportingFrom: string;
}

/**
 * Adds a KPI to a contract in one audited transaction. @returns its id
 * @throws InputError for an unknown frequency, a unit missing where the measure needs one, a target or tolerance
 * not of the measure's type (a percentage over 100, a fraction of a count or of a penny, a negative tolerance), or no
 * such contract
 */
export async function createKpi(db: Db, actor: AuditActor, given: KpiInput): Promise<string> {
  if (!KPI_FREQUENCIES.includes(given.frequency))
    throw new InputError([{ field: 'frequency', message: `Frequency must be one of ${KPI_FREQUENCIES.join(', ')}` }]);
  const input = checkedDefinition(given);
  return db.transaction(async (tx) => {
    const [c] = await tx.select({ id: contracts.id }).from(contracts).where(eq(contracts.id, input.contractId));
    if (!c) throw new InputError([{ field: 'contractId', message: 'No contract with this id' }]);
    const [row] = await tx.insert(kpis).values(input).returning({ id: kpis.id });
    await recordAudit(tx, actor, {
      action: 'create',
      entity: 'kpi',
      entityId: row.id,
      detail: { contractId: input.contractId, name: input.name },
    });
    return row.id;
  });
}

/** What a commissioner may change on a KPI: everything but its contract and the day reporting starts. */
export type KpiChanges = Pick<
  KpiInput,
  'name' | 'measure' | 'unit' | 'target' | 'direction' | 'frequency' | 'tolerance' | 'dueDays'
>;

const KPI_CHANGE_FIELDS = [
  'name',
  'measure',
  'unit',
  'target',
  'direction',
  'frequency',
  'tolerance',
  'dueDays',
] as const;

/**
 * The KPI definition as stored: the unit its measure implies (or the commissioner's own), after checking every
 * field's type against the measure at once.
 * @throws InputError naming each field at fault (unit, target, tolerance)
 */
function checkedDefinition<T extends Pick<KpiInput, 'measure' | 'unit' | 'target' | 'tolerance'>>(
  input: T,
): T & { unit: string } {
  const problems = kpiDefinitionProblems(input);
  if (problems.length) throw new InputError(problems);
  return { ...input, unit: kpiUnitFor(input.measure, input.unit)! };
}

/**
 * Edits a KPI's name, unit, target, direction, frequency, tolerance or due day in one audited transaction (the
 * audit entry keeps each changed field before and after, and shows in the contract's history). Returns already in
 * are judged against the new target from then on.
 * @throws NotFound when there is no such KPI; Conflict when it has been retired; InputError for a target or tolerance
 * not of the measure's type, a unit missing where the measure needs one, or a new frequency or measure on a KPI that
 * already has returns (their periods or values would no longer fit: retire it and add another)
 */
export async function updateKpi(db: Db, actor: AuditActor, id: string, changes: KpiChanges): Promise<void> {
  const input = checkedDefinition(changes);
  await db.transaction(async (tx) => {
    const [was] = await tx.select().from(kpis).where(eq(kpis.id, id)).for('update');
    if (!was) throw new NotFound('KPI');
    if (was.retiredOn)
      throw new Conflict(`This KPI was retired on ${was.retiredOn}: it cannot be edited`, [
        { field: 'name', message: `This KPI was retired on ${was.retiredOn}: it cannot be edited` },
      ]);
    if (input.frequency !== was.frequency || input.measure !== was.measure) {
      const [r] = await tx.select({ id: kpiReturns.id }).from(kpiReturns).where(eq(kpiReturns.kpiId, id)).limit(1);
      if (r)
        throw new InputError([
          ...(input.frequency !== was.frequency
            ? [
                {
                  field: 'frequency',
                  message:
                    'This KPI already has returns, so how often it is reported cannot change: retire it and add a new KPI',
                },
              ]
            : []),
          ...(input.measure !== was.measure
            ? [
                {
                  field: 'measure',
                  message:
                    'This KPI already has returns, so how it is measured cannot change: retire it and add a new KPI',
                },
              ]
            : []),
        ]);
    }
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const f of KPI_CHANGE_FIELDS)
      if (was[f] !== input[f]) {
        before[f] = was[f];
        after[f] = input[f];
      }
    await tx
      .update(kpis)
      .set(Object.fromEntries(KPI_CHANGE_FIELDS.map((f) => [f, input[f]])))
      .where(eq(kpis.id, id));
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'kpi',
      entityId: id,
      detail: { contractId: was.contractId, name: input.name, before, after },
    });
  });
}

/**
 * Removes a KPI from its contract in one audited transaction. A KPI with no returns is deleted; one with returns is
 * retired instead (kept with its returns and their history, shown as retired, and no period ending on or after
 * `today` is due). The audit entry names the contract, so the change stays in the contract's history either way.
 * @returns 'deleted' or 'retired'
 * @throws NotFound when there is no such KPI; Conflict when it has already been retired; InputError for a blank reason
 */
export async function removeKpi(
  db: Db,
  actor: AuditActor,
  id: string,
  reason: string,
  today: string,
): Promise<'deleted' | 'retired'> {
  if (!reason.trim()) throw new InputError([{ field: 'reason', message: 'Enter why the KPI is being removed' }]);
  return db.transaction(async (tx) => {
    const [was] = await tx.select().from(kpis).where(eq(kpis.id, id)).for('update');
    if (!was) throw new NotFound('KPI');
    if (was.retiredOn)
      throw new Conflict(`This KPI was already retired on ${was.retiredOn}`, [
        { field: 'reason', message: `This KPI was already retired on ${was.retiredOn}` },
      ]);
    const [r] = await tx.select({ id: kpiReturns.id }).from(kpiReturns).where(eq(kpiReturns.kpiId, id)).limit(1);
    const outcome = r ? 'retired' : 'deleted';
    if (r) await tx.update(kpis).set({ retiredOn: today, retireReason: reason.trim() }).where(eq(kpis.id, id));
    else await tx.delete(kpis).where(eq(kpis.id, id));
    await recordAudit(tx, actor, {
      action: outcome === 'retired' ? 'retire' : 'delete',
      entity: 'kpi',
      entityId: id,
      detail: { contractId: was.contractId, name: was.name, reason: reason.trim(), retiredOn: r ? today : null },
    });
    return outcome;
  });
}

/** The provider that owns a KPI (through its contract), for ownership checks. */
export async function kpiOwner(
  db: Db,
  kpiId: string,
): Promise<{ providerId: string | null; kpi: typeof kpis.$inferSelect }> {
  const [r] = await db
    .select({ k: kpis, providerId: contracts.providerId })
    .from(kpis)
    .innerJoin(contracts, eq(contracts.id, kpis.contractId))
    .where(eq(kpis.id, kpiId));
  if (!r) throw new NotFound('KPI');
  return { providerId: r.providerId, kpi: r.k };
}

/**
 * Submits a KPI return for a period that has ended. `enteredByStaff` marks a return council staff entered on the
 * provider's behalf (shown as such wherever the return is).
 * @throws InputError naming every field at fault at once; Conflict when the period already has a return (amend it)
 */
export async function submitReturn(
  db: Db,
  actor: AuditActor & { userId?: string },
  kpiId: string,
  input: { periodStart: string; value: number; comment: string | null },
  today: string,
  enteredByStaff = false,
): Promise<string> {
  return db.transaction(async (tx) => {
    const { kpi } = await kpiOwner(tx, kpiId);
    const problem = periodProblem(kpi.frequency as KpiFrequency, input.periodStart, today);
    const valueProblem = kpiValueProblem(toKpi(kpi), input.value);
    // Every problem at once.
    if (problem || valueProblem)
      throw new InputError([
        ...(problem ? [{ field: 'periodStart', message: problem }] : []),
        ...(valueProblem ? [{ field: 'value', message: valueProblem }] : []),
      ]);
    if (input.periodStart < periodStartFor(kpi.frequency as KpiFrequency, kpi.reportingFrom)) {
      throw new InputError([{ field: 'periodStart', message: `Reporting on this KPI starts ${kpi.reportingFrom}` }]);
    }
    if (kpi.retiredOn && !periodsDue(toKpi(kpi), input.periodStart, kpi.retiredOn)[0])
      throw new InputError([
        {
          field: 'periodStart',
          message: `This KPI was retired on ${kpi.retiredOn}: no return is due for a period ending on or after that day`,
        },
      ]);
    const [existing] = await tx
      .select({ id: kpiReturns.id })
      .from(kpiReturns)
      .where(and(eq(kpiReturns.kpiId, kpiId), eq(kpiReturns.periodStart, input.periodStart)));
    if (existing)
      throw new Conflict('A return for this period has already been submitted', [
        { field: 'periodStart', message: 'A return for this period is already in: amend it instead' },
      ]);
    const [row] = await tx
      .insert(kpiReturns)
      .values({
        kpiId,
        periodStart: input.periodStart,
        value: input.value,
        comment: input.comment,
        submittedOn: today,
        submittedBy: 'userId' in actor ? actor.userId : null,
        enteredByStaff,
      })
      .returning({ id: kpiReturns.id });
    await recordAudit(tx, actor, {
      action: 'submit',
      entity: 'kpi_return',
      entityId: row.id,
      detail: { kpiId, periodStart: input.periodStart, value: input.value, enteredByStaff },
    });
    return row.id;
  });
}

/**
 * Amends a submitted return: the figure and comment it held are kept in its history with who gave them, who
 * amended them, when and why. Lateness stays as first submitted.
 * @throws InputError naming every field at fault at once; NotFound when the period has no return to amend
 */
export async function amendReturn(
  db: Db,
  actor: AuditActor & { userId?: string },
  kpiId: string,
  periodStart: string,
  input: { value: number; comment: string | null; reason: string },
  today: string,
  enteredByStaff = false,
): Promise<void> {
  await db.transaction(async (tx) => {
    const { kpi } = await kpiOwner(tx, kpiId);
    const valueProblem = kpiValueProblem(toKpi(kpi), input.value);
    const reasonProblem = amendmentReasonProblem(input.reason);
    if (valueProblem || reasonProblem)
      throw new InputError([
        ...(valueProblem ? [{ field: 'value', message: valueProblem }] : []),
        ...(reasonProblem ? [{ field: 'reason', message: reasonProblem }] : []),
      ]);
    const [existing] = await tx
      .select()
      .from(kpiReturns)
      .where(and(eq(kpiReturns.kpiId, kpiId), eq(kpiReturns.periodStart, periodStart)))
      .for('update');
    if (!existing) throw new NotFound('Return for this period');
    const by = 'userId' in actor ? actor.userId : null;
    await tx.insert(kpiReturnAmendments).values({
      returnId: existing.id,
      previousValue: existing.value,
      previousComment: existing.comment,
      previousBy: existing.submittedBy,
      previousEnteredByStaff: existing.enteredByStaff,
      amendedOn: today,
      amendedBy: by,
      reason: input.reason.trim(),
    });
    await tx
      .update(kpiReturns)
      .set({ value: input.value, comment: input.comment, submittedBy: by, enteredByStaff, amendedOn: today })
      .where(eq(kpiReturns.id, existing.id));
    await recordAudit(tx, actor, {
      action: 'amend',
      entity: 'kpi_return',
      entityId: existing.id,
      detail: {
        kpiId,
        periodStart,
        before: { value: existing.value, comment: existing.comment },
        after: { value: input.value, comment: input.comment },
        reason: input.reason.trim(),
        enteredByStaff,
      },
    });
  });
}
