// The delivery plan: priorities → commissioning intentions → actions, with a status for each plan year and a
// responsible service area (Halton's Delivery Plan 2023/24 – 2025/26), milestones and RAG progress.
import { daysBetween, financialYearOf, type IsoDate } from '../core/dates.js';
import { formatSpan } from '../core/format.js';

/** Year statuses used in Halton's plan, offered as a pick-list; free text is allowed as in the original. */
export const YEAR_STATUS_EXAMPLES = [
  'Develop & Implement',
  'Develop Model',
  'Options Appraisal',
  'Tender & Award Contract',
  'Re-Tender',
  'Contract Awarded',
  'Contract Start/ Implementation',
  'Implement & Ongoing Monitoring',
  'Monitoring & Evaluate',
  'Ongoing Monitoring',
  'Ongoing Monitoring, Evaluate & Re-Commission',
  'Extend current contract to facilitate review',
  'Undertake Review',
  'N/A',
  'TBC',
] as const;

export interface Milestone {
  title: string;
  dueDate: IsoDate;
  completedOn: IsoDate | null;
}

export type Rag = 'green' | 'amber' | 'red' | 'complete' | 'not_assessed';
export const RAG_LABELS: Record<Rag, string> = {
  green: 'Green',
  amber: 'Amber',
  red: 'Red',
  complete: 'Complete',
  not_assessed: 'Not assessed',
};

/** A milestone more than this many days overdue makes an action red; fewer, amber. */
export const RED_AFTER_DAYS_OVERDUE = 28;
/** A milestone due within this many days and not done makes an action amber (at risk). */
export const AMBER_WITHIN_DAYS = 14;

/**
 * RAG from milestones: complete when all are done; red when one is more than 28 days overdue; amber when one
 * is overdue by less, or due within 14 days and not done; green otherwise; not assessed without milestones.
 */
export function actionRag(milestones: Milestone[], asAt: IsoDate): Rag {
  if (milestones.length === 0) return 'not_assessed';
  if (milestones.every((m) => m.completedOn)) return 'complete';
  let rag: Rag = 'green';
  for (const m of milestones) {
    if (m.completedOn) continue;
    const overdue = daysBetween(m.dueDate, asAt);
    if (overdue > RED_AFTER_DAYS_OVERDUE) return 'red';
    if (overdue > 0 || -overdue <= AMBER_WITHIN_DAYS) rag = 'amber';
  }
  return rag;
}

export interface PlanAction {
  id: string;
  intentionId: string;
  text: string;
  /** One status per plan year, in the plan's year order. */
  yearStatuses: string[];
  responsibleServiceAreas: string[];
  milestones: Milestone[];
  ragOverride: Rag | null;
  sortOrder: number;
  /** The officer who owns the action. */
  owner?: string | null;
  /** What delivers it, as the export writes them: contract references and procurement titles. */
  deliveredBy?: { contracts: string[]; procurements: string[] };
}

export interface PlanIntention {
  id: string;
  priorityId: string;
  text: string;
  sortOrder: number;
}

export interface PlanPriority {
  id: string;
  number: number;
  title: string;
}

export interface DeliveryPlan {
  title: string;
  /** Plan years as financial years, e.g. ['2023/24', '2024/25', '2025/26']. */
  years: string[];
  priorities: PlanPriority[];
  intentions: PlanIntention[];
  actions: PlanAction[];
}

/** Which plan year asAt falls in (index into years), or null outside the plan. */
export function currentPlanYear(years: string[], asAt: IsoDate): number | null {
  const i = years.indexOf(financialYearOf(asAt));
  return i < 0 ? null : i;
}

/**
 * An action's red/amber/green status on a date: the commissioner's override when set, else worked out from its milestones.
 */
export function effectiveRag(action: PlanAction, asAt: IsoDate): Rag {
  return action.ragOverride ?? actionRag(action.milestones, asAt);
}

export interface ActionView extends PlanAction {
  intention: string;
  priorityNumber: number;
  priorityTitle: string;
  rag: Rag;
  currentYearStatus: string | null;
}

function sortedActions(plan: DeliveryPlan, asAt: IsoDate): ActionView[] {
  const intentions = new Map(plan.intentions.map((i) => [i.id, i]));
  const priorities = new Map(plan.priorities.map((p) => [p.id, p]));
  const year = currentPlanYear(plan.years, asAt);
  const views = plan.actions.map((a) => {
    const intention = intentions.get(a.intentionId);
    if (!intention) throw new Error(`Action ${a.id} refers to a missing intention ${a.intentionId}`);
    const priority = priorities.get(intention.priorityId);
    if (!priority) throw new Error(`Intention ${intention.id} refers to a missing priority ${intention.priorityId}`);
    return {
      ...a,
      intention: intention.text,
      priorityNumber: priority.number,
      priorityTitle: priority.title,
      rag: effectiveRag(a, asAt),
      currentYearStatus: year === null ? null : (a.yearStatuses[year] ?? null),
      _intentionOrder: intention.sortOrder,
    };
  });
  views.sort(
    (a, b) => a.priorityNumber - b.priorityNumber || a._intentionOrder - b._intentionOrder || a.sortOrder - b.sortOrder,
  );
  return views.map(({ _intentionOrder: _, ...v }) => v);
}

export interface PriorityGroup {
  number: number;
  title: string;
  intentions: { id: string; text: string; actions: ActionView[] }[];
  ragCounts: Record<Rag, number>;
}

function emptyCounts(): Record<Rag, number> {
  return { green: 0, amber: 0, red: 0, complete: 0, not_assessed: 0 };
}

/** The delivery plan grouped by priority, then commissioning intention, with each group's RAG counts on `asAt`. */
export function byPriority(plan: DeliveryPlan, asAt: IsoDate): PriorityGroup[] {
  const groups: PriorityGroup[] = [];
  for (const a of sortedActions(plan, asAt)) {
    let g = groups.find((x) => x.number === a.priorityNumber);
    if (!g) {
      g = { number: a.priorityNumber, title: a.priorityTitle, intentions: [], ragCounts: emptyCounts() };
      groups.push(g);
    }
    let i = g.intentions.find((x) => x.id === a.intentionId);
    if (!i) {
      i = { id: a.intentionId, text: a.intention, actions: [] };
      g.intentions.push(i);
    }
    i.actions.push(a);
    g.ragCounts[a.rag]++;
  }
  return groups;
}

/** Actions grouped under each responsible service area (an action with two areas appears under both). */
export function byServiceArea(
  plan: DeliveryPlan,
  asAt: IsoDate,
): { serviceArea: string; actions: ActionView[]; ragCounts: Record<Rag, number> }[] {
  const map = new Map<string, { serviceArea: string; actions: ActionView[]; ragCounts: Record<Rag, number> }>();
  for (const a of sortedActions(plan, asAt)) {
    for (const area of a.responsibleServiceAreas.length ? a.responsibleServiceAreas : ['Not assigned']) {
      let g = map.get(area);
      if (!g) map.set(area, (g = { serviceArea: area, actions: [], ragCounts: emptyCounts() }));
      g.actions.push(a);
      g.ragCounts[a.rag]++;
    }
  }
  return [...map.values()].sort((a, b) => a.serviceArea.localeCompare(b.serviceArea));
}

/** Validation of one action, naming each field. */
export function actionProblems(
  a: Pick<PlanAction, 'text' | 'yearStatuses' | 'milestones'>,
  years: string[],
): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (!a.text.trim()) problems.push({ field: 'text', message: 'Describe the action to be undertaken' });
  if (a.yearStatuses.length !== years.length)
    problems.push({
      field: 'yearStatuses',
      message: `Give a status for each of the ${years.length} plan years (${years.join(', ')})`,
    });
  a.milestones.forEach((m, i) => {
    if (!m.title.trim()) problems.push({ field: `milestones.${i}.title`, message: 'Milestone needs a title' });
  });
  return problems;
}

/**
 * A plan's download name, naming the plan: its title and years, file-name safe, without the extension
 * ("Delivery Plan", 2025/26 to 2027/28 → "delivery-plan-2025-26-to-2027-28"). `asAt` is added when given.
 */
export function planFileName(title: string, years: readonly string[], asAt?: string): string {
  const span = formatSpan(years[0], years.at(-1), ' to ');
  const words = `${title}${span && !title.includes(years[0] ?? '\u0000') ? ` ${span}` : ''}${asAt ? ` as at ${asAt}` : ''}`;
  return (
    words
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase()
      .slice(0, 100)
      .replace(/-+$/, '') || 'delivery-plan'
  );
}
