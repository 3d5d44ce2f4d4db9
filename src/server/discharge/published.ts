// The hub's comparison with NHS England's published discharge figures: the local acute trust's daily NCTR and
// discharges (imported by `steward import discharge-delays`) over the latest published days.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows } from '../../db/client.js';
import { getSetting } from '../../db/core/settings.js';
import { STAFF_ROLES } from '../../domain/core/auth.js';
import { DISCHARGE_TRUST_SETTING } from '../../importers/dischargeDelays.js';
import { requireRole } from '../auth/guards.js';
import { odsNameCase, trustName } from '../../domain/discharge/trusts.js';

const pointSchema = z.object({
  date: z.string(),
  nctr: z.number().nullable().describe('patients who no longer meet the criteria to reside'),
  dischargedTotal: z.number().nullable(),
});

const publishedRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      onRequest: requireRole(...STAFF_ROLES),
      schema: {
        tags: ['discharge'],
        summary:
          "NHS England's published daily figures for the local acute trust (or ?org=): NCTR and discharges over the latest published days",
        querystring: z.object({
          org: z
            .string()
            .regex(/^[A-Za-z0-9]{3,9}$/)
            .optional(),
          days: z.coerce.number().int().min(7).max(1500).default(90),
        }),
        response: {
          200: z.object({
            org: z.object({ code: z.string(), name: z.string().nullable() }).nullable(),
            orgs: z.array(z.object({ code: z.string(), name: z.string().nullable(), level: z.string() })),
            latestDate: z.string().nullable(),
            series: z.array(pointSchema),
            source: z.string(),
          }),
        },
      },
    },
    async (request) => {
      // Each trust by the name its file gave, else by the reference list's (data/nhs/trusts.json), as people write it.
      const orgs = (
        await queryRows<{ code: string; name: string | null; level: string }>(
          app.db,
          sql`select org_code as code, max(org_name) as name, max(org_level) as level from published_discharge_figures
              where period = 'day' and org_level = 'trust' group by org_code order by org_code`,
        )
      ).map((o) => ({ ...o, name: o.name ? odsNameCase(o.name) : trustName(o.code) }));
      const configured = await getSetting<string>(app.db, DISCHARGE_TRUST_SETTING);
      const code = request.query.org?.toUpperCase() ?? configured ?? (orgs.length === 1 ? orgs[0].code : null);
      const source = 'NHS England, Discharge Delays (Acute) statistics (Open Government Licence v3.0)';
      if (!code) return { org: null, orgs, latestDate: null, series: [], source };
      const series = await queryRows<{ date: string; nctr: number | null; dischargedTotal: number | null }>(
        app.db,
        sql`with latest as (select max(date) as d from published_discharge_figures where org_code = ${code} and period = 'day')
            select to_char(date, 'YYYY-MM-DD') as date,
                   max(value) filter (where metric = 'nctr') as "nctr",
                   max(value) filter (where metric = 'discharged_total') as "dischargedTotal"
            from published_discharge_figures, latest
            where org_code = ${code} and period = 'day' and metric in ('nctr', 'discharged_total')
              and date > latest.d - ${request.query.days}::int
            group by date order by date`,
      );
      const name = orgs.find((o) => o.code === code)?.name ?? trustName(code);
      return {
        org: { code, name },
        orgs,
        latestDate: series.length ? series[series.length - 1].date : null,
        series: series.map((p) => ({
          date: p.date,
          nctr: p.nctr === null ? null : Number(p.nctr),
          dischargedTotal: p.dischargedTotal === null ? null : Number(p.dischargedTotal),
        })),
        source,
      };
    },
  );
};

export default publishedRoutes;
