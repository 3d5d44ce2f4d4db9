// Writes a BCF plan (and a quarter's figures) as the national return template's sheets. Pure: rows of cells,
// turned into a workbook by src/server/bcf/returnXlsx.ts.
import { DC_SERVICE_LABELS, shortfall } from './demandCapacity.js';
import { AREA_OF_SPEND_LABELS, FUNDING_LINES, FUNDING_LINE_LABELS, type FundingLine } from './plan.js';
import { quarterLabel } from './period.js';
import {
  NARRATIVE_SECTIONS,
  OUTPUT_COL,
  PLAN_REFERENCE,
  REFERENCE_SHEET,
  QUARTER_COL,
  RISK_SHEET,
  type Cell,
  type ReturnInput,
  type Sheet,
} from './returnTemplate.js';

/** A RAG rating as the metrics page says it (not read back on re-import). */
const ragText = (rag: 'green' | 'amber' | 'red' | null): string | null =>
  rag === null ? null : { green: 'On plan', amber: 'Near plan', red: 'Off plan' }[rag];

const pounds = (pence: number) => pence / 100;
const r1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

/**
 * Lay the plan (and the quarter's figures) out as the template's sheets, in order: Cover, Income, Expenditure,
 * Metrics, Demand and capacity, Narrative, Risks, then the very hidden reference sheet with the plan's id (the
 * Cover names the plan in words). Money in pounds with pence (the plan holds pence); metric values
 * to one decimal place. Every scheme, metric and demand and capacity row must name a place of `input.places`.
 */
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
  // The plan's id, for the import to refuse another plan's workbook, on a very hidden sheet: never on the Cover.
  const reference: Sheet = {
    name: REFERENCE_SHEET,
    title: ['Kept by Steward to match this workbook to its plan on import'],
    header: ['Item', 'Value'],
    rows: [[PLAN_REFERENCE, input.planId]],
    hidden: true,
  };
  return [cover, income, expenditure, metrics, dc, narrative, riskLog, reference];
}
