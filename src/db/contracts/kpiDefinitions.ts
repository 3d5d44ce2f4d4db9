// Contract KPI definitions as commissioners write them: added, edited, and removed (deleted, or retired once
// returns are in). Every change is audited against the contract.
import { eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { type AuditActor, recordAudit } from '../core/audit.js';
import { Conflict, InputError, NotFound } from '../../domain/core/errors.js';
import {
  KPI_FREQUENCIES,
  kpiDefinitionProblems,
  kpiUnitFor,
  type KpiDirection,
  type KpiFrequency,
  type KpiMeasure,
} from '../../domain/contracts/kpi.js';
import { contracts, kpiReturns, kpis } from './schema.js';

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
