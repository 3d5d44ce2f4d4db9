// Providers' KPI returns: submitted for a period that has ended, and amended with their history kept. Staff may
// enter either on the provider's behalf.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { type AuditActor, recordAudit } from '../core/audit.js';
import { Conflict, InputError, NotFound } from '../../domain/core/errors.js';
import {
  amendmentReasonProblem,
  periodProblem,
  periodsDue,
  kpiValueProblem,
  periodStartFor,
  type KpiFrequency,
} from '../../domain/contracts/kpi.js';
import { toKpi } from './kpis.js';
import { contracts, kpiReturnAmendments, kpiReturns, kpis } from './schema.js';

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
