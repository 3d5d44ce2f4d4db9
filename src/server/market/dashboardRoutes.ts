// The market dashboard's API: capacity summary, prices, care homes, vacancies and bed status.
import { BOUNDS, wholeNumberQuery } from '../../domain/core/bounds.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { STAFF_ROLES } from '../../domain/core/auth.js';
import { ageInDays, freshness } from '../../domain/market/capacity.js';
import { bedStatusRows, currentVacancies } from '../../db/market/capacityQueries.js';
import { capacitySummary, careHomesPage, occupancyTrend, priceSummary } from '../../db/market/dashboard.js';
import { listDistricts } from '../../db/market/register.js';
import { requireRole } from '../auth/guards.js';
import {
  bedStatusRowSchema,
  careHomesPageSchema,
  marketSummarySchema,
  priceSummaryResultSchema,
  vacancyRowSchema,
} from './schemas/dashboard.js';
import { filterQuery, TAGS, toFilter } from './params.js';

const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  // ---- Dashboard ----
  app.get(
    '/summary',
    {
      onRequest: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'Capacity, occupancy (now and by month), ratings, homecare, workforce and concentration',
        querystring: filterQuery,
        response: { 200: marketSummarySchema },
      },
    },
    async (request) => {
      const f = toFilter(request.query);
      const [summary, trend, districts] = await Promise.all([
        capacitySummary(app.db, f),
        occupancyTrend(app.db, f),
        listDistricts(app.db),
      ]);
      return { ...summary, occupancyTrend: trend, districts };
    },
  );
  app.get(
    '/prices',
    {
      onRequest: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary:
          'New placement prices by quarter, share at or below the usual rate, two-year change, contract mix, funding, out-of-borough',
        querystring: filterQuery,
        response: { 200: priceSummaryResultSchema },
      },
    },
    async (request) => priceSummary(app.db, toFilter(request.query)),
  );
  app.get(
    '/care-homes',
    {
      onRequest: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary:
          'Care homes with occupancy, council-funded share, prices, agency use and fragility: counts by fragility level, the homes to watch (most fragile first) and one page of all homes by name',
        querystring: filterQuery.extend({
          page: wholeNumberQuery(BOUNDS.pageNumber).default(1),
          pageSize: wholeNumberQuery(BOUNDS.pageSize)
            .default(BOUNDS.pageSize.max)
            .describe(`Homes per page: at most ${BOUNDS.pageSize.max} (more is refused with 400)`),
        }),
        response: { 200: careHomesPageSchema },
      },
    },
    async (request) =>
      careHomesPage(app.db, toFilter(request.query), { page: request.query.page, pageSize: request.query.pageSize }),
  );
  app.get(
    '/vacancies',
    {
      onRequest: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'Care homes with beds vacant and accepting admissions (latest return, with its age)',
        querystring: filterQuery.extend({ bedGroup: z.enum(['residential', 'nursing', 'dementia']).optional() }),
        response: { 200: z.array(vacancyRowSchema) },
      },
    },
    async (request) => {
      const now = new Date();
      const rows = await currentVacancies(app.db, toFilter(request.query), { bedGroup: request.query.bedGroup });
      return rows.map((r) => ({
        ...r,
        asAt: r.asAt.toISOString(),
        ageDays: ageInDays(r.asAt, now),
        freshness: freshness(r.asAt, now),
      }));
    },
  );

  app.get(
    '/bed-status',
    {
      onRequest: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary:
          'Care homes whose latest return has beds closed to admissions (with the reason) or held for assessment',
        querystring: filterQuery,
        response: { 200: z.array(bedStatusRowSchema) },
      },
    },
    async (request) => {
      const now = new Date();
      const rows = await bedStatusRows(app.db, toFilter(request.query));
      return rows.map((r) => ({
        ...r,
        asAt: r.asAt.toISOString(),
        ageDays: ageInDays(r.asAt, now),
        freshness: freshness(r.asAt, now),
      }));
    },
  );
};

export default dashboardRoutes;
