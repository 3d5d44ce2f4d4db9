// `steward import discharge-delays <file>`: NHS England's published discharge figures (the monthly "Discharge
// Delays (Acute)" CSV, or the daily NCTR / discharged series by trust or ICB), kept for comparison with the hub's
// own figures on its flow page. Re-importing replaces the same organisation, day and metric. Option
// `trust=<code>` records the local acute trust whose figures the flow page shows (e.g. -o trust=RK9).
import { sql } from 'drizzle-orm';
import { queryRows } from '../db/client.js';
import { putSetting } from '../db/core/settings.js';
import { parsePublishedDischarge, type PublishedFigure } from '../domain/discharge/published.js';
import { odsNameCase, trustName } from '../domain/discharge/trusts.js';
import { readAllCsv } from './csv.js';
import type { ImportIssue, Importer } from './framework.js';
import { TRUST_OPTION } from './options.js';
import { formatSpan } from '../domain/core/format.js';

/** Setting naming the acute trust (ODS code) whose published figures the hub's flow page shows. */
export const DISCHARGE_TRUST_SETTING = 'discharge_published_trust';

export const dischargeDelaysImporter: Importer<PublishedFigure> = {
  kind: 'discharge-delays',
  label: 'Hospital discharge delays',
  formats: ['csv', 'xlsx'],
  source: 'NHS England discharge delays statistics',
  description:
    'NHS England discharge delays: the monthly "Discharge Delays (Acute)" CSV or the daily NCTR / discharged series by trust or ICB; option trust=<ODS code> names the local acute trust',
  options: [TRUST_OPTION],
  async parse(source, options) {
    const records = await readAllCsv(source);
    const r = parsePublishedDischarge(records.map((x) => ({ line: x.line, cells: x.values })));
    const issues: ImportIssue[] = r.issues.slice(0, 500);
    const trustProblem = options.trust && r.layout ? missingTrust(options.trust, r.figures) : null;
    if (trustProblem) issues.push({ line: null, field: 'trust', message: trustProblem });
    return { rows: issues.length ? [] : r.figures, issues };
  },
  async write(db, rows, ctx) {
    let created = 0;
    let updated = 0;
    let unchanged = 0;
    for (let i = 0; i < rows.length; i += 20_000) {
      const batch = rows.slice(i, i + 20_000).map((f) => ({
        org_code: f.orgCode,
        org_level: f.orgLevel,
        // The file's own name (the monthly CSV's Org Name); for a trust published by code only, the reference name.
        org_name: f.orgName ?? (f.orgLevel === 'trust' ? trustName(f.orgCode) : null),
        date: f.date,
        period: f.period,
        metric: f.metric,
        metric_name: f.metricName,
        value: f.value,
        source: ctx.fileName,
      }));
      // `old` sees the table as it was before this statement's insert (one snapshot): figures already held, and
      // which of them the file changes.
      const [res] = await queryRows<{ total: number; existing: number; changed: number }>(
        db,
        sql`with r as (
              select * from json_populate_recordset(null::published_discharge_figures, ${JSON.stringify(batch)}::json)),
            old as (
              select p.value as old_value, r.value as new_value
              from published_discharge_figures p
              join r on p.org_code = r.org_code and p.date = r.date and p.period = r.period and p.metric = r.metric),
            up as (
              insert into published_discharge_figures (org_code, org_level, org_name, date, period, metric, metric_name, value, source)
              select org_code, org_level, coalesce(org_name, (select p.org_name from published_discharge_figures p where p.org_code = r.org_code and p.org_name is not null limit 1)), date, period, metric, metric_name, value, source
              from r
              on conflict (org_code, date, period, metric) do update set value = excluded.value, org_level = excluded.org_level,
                org_name = coalesce(excluded.org_name, published_discharge_figures.org_name), metric_name = excluded.metric_name, source = excluded.source
              returning 1)
            select (select count(*) from r)::int as total, (select count(*) from old)::int as existing,
              (select count(*) from old where old_value is distinct from new_value)::int as changed`,
      );
      created += res.total - res.existing;
      updated += res.changed;
      unchanged += res.existing - res.changed;
    }
    if (ctx.options.trust) await putSetting(db, DISCHARGE_TRUST_SETTING, ctx.options.trust.trim().toUpperCase());
    const orgs = new Set(rows.map((r) => r.orgCode)).size;
    const dates = rows.map((r) => r.date).sort();
    return {
      kind: 'discharge-delays',
      fileName: ctx.fileName,
      // Rows of the file, not figures: a daily discharges row gives up to three.
      rowsRead: new Set(rows.map((r) => r.line)).size,
      created,
      updated,
      unchanged,
      messages: [
        `${rows.length.toLocaleString('en-GB')} published figures for ${orgs} organisation${orgs === 1 ? '' : 's'}, ${formatSpan(dates[0], dates[dates.length - 1], ' to ')}`,
        ...(ctx.options.trust ? [`the flow page shows ${trustLabel(ctx.options.trust, rows)}`] : []),
      ],
    };
  },
};

/**
 * Why the trust option cannot be used with this file, or null when the file holds figures for that trust: the flow
 * page would show nothing for a trust the file does not hold ("This file holds no figures for R0A (Manchester
 * University NHS Foundation Trust); it holds RK9 (University Hospitals Plymouth NHS Trust)").
 */
export function missingTrust(code: string, figures: readonly PublishedFigure[]): string | null {
  const c = code.trim().toUpperCase();
  if (figures.some((f) => f.orgCode === c)) return null;
  const trusts = [...new Set(figures.filter((f) => f.orgLevel === 'trust').map((f) => f.orgCode))].sort();
  const held = trusts.length
    ? `it holds ${trusts
        .slice(0, 5)
        .map((t) => trustLabel(t, figures))
        .join(', ')}${trusts.length > 5 ? ` and ${trusts.length - 5} other trusts` : ''}`
    : 'it holds no trust’s figures (only ICBs, regions or England)';
  return `This file holds no figures for ${trustLabel(c, figures)}; ${held}. Choose the trust whose figures it holds, or leave the trust empty`;
}

/** "University Hospitals Plymouth NHS Trust (RK9)": the name from the file or the reference list, then the code. */
function trustLabel(code: string, rows: readonly PublishedFigure[]): string {
  const c = code.trim().toUpperCase();
  const name = rows.find((r) => r.orgCode === c && r.orgName)?.orgName ?? trustName(c);
  return name ? `${odsNameCase(name)} (${c})` : c;
}
