// What the delivery plan writers share: the checks of a plan and of an action, the plan an entry belongs to, and
// an action's stored values.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../client.js';
import { Conflict, NotFound, type FieldError } from '../../domain/core/errors.js';
import { formatSpan } from '../../domain/core/format.js';
import type { Rag } from '../../domain/contracts/deliveryPlan.js';
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

/**
 * Refuses a second current council delivery plan for the same years. The council has one delivery plan at a time
 * (the one /contracts/delivery-plan shows, and its download); a plan for years that overlap a current one would
 * silently take its place there. Workplans (one per care group, opened by name from the list) are not limited.
 * @param input the plan as it would be saved: its kind and years
 * @param exceptId the plan being changed, left out of the comparison
 * @throws Conflict naming the current plan and what to do instead
 */
export async function assertNoCurrentDeliveryPlan(
  tx: Db,
  input: { kind: string; years: readonly string[] },
  exceptId?: string,
): Promise<void> {
  if (input.kind !== 'delivery_plan') return;
  const current = await tx
    .select({ id: deliveryPlans.id, title: deliveryPlans.title, years: deliveryPlans.years })
    .from(deliveryPlans)
    .where(and(eq(deliveryPlans.kind, 'delivery_plan'), isNull(deliveryPlans.retiredAt)));
  const clash = current.find((p) => p.id !== exceptId && p.years.some((y) => input.years.includes(y)));
  if (!clash) return;
  const shared = clash.years.filter((y) => input.years.includes(y));
  const name = `“${clash.title} ${formatSpan(clash.years[0], clash.years.at(-1), ' – ')}”`;
  const message = `${name} is already the council’s delivery plan for ${shared.length === 1 ? shared[0] : `${shared.slice(0, -1).join(', ')} and ${shared.at(-1)}`}. Retire it first, or start a care group’s workplan instead`;
  throw new Conflict(message, [{ field: 'kind', message, in: 'body' }]);
}

/** A priority with its plan. @throws NotFound when there is none */
export async function planOfPriority(tx: Db, priorityId: string) {
  const [row] = await tx
    .select({ p: planPriorities, plan: deliveryPlans })
    .from(planPriorities)
    .innerJoin(deliveryPlans, eq(deliveryPlans.id, planPriorities.planId))
    .where(eq(planPriorities.id, priorityId));
  if (!row) throw new NotFound('Priority');
  return row;
}

/** A commissioning intention with its plan. @throws NotFound when there is none */
export async function planOfIntention(tx: Db, intentionId: string) {
  const [row] = await tx
    .select({ i: planIntentions, plan: deliveryPlans })
    .from(planIntentions)
    .innerJoin(planPriorities, eq(planPriorities.id, planIntentions.priorityId))
    .innerJoin(deliveryPlans, eq(deliveryPlans.id, planPriorities.planId))
    .where(eq(planIntentions.id, intentionId));
  if (!row) throw new NotFound('Commissioning intention');
  return row;
}

/** An action with its plan. @throws NotFound when there is none */
export async function planOfAction(tx: Db, actionId: string) {
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

/** The problem with a required text field (empty, or longer than `maxLength` characters), naming it as `what`. */
export const textProblem = (field: string, value: string, what: string, maxLength = 2000): FieldError[] =>
  !value.trim()
    ? [{ field, message: `Enter the ${what}` }]
    : value.length > maxLength
      ? [{ field, message: `The ${what} must be ${maxLength.toLocaleString('en-GB')} characters or fewer` }]
      : [];

/** An action as the editor sends it. */
export interface ActionInput {
  text: string;
  owner: string | null;
  responsibleServiceAreas: string[];
  yearStatuses: string[];
  ragOverride: Rag | null;
  contractIds: string[];
  procurementIds: string[];
}

/** Every problem with an action for a plan of these `years`, each naming its field. */
export async function actionProblemsFor(tx: Db, input: ActionInput, years: string[]): Promise<FieldError[]> {
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

/** An action's columns as stored, from what the editor sent. */
export const actionValues = (input: ActionInput) => ({
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
