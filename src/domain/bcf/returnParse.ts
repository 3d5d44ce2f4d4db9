// Reads a filled BCF return back for a plan: every sheet is checked whole, and the changes to apply are
// returned only if all of it is valid; otherwise every problem with its sheet, row and column. Pure.
import { BOUNDS } from '../core/bounds.js';
import type { FieldError } from '../core/errors.js';
import { DC_SERVICES, DC_SERVICE_LABELS, type DcService } from './demandCapacity.js';
import { METRIC_DEFINITIONS, METRICS, metricPlanProblem } from './metrics.js';
import {
  AREAS_OF_SPEND,
  AREA_OF_SPEND_LABELS,
  COMMISSIONERS,
  FUNDING_LINE_LABELS,
  SCHEME_TYPES,
  type AreaOfSpend,
  type Commissioner,
  type Income,
  type Place,
  type Scheme,
  schemeOutputsProblem,
} from './plan.js';
import { quarterHasEnded, quarterNotEndedMessage, type QuarterNumber } from './period.js';
import { byLabel, returnReader, text, type ReturnReader } from './returnReader.js';
import {
  NARRATIVE_SECTIONS,
  OUTPUT_COL,
  PLAN_REFERENCE,
  QUARTER_COL,
  REFERENCE_SHEET,
  SHEET_NAMES,
  type ReadSheet,
  type ReturnChanges,
} from './returnTemplate.js';
import type { MetricPlan } from './scorecard.js';

/**
 * Read a filled return back for a plan. Every sheet is checked whole; nothing is returned to apply unless all
 * of it is valid. Errors name the sheet, row and column in words: field "Expenditure sheet, row 12, Planned
 * expenditure (£)", message "enter an amount of £0 or more". Figures are held to the same bounds as the API (money
 * per line and quarter, outputs, metric plans), and actual spend only for quarters ended by `today` (London). A
 * return exported from another plan is refused in words, by the plan's id on the hidden reference sheet (or, in an
 * older workbook, on the Cover), else by the plan's name on the Cover. Money in the changes is in pence.
 */
export function parseReturn(
  sheets: readonly ReadSheet[],
  plan: { id: string; name: string; years: string[]; baselineYear: string; places: Place[]; schemes: Scheme[] },
  today: string,
): { changes: ReturnChanges | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const rd = returnReader(sheets, plan, errors);
  const { err, get } = rd;
  for (const name of SHEET_NAMES) if (!get(name)) err(name, null, null, `The workbook has no sheet called "${name}"`);
  if (errors.length) return { changes: null, errors };

  const cover = get('Cover')!;
  const item = (rows: ReadSheet['rows'], name: string) => rows.find((r) => text(r.cells[0]) === name);
  const ref = item(get(REFERENCE_SHEET)?.rows ?? [], PLAN_REFERENCE) ?? item(cover.rows, PLAN_REFERENCE);
  const named = item(cover.rows, 'Plan');
  const coverName = named ? text(named.cells[1]) : '';
  // By the id where the workbook carries it; a workbook that lost its hidden sheet is matched by the plan's name.
  const ours = ref ? text(ref.cells[1]) === plan.id : coverName !== '' && coverName === plan.name;
  if (!ours)
    err(
      'Cover',
      named?.line ?? null,
      'Plan',
      coverName && coverName !== plan.name
        ? `This return is for the plan “${coverName}”, not “${plan.name}”: download the return from “${plan.name}” and fill that in`
        : `This return is not from the plan “${plan.name}”: download the return from this plan and fill that in`,
    );

  const income = readIncome(rd);
  const schemes = readExpenditure(rd, plan, today);
  const { metricPlans, counts } = readMetrics(rd, today);
  const dc = readDemandCapacity(rd);
  const narrative = readNarrative(rd);

  if (errors.length) return { changes: null, errors };
  return {
    changes: { income, schemes, metricPlans, counts, demandCapacity: dc, narrative },
    errors,
  };
}

/** The Income sheet: one amount per place, funding line and year. */
function readIncome(rd: ReturnReader): Income[] {
  const { err, body, place, toPence, yearOk } = rd;
  const income: Income[] = [];
  for (const r of body(
    'Income',
    ['Health and Wellbeing Board', 'Funding line', 'Year', 'Income (£)'],
    ['Health and Wellbeing Board', 'Funding line', 'Year'],
  )) {
    const p = place('Income', r);
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
  return income;
}

/** The Expenditure sheet: schemes (a new Scheme ID adds one) with planned spend and each quarter's actuals. */
function readExpenditure(
  rd: ReturnReader,
  plan: { places: Place[]; schemes: Scheme[] },
  today: string,
): ReturnChanges['schemes'] {
  const { err, body, placeBy, number, toPence, yearOk } = rd;
  const schemes = new Map<string, ReturnChanges['schemes'][number]>();
  for (const r of body(
    'Expenditure',
    [
      'Scheme ID',
      'Scheme name',
      'Scheme type',
      'Sub type',
      'Commissioner',
      'Area of spend',
      'Source of funding',
      'Year',
      'Planned expenditure (£)',
    ],
    ['Scheme ID', 'Source of funding', 'Year'],
  )) {
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
    const unit = scheme?.outputUnit ?? '';
    const quarters = [1, 2, 3, 4].map((q) => {
      const actual = toPence('Expenditure', r.line, QUARTER_COL(q), r.get(QUARTER_COL(q)));
      let outputs = number('Expenditure', r.line, OUTPUT_COL(q), r.get(OUTPUT_COL(q)));
      const problem = outputs === null ? null : schemeOutputsProblem(outputs, unit);
      if (problem) {
        err('Expenditure', r.line, OUTPUT_COL(q), problem);
        outputs = null;
      }
      // Actual figures only for a quarter that has ended (the KPI returns' rule).
      if (
        (actual !== null || outputs !== null) &&
        year &&
        !quarterHasEnded({ year, quarter: q as QuarterNumber }, today)
      )
        err('Expenditure', r.line, QUARTER_COL(q), quarterNotEndedMessage({ year, quarter: q as QuarterNumber }));
      return { q, actual, outputs };
    });
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
  return [...schemes.values()];
}

/** The Metrics sheet: the plans set, and the quarter's counts typed in for the two count-based metrics. */
function readMetrics(rd: ReturnReader, today: string): Pick<ReturnChanges, 'metricPlans' | 'counts'> {
  const { err, body, place, number, yearOk } = rd;
  const metricPlans: MetricPlan[] = [];
  const counts: ReturnChanges['counts'] = [];
  for (const r of body(
    'Metrics',
    ['Health and Wellbeing Board', 'Metric', 'Year', 'Period', 'Plan', 'Numerator', 'Denominator', 'Source'],
    ['Health and Wellbeing Board', 'Metric', 'Year', 'Period'],
  )) {
    const p = place('Metrics', r);
    const metric = METRICS.find(
      (m) => METRIC_DEFINITIONS[m].name.toLowerCase() === text(r.get('Metric')).toLowerCase(),
    );
    if (!metric)
      err(
        'Metrics',
        r.line,
        'Metric',
        `"${text(r.get('Metric'))}" is not one of the four metrics: use ${METRICS.map((m) => METRIC_DEFINITIONS[m].name).join(', ')}`,
      );
    const year = yearOk('Metrics', r.line, r.get('Year'), true);
    const period = text(r.get('Period'));
    const quarter = period === 'Year' ? 0 : /^Q[1-4]$/.test(period) ? Number(period[1]) : null;
    if (quarter === null) err('Metrics', r.line, 'Period', 'Use Year or Q1 to Q4');
    const planValue = number('Metrics', r.line, 'Plan', r.get('Plan'));
    const count = { integer: true, max: BOUNDS.populationCount.max };
    const num = number('Metrics', r.line, 'Numerator', r.get('Numerator'), count);
    const den = number('Metrics', r.line, 'Denominator', r.get('Denominator'), count);
    if (!p || !metric || !year || quarter === null) continue;
    const planProblem = planValue === null ? null : metricPlanProblem(metric, planValue);
    if (planProblem) err('Metrics', r.line, 'Plan', planProblem);
    else if (planValue !== null)
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
      else if (!quarterHasEnded({ year, quarter: quarter as QuarterNumber }, today))
        err('Metrics', r.line, 'Numerator', quarterNotEndedMessage({ year, quarter: quarter as QuarterNumber }));
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
  return { metricPlans, counts };
}

/** The Demand and capacity sheet: expected demand and planned capacity by place, service and month. */
function readDemandCapacity(rd: ReturnReader): ReturnChanges['demandCapacity'] {
  const { err, body, place, number } = rd;
  const dc: ReturnChanges['demandCapacity'] = [];
  for (const r of body(
    'Demand and capacity',
    ['Health and Wellbeing Board', 'Service', 'Month', 'Demand', 'Capacity'],
    ['Health and Wellbeing Board', 'Service', 'Month'],
  )) {
    const p = place('Demand and capacity', r);
    const service = byLabel(DC_SERVICE_LABELS, text(r.get('Service'))) as DcService | null;
    if (!service || !DC_SERVICES.includes(service))
      err('Demand and capacity', r.line, 'Service', `"${text(r.get('Service'))}" is not a service of the table`);
    const month = text(r.get('Month'));
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
      err('Demand and capacity', r.line, 'Month', 'Write the month as YYYY-MM');
    const people = { integer: true, max: BOUNDS.monthlyPeople.max };
    const demand = number('Demand and capacity', r.line, 'Demand', r.get('Demand'), people);
    const capacity = number('Demand and capacity', r.line, 'Capacity', r.get('Capacity'), people);
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
  return dc;
}

/** The Narrative sheet: the text of each section, by its key. */
function readNarrative(rd: ReturnReader): Record<string, string> {
  const { err, body } = rd;
  const narrative: Record<string, string> = {};
  for (const r of body('Narrative', ['Section', 'Text'], ['Section'])) {
    const s = NARRATIVE_SECTIONS.find((x) => x.label.toLowerCase() === text(r.get('Section')).toLowerCase());
    if (!s) err('Narrative', r.line, 'Section', `"${text(r.get('Section'))}" is not a section of the narrative`);
    else narrative[s.key] = String(r.get('Text') ?? '');
  }
  return narrative;
}
