// The BCF return as a workbook in the layout of the national template's sheets: Cover, Income, Expenditure,
// Metrics, Demand and capacity, Narrative. Pure: `buildReturn` lays the plan out as rows (money in pounds with
// pence, as the template shows it); `parseReturn` reads a filled workbook back, validates every sheet whole and
// returns the changes to apply, or every problem with its sheet, row and column.
import type { FieldError } from '../core/errors.js';
import { DC_SERVICES, DC_SERVICE_LABELS, shortfall, type DcRow, type DcService } from './demandCapacity.js';
import { METRIC_DEFINITIONS, METRICS, type MetricKey } from './metrics.js';
import {
  AREAS_OF_SPEND,
  AREA_OF_SPEND_LABELS,
  COMMISSIONERS,
  FUNDING_LINES,
  FUNDING_LINE_LABELS,
  SCHEME_TYPES,
  type AreaOfSpend,
  type Commissioner,
  type FundingLine,
  type Income,
  type Place,
  type Scheme,
  type SchemeActual,
  type SchemeFunding,
} from './plan.js';
import { quarterLabel, type FyQuarter, type QuarterNumber } from './period.js';
import type { MetricPlan, PlaceMetric } from './scorecard.js';

/** A RAG rating as the metrics page says it (not read back on re-import). */
const ragText = (rag: 'green' | 'amber' | 'red' | null): string | null =>
  rag === null ? null : { green: 'On plan', amber: 'Near plan', red: 'Off plan' }[rag];

export type Cell = string | number | null;

export interface Sheet {
  name: string;
  /** Lines above the header: the sheet's title and guidance. */
  title: string[];
  header: string[];
  rows: Cell[][];
  /** Header names whose columns hold pounds. */
  money?: string[];
}

/** The sheets a filled return must have to be read back. */
export const SHEET_NAMES = ['Cover', 'Income', 'Expenditure', 'Metrics', 'Demand and capacity', 'Narrative'] as const;

/** The risk log sheet: written from the risk register on export, never read back (risks change in the register). */
export const RISK_SHEET = 'Risks';

/** One risk of the plan's log as the Risks sheet shows it. Likelihood and impact 1–5; score = their product. */
export interface ReturnRisk {
  reference: string;
  title: string;
  /** What links it to the plan, e.g. "Plan", "Scheme HAV-06", "Contract EB-CAR-001 (HAV-06)". */
  linkedTo: string;
  owner: string;
  likelihood: number;
  impact: number;
  score: number;
  /** The council's band label for the score, e.g. "High". */
  rating: string;
  mitigation: string;
  reviewDate: string | null;
  status: string;
}

/** Header row number (1-based) on every sheet: the title lines, a blank line, then the header. */
export const HEADER_ROW = 4;

export const NARRATIVE_SECTIONS: { key: string; label: string }[] = [
  { key: 'overview', label: 'Overview of the plan and joint priorities' },
  { key: 'metrics', label: 'Progress against the metrics' },
  { key: 'demand_capacity', label: 'Intermediate care demand and capacity' },
  { key: 'hicm', label: 'High Impact Change Model' },
  { key: 'dfg', label: 'Disabled Facilities Grant and housing' },
  { key: 'discharge_fund', label: 'Use of the ASC Discharge Fund' },
];

export interface ReturnInput {
  planId: string;
  planName: string;
  years: string[];
  places: Place[];
  income: Income[];
  schemes: Scheme[];
  metricPlans: MetricPlan[];
  counts: {
    placeId: string;
    metric: MetricKey;
    year: string;
    quarter: QuarterNumber;
    numerator: number;
    denominator: number;
    source: string;
  }[];
  scorecard: PlaceMetric[];
  demandCapacity: DcRow[];
  narrative: Record<string, string>;
  /** The plan's risk log (from the risk register). */
  risks: ReturnRisk[];
  /** The quarter being reported, or null for the plan itself. */
  quarter: FyQuarter | null;
  generatedOn: string;
}

const pounds = (pence: number) => pence / 100;
const r1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
const QUARTER_COL = (q: number) => `Q${q} actual (£)`;
const OUTPUT_COL = (q: number) => `Q${q} outputs`;

/** Lay the plan (and the quarter's figures) out as the template's sheets. */
export function buildReturn(input: ReturnInput): Sheet[] {
  const place = (id: string) => input.places.find((p) => p.id === id)!;
  const cover: Sheet = {
    name: 'Cover',
    title: [
      `Better Care Fund ${input.quarter ? `quarterly return ${quarterLabel(input.quarter)}` : 'plan'}`,
      input.planName,
    ],
    header: ['Item', 'Value'],
    rows: [
      ['Plan', input.planName],
      ['Plan reference', input.planId],
      ['Years', input.years.join(', ')],
      ['Health and Wellbeing Boards', input.places.map((p) => `${p.name} (${p.gssCode})`).join('; ')],
      ['Quarter reported', input.quarter ? quarterLabel(input.quarter) : 'Plan'],
      ['Produced on', input.generatedOn],
      ['Produced by', 'Steward'],
    ],
  };
  const income: Sheet = {
    name: 'Income',
    title: ['Income by Health and Wellbeing Board, funding line and year', 'Amounts in pounds.'],
    header: ['Health and Wellbeing Board', 'GSS code', 'Funding line', 'Year', 'Income (£)'],
    money: ['Income (£)'],
    rows: input.places.flatMap((p) =>
      input.years.flatMap((year) =>
        FUNDING_LINES.flatMap((line) => {
          const i = input.income.find((x) => x.placeId === p.id && x.year === year && x.fundingLine === line);
          return i ? [[p.name, p.gssCode, FUNDING_LINE_LABELS[line], year, pounds(i.amountPence)]] : [];
        }),
      ),
    ),
  };
  const expenditure: Sheet = {
    name: 'Expenditure',
    title: [
      'Planned expenditure by scheme, funding line and year, with actual spend and outputs by quarter',
      'Scheme types and sub-types are the national lists. Amounts in pounds.',
    ],
    header: [
      'Scheme ID',
      'Health and Wellbeing Board',
      'Scheme name',
      'Scheme type',
      'Sub type',
      'Commissioner',
      'Provider',
      'Area of spend',
      'Source of funding',
      'Year',
      'Planned expenditure (£)',
      QUARTER_COL(1),
      QUARTER_COL(2),
      QUARTER_COL(3),
      QUARTER_COL(4),
      OUTPUT_COL(1),
      OUTPUT_COL(2),
      OUTPUT_COL(3),
      OUTPUT_COL(4),
    ],
    money: ['Planned expenditure (£)', QUARTER_COL(1), QUARTER_COL(2), QUARTER_COL(3), QUARTER_COL(4)],
    rows: input.schemes.flatMap((s) => {
      const keys = new Set([
        ...s.funding.map((f) => `${f.year}|${f.fundingLine}`),
        ...s.actuals.map((a) => `${a.year}|${a.fundingLine}`),
      ]);
      return [...keys].sort().map((k) => {
        const [year, line] = k.split('|') as [string, FundingLine];
        const planned = s.funding.find((f) => f.year === year && f.fundingLine === line);
        const act = (q: number) => s.actuals.find((a) => a.year === year && a.fundingLine === line && a.quarter === q);
        return [
          s.ref,
          place(s.placeId).name,
          s.name,
          s.schemeType,
          s.subType,
          s.commissioner,
          s.provider,
          AREA_OF_SPEND_LABELS[s.areaOfSpend],
          FUNDING_LINE_LABELS[line],
          year,
          planned ? pounds(planned.plannedPence) : null,
          ...[1, 2, 3, 4].map((q) => (act(q) ? pounds(act(q)!.actualPence) : null)),
          ...[1, 2, 3, 4].map((q) => act(q)?.outputs ?? null),
        ];
      });
    }),
  };
  const metrics: Sheet = {
    name: 'Metrics',
    title: [
      'The four national metrics: plan, actual with 95% confidence limits, RAG and the counts behind each',
      '"Plan" is the plan set (Year = the year’s plan); "Plan compared" is what the actual is rated against. Only Plan, Numerator, Denominator and Source are read back on re-import.',
    ],
    header: [
      'Health and Wellbeing Board',
      'Metric',
      'Year',
      'Period',
      'Plan',
      'Plan compared',
      'Actual',
      'Lower 95%',
      'Upper 95%',
      'RAG',
      'Numerator',
      'Denominator',
      'Inputs',
      'Source',
    ],
    rows: input.scorecard.flatMap((m) => {
      const p = place(m.placeId);
      const key = m.definition.key;
      const stored = (year: string, q: number) =>
        input.metricPlans.find((x) => x.placeId === m.placeId && x.metric === key && x.year === year && x.quarter === q)
          ?.value ?? null;
      const count = (year: string, q: number) =>
        input.counts.find((c) => c.placeId === m.placeId && c.metric === key && c.year === year && c.quarter === q);
      const yearRows: Cell[][] = m.years.map((y) => [
        p.name,
        m.definition.name,
        y.year,
        'Year',
        stored(y.year, 0),
        r1(y.plan),
        r1(y.actual),
        r1(y.lower),
        r1(y.upper),
        ragText(y.rag),
        null,
        null,
        y.inputs,
        y.source,
      ]);
      const quarterRows: Cell[][] = m.quarters
        .filter((q) => !input.quarter || (q.year === input.quarter.year && q.quarter <= input.quarter.quarter))
        .map((q) => {
          const c = count(q.year, q.quarter);
          return [
            p.name,
            m.definition.name,
            q.year,
            `Q${q.quarter}`,
            stored(q.year, q.quarter),
            r1(q.plan),
            r1(q.actual),
            r1(q.lower),
            r1(q.upper),
            ragText(q.rag),
            c?.numerator ?? null,
            c?.denominator ?? null,
            q.inputs,
            c?.source ?? q.source,
          ];
        });
      return [...yearRows, ...quarterRows];
    }),
  };
  const dc: Sheet = {
    name: 'Demand and capacity',
    title: [
      'Intermediate care: expected demand (people referred) and planned capacity (people) by month',
      'Shortfall = demand − capacity where demand is higher.',
    ],
    header: [
      'Health and Wellbeing Board',
      'Service',
      'Month',
      'Demand',
      'Capacity',
      'Shortfall',
      'Demand source',
      'Capacity source',
    ],
    rows: input.demandCapacity.map((r) => [
      place(r.placeId).name,
      DC_SERVICE_LABELS[r.service],
      r.month,
      r.demand,
      r.capacity,
      shortfall(r),
      r.demandSource,
      r.capacitySource,
    ]),
  };
  const narrative: Sheet = {
    name: 'Narrative',
    title: ['Narrative', 'One row per section; the text may run to several paragraphs.'],
    header: ['Section', 'Text'],
    rows: NARRATIVE_SECTIONS.map((s) => [s.label, input.narrative[s.key] ?? '']),
  };
  const riskLog: Sheet = {
    name: RISK_SHEET,
    title: [
      'Risk log: the plan’s risks from the risk register, highest score first',
      'Score = likelihood × impact (1–5 each). Not read back on re-import: change risks in the risk register.',
    ],
    header: [
      'Risk reference',
      'Risk',
      'Linked to',
      'Owner',
      'Likelihood',
      'Impact',
      'Score',
      'Rating',
      'Mitigation',
      'Review date',
      'Status',
    ],
    rows: input.risks.map((r) => [
      r.reference,
      r.title,
      r.linkedTo,
      r.owner,
      r.likelihood,
      r.impact,
      r.score,
      r.rating,
      r.mitigation,
      r.reviewDate,
      r.status === 'open' ? 'Open' : r.status === 'closed' ? 'Closed' : r.status,
    ]),
  };
  return [cover, income, expenditure, metrics, dc, narrative, riskLog];
}

/** A sheet read back: each row with its spreadsheet row number; cells as text or numbers, empty as null. */
export interface ReadSheet {
  name: string;
  rows: { line: number; cells: Cell[] }[];
}

/** What a filled return changes. Money in pence. */
export interface ReturnChanges {
  income: Income[];
  schemes: {
    /** The scheme's id, or null for a scheme the return adds (new Scheme ID). */
    schemeId: string | null;
    ref: string;
    placeId: string;
    name: string;
    schemeType: string;
    subType: string;
    commissioner: Commissioner;
    provider: string;
    areaOfSpend: AreaOfSpend;
    funding: SchemeFunding[];
    actuals: SchemeActual[];
  }[];
  metricPlans: MetricPlan[];
  counts: {
    placeId: string;
    metric: MetricKey;
    year: string;
    quarter: QuarterNumber;
    numerator: number;
    denominator: number;
    source: string;
  }[];
  demandCapacity: DcRow[];
  narrative: Record<string, string>;
}

const byLabel = <K extends string>(labels: Record<K, string>, text: string): K | null =>
  (Object.keys(labels) as K[]).find(
    (k) => labels[k].toLowerCase() === text.trim().toLowerCase() || k === text.trim(),
  ) ?? null;

function text(c: Cell | undefined): string {
  return c === null || c === undefined ? '' : String(c).trim();
}

/**
 * Read a filled return back for a plan. Every sheet is checked whole; nothing is returned to apply unless all
 * of it is valid. Errors name the sheet, row and column: field "Expenditure!K12 (Planned expenditure (£))".
 */
export function parseReturn(
  sheets: readonly ReadSheet[],
  plan: { id: string; years: string[]; baselineYear: string; places: Place[]; schemes: Scheme[] },
): { changes: ReturnChanges | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const err = (sheet: string, line: number | null, column: string | null, message: string) =>
    errors.push({
      field: `${sheet}${line === null ? '' : `!row ${line}`}${column ? ` (${column})` : ''}`,
      message,
      in: 'file',
    });
  const get = (name: string) => sheets.find((s) => s.name.trim().toLowerCase() === name.toLowerCase());
  for (const name of SHEET_NAMES) if (!get(name)) err(name, null, null, `The workbook has no sheet called "${name}"`);
  if (errors.length) return { changes: null, errors };

  const cover = get('Cover')!;
  const ref = cover.rows.find((r) => text(r.cells[0]) === 'Plan reference');
  if (!ref || text(ref.cells[1]) !== plan.id)
    err(
      'Cover',
      ref?.line ?? null,
      'Plan reference',
      'This return belongs to another plan: export the return from this plan and fill that in',
    );

  /** Body rows of a sheet, mapped by header name, after checking the header names every column expected. */
  function body(name: string, expected: string[]): { line: number; get: (col: string) => Cell }[] {
    const sheet = get(name)!;
    const header = sheet.rows.find((r) => r.line === HEADER_ROW);
    const names = header ? header.cells.map(text) : [];
    const missing = expected.filter((e) => !names.includes(e));
    if (missing.length) {
      err(name, HEADER_ROW, null, `The header row is missing ${missing.map((m) => `"${m}"`).join(', ')}`);
      return [];
    }
    return sheet.rows
      .filter((r) => r.line > HEADER_ROW && r.cells.some((c) => text(c) !== ''))
      .map((r) => ({ line: r.line, get: (col: string) => r.cells[names.indexOf(col)] ?? null }));
  }
  const placeBy = (name: string) => plan.places.find((p) => p.name.toLowerCase() === name.toLowerCase());
  const number = (
    sheet: string,
    line: number,
    col: string,
    v: Cell,
    opts: { integer?: boolean; required?: boolean } = {},
  ): number | null => {
    if (v === null || text(v) === '') {
      if (opts.required) err(sheet, line, col, 'Enter a number');
      return null;
    }
    const n = typeof v === 'number' ? v : Number(text(v).replace(/[£,]/g, ''));
    if (!Number.isFinite(n) || n < 0) {
      err(sheet, line, col, `"${text(v)}" is not a number of 0 or more`);
      return null;
    }
    if (opts.integer && !Number.isInteger(n)) {
      err(sheet, line, col, `"${text(v)}" is not a whole number`);
      return null;
    }
    return n;
  };
  const toPence = (sheet: string, line: number, col: string, v: Cell, required = false): number | null => {
    const n = number(sheet, line, col, v, { required });
    if (n === null) return null;
    const pence = Math.round(n * 100);
    if (Math.abs(pence - n * 100) > 1e-6) err(sheet, line, col, `${n} has more than two decimal places of pounds`);
    return pence;
  };
  const yearOk = (sheet: string, line: number, v: Cell, withBaseline = false) => {
    const y = text(v);
    const allowed = withBaseline ? [plan.baselineYear, ...plan.years] : plan.years;
    if (!allowed.includes(y)) {
      err(sheet, line, 'Year', `"${y}" is not a year of this plan (${allowed.join(', ')})`);
      return null;
    }
    return y;
  };

  // Income
  const income: Income[] = [];
  for (const r of body('Income', ['Health and Wellbeing Board', 'Funding line', 'Year', 'Income (£)'])) {
    const p = placeBy(text(r.get('Health and Wellbeing Board')));
    if (!p)
      err(
        'Income',
        r.line,
        'Health and Wellbeing Board',
        `"${text(r.get('Health and Wellbeing Board'))}" is not a place of this plan`,
      );
    const line = byLabel(FUNDING_LINE_LABELS, text(r.get('Funding line')));
    if (!line) err('Income', r.line, 'Funding line', `"${text(r.get('Funding line'))}" is not a funding line`);
    const year = yearOk('Income', r.line, r.get('Year'));
    const amount = toPence('Income', r.line, 'Income (£)', r.get('Income (£)'), true);
    if (p && line && year && amount !== null) {
      if (income.some((i) => i.placeId === p.id && i.year === year && i.fundingLine === line))
        err('Income', r.line, 'Funding line', 'This place, funding line and year is already on an earlier row');
      else income.push({ placeId: p.id, year, fundingLine: line, amountPence: amount });
    }
  }

  // Expenditure
  const schemes = new Map<string, ReturnChanges['schemes'][number]>();
  for (const r of body('Expenditure', [
    'Scheme ID',
    'Scheme name',
    'Scheme type',
    'Sub type',
    'Commissioner',
    'Area of spend',
    'Source of funding',
    'Year',
    'Planned expenditure (£)',
  ])) {
    const ref = text(r.get('Scheme ID'));
    const scheme = plan.schemes.find((s) => s.ref === ref);
    // A Scheme ID the plan does not have adds a scheme: its place, name and type come from the row.
    const hwb = text(r.get('Health and Wellbeing Board'));
    const place = placeBy(hwb);
    if (!ref) {
      err('Expenditure', r.line, 'Scheme ID', 'Enter the scheme ID (a new ID adds a scheme)');
      continue;
    }
    if (!/^[A-Za-z0-9][A-Za-z0-9 ./_-]{0,39}$/.test(ref)) {
      err(
        'Expenditure',
        r.line,
        'Scheme ID',
        `"${ref}" is not a scheme ID: use letters, digits and - . / _ (up to 40)`,
      );
      continue;
    }
    if (!scheme && !place) {
      err(
        'Expenditure',
        r.line,
        'Health and Wellbeing Board',
        hwb
          ? `"${hwb}" is not a place of this plan (${plan.places.map((p) => p.name).join(', ')})`
          : 'Enter the Health and Wellbeing Board of the new scheme',
      );
      continue;
    }
    if (!scheme && !text(r.get('Scheme name'))) {
      err('Expenditure', r.line, 'Scheme name', 'Enter the name of the new scheme');
      continue;
    }
    if (scheme && place && place.id !== scheme.placeId)
      err(
        'Expenditure',
        r.line,
        'Health and Wellbeing Board',
        `Scheme ${ref} belongs to ${plan.places.find((p) => p.id === scheme.placeId)?.name}; a scheme cannot move place`,
      );
    const type = text(r.get('Scheme type'));
    const sub = text(r.get('Sub type'));
    if (!SCHEME_TYPES[type]) err('Expenditure', r.line, 'Scheme type', `"${type}" is not a national scheme type`);
    else if (!SCHEME_TYPES[type].includes(sub))
      err('Expenditure', r.line, 'Sub type', `"${sub}" is not a sub-type of ${type}`);
    const commissioner = text(r.get('Commissioner')) as Commissioner;
    if (!COMMISSIONERS.includes(commissioner)) err('Expenditure', r.line, 'Commissioner', 'Use LA, NHS or Joint');
    const area = byLabel(AREA_OF_SPEND_LABELS, text(r.get('Area of spend')));
    if (!area || !AREAS_OF_SPEND.includes(area))
      err('Expenditure', r.line, 'Area of spend', `"${text(r.get('Area of spend'))}" is not an area of spend`);
    const line = byLabel(FUNDING_LINE_LABELS, text(r.get('Source of funding')));
    if (!line)
      err('Expenditure', r.line, 'Source of funding', `"${text(r.get('Source of funding'))}" is not a funding line`);
    const year = yearOk('Expenditure', r.line, r.get('Year'));
    const planned = toPence('Expenditure', r.line, 'Planned expenditure (£)', r.get('Planned expenditure (£)'));
    const quarters = [1, 2, 3, 4].map((q) => ({
      q,
      actual: toPence('Expenditure', r.line, QUARTER_COL(q), r.get(QUARTER_COL(q))),
      outputs: number('Expenditure', r.line, OUTPUT_COL(q), r.get(OUTPUT_COL(q))),
    }));
    const entry = schemes.get(ref) ?? {
      schemeId: scheme?.id ?? null,
      ref,
      placeId: scheme?.placeId ?? place!.id,
      name: text(r.get('Scheme name')) || scheme!.name,
      schemeType: type,
      subType: sub,
      commissioner,
      provider: text(r.get('Provider')),
      areaOfSpend: (area ?? scheme?.areaOfSpend ?? 'other') as AreaOfSpend,
      funding: [],
      actuals: [],
    };
    if (schemes.has(ref) && !scheme && entry.placeId !== place?.id)
      err('Expenditure', r.line, 'Health and Wellbeing Board', `Scheme ${ref} has another place on an earlier row`);
    if (schemes.has(ref) && (entry.schemeType !== type || entry.subType !== sub))
      err('Expenditure', r.line, 'Scheme type', `Scheme ${ref} has a different type or sub-type on an earlier row`);
    if (line && year) {
      if (
        entry.funding.some((f) => f.fundingLine === line && f.year === year) ||
        entry.actuals.some((a) => a.fundingLine === line && a.year === year)
      )
        err(
          'Expenditure',
          r.line,
          'Source of funding',
          `Scheme ${ref} has this funding line and year on an earlier row`,
        );
      if (planned !== null) entry.funding.push({ fundingLine: line, year, plannedPence: planned });
      for (const q of quarters)
        if (q.actual !== null || q.outputs !== null)
          entry.actuals.push({
            fundingLine: line,
            year,
            quarter: q.q as QuarterNumber,
            actualPence: q.actual ?? 0,
            outputs: q.outputs,
          });
    }
    schemes.set(ref, entry);
  }

  // Metrics: plans and the stored counts
  const metricPlans: MetricPlan[] = [];
  const counts: ReturnChanges['counts'] = [];
  for (const r of body('Metrics', [
    'Health and Wellbeing Board',
    'Metric',
    'Year',
    'Period',
    'Plan',
    'Numerator',
    'Denominator',
    'Source',
  ])) {
    const p = placeBy(text(r.get('Health and Wellbeing Board')));
    if (!p)
      err(
        'Metrics',
        r.line,
        'Health and Wellbeing Board',
        `"${text(r.get('Health and Wellbeing Board'))}" is not a place of this plan`,
      );
    const metric = METRICS.find(
      (m) => METRIC_DEFINITIONS[m].name.toLowerCase() === text(r.get('Metric')).toLowerCase(),
    );
    if (!metric) err('Metrics', r.line, 'Metric', `"${text(r.get('Metric'))}" is not one of the four metrics`);
    const year = yearOk('Metrics', r.line, r.get('Year'), true);
    const period = text(r.get('Period'));
    const quarter = period === 'Year' ? 0 : /^Q[1-4]$/.test(period) ? Number(period[1]) : null;
    if (quarter === null) err('Metrics', r.line, 'Period', 'Use Year or Q1 to Q4');
    const planValue = number('Metrics', r.line, 'Plan', r.get('Plan'));
    const num = number('Metrics', r.line, 'Numerator', r.get('Numerator'), { integer: true });
    const den = number('Metrics', r.line, 'Denominator', r.get('Denominator'));
    if (!p || !metric || !year || quarter === null) continue;
    if (planValue !== null)
      metricPlans.push({ placeId: p.id, metric, year, quarter: quarter as 0 | QuarterNumber, value: planValue });
    if (num !== null || den !== null) {
      if (metric !== 'residential_admissions' && metric !== 'discharge_home')
        err(
          'Metrics',
          r.line,
          'Numerator',
          `${METRIC_DEFINITIONS[metric].name} comes from the hospital activity import, not from counts typed in`,
        );
      else if (quarter === 0) err('Metrics', r.line, 'Numerator', 'Give counts for quarters, not the year');
      else if (num === null || den === null || den <= 0)
        err('Metrics', r.line, 'Denominator', 'Give both the numerator and a denominator above 0');
      else if (metric === 'discharge_home' && num > den)
        err('Metrics', r.line, 'Numerator', 'Discharges home cannot be more than all discharges');
      else
        counts.push({
          placeId: p.id,
          metric,
          year,
          quarter: quarter as QuarterNumber,
          numerator: num,
          denominator: den,
          source: text(r.get('Source')) || 'return',
        });
    }
  }

  // Demand and capacity
  const dc: ReturnChanges['demandCapacity'] = [];
  for (const r of body('Demand and capacity', [
    'Health and Wellbeing Board',
    'Service',
    'Month',
    'Demand',
    'Capacity',
  ])) {
    const p = placeBy(text(r.get('Health and Wellbeing Board')));
    if (!p)
      err(
        'Demand and capacity',
        r.line,
        'Health and Wellbeing Board',
        `"${text(r.get('Health and Wellbeing Board'))}" is not a place of this plan`,
      );
    const service = byLabel(DC_SERVICE_LABELS, text(r.get('Service'))) as DcService | null;
    if (!service || !DC_SERVICES.includes(service))
      err('Demand and capacity', r.line, 'Service', `"${text(r.get('Service'))}" is not a service of the table`);
    const month = text(r.get('Month'));
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
      err('Demand and capacity', r.line, 'Month', 'Write the month as YYYY-MM');
    const demand = number('Demand and capacity', r.line, 'Demand', r.get('Demand'), { integer: true });
    const capacity = number('Demand and capacity', r.line, 'Capacity', r.get('Capacity'), { integer: true });
    if (p && service)
      dc.push({
        placeId: p.id,
        service,
        month,
        demand,
        capacity,
        // A figure without a source came from the return; a blank figure keeps a blank source.
        demandSource: text(r.get('Demand source')) || (demand === null ? '' : 'return'),
        capacitySource: text(r.get('Capacity source')) || (capacity === null ? '' : 'return'),
      });
  }

  // Narrative
  const narrative: Record<string, string> = {};
  for (const r of body('Narrative', ['Section', 'Text'])) {
    const s = NARRATIVE_SECTIONS.find((x) => x.label.toLowerCase() === text(r.get('Section')).toLowerCase());
    if (!s) err('Narrative', r.line, 'Section', `"${text(r.get('Section'))}" is not a section of the narrative`);
    else narrative[s.key] = String(r.get('Text') ?? '');
  }

  if (errors.length) return { changes: null, errors };
  return {
    changes: { income, schemes: [...schemes.values()], metricPlans, counts, demandCapacity: dc, narrative },
    errors,
  };
}
