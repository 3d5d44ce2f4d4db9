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
import type { Importer } from './framework.js';
import { TRUST_OPTION } from './options.js';

/** Setting naming the acute trust (ODS code) whose published figures the hub's flow page shows. */
export const DISCHARGE_TRUST_SETTING = 'discharge_published_trust';

export const dischargeDelaysImporter: Importer<PublishedFigure> = {
  kind: 'discharge-delays',
  description:
    'NHS England discharge delays: the monthly "Discharge Delays (Acute)" CSV or the daily NCTR / discharged series by trust or ICB; option trust=<ODS code> names the local acute trust',
  options: [TRUST_OPTION],
  async parse(source) {
    const records = await readAllCsv(source);
    const r = parsePublishedDischarge(records.map((x) => ({ line: x.line, cells: x.values })));
    return { rows: r.issues.length ? [] : r.figures, issues: r.issues.slice(0, 500) };
  },
  async write(db, rows, ctx) {
    let written = 0;
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
      const res = await queryRows<{ n: number }>(
        db,
        sql`with up as (
              insert into published_discharge_figures (org_code, org_level, org_name, date, period, metric, metric_name, value, source)
              select org_code, org_level, coalesce(org_name, (select p.org_name from published_discharge_figures p where p.org_code = r.org_code and p.org_name is not null limit 1)), date, period, metric, metric_name, value, source
              from json_populate_recordset(null::published_discharge_figures, ${JSON.stringify(batch)}::json) r
              on conflict (org_code, date, period, metric) do update set value = excluded.value, org_level = excluded.org_level,
                org_name = coalesce(excluded.org_name, published_discharge_figures.org_name), metric_name = excluded.metric_name, source = excluded.source
              returning 1)
            select count(*)::int as n from up`,
      );
      written += res[0].n;
    }
    if (ctx.options.trust) await putSetting(db, DISCHARGE_TRUST_SETTING, ctx.options.trust.trim().toUpperCase());
    const orgs = new Set(rows.map((r) => r.orgCode)).size;
    const dates = rows.map((r) => r.date).sort();
    return {
      kind: 'discharge-delays',
      fileName: ctx.fileName,
      rowsRead: rows.length,
      created: written,
      messages: [
        `${rows.length.toLocaleString('en-GB')} published figures for ${orgs} organisation${orgs === 1 ? '' : 's'}, ${dates[0]} to ${dates[dates.length - 1]}`,
        ...(ctx.options.trust ? [`the flow page shows ${trustLabel(ctx.options.trust, rows)}`] : []),
      ],
    };
  },
};

/** "University Hospitals Plymouth NHS Trust (RK9)": the name from the file or the reference list, then the code. */
function trustLabel(code: string, rows: PublishedFigure[]): string {
  const c = code.trim().toUpperCase();
  const name = rows.find((r) => r.orgCode === c && r.orgName)?.orgName ?? trustName(c);
  return name ? `${odsNameCase(name)} (${c})` : c;
}
