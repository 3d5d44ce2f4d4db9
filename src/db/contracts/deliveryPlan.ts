// The delivery plan (priorities → intentions → actions → milestones) and its updates.
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.js';
import { type AuditActor, recordAudit } from '../core/audit.js';
import { InputError, NotFound } from '../../domain/core/errors.js';
import { actionProblems, type DeliveryPlan, type Rag } from '../../domain/contracts/deliveryPlan.js';
import { deliveryPlans, planActions, planIntentions, planMilestones, planPriorities } from './schema.js';

export interface StoredPlan extends DeliveryPlan {
  id: string;
  /** Links of each action to contracts and procurements, by action id. */
  links: Record<string, { contractId: string | null; procurementId: string | null }>;
  milestoneIds: Record<string, string[]>;
}

/** The latest delivery plan, or null when none has been set up. */
export async function getPlan(db: Db): Promise<StoredPlan | null> {
  const [plan] = await db.select().from(deliveryPlans).orderBy(desc(deliveryPlans.createdAt)).limit(1);
  if (!plan) return null;
  const priorities = await db
    .select()
    .from(planPriorities)
    .where(eq(planPriorities.planId, plan.id))
    .orderBy(asc(planPriorities.number));
  const intentions = priorities.length
    ? await db
        .select()
        .from(planIntentions)
        .where(
          inArray(
            planIntentions.priorityId,
            priorities.map((p) => p.id),
          ),
        )
    : [];
  const actions = intentions.length
    ? await db
        .select()
        .from(planActions)
        .where(
          inArray(
            planActions.intentionId,
            intentions.map((i) => i.id),
          ),
        )
    : [];
  const milestones = actions.length
    ? await db
        .select()
        .from(planMilestones)
        .where(
          inArray(
            planMilestones.actionId,
            actions.map((a) => a.id),
          ),
        )
        .orderBy(asc(planMilestones.dueDate))
    : [];
  const links: StoredPlan['links'] = {};
  const milestoneIds: StoredPlan['milestoneIds'] = {};
  for (const a of actions) {
    links[a.id] = { contractId: a.contractId, procurementId: a.procurementId };
    milestoneIds[a.id] = milestones.filter((m) => m.actionId === a.id).map((m) => m.id);
  }
  return {
    id: plan.id,
    title: plan.title,
    years: plan.years,
    priorities: priorities.map((p) => ({ id: p.id, number: p.number, title: p.title })),
    intentions: intentions.map((i) => ({ id: i.id, priorityId: i.priorityId, text: i.text, sortOrder: i.sortOrder })),
    actions: actions.map((a) => ({
      id: a.id,
      intentionId: a.intentionId,
      text: a.text,
      yearStatuses: a.yearStatuses,
      responsibleServiceAreas: a.responsibleServiceAreas,
      ragOverride: (a.ragOverride as Rag | null) ?? null,
      sortOrder: a.sortOrder,
      milestones: milestones
        .filter((m) => m.actionId === a.id)
        .map((m) => ({ title: m.title, dueDate: m.dueDate, completedOn: m.completedOn })),
    })),
    links,
    milestoneIds,
  };
}

export interface PlanSeed {
  title: string;
  years: string[];
  priorities: {
    number: number;
    title: string;
    intentions: {
      text: string;
      actions: {
        text: string;
        yearStatuses: string[];
        responsibleServiceAreas: string[];
        contractId?: string | null;
        procurementId?: string | null;
        milestones: { title: string; dueDate: string; completedOn: string | null }[];
      }[];
    }[];
  }[];
}

/** Create a whole plan in one transaction (demo loader, or a council entering its plan). */
export async function createPlan(db: Db, actor: AuditActor, seed: PlanSeed): Promise<string> {
  return db.transaction(async (tx) => {
    const [plan] = await tx
      .insert(deliveryPlans)
      .values({ title: seed.title, years: seed.years })
      .returning({ id: deliveryPlans.id });
    for (const p of seed.priorities) {
      const [pr] = await tx
        .insert(planPriorities)
        .values({ planId: plan.id, number: p.number, title: p.title })
        .returning({ id: planPriorities.id });
      for (const [ii, i] of p.intentions.entries()) {
        const [it] = await tx
          .insert(planIntentions)
          .values({ priorityId: pr.id, text: i.text, sortOrder: ii })
          .returning({ id: planIntentions.id });
        for (const [ai, a] of i.actions.entries()) {
          const problems = actionProblems({ ...a }, seed.years);
          if (problems.length)
            throw new InputError(
              problems.map((x) => ({
                ...x,
                field: `priorities.${p.number}.intentions.${ii}.actions.${ai}.${x.field}`,
              })),
            );
          const [ac] = await tx
            .insert(planActions)
            .values({
              intentionId: it.id,
              text: a.text,
              yearStatuses: a.yearStatuses,
              responsibleServiceAreas: a.responsibleServiceAreas,
              contractId: a.contractId ?? null,
              procurementId: a.procurementId ?? null,
              sortOrder: ai,
            })
            .returning({ id: planActions.id });
          if (a.milestones.length)
            await tx.insert(planMilestones).values(a.milestones.map((m) => ({ ...m, actionId: ac.id })));
        }
      }
    }
    await recordAudit(tx, actor, {
      action: 'create',
      entity: 'delivery_plan',
      entityId: plan.id,
      detail: { title: seed.title, years: seed.years },
    });
    return plan.id;
  });
}

/** Update an action's year statuses, service areas or RAG override. */
export async function updateAction(
  db: Db,
  actor: AuditActor,
  actionId: string,
  input: { yearStatuses?: string[]; responsibleServiceAreas?: string[]; ragOverride?: Rag | null },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ a: planActions, years: deliveryPlans.years })
      .from(planActions)
      .innerJoin(planIntentions, eq(planIntentions.id, planActions.intentionId))
      .innerJoin(planPriorities, eq(planPriorities.id, planIntentions.priorityId))
      .innerJoin(deliveryPlans, eq(deliveryPlans.id, planPriorities.planId))
      .where(eq(planActions.id, actionId));
    if (!row) throw new NotFound('Action');
    if (input.yearStatuses && input.yearStatuses.length !== row.years.length) {
      throw new InputError([
        {
          field: 'yearStatuses',
          message: `Give a status for each of the ${row.years.length} plan years (${row.years.join(', ')})`,
        },
      ]);
    }
    await tx
      .update(planActions)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(planActions.id, actionId));
    await recordAudit(tx, actor, { action: 'update', entity: 'plan_action', entityId: actionId, detail: input });
  });
}

/**
 * Marks a delivery plan milestone complete on `completedOn` (null reopens it); audited.
 * @throws NotFound when there is no such milestone
 */
export async function completeMilestone(
  db: Db,
  actor: AuditActor,
  milestoneId: string,
  completedOn: string | null,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(planMilestones)
      .set({ completedOn })
      .where(eq(planMilestones.id, milestoneId))
      .returning({ id: planMilestones.id, actionId: planMilestones.actionId });
    if (!row) throw new NotFound('Milestone');
    await recordAudit(tx, actor, {
      action: completedOn ? 'complete' : 'reopen',
      entity: 'plan_milestone',
      entityId: milestoneId,
      detail: { actionId: row.actionId, completedOn },
    });
  });
}
