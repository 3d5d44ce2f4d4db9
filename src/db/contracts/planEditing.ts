// Writing delivery plans and workplans in the browser: a new plan, priorities → commissioning intentions →
// actions added and edited, moved up or down, retired and restored; a whole plan imported from a workbook in
// Halton's layout. Every change is one transaction and audited; problems name the field as the API reports it.
import { and, asc, eq, inArray, isNull, max } from 'drizzle-orm';
import type { Db } from '../client.js';
import { type AuditActor, recordAudit } from '../core/audit.js';
import { Conflict, InputError, NotFound, type FieldError } from '../../domain/core/errors.js';
import type { ImportedPlan, Rag } from '../../domain/contracts/deliveryPlan.js';
import type { EntryKind, PlanKind } from './deliveryPlan.js';
import { contracts, deliveryPlans, planActions, planIntentions, planPriorities, procurements } from './schema.js';

const FY = /^(\d{4})\/(\d{2})$/;

/** Problems with a plan's title and years (consecutive financial years like 2026/27). */
export function planProblems(input: { title: string; years: string[]; kind: string; careGroup: string | null }) {
  const errors: FieldError[] = [];
  if (!input.title.trim()) errors.push({ field: 'title', message: 'Enter the plan’s title' });
  if (input.title.length > 200) errors.push({ field: 'title', message: 'The title must be 200 characters or fewer' });
  if (input.kind === 'workplan' && !input.careGroup?.trim())
    errors.push({ field: 'careGroup', message: 'Enter the care group or portfolio, for example Age Well' });
  if (!input.years.length || input.years.length > 10)
    errors.push({ field: 'years', message: 'Give the plan between 1 and 10 years' });
  input.years.forEach((y, i) => {
    const m = FY.exec(y);
    if (!m || (Number(m[1]) + 1) % 100 !== Number(m[2]))
      errors.push({ field: `years.${i}`, message: `Write the year like 2026/27 ("${y}" is not a financial year)` });
    else if (i > 0 && Number(m[1]) !== Number(input.years[i - 1].slice(0, 4)) + 1)
      errors.push({ field: `years.${i}`, message: 'The years must follow on from each other' });
  });
  return errors;
}

/** Create an empty plan. Audited. @throws InputError */
export async function createDeliveryPlan(
  db: Db,
  actor: AuditActor,
  input: { title: string; kind: PlanKind; careGroup: string | null; years: string[] },
): Promise<string> {
  const errors = planProblems(input);
  if (errors.length) throw new InputError(errors);
  return db.transaction(async (tx) => {
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
    await tx
      .update(deliveryPlans)
      .set({
        title: next.title.trim(),
        kind: next.kind,
        careGroup: next.careGroup?.trim() || null,
        ...(input.retired === undefined ? {} : { retiredAt: input.retired ? new Date() : null }),
      })
      .where(eq(deliveryPlans.id, id));
    await recordAudit(tx, actor, { action: 'update', entity: 'delivery_plan', entityId: id, detail: input });
  });
}

async function planOfPriority(tx: Db, priorityId: string) {
  const [row] = await tx
    .select({ p: planPriorities, plan: deliveryPlans })
    .from(planPriorities)
    .innerJoin(deliveryPlans, eq(deliveryPlans.id, planPriorities.planId))
    .where(eq(planPriorities.id, priorityId));
  if (!row) throw new NotFound('Priority');
  return row;
}

async function planOfIntention(tx: Db, intentionId: string) {
  const [row] = await tx
    .select({ i: planIntentions, plan: deliveryPlans })
    .from(planIntentions)
    .innerJoin(planPriorities, eq(planPriorities.id, planIntentions.priorityId))
    .innerJoin(deliveryPlans, eq(deliveryPlans.id, planPriorities.planId))
    .where(eq(planIntentions.id, intentionId));
  if (!row) throw new NotFound('Commissioning intention');
  return row;
}

async function planOfAction(tx: Db, actionId: string) {
  const [row] = await tx
    .select({ a: planActions, plan: deliveryPlans })
    .from(planActions)
    .innerJoin(planIntentions, eq(planIntentions.id, planActions.intentionId))
    .innerJoin(planPriorities, eq(planPriorities.id, planIntentions.priorityId))
    .innerJoin(deliveryPlans, eq(deliveryPlans.id, planPriorities.planId))
    .where(eq(planActions.id, actionId));
  if (!row) throw new NotFound('Action');
  return row;
}

const textProblem = (field: string, value: string, what: string, maxLength = 2000): FieldError[] =>
  !value.trim()
    ? [{ field, message: `Enter the ${what}` }]
    : value.length > maxLength
      ? [{ field, message: `The ${what} must be ${maxLength.toLocaleString('en-GB')} characters or fewer` }]
      : [];

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

export interface ActionInput {
  text: string;
  owner: string | null;
  responsibleServiceAreas: string[];
  yearStatuses: string[];
  ragOverride: Rag | null;
  contractIds: string[];
  procurementIds: string[];
}

async function actionProblemsFor(tx: Db, input: ActionInput, years: string[]): Promise<FieldError[]> {
  const errors = textProblem('text', input.text, 'action to be undertaken');
  if (input.owner && input.owner.length > 200)
    errors.push({ field: 'owner', message: 'The owner must be 200 characters or fewer' });
  if (input.yearStatuses.length !== years.length)
    errors.push({
      field: 'yearStatuses',
      message: `Give a status for each of the ${years.length} plan years (${years.join(', ')})`,
    });
  input.yearStatuses.forEach((s, i) => {
    if (s.length > 200)
      errors.push({ field: `yearStatuses.${i}`, message: 'A status must be 200 characters or fewer' });
  });
  const cIds = [...new Set(input.contractIds)];
  const pIds = [...new Set(input.procurementIds)];
  const foundC = cIds.length
    ? await tx.select({ id: contracts.id }).from(contracts).where(inArray(contracts.id, cIds))
    : [];
  const foundP = pIds.length
    ? await tx.select({ id: procurements.id }).from(procurements).where(inArray(procurements.id, pIds))
    : [];
  input.contractIds.forEach((id, i) => {
    if (!foundC.some((f) => f.id === id))
      errors.push({ field: `contractIds.${i}`, message: 'Choose a contract from the register' });
  });
  input.procurementIds.forEach((id, i) => {
    if (!foundP.some((f) => f.id === id))
      errors.push({ field: `procurementIds.${i}`, message: 'Choose a procurement' });
  });
  return errors;
}

const actionValues = (input: ActionInput) => ({
  text: input.text.trim(),
  owner: input.owner?.trim() || null,
  responsibleServiceAreas: input.responsibleServiceAreas.map((a) => a.trim()).filter(Boolean),
  yearStatuses: input.yearStatuses.map((s) => s.trim()),
  ragOverride: input.ragOverride,
  contractIds: [...new Set(input.contractIds)],
  procurementIds: [...new Set(input.procurementIds)],
  contractId: input.contractIds[0] ?? null,
  procurementId: input.procurementIds[0] ?? null,
});

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

/** Retire (kept, hidden from the plan and its export) or restore an entry. Audited. */
export async function retireEntry(db: Db, actor: AuditActor, kind: EntryKind, id: string, retired: boolean) {
  await db.transaction(async (tx) => {
    const at = retired ? new Date() : null;
    if (kind === 'priority') {
      await planOfPriority(tx, id);
      await tx.update(planPriorities).set({ retiredAt: at }).where(eq(planPriorities.id, id));
    } else if (kind === 'intention') {
      await planOfIntention(tx, id);
      await tx.update(planIntentions).set({ retiredAt: at }).where(eq(planIntentions.id, id));
    } else {
      await planOfAction(tx, id);
      await tx.update(planActions).set({ retiredAt: at, updatedAt: new Date() }).where(eq(planActions.id, id));
    }
    await recordAudit(tx, actor, { action: retired ? 'retire' : 'restore', entity: `plan_${kind}`, entityId: id });
  });
}

/**
 * Move an entry one place up or down among its live siblings (priorities swap numbers, so "Priority 2" becomes
 * "Priority 1"). Audited. @throws Conflict when it is already first or last
 */
export async function moveEntry(db: Db, actor: AuditActor, kind: EntryKind, id: string, direction: 'up' | 'down') {
  await db.transaction(async (tx) => {
    const pick = <T extends { id: string }>(rows: T[]) => {
      const at = rows.findIndex((r) => r.id === id);
      const other = rows[direction === 'up' ? at - 1 : at + 1];
      if (!other) throw new Conflict(`It is already ${direction === 'up' ? 'first' : 'last'}`);
      return { me: rows[at], other };
    };
    if (kind === 'priority') {
      const { p } = await planOfPriority(tx, id);
      const rows = await tx
        .select()
        .from(planPriorities)
        .where(and(eq(planPriorities.planId, p.planId), isNull(planPriorities.retiredAt)))
        .orderBy(asc(planPriorities.number));
      const { me, other } = pick(rows);
      // Swap numbers through a free one (the plan's numbers are unique).
      await tx.update(planPriorities).set({ number: -1 }).where(eq(planPriorities.id, me.id));
      await tx.update(planPriorities).set({ number: me.number }).where(eq(planPriorities.id, other.id));
      await tx.update(planPriorities).set({ number: other.number }).where(eq(planPriorities.id, me.id));
    } else if (kind === 'intention') {
      const { i } = await planOfIntention(tx, id);
      const rows = await tx
        .select()
        .from(planIntentions)
        .where(and(eq(planIntentions.priorityId, i.priorityId), isNull(planIntentions.retiredAt)))
        .orderBy(asc(planIntentions.sortOrder), asc(planIntentions.id));
      const { me, other } = pick(rows.map((r, n) => ({ ...r, sortOrder: n })));
      await tx.update(planIntentions).set({ sortOrder: other.sortOrder }).where(eq(planIntentions.id, me.id));
      await tx.update(planIntentions).set({ sortOrder: me.sortOrder }).where(eq(planIntentions.id, other.id));
      for (const r of rows.map((r, n) => ({ ...r, n })).filter((r) => r.id !== me.id && r.id !== other.id))
        await tx.update(planIntentions).set({ sortOrder: r.n }).where(eq(planIntentions.id, r.id));
    } else {
      const { a } = await planOfAction(tx, id);
      const rows = await tx
        .select()
        .from(planActions)
        .where(and(eq(planActions.intentionId, a.intentionId), isNull(planActions.retiredAt)))
        .orderBy(asc(planActions.sortOrder), asc(planActions.id));
      const { me, other } = pick(rows.map((r, n) => ({ ...r, sortOrder: n })));
      await tx.update(planActions).set({ sortOrder: other.sortOrder }).where(eq(planActions.id, me.id));
      await tx.update(planActions).set({ sortOrder: me.sortOrder }).where(eq(planActions.id, other.id));
      for (const r of rows.map((r, n) => ({ ...r, n })).filter((r) => r.id !== me.id && r.id !== other.id))
        await tx.update(planActions).set({ sortOrder: r.n }).where(eq(planActions.id, r.id));
    }
    await recordAudit(tx, actor, { action: `move_${direction}`, entity: `plan_${kind}`, entityId: id });
  });
}

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
