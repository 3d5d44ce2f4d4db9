// The delivery plan (priorities → intentions → actions → milestones) and its updates.
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { type AuditActor, recordAudit } from '../core/audit.js';
import { InputError, NotFound } from '../../domain/core/errors.js';
import { financialYearOf, londonToday } from '../../domain/core/dates.js';
import { actionProblems, type DeliveryPlan, type Rag } from '../../domain/contracts/deliveryPlan.js';
import {
  contracts,
  deliveryPlans,
  planActions,
  planIntentions,
  planMilestones,
  planPriorities,
  procurements,
} from './schema.js';

export interface StoredPlan extends DeliveryPlan {
  id: string;
  kind: PlanKind;
  careGroup: string | null;
  retired: boolean;
  /** Links of each action to contracts and procurements, by action id (the first of each list). */
  links: Record<string, { contractId: string | null; procurementId: string | null }>;
  /** Every contract and procurement linked to each action, by action id. */
  deliveredBy: Record<string, { contractIds: string[]; procurementIds: string[] }>;
  milestoneIds: Record<string, string[]>;
  /** Retired priorities, intentions and actions (kept, not shown in the plan; they can be restored). */
  retiredEntries: { kind: EntryKind; id: string; text: string; retiredAt: string }[];
}

export const PLAN_KINDS = ['delivery_plan', 'workplan'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
export type EntryKind = 'priority' | 'intention' | 'action';

/** The council's current delivery plan row (see {@link getPlan}), as a list of none or one. */
async function currentDeliveryPlan(db: Db) {
  const current = await db
    .select()
    .from(deliveryPlans)
    .where(and(eq(deliveryPlans.kind, 'delivery_plan'), isNull(deliveryPlans.retiredAt)))
    .orderBy(desc(deliveryPlans.createdAt));
  const thisYear = financialYearOf(londonToday());
  const covering = current.find((p) => p.years.includes(thisYear));
  return covering ? [covering] : current.slice(0, 1);
}

/** Every plan, newest first, with its number of live actions. */
export async function listDeliveryPlans(db: Db): Promise<
  {
    id: string;
    title: string;
    kind: PlanKind;
    careGroup: string | null;
    years: string[];
    retired: boolean;
    actions: number;
  }[]
> {
  const plans = await db.select().from(deliveryPlans).orderBy(desc(deliveryPlans.createdAt));
  const counts = await db
    .select({ planId: planPriorities.planId, n: sql<number>`count(*)::int` })
    .from(planActions)
    .innerJoin(planIntentions, eq(planIntentions.id, planActions.intentionId))
    .innerJoin(planPriorities, eq(planPriorities.id, planIntentions.priorityId))
    .where(and(isNull(planActions.retiredAt), isNull(planIntentions.retiredAt), isNull(planPriorities.retiredAt)))
    .groupBy(planPriorities.planId);
  return plans.map((p) => ({
    id: p.id,
    title: p.title,
    kind: p.kind as PlanKind,
    careGroup: p.careGroup,
    years: p.years,
    retired: !!p.retiredAt,
    actions: Number(counts.find((c) => c.planId === p.id)?.n ?? 0),
  }));
}

/**
 * A plan with its live entries (retired ones listed apart), or, without an id, the council's current delivery plan:
 * of kind delivery_plan, not retired, the one covering today's financial year (else the newest), never a care
 * group's workplan. Null when there is none. Actions carry their owner and what delivers them (contract references, procurement
 * titles) for the export.
 */
export async function getPlan(db: Db, id?: string): Promise<StoredPlan | null> {
  const [plan] = id
    ? await db.select().from(deliveryPlans).where(eq(deliveryPlans.id, id))
    : await currentDeliveryPlan(db);
  if (!plan) return null;
  const allPriorities = await db
    .select()
    .from(planPriorities)
    .where(eq(planPriorities.planId, plan.id))
    .orderBy(asc(planPriorities.number));
  const allIntentions = allPriorities.length
    ? await db
        .select()
        .from(planIntentions)
        .where(
          inArray(
            planIntentions.priorityId,
            allPriorities.map((p) => p.id),
          ),
        )
    : [];
  const allActions = allIntentions.length
    ? await db
        .select()
        .from(planActions)
        .where(
          inArray(
            planActions.intentionId,
            allIntentions.map((i) => i.id),
          ),
        )
    : [];
  const priorities = allPriorities.filter((p) => !p.retiredAt);
  const intentions = allIntentions.filter((i) => !i.retiredAt && priorities.some((p) => p.id === i.priorityId));
  const actions = allActions.filter((a) => !a.retiredAt && intentions.some((i) => i.id === a.intentionId));
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
  const contractIds = [...new Set(actions.flatMap((a) => a.contractIds))];
  const procurementIds = [...new Set(actions.flatMap((a) => a.procurementIds))];
  const contractRefs = contractIds.length
    ? await db
        .select({ id: contracts.id, reference: contracts.reference })
        .from(contracts)
        .where(inArray(contracts.id, contractIds))
    : [];
  const procurementTitles = procurementIds.length
    ? await db
        .select({ id: procurements.id, title: procurements.title })
        .from(procurements)
        .where(inArray(procurements.id, procurementIds))
    : [];
  const links: StoredPlan['links'] = {};
  const deliveredBy: StoredPlan['deliveredBy'] = {};
  const milestoneIds: StoredPlan['milestoneIds'] = {};
  for (const a of actions) {
    links[a.id] = { contractId: a.contractIds[0] ?? null, procurementId: a.procurementIds[0] ?? null };
    deliveredBy[a.id] = { contractIds: a.contractIds, procurementIds: a.procurementIds };
    milestoneIds[a.id] = milestones.filter((m) => m.actionId === a.id).map((m) => m.id);
  }
  const retiredEntries: StoredPlan['retiredEntries'] = [
    ...allPriorities
      .filter((p) => p.retiredAt)
      .map((p) => ({
        kind: 'priority' as const,
        id: p.id,
        text: `Priority ${p.number} – ${p.title}`,
        at: p.retiredAt!,
      })),
    ...allIntentions
      .filter((i) => i.retiredAt)
      .map((i) => ({ kind: 'intention' as const, id: i.id, text: i.text, at: i.retiredAt! })),
    ...allActions
      .filter((a) => a.retiredAt)
      .map((a) => ({ kind: 'action' as const, id: a.id, text: a.text, at: a.retiredAt! })),
  ].map(({ at, ...e }) => ({ ...e, retiredAt: at.toISOString() }));
  return {
    id: plan.id,
    title: plan.title,
    kind: plan.kind as PlanKind,
    careGroup: plan.careGroup,
    retired: !!plan.retiredAt,
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
      owner: a.owner,
      deliveredBy: {
        contracts: a.contractIds.map((c) => contractRefs.find((x) => x.id === c)?.reference ?? c),
        procurements: a.procurementIds.map((c) => procurementTitles.find((x) => x.id === c)?.title ?? c),
      },
      milestones: milestones
        .filter((m) => m.actionId === a.id)
        .map((m) => ({ title: m.title, dueDate: m.dueDate, completedOn: m.completedOn })),
    })),
    links,
    deliveredBy,
    milestoneIds,
    retiredEntries,
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
              contractIds: a.contractId ? [a.contractId] : [],
              procurementIds: a.procurementId ? [a.procurementId] : [],
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
    await recordAudit(tx, actor, {
      action: 'update',
      entity: 'plan_action',
      entityId: actionId,
      // What it was, so the plan's history reads before → after.
      detail: {
        before: {
          yearStatuses: row.a.yearStatuses,
          responsibleServiceAreas: row.a.responsibleServiceAreas,
          ragOverride: row.a.ragOverride,
        },
        after: input,
      },
    });
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
