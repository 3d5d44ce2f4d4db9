// NHS England's published discharge figures, as published: the monthly "Discharge Delays (Acute)" CSV (long:
// Period, Level, Region, ICB, Org Code, Org Name, Metric, Metric Type, Metric Group, Value; `[z]` = not applicable)
// and the daily series by trust (nhs_trust22_code) or ICB (icb22_code): patients who do not meet the criteria to
// reside (NCTR) and patients discharged. Source: NHS England, Discharge Delays (Acute) statistics, OGL v3.
import { BOUNDS, type NumberRange } from '../core/bounds.js';
import { parseDateText } from '../core/dates.js';

export interface PublishedFigure {
  /** The file's line the figure was read from (a daily discharges row gives up to three figures). */
  line: number;
  orgCode: string;
  orgLevel: 'national' | 'region' | 'icb' | 'trust';
  orgName: string | null;
  date: string;
  period: 'day' | 'month';
  metric: string;
  metricName: string;
  value: number;
}

export interface PublishedIssue {
  line: number | null;
  field?: string;
  message: string;
}

export type PublishedLayout = 'monthly' | 'daily-nctr' | 'daily-discharged';

/** The metric codes Steward names: NCTR and discharges (other published metrics keep a slug of their name). */
export const METRIC_NAMES: Record<string, string> = {
  nctr: 'Patients who no longer meet the criteria to reside',
  discharged_total: 'Patients discharged',
  discharged_by_1700: 'Patients discharged by 17:00',
  discharged_1701_2359: 'Patients discharged between 17:01 and 23:59',
};

/**
 * Which NHS England discharge publication a file's header row is: the monthly 'Discharge delays' CSV, or the daily
 * NCTR or discharges series; null when it is none of them.
 */
export function detectPublishedLayout(header: readonly string[]): PublishedLayout | null {
  const h = header.map((x) => x.trim().toLowerCase());
  if (['period', 'level', 'org code', 'metric', 'value'].every((c) => h.includes(c))) return 'monthly';
  const org = h.includes('nhs_trust22_code') || h.includes('icb22_code');
  if (org && h.includes('date') && h.includes('do_not_meet_criteria_to_reside')) return 'daily-nctr';
  if (org && h.includes('date') && h.includes('discharged_total')) return 'daily-discharged';
  return null;
}

const slug = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

function metricCode(name: string, group: string): string {
  if (/^nctr$/i.test(group.trim()) && /no longer meet the criteria to reside/i.test(name)) return 'nctr';
  return slug(name);
}

const LEVELS: Record<string, PublishedFigure['orgLevel']> = {
  national: 'national',
  region: 'region',
  icb: 'icb',
  provider: 'trust',
  trust: 'trust',
};

/**
 * The plausible number of patients in one figure of an organisation at `level`: a day's count (BOUNDS), or a
 * month's total (31 days of it), with words for the message ("in one trust on one day").
 */
function patientRange(
  level: PublishedFigure['orgLevel'],
  period: 'day' | 'month',
): { range: NumberRange; what: string } {
  const day = level === 'trust' ? BOUNDS.dischargePatientsTrustDay : BOUNDS.dischargePatientsAreaDay;
  const where =
    level === 'trust' ? 'one trust' : level === 'icb' ? 'one ICB' : level === 'region' ? 'one region' : 'England';
  return period === 'day'
    ? { range: day, what: `in ${where} on one day` }
    : { range: { min: day.min, max: day.max * 31 }, what: `in ${where} in one month` };
}

/**
 * Reads the records of one file (header first). Values must be numbers of 0 or more (`[z]`, not applicable, rows
 * are skipped; so are `[c]`/`[x]` suppressed ones), and counts of patients whole and within
 * BOUNDS.dischargePatientsTrustDay (a trust) or BOUNDS.dischargePatientsAreaDay (an ICB, region or England; 31 times
 * it for a month's total); each bad cell is an issue with its line and column, every one listed.
 */
export function parsePublishedDischarge(records: readonly { line: number; cells: readonly string[] }[]): {
  layout: PublishedLayout | null;
  figures: PublishedFigure[];
  issues: PublishedIssue[];
  skipped: number;
} {
  const [head, ...body] = records;
  if (!head)
    return {
      layout: null,
      figures: [],
      issues: [{ line: null, field: 'file', message: 'the file is empty' }],
      skipped: 0,
    };
  const layout = detectPublishedLayout(head.cells);
  if (!layout)
    return {
      layout,
      figures: [],
      skipped: 0,
      issues: [
        {
          line: head.line,
          message:
            'the header matches no NHS England discharge layout: expected the monthly "Discharge Delays (Acute)" CSV (Period, Level, Region, ICB, Org Code, Org Name, Metric, Metric Type, Metric Group, Value) or a daily series (nhs_trust22_code or icb22_code, date, do_not_meet_criteria_to_reside or discharged_*)',
        },
      ],
    };
  const h = head.cells.map((x) => x.trim().toLowerCase());
  const col = (n: string) => h.indexOf(n);
  const figures: PublishedFigure[] = [];
  const issues: PublishedIssue[] = [];
  let skipped = 0;
  /**
   * The cell's number, 'skip' for a not-applicable or suppressed one, or null (with an issue) when it is not a
   * number or not a plausible one: never below 0, and a count of patients (`count`) whole and within its range.
   */
  const number = (
    raw: string,
    line: number,
    field: string,
    count: { range: NumberRange; what: string } | null,
  ): number | null | 'skip' => {
    const t = raw.trim();
    if (/^(\[[a-z]\]|NA|N\/A|-)$/i.test(t) || t === '') return 'skip';
    const n = Number(t.replace(/,/g, ''));
    const problem = !Number.isFinite(n)
      ? `"${raw}" is not a number`
      : n < 0
        ? `"${raw}" is below 0: a number of patients is 0 or more`
        : count && !Number.isInteger(n)
          ? `"${raw}" is not a whole number of patients`
          : count && n > count.range.max
            ? `"${raw}" is more than ${count.range.max.toLocaleString('en-GB')} patients ${count.what}, far above any published figure: check the value`
            : null;
    if (problem) {
      issues.push({ line, field, message: problem });
      return null;
    }
    return n;
  };
  if (layout === 'monthly') {
    const [iPeriod, iLevel, iCode, iName, iMetric, iType, iGroup, iValue] = [
      'period',
      'level',
      'org code',
      'org name',
      'metric',
      'metric type',
      'metric group',
      'value',
    ].map(col);
    for (const r of body) {
      const cell = (i: number) => (i >= 0 ? (r.cells[i] ?? '').trim() : '');
      const date = parseDateText(cell(iPeriod));
      if (!date) issues.push({ line: r.line, field: 'Period', message: `"${cell(iPeriod)}" is not a date` });
      const level = LEVELS[cell(iLevel).toLowerCase()];
      if (!level)
        issues.push({
          line: r.line,
          field: 'Level',
          message: `"${cell(iLevel)}" is not National, Region, ICB or Provider`,
        });
      const code = cell(iCode);
      if (!code) issues.push({ line: r.line, field: 'Org Code', message: 'is empty' });
      const daily = /daily/i.test(cell(iType));
      // "Number of …" metrics count patients (a day's count, or a month's total); others are averages or shares.
      const count = /^number of/i.test(cell(iMetric))
        ? patientRange(level ?? 'national', daily ? 'day' : 'month')
        : null;
      const value = number(cell(iValue), r.line, 'Value', count);
      if (value === 'skip') {
        skipped++;
        continue;
      }
      if (!date || !level || !code || value === null) continue;
      figures.push({
        line: r.line,
        orgCode: code,
        orgLevel: level,
        orgName: cell(iName) || null,
        date: daily ? date : `${date.slice(0, 7)}-01`,
        period: daily ? 'day' : 'month',
        metric: metricCode(cell(iMetric), cell(iGroup)),
        metricName: cell(iMetric),
        value,
      });
    }
  } else {
    const trust = col('nhs_trust22_code') >= 0;
    const iCode = trust ? col('nhs_trust22_code') : col('icb22_code');
    const codeField = trust ? 'nhs_trust22_code' : 'icb22_code';
    const iDate = col('date');
    const metrics =
      layout === 'daily-nctr'
        ? [{ column: 'do_not_meet_criteria_to_reside', metric: 'nctr' }]
        : [
            { column: 'discharged_total', metric: 'discharged_total' },
            { column: 'discharged_by_1700', metric: 'discharged_by_1700' },
            { column: 'discharged_between_1701_2359', metric: 'discharged_1701_2359' },
          ].filter((m) => col(m.column) >= 0);
    for (const r of body) {
      const cell = (i: number) => (r.cells[i] ?? '').trim();
      const code = cell(iCode);
      if (!/^[A-Z0-9]{3,9}$/.test(code))
        issues.push({ line: r.line, field: codeField, message: `"${code}" is not an organisation code` });
      const date = parseDateText(cell(iDate));
      if (!date) issues.push({ line: r.line, field: 'date', message: `"${cell(iDate)}" is not a date` });
      for (const m of metrics) {
        const value = number(cell(col(m.column)), r.line, m.column, patientRange(trust ? 'trust' : 'icb', 'day'));
        if (value === 'skip') {
          skipped++;
          continue;
        }
        if (value === null || !date || !/^[A-Z0-9]{3,9}$/.test(code)) continue;
        figures.push({
          line: r.line,
          orgCode: code,
          orgLevel: trust ? 'trust' : 'icb',
          orgName: null,
          date,
          period: 'day',
          metric: m.metric,
          metricName: METRIC_NAMES[m.metric],
          value,
        });
      }
    }
  }
  if (!issues.length && !figures.length)
    issues.push({ line: null, field: 'file', message: 'the file holds no figures' });
  return { layout, figures, issues, skipped };
}
