// The history of a delivery plan (its priorities, intentions, actions and milestones) and of a quality assessment,
// read from the audit trail and described in words, newest first.
import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.js';
import { NotFound } from '../../domain/core/errors.js';
import type { AuditFact, HistoryEntry } from '../../domain/contracts/history.js';
import { describeAssessmentHistoryEntry, describePlanHistoryEntry } from '../../domain/contracts/planHistory.js';
import { auditLog, users } from '../core/schema.js';
import {
  contracts,
  deliveryPlans,
  planActions,
  planIntentions,
  planMilestones,
  planPriorities,
  procurements,
  qualityAssessments,
} from './schema.js';

/** The audit entries matching `where`, newest first, with who made each (their name, else the label recorded). */
async function auditFacts(db: Db, where: SQL): Promise<(AuditFact & { entityId: string | null })[]> {
  const rows = await db
    .select({ a: auditLog, userName: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(where)
    .orderBy(desc(auditLog.id));
  return rows.map(({ a, userName }) => ({
    id: a.id,
    at: a.at.toISOString(),
    who: userName ?? a.actorLabel,
    action: a.action,
    entity: a.entity,
    entityId: a.entityId,
    detail: a.detail ?? {},
  }));
}

/** The rows `load` finds under the given parent ids; none (without a query) when there are no parents. */
async function childrenOf<R>(parentIds: string[], load: (ids: string[]) => Promise<R[]>): Promise<R[]> {
  return parentIds.length ? load(parentIds) : [];
}

/**
 * A delivery plan's history, newest first: the plan started or imported, retired or edited, and every priority,
 * commissioning intention, action and milestone added, reworded or saved (fields before → after), moved, retired
 * or restored, each in words naming the entry.
 * @throws NotFound when there is no such plan
 */
export async function deliveryPlanHistory(db: Db, planId: string): Promise<HistoryEntry[]> {
  const [plan] = await db.select({ id: deliveryPlans.id }).from(deliveryPlans).where(eq(deliveryPlans.id, planId));
  if (!plan) throw new NotFound('Delivery plan');
  const names = new Map<string, string>();
  const pris = await db
    .select({ id: planPriorities.id, number: planPriorities.number, title: planPriorities.title })
    .from(planPriorities)
    .where(eq(planPriorities.planId, planId));
  for (const p of pris) names.set(p.id, `Priority ${p.number} – ${p.title}`);
  const ints = await childrenOf(
    pris.map((p) => p.id),
    (ids) =>
      db
        .select({ id: planIntentions.id, text: planIntentions.text })
        .from(planIntentions)
        .where(inArray(planIntentions.priorityId, ids)),
  );
  for (const i of ints) names.set(i.id, i.text);
  const acts = await childrenOf(
    ints.map((i) => i.id),
    (ids) =>
      db
        .select({ id: planActions.id, text: planActions.text })
        .from(planActions)
        .where(inArray(planActions.intentionId, ids)),
  );
  for (const a of acts) names.set(a.id, a.text);
  const mils = await childrenOf(
    acts.map((a) => a.id),
    (ids) =>
      db
        .select({ id: planMilestones.id, title: planMilestones.title })
        .from(planMilestones)
        .where(inArray(planMilestones.actionId, ids)),
  );
  for (const m of mils) names.set(m.id, m.title);
  const of = (entity: string, ids: string[]) =>
    ids.length ? and(eq(auditLog.entity, entity), inArray(auditLog.entityId, ids)) : sql`false`;
  const facts = await auditFacts(
    db,
    or(
      and(eq(auditLog.entity, 'delivery_plan'), eq(auditLog.entityId, planId)),
      of(
        'plan_priority',
        pris.map((p) => p.id),
      ),
      of(
        'plan_intention',
        ints.map((i) => i.id),
      ),
      of(
        'plan_action',
        acts.map((a) => a.id),
      ),
      of(
        'plan_milestone',
        mils.map((m) => m.id),
      ),
    )!,
  );
  // Contracts and procurements an action was linked to or from, by reference and title rather than id.
  const linked = new Set<string>();
  for (const f of facts)
    for (const side of [f.detail, f.detail.before, f.detail.after] as Record<string, unknown>[])
      for (const key of ['contractIds', 'procurementIds'])
        for (const v of (side?.[key] as unknown[] | undefined) ?? []) if (typeof v === 'string') linked.add(v);
  if (linked.size) {
    const list = [...linked];
    for (const c of await db
      .select({ id: contracts.id, reference: contracts.reference, title: contracts.title })
      .from(contracts)
      .where(inArray(contracts.id, list)))
      names.set(c.id, `${c.reference} ${c.title}`);
    for (const p of await db
      .select({ id: procurements.id, title: procurements.title })
      .from(procurements)
      .where(inArray(procurements.id, list)))
      names.set(p.id, p.title);
  }
  return facts.map((f) => describePlanHistoryEntry(f, names));
}

/** Assessment steps a provider sees in its history: those after it was shared with them. */
const PROVIDER_VISIBLE = [
  'share',
  'respond',
  'publish',
  'submit_action_plan',
  'request_action_plan_changes',
  'accept_action_plan',
];

/**
 * A quality assessment's history, newest first: recorded, revised (ratings before → after), shared, the provider's
 * response, published, and the action plan's trail — submitted (with its text), changes asked (with what must
 * change), revised (the text before → after) and accepted. `providerView` keeps only the steps from sharing on (a
 * provider does not see the council's drafts).
 * @throws NotFound when there is no such assessment
 */
export async function assessmentHistory(db: Db, id: string, providerView = false): Promise<HistoryEntry[]> {
  const [a] = await db
    .select({ id: qualityAssessments.id })
    .from(qualityAssessments)
    .where(eq(qualityAssessments.id, id));
  if (!a) throw new NotFound('Assessment');
  const facts = await auditFacts(
    db,
    and(
      eq(auditLog.entity, 'quality_assessment'),
      eq(auditLog.entityId, id),
      providerView ? inArray(auditLog.action, PROVIDER_VISIBLE) : undefined,
    )!,
  );
  return facts.map(describeAssessmentHistoryEntry);
}
