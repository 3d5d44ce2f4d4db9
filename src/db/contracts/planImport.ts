// A whole delivery plan or workplan created from a workbook in Halton's layout, in one transaction, audited.
import { inArray } from 'drizzle-orm';
import type { Db } from '../client.js';
import { type AuditActor, recordAudit } from '../core/audit.js';
import { InputError, type FieldError } from '../../domain/core/errors.js';
import type { ImportedPlan } from '../../domain/contracts/haltonWorkbook.js';
import type { PlanKind } from './deliveryPlan.js';
import { contracts, deliveryPlans, planActions, planIntentions, planPriorities, procurements } from './schema.js';
import { planProblems, actionValues, assertNoCurrentDeliveryPlan } from './planChecks.js';

/**
 * Create a plan from a workbook read by `parseHaltonRows`: contracts are found by reference and procurements by
 * title; one transaction, audited. @throws InputError naming the row of each reference not found
 */
export async function importDeliveryPlan(
  db: Db,
  actor: AuditActor,
  plan: ImportedPlan,
  opts: { kind: PlanKind; careGroup: string | null; fileName: string },
): Promise<{ id: string; priorities: number; intentions: number; actions: number }> {
  const errors = planProblems({ title: plan.title, years: plan.years, kind: opts.kind, careGroup: opts.careGroup });
  if (errors.length) throw new InputError(errors.map((e) => ({ ...e, in: e.field === 'careGroup' ? 'body' : 'file' })));
  return db.transaction(async (tx) => {
    await assertNoCurrentDeliveryPlan(tx, { kind: opts.kind, years: plan.years });
    const actions = plan.priorities.flatMap((p) => p.intentions.flatMap((i) => i.actions));
    const refs = [...new Set(actions.flatMap((a) => a.contracts.map((c) => c.ref)))];
    const titles = [...new Set(actions.flatMap((a) => a.procurements.map((c) => c.title)))];
    const foundC = refs.length
      ? await tx
          .select({ id: contracts.id, reference: contracts.reference })
          .from(contracts)
          .where(inArray(contracts.reference, refs))
      : [];
    const foundP = titles.length
      ? await tx
          .select({ id: procurements.id, title: procurements.title })
          .from(procurements)
          .where(inArray(procurements.title, titles))
      : [];
    const bad: FieldError[] = [];
    for (const a of actions) {
      for (const c of a.contracts)
        if (!foundC.some((f) => f.reference === c.ref))
          bad.push({
            field: `row ${c.line} (Contracts)`,
            message: `"${c.ref}" is not a contract reference in the register`,
            in: 'file',
          });
      for (const p of a.procurements) {
        const n = foundP.filter((f) => f.title === p.title).length;
        if (n !== 1)
          bad.push({
            field: `row ${p.line} (Procurements)`,
            message: n ? `More than one procurement is called "${p.title}"` : `No procurement is called "${p.title}"`,
            in: 'file',
          });
      }
    }
    if (bad.length)
      throw new InputError(
        bad,
        `${opts.fileName} was not imported: ${bad.length} problem${bad.length === 1 ? '' : 's'}; nothing was saved`,
      );
    const [row] = await tx
      .insert(deliveryPlans)
      .values({ title: plan.title, years: plan.years, kind: opts.kind, careGroup: opts.careGroup?.trim() || null })
      .returning({ id: deliveryPlans.id });
    let intentions = 0;
    for (const p of plan.priorities) {
      const [pr] = await tx
        .insert(planPriorities)
        .values({ planId: row.id, number: p.number, title: p.title })
        .returning({ id: planPriorities.id });
      for (const [ii, i] of p.intentions.entries()) {
        intentions++;
        const [it] = await tx
          .insert(planIntentions)
          .values({ priorityId: pr.id, text: i.text, sortOrder: ii })
          .returning({ id: planIntentions.id });
        if (i.actions.length)
          await tx.insert(planActions).values(
            i.actions.map((a, ai) => ({
              intentionId: it.id,
              ...actionValues({
                text: a.text,
                owner: a.owner,
                responsibleServiceAreas: a.responsibleServiceAreas,
                yearStatuses: a.yearStatuses,
                ragOverride: a.ragOverride,
                contractIds: a.contracts.map((c) => foundC.find((f) => f.reference === c.ref)!.id),
                procurementIds: a.procurements.map((p) => foundP.find((f) => f.title === p.title)!.id),
              }),
              sortOrder: ai,
            })),
          );
      }
    }
    await recordAudit(tx, actor, {
      action: 'import',
      entity: 'delivery_plan',
      entityId: row.id,
      detail: { fileName: opts.fileName, title: plan.title, actions: actions.length },
    });
    return { id: row.id, priorities: plan.priorities.length, intentions, actions: actions.length };
  });
}
