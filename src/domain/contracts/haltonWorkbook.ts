// A delivery plan as a workbook in Halton's layout (Delivery Plan 2023/24 – 2025/26): `haltonLayout` writes the
// plan's rows for export, `parseHaltonRows` reads a filled workbook's rows back. Pure: cells, not files.
import { type IsoDate } from '../core/dates.js';
import { RAG_LABELS, byPriority, type DeliveryPlan, type Rag } from './deliveryPlan.js';
import { formatSpan } from '../core/format.js';

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
      cells: [`${plan.title} ${formatSpan(plan.years[0], plan.years[plan.years.length - 1], ' – ')}`.trim()],
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
