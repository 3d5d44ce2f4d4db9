// Changes to a contract once it is in the register: the recommissioning decision, an extension taken, a variation
// and an early end, each in a transaction on the locked row with an audit entry.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { type AuditActor, changedFields, recordAudit } from '../core/audit.js';
import { Conflict, InputError, NotFound } from '../../domain/core/errors.js';
import {
  currentEndDate,
  endProblem,
  takeExtension,
  termProblems,
  valueProblems,
  variedFields,
  type VariationChanges,
} from '../../domain/contracts/contract.js';
import { auditLog } from '../core/schema.js';
import { decisionProblem, type RecommissioningDecision } from '../../domain/contracts/recommissioning.js';
import { contracts, type ContractRow } from './schema.js';
import { termOf } from './contractTerm.js';

/** Record the recommissioning decision; 'extend' takes the next extension option straight away. */
export async function decide(
  db: Db,
  actor: AuditActor,
  id: string,
  decision: RecommissioningDecision,
  note: string | null,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(contracts).where(eq(contracts.id, id)).for('update');
    if (!row) throw new NotFound('Contract');
    const term = termOf(row);
    const problem = decisionProblem(term, decision);
    if (problem) throw new InputError([{ field: 'decision', message: problem }]);
    const set: Partial<typeof contracts.$inferInsert> = {
      decision,
      decisionNote: note,
      decidedAt: new Date(),
      updatedAt: new Date(),
    };
    let newEnd: string | null = null;
    if (decision === 'extend') {
      const ext = takeExtension(term);
      if (!ext.ok) throw new InputError([{ field: 'decision', message: ext.reason }]);
      set.extensionsTaken = ext.term.extensionsTaken;
      set.decision = null; // extended: the next decision is about the new end date
      newEnd = ext.newEndDate;
    }
    await tx.update(contracts).set(set).where(eq(contracts.id, id));
    await recordAudit(tx, actor, {
      action: decision === 'extend' ? 'extend' : 'decide',
      entity: 'contract',
      entityId: id,
      detail: { decision, note, newEndDate: newEnd },
    });
  });
}

/** A locked contract row for a state change. @throws NotFound when there is none */
async function lockContract(tx: Db, id: string): Promise<ContractRow> {
  const [row] = await tx.select().from(contracts).where(eq(contracts.id, id)).for('update');
  if (!row) throw new NotFound('Contract');
  return row;
}

/**
 * Takes the contract's next extension option in one audited transaction (the end date moves on by its months).
 * @returns the new end date (ISO)
 * @throws NotFound; Conflict when the contract has been ended or no option remains
 */
export async function extendContract(db: Db, actor: AuditActor, id: string, note: string | null): Promise<string> {
  return db.transaction(async (tx) => {
    const row = await lockContract(tx, id);
    const term = termOf(row);
    const ext = takeExtension(term);
    if (!ext.ok) throw new Conflict(ext.reason, [{ field: 'extension', message: ext.reason }]);
    await tx
      .update(contracts)
      .set({ extensionsTaken: ext.term.extensionsTaken, decision: null, updatedAt: new Date() })
      .where(eq(contracts.id, id));
    await recordAudit(tx, actor, {
      action: 'extend',
      entity: 'contract',
      entityId: id,
      detail: {
        reference: row.reference,
        note,
        before: { currentEndDate: currentEndDate(term), extensionsTaken: term.extensionsTaken },
        after: { currentEndDate: ext.newEndDate, extensionsTaken: ext.term.extensionsTaken },
      },
    });
    return ext.newEndDate;
  });
}

export interface VariationInput {
  /** What the variation changes: only the fields given (and different from now) change. */
  changes: VariationChanges;
  /** Why the contract is varied (the variation's description, shown in its history). */
  reason: string;
  /** The day the variation takes effect (ISO). */
  effectiveFrom: string;
}

/**
 * Varies a running contract (a formal change to its value, term or scope) in one audited transaction; the variation
 * is numbered in the contract's history. @returns the variation's number (1 for the first)
 * @throws NotFound; Conflict when the contract has been ended; InputError when nothing changes, or the new term is
 * wrong (naming each field), or the effective day is outside the term
 */
export async function varyContract(db: Db, actor: AuditActor, id: string, input: VariationInput): Promise<number> {
  return db.transaction(async (tx) => {
    const row = await lockContract(tx, id);
    if (row.endedOn)
      throw new Conflict('This contract has been ended: it cannot be varied', [
        { field: 'changes', message: 'This contract has been ended: it cannot be varied' },
      ]);
    const current: Required<VariationChanges> = {
      title: row.title,
      totalValuePence: Number(row.totalValuePence),
      annualValuePence: Number(row.annualValuePence),
      initialEndDate: row.initialEndDate,
      extensionOptionsMonths: row.extensionOptionsMonths,
      noticePeriodMonths: row.noticePeriodMonths,
      breakClauseDates: row.breakClauseDates,
      socialValue: row.socialValue,
    };
    const fields = variedFields(current, input.changes);
    if (fields.length === 0)
      throw new InputError([{ field: 'changes', message: 'The variation changes nothing: change at least one term' }]);
    const next = { ...row, ...Object.fromEntries(fields.map((f) => [f, input.changes[f]])) } as ContractRow;
    const problems: { field: string; message: string }[] = termProblems(termOf(next));
    if (fields.some((f) => f === 'totalValuePence' || f === 'annualValuePence' || f === 'initialEndDate'))
      problems.push(
        ...valueProblems({
          totalValuePence: Number(next.totalValuePence),
          annualValuePence: Number(next.annualValuePence),
          startDate: next.startDate,
          initialEndDate: next.initialEndDate,
        }),
      );
    if (input.effectiveFrom < row.startDate || input.effectiveFrom > currentEndDate(termOf(next)))
      problems.push({ field: 'effectiveFrom', message: 'The variation must take effect within the contract term' });
    if (problems.length) throw new InputError(problems);
    const set = Object.fromEntries(fields.map((f) => [f, input.changes[f]]));
    await tx
      .update(contracts)
      .set({ ...set, updatedAt: new Date() })
      .where(eq(contracts.id, id));
    const [{ n }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'contract'), eq(auditLog.entityId, id), eq(auditLog.action, 'vary')));
    const number = n + 1;
    await recordAudit(tx, actor, {
      action: 'vary',
      entity: 'contract',
      entityId: id,
      detail: {
        reference: row.reference,
        variation: number,
        reason: input.reason,
        effectiveFrom: input.effectiveFrom,
        ...changedFields(current, set),
      },
    });
    return number;
  });
}

/**
 * Ends a contract early (terminated, or by agreement): `endedOn` is its last day, which becomes its end date; no
 * extension or variation is possible afterwards. One audited transaction.
 * @throws NotFound; Conflict when it has already been ended; InputError when the day is outside its term
 */
export async function endContract(
  db: Db,
  actor: AuditActor,
  id: string,
  input: { endedOn: string; reason: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await lockContract(tx, id);
    const term = termOf(row);
    const problem = endProblem(term, input.endedOn);
    if (problem && row.endedOn) throw new Conflict(problem.message, [problem]);
    if (problem) throw new InputError([problem]);
    await tx
      .update(contracts)
      .set({ endedOn: input.endedOn, endReason: input.reason, updatedAt: new Date() })
      .where(eq(contracts.id, id));
    await recordAudit(tx, actor, {
      action: 'end',
      entity: 'contract',
      entityId: id,
      detail: {
        reference: row.reference,
        reason: input.reason,
        before: { currentEndDate: currentEndDate(term) },
        after: { currentEndDate: input.endedOn },
      },
    });
  });
}
