// Writing delivery plans and workplans in the browser: a new plan, priorities → commissioning intentions →
// actions added and edited, moved up or down, retired and restored; a whole plan imported from a workbook in
// Halton's layout. Every change is one transaction and audited; problems name the field as the API reports it.
//
// Shared checks: planChecks.ts; retiring, restoring and moving entries: planEntryMoves.ts; the workbook import:
// planImport.ts. Re-exported here.
import { eq, max } from 'drizzle-orm';
import type { Db } from '../client.js';
import { type AuditActor, recordAudit } from '../core/audit.js';
import { InputError, NotFound } from '../../domain/core/errors.js';
import type { PlanKind } from './deliveryPlan.js';
import { deliveryPlans, planActions, planIntentions, planPriorities } from './schema.js';
import {
  planProblems,
  planOfPriority,
  planOfIntention,
  planOfAction,
  textProblem,
  type ActionInput,
  actionProblemsFor,
  actionValues,
  assertNoCurrentDeliveryPlan,
} from './planChecks.js';
export { planProblems, type ActionInput } from './planChecks.js';
export { moveEntry, retireEntry } from './planEntryMoves.js';
export { importDeliveryPlan } from './planImport.js';

/** Create an empty plan. Audited. @throws InputError; Conflict for a second current council delivery plan */
export async function createDeliveryPlan(
  db: Db,
  actor: AuditActor,
  input: { title: string; kind: PlanKind; careGroup: string | null; years: string[] },
): Promise<string> {
  const errors = planProblems(input);
  if (errors.length) throw new InputError(errors);
  return db.transaction(async (tx) => {
    await assertNoCurrentDeliveryPlan(tx, input);
    const [row] = await tx
      .insert(deliveryPlans)
      .values({
        title: input.title.trim(),
        kind: input.kind,
        careGroup: input.kind === 'workplan' ? input.careGroup!.trim() : (input.careGroup?.trim() ?? null),
        years: input.years,
      })
      .returning({ id: deliveryPlans.id });
    await recordAudit(tx, actor, { action: 'create', entity: 'delivery_plan', entityId: row.id, detail: input });
    return row.id;
  });
}

/** Change a plan's title, kind or care group, or retire (retired true) or restore it. Audited. */
export async function updateDeliveryPlan(
  db: Db,
  actor: AuditActor,
  id: string,
  input: { title?: string; kind?: PlanKind; careGroup?: string | null; retired?: boolean },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [plan] = await tx.select().from(deliveryPlans).where(eq(deliveryPlans.id, id));
    if (!plan) throw new NotFound('Delivery plan');
    const next = {
      title: input.title ?? plan.title,
      kind: input.kind ?? (plan.kind as PlanKind),
      careGroup: input.careGroup === undefined ? plan.careGroup : input.careGroup,
      years: plan.years,
    };
    const errors = planProblems(next);
    if (errors.length) throw new InputError(errors);
    const currentAfter = input.retired === undefined ? !plan.retiredAt : !input.retired;
    if (currentAfter && (next.kind !== plan.kind || (plan.retiredAt && input.retired === false)))
      await assertNoCurrentDeliveryPlan(tx, next, id);
    await tx
      .update(deliveryPlans)
      .set({
        title: next.title.trim(),
        kind: next.kind,
        careGroup: next.careGroup?.trim() || null,
        ...(input.retired === undefined ? {} : { retiredAt: input.retired ? new Date() : null }),
      })
      .where(eq(deliveryPlans.id, id));
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'delivery_plan',
      entityId: id,
      // What it was, so the plan's history reads before → after.
      detail: { ...input, before: { title: plan.title, kind: plan.kind, careGroup: plan.careGroup } },
    });
  });
}

/** Add a priority at the end (next number). Audited. @throws NotFound, InputError */
export async function addPriority(db: Db, actor: AuditActor, planId: string, title: string): Promise<string> {
  const errors = textProblem('title', title, 'priority’s title', 200);
  if (errors.length) throw new InputError(errors);
  return db.transaction(async (tx) => {
    const [plan] = await tx.select({ id: deliveryPlans.id }).from(deliveryPlans).where(eq(deliveryPlans.id, planId));
    if (!plan) throw new NotFound('Delivery plan');
    const [{ n }] = await tx
      .select({ n: max(planPriorities.number) })
      .from(planPriorities)
      .where(eq(planPriorities.planId, planId));
    const [row] = await tx
      .insert(planPriorities)
      .values({ planId, number: (n ?? 0) + 1, title: title.trim() })
      .returning({ id: planPriorities.id });
    await recordAudit(tx, actor, {
      action: 'create',
      entity: 'plan_priority',
      entityId: row.id,
      detail: { planId, title },
    });
    return row.id;
  });
}

/** Add a commissioning intention at the end of a priority. Audited. */
export async function addIntention(db: Db, actor: AuditActor, priorityId: string, text: string): Promise<string> {
  const errors = textProblem('text', text, 'commissioning intention');
  if (errors.length) throw new InputError(errors);
  return db.transaction(async (tx) => {
    await planOfPriority(tx, priorityId);
    const [{ n }] = await tx
      .select({ n: max(planIntentions.sortOrder) })
      .from(planIntentions)
      .where(eq(planIntentions.priorityId, priorityId));
    const [row] = await tx
      .insert(planIntentions)
      .values({ priorityId, text: text.trim(), sortOrder: (n ?? -1) + 1 })
      .returning({ id: planIntentions.id });
    await recordAudit(tx, actor, {
      action: 'create',
      entity: 'plan_intention',
      entityId: row.id,
      detail: { priorityId },
    });
    return row.id;
  });
}

/** Add an action at the end of an intention. Audited. @throws NotFound, InputError naming each field */
export async function addAction(db: Db, actor: AuditActor, intentionId: string, input: ActionInput): Promise<string> {
  return db.transaction(async (tx) => {
    const { plan } = await planOfIntention(tx, intentionId);
    const errors = await actionProblemsFor(tx, input, plan.years);
    if (errors.length) throw new InputError(errors);
    const [{ n }] = await tx
      .select({ n: max(planActions.sortOrder) })
      .from(planActions)
      .where(eq(planActions.intentionId, intentionId));
    const [row] = await tx
      .insert(planActions)
      .values({ intentionId, ...actionValues(input), sortOrder: (n ?? -1) + 1 })
      .returning({ id: planActions.id });
    await recordAudit(tx, actor, {
      action: 'create',
      entity: 'plan_action',
      entityId: row.id,
      detail: { intentionId, ...input },
    });
    return row.id;
  });
}

/** Replace an action's fields. Audited with before and after. @throws NotFound, InputError */
export async function editAction(db: Db, actor: AuditActor, actionId: string, input: ActionInput): Promise<void> {
  await db.transaction(async (tx) => {
    const { a, plan } = await planOfAction(tx, actionId);
    const errors = await actionProblemsFor(tx, input, plan.years);
    if (errors.length) throw new InputError(errors);
    await tx
      .update(planActions)
      .set({ ...actionValues(input), updatedAt: new Date() })
      .where(eq(planActions.id, actionId));
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'plan_action',
      entityId: actionId,
      detail: {
        before: {
          text: a.text,
          owner: a.owner,
          yearStatuses: a.yearStatuses,
          responsibleServiceAreas: a.responsibleServiceAreas,
          ragOverride: a.ragOverride,
          contractIds: a.contractIds,
          procurementIds: a.procurementIds,
        },
        after: input,
      },
    });
  });
}

/** Change a priority's title or an intention's text. Audited. */
export async function editEntryText(
  db: Db,
  actor: AuditActor,
  kind: 'priority' | 'intention',
  id: string,
  value: string,
): Promise<void> {
  const errors =
    kind === 'priority'
      ? textProblem('title', value, 'priority’s title', 200)
      : textProblem('text', value, 'commissioning intention');
  if (errors.length) throw new InputError(errors);
  await db.transaction(async (tx) => {
    if (kind === 'priority') {
      const { p } = await planOfPriority(tx, id);
      await tx.update(planPriorities).set({ title: value.trim() }).where(eq(planPriorities.id, id));
      await recordAudit(tx, actor, {
        action: 'update',
        entity: 'plan_priority',
        entityId: id,
        detail: { before: p.title, after: value },
      });
    } else {
      const { i } = await planOfIntention(tx, id);
      await tx.update(planIntentions).set({ text: value.trim() }).where(eq(planIntentions.id, id));
      await recordAudit(tx, actor, {
        action: 'update',
        entity: 'plan_intention',
        entityId: id,
        detail: { before: i.text, after: value },
      });
    }
  });
}
