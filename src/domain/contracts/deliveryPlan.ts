// The delivery plan: priorities → commissioning intentions → actions, with a status for each plan year and a
// responsible service area (Halton's Delivery Plan 2023/24 – 2025/26), milestones and RAG progress.
import { daysBetween, financialYearOf, type IsoDate } from '../core/dates.js';

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

/** One row of Halton's layout. */
export type LayoutRow =
  | { kind: 'title'; cells: [string] }
  | { kind: 'priority'; cells: [string] }
  | { kind: 'header'; cells: string[] }
  | { kind: 'action'; cells: string[]; rag: Rag; intentionRowSpan: number };

/** Column headings of the Halton-style delivery plan workbook for the plan's years (one column a year). */
export const HALTON_COLUMNS = (years: string[]): string[] => [
  'Commissioning Intention',
  'Action to be Undertaken',
  ...years.map((y, i) => `Year ${i + 1} (${y})`),
  'Responsible Service Area',
];

/** Columns Steward adds after Halton's, so progress, ownership and delivery travel with the export. */
export const EXTRA_COLUMNS = ['RAG', 'Owner', 'Contracts', 'Procurements'] as const;

/**
 * Halton's delivery plan layout: a title, then per priority a "Priority N – Title" row, the column header
 * (Commissioning Intention · Action to be Undertaken · Year 1 · Year 2 · Year 3 · Responsible Service Area)
 * and one row per action; the intention is written on its first action and spans the rest (merged cells).
 * RAG is added as a last column so progress travels with the export.
 */
export function haltonLayout(plan: DeliveryPlan, asAt: IsoDate): LayoutRow[] {
  const rows: LayoutRow[] = [
    {
      kind: 'title',
      cells: [`${plan.title} ${plan.years[0] ?? ''} – ${plan.years[plan.years.length - 1] ?? ''}`.trim()],
    },
  ];
  const groups = byPriority(plan, asAt);
  for (const p of [...plan.priorities].sort((a, b) => a.number - b.number)) {
    const g = groups.find((x) => x.number === p.number);
    rows.push({ kind: 'priority', cells: [`Priority ${p.number} – ${p.title}`] });
    rows.push({ kind: 'header', cells: [...HALTON_COLUMNS(plan.years), ...EXTRA_COLUMNS] });
    const intentions = plan.intentions.filter((i) => i.priorityId === p.id).sort((a, b) => a.sortOrder - b.sortOrder);
    for (const i of intentions) {
      const actions = g?.intentions.find((x) => x.id === i.id)?.actions ?? [];
      if (!actions.length) {
        // An intention without actions yet: one row with the action cells blank.
        rows.push({
          kind: 'action',
          cells: [i.text, '', ...plan.years.map(() => ''), '', '', '', '', ''],
          rag: 'not_assessed',
          intentionRowSpan: 1,
        });
        continue;
      }
      actions.forEach((a, n) => {
        rows.push({
          kind: 'action',
          cells: [
            n === 0 ? i.text : '',
            a.text,
            ...plan.years.map((_, y) => a.yearStatuses[y] ?? ''),
            a.responsibleServiceAreas.join('\n'),
            RAG_LABELS[a.rag],
            a.owner ?? '',
            (a.deliveredBy?.contracts ?? []).join('\n'),
            (a.deliveredBy?.procurements ?? []).join('\n'),
          ],
          rag: a.rag,
          intentionRowSpan: n === 0 ? actions.length : 0,
        });
      });
    }
  }
  return rows;
}

/** A workbook row as read back: its spreadsheet row number and cells (text; empty as ''). */
export interface ReadRow {
  line: number;
  cells: string[];
}

/** A plan read from a workbook in Halton's layout; contracts by reference and procurements by title. */
export interface ImportedPlan {
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
        ragOverride: Rag | null;
        owner: string | null;
        contracts: { ref: string; line: number }[];
        procurements: { title: string; line: number }[];
      }[];
    }[];
  }[];
}

const FY = /(\d{4})\s*\/\s*(\d{4}|\d{2})/g;

/** '2023/2024' or '2023/24' → '2023/24'; the years from a start year. */
function fyFrom(start: number): string {
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/**
 * Read a delivery plan from a workbook's rows in Halton's layout: a title row ("Delivery Plan 2023/24 – 2025/26"),
 * then per priority a "Priority N – Title" row, a header row (Commissioning Intention · Action to be Undertaken ·
 * Year 1…n · Responsible Service Area, with Steward's RAG · Owner · Contracts · Procurements optional) and one row
 * per action; a blank intention continues the one above (merged cells). Plan years come from the header
 * ("Year 1 (2023/24)"), else from the title's range. Service areas, contracts and procurements are one a line.
 * Validated whole: every problem names its row and column.
 */
export function parseHaltonRows(rows: readonly ReadRow[]): {
  plan: ImportedPlan | null;
  errors: { field: string; message: string }[];
} {
  const errors: { field: string; message: string }[] = [];
  const err = (line: number, column: string | null, message: string) =>
    errors.push({ field: `row ${line}${column ? ` (${column})` : ''}`, message });
  const body = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (!body.length) return { plan: null, errors: [{ field: 'file', message: 'The workbook has no rows' }] };
  const first = body[0];
  const titleText = first.cells[0]?.trim() ?? '';
  if (/^Priority\s+\d+/i.test(titleText)) err(first.line, null, 'The first row should be the plan’s title');
  const titleYears = [...titleText.matchAll(FY)].map((m) => Number(m[1]));
  const title =
    titleText
      .replace(/^\d+\.\s*/, '')
      .replace(FY, '')
      .replace(/[\s–-]+$/, '')
      .trim() || titleText;
  let years: string[] | null = null;
  if (titleYears.length >= 2 && titleYears[1] >= titleYears[0])
    years = Array.from({ length: titleYears[1] - titleYears[0] + 1 }, (_, i) => fyFrom(titleYears[0] + i));
  const plan: ImportedPlan = { title, years: [], priorities: [] };
  let header: string[] | null = null;
  let priority: ImportedPlan['priorities'][number] | null = null;
  let intention: ImportedPlan['priorities'][number]['intentions'][number] | null = null;
  const col = (name: string) => (header ? header.findIndex((h) => h.toLowerCase().startsWith(name.toLowerCase())) : -1);
  const lines = (v: string) =>
    v
      .split(/\r?\n/)
      .map((x) => x.trim())
      .filter(Boolean);
  for (const r of body.slice(1)) {
    const c0 = r.cells[0]?.trim() ?? '';
    const pm = /^Priority\s+(\d+)\s*[–—-]\s*(.+)$/i.exec(c0);
    if (pm && r.cells.slice(1).every((c) => !c.trim())) {
      const number = Number(pm[1]);
      if (plan.priorities.some((p) => p.number === number))
        err(r.line, 'Priority', `Priority ${number} is already above`);
      priority = { number, title: pm[2].trim(), intentions: [] };
      plan.priorities.push(priority);
      intention = null;
      header = null;
      continue;
    }
    if (c0.toLowerCase() === 'commissioning intention') {
      header = r.cells.map((c) => c.trim());
      const yearCols = header.filter((h) => /^Year \d+/i.test(h));
      const fromHeader = yearCols.map((h) => [...h.matchAll(FY)][0]).filter(Boolean);
      const hy =
        fromHeader.length === yearCols.length && yearCols.length ? fromHeader.map((m) => fyFrom(Number(m![1]))) : null;
      const got = hy ?? years;
      if (!yearCols.length) err(r.line, null, 'The header has no Year 1, Year 2… columns');
      else if (!got || got.length !== yearCols.length)
        err(
          r.line,
          'Year 1',
          `Say which years the plan covers: write them in the header ("Year 1 (2023/24)") or the title ("${title} 2023/24 – 2025/26")`,
        );
      else if (plan.years.length && plan.years.join() !== got.join())
        err(r.line, 'Year 1', `These years (${got.join(', ')}) differ from the plan’s (${plan.years.join(', ')})`);
      else plan.years = got;
      for (const need of ['Action to be Undertaken', 'Responsible Service Area'])
        if (col(need) < 0) err(r.line, null, `The header row is missing "${need}"`);
      continue;
    }
    if (!priority) {
      err(r.line, null, 'Rows must come under a "Priority N – Title" row');
      continue;
    }
    if (!header) {
      err(
        r.line,
        null,
        'A priority’s rows must come after its header row (Commissioning Intention, Action to be Undertaken…)',
      );
      continue;
    }
    const cell = (name: string) => {
      const i = col(name);
      return i < 0 ? '' : (r.cells[i] ?? '').trim();
    };
    if (c0) {
      intention = { text: c0, actions: [] };
      priority.intentions.push(intention);
    } else if (!intention) {
      err(r.line, 'Commissioning Intention', 'The first action of a priority needs its commissioning intention');
      continue;
    }
    const text = cell('Action to be Undertaken');
    const yearIdx = header.map((h, i) => (/^Year \d+/i.test(h) ? i : -1)).filter((i) => i >= 0);
    const statuses = yearIdx.map((i) => (r.cells[i] ?? '').trim());
    const areas = lines(cell('Responsible Service Area'));
    const ragText = cell('RAG');
    const owner = cell('Owner');
    const contracts = lines(cell('Contracts'));
    const procurements = lines(cell('Procurements'));
    if (!text) {
      if (statuses.some(Boolean) || areas.length || owner || contracts.length || procurements.length)
        err(r.line, 'Action to be Undertaken', 'Describe the action to be undertaken');
      continue;
    }
    let rag: Rag | null = null;
    if (ragText && ragText !== RAG_LABELS.not_assessed) {
      const found = (Object.keys(RAG_LABELS) as Rag[]).find(
        (k) => RAG_LABELS[k].toLowerCase() === ragText.toLowerCase(),
      );
      if (!found) err(r.line, 'RAG', `"${ragText}" is not a RAG status (Red, Amber, Green, Complete or Not assessed)`);
      else rag = found;
    }
    if (text.length > 2000) err(r.line, 'Action to be Undertaken', 'The action must be 2,000 characters or fewer');
    intention.actions.push({
      text,
      yearStatuses: statuses,
      responsibleServiceAreas: areas,
      ragOverride: rag,
      owner: owner || null,
      contracts: contracts.map((ref) => ({ ref, line: r.line })),
      procurements: procurements.map((t) => ({ title: t, line: r.line })),
    });
  }
  if (!plan.priorities.length && !errors.length) err(first.line, null, 'The workbook has no "Priority N – Title" rows');
  if (!plan.years.length && !errors.length) err(first.line, null, 'The workbook has no header row with the plan years');
  return errors.length ? { plan: null, errors } : { plan, errors };
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
