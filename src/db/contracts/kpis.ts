// Contract KPIs and providers' returns.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { type AuditActor, recordAudit } from '../core/audit.js';
import { providers } from '../market/schema.js';
import { Conflict, InputError, NotFound } from '../../domain/core/errors.js';
import { currentEndDate } from '../../domain/contracts/contract.js';
import {
  KPI_FREQUENCIES,
  periodProblem,
  kpiValueProblem,
  periodStartFor,
  returnStatuses,
  type Kpi,
  type KpiDirection,
  type KpiFrequency,
  type ReturnStatus,
} from '../../domain/contracts/kpi.js';
import { termOf } from './contracts.js';
import { contracts, kpiReturns, kpis } from './schema.js';

export interface KpiView extends Kpi {
  id: string;
  contractId: string;
  contractReference: string;
  contractTitle: string;
  providerId: string | null;
  providerName: string | null;
  reportingFrom: string;
  returns: ReturnStatus[];
  late: number;
  overdue: number;
  offTarget: number;
}

function toKpi(k: typeof kpis.$inferSelect): Kpi {
  return {
    name: k.name,
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
  const byKpi = new Map<string, { periodStart: string; value: number; submittedOn: string }[]>();
  for (const { r } of returns) {
    const list = byKpi.get(r.kpiId) ?? [];
    list.push({ periodStart: r.periodStart, value: r.value, submittedOn: r.submittedOn });
    byKpi.set(r.kpiId, list);
  }
  return rows.map(({ k, c, providerName }) => {
    const kpi = toKpi(k);
    const statuses = returnStatuses(kpi, k.reportingFrom, byKpi.get(k.id) ?? [], asAt, currentEndDate(termOf(c)));
    return {
      ...kpi,
      id: k.id,
      contractId: c.id,
      contractReference: c.reference,
      contractTitle: c.title,
      providerId: c.providerId,
      providerName,
      reportingFrom: k.reportingFrom,
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
  unit: string;
  target: number;
  direction: KpiDirection;
  frequency: KpiFrequency;
  tolerance: number;
  dueDays: number | null;
  reportingFrom: string;
}

/**
 * Adds a KPI to a contract in one audited transaction. @returns its id
 * @throws InputError for an unknown frequency, a negative tolerance or no such contract
 */
export async function createKpi(db: Db, actor: AuditActor, input: KpiInput): Promise<string> {
  if (!KPI_FREQUENCIES.includes(input.frequency))
    throw new InputError([{ field: 'frequency', message: `Frequency must be one of ${KPI_FREQUENCIES.join(', ')}` }]);
  if (input.tolerance < 0) throw new InputError([{ field: 'tolerance', message: 'Tolerance cannot be negative' }]);
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
 * Records (or corrects) a provider's return for one reporting period, checked against the KPI's unit; audited.
 * @throws InputError naming `periodStart` or `value` when the period or figure is not valid; NotFound for no such KPI
 */
export async function submitReturn(
  db: Db,
  actor: AuditActor & { userId?: string },
  kpiId: string,
  input: { periodStart: string; value: number; comment: string | null },
  today: string,
): Promise<string> {
  return db.transaction(async (tx) => {
    const { kpi } = await kpiOwner(tx, kpiId);
    const problem = periodProblem(kpi.frequency as KpiFrequency, input.periodStart, today);
    const valueProblem = kpiValueProblem(kpi, input.value);
    // Every problem at once.
    if (problem || valueProblem)
      throw new InputError([
        ...(problem ? [{ field: 'periodStart', message: problem }] : []),
        ...(valueProblem ? [{ field: 'value', message: valueProblem }] : []),
      ]);
    if (input.periodStart < periodStartFor(kpi.frequency as KpiFrequency, kpi.reportingFrom)) {
      throw new InputError([{ field: 'periodStart', message: `Reporting on this KPI starts ${kpi.reportingFrom}` }]);
    }
    const [existing] = await tx
      .select({ id: kpiReturns.id })
      .from(kpiReturns)
      .where(and(eq(kpiReturns.kpiId, kpiId), eq(kpiReturns.periodStart, input.periodStart)));
    if (existing)
      throw new Conflict('A return for this period has already been submitted', [
        { field: 'periodStart', message: 'Already submitted' },
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
      })
      .returning({ id: kpiReturns.id });
    await recordAudit(tx, actor, {
      action: 'submit',
      entity: 'kpi_return',
      entityId: row.id,
      detail: { kpiId, periodStart: input.periodStart, value: input.value },
    });
    return row.id;
  });
}
