// The BCF metrics' API: the four metrics with plan, actual by quarter, RAG and method, their plans and refresh.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { BCF_EDITORS, STAFF_ROLES } from '../../domain/core/auth.js';
import { londonToday } from '../../domain/core/dates.js';
import { InputError } from '../../domain/core/errors.js';
import { putMetricPlans } from '../../db/bcf/metrics.js';
import { loadPlan } from '../../db/bcf/plans.js';
import { planScorecard } from '../../db/bcf/returns.js';
import { refreshStewardCounts } from '../../db/bcf/steward.js';
import { getBorough } from '../../db/core/settings.js';
import { requireRole } from '../auth/guards.js';
import { idParams, metricPlansBodySchema, metricsSchema, refreshResponseSchema } from './schemas.js';

import { canEdit, TAGS, who } from './params.js';

const metricsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/plans/:id/metrics',
    {
      onRequest: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary:
          'The four national metrics per place: plan, actual by quarter and year with 95% limits, RAG, inputs and method',
        params: idParams,
        response: { 200: metricsSchema },
      },
    },
    async (request) => {
      return metricsView(await loadPlan(app.db, request.params.id), canEdit(request));
    },
  );

  app.put(
    '/plans/:id/metrics/plans',
    {
      onRequest: requireRole(...BCF_EDITORS),
      schema: {
        tags: TAGS,
        summary: 'Set metric plan values (quarter 0 = the year’s plan)',
        params: idParams,
        body: metricPlansBodySchema,
        response: { 200: metricsSchema },
      },
    },
    async (request) => {
      const plan = await loadPlan(app.db, request.params.id);
      const placeIds = new Set(plan.places.map((p) => p.id));
      const years = [plan.baselineYear, ...plan.years];
      const bad = request.body.plans.flatMap((p, i) => [
        ...(placeIds.has(p.placeId) ? [] : [{ field: `plans.${i}.placeId`, message: 'Not a place of this plan' }]),
        ...(years.includes(p.year)
          ? []
          : [{ field: `plans.${i}.year`, message: `Not a year of this plan (${years.join(', ')})` }]),
      ]);
      if (bad.length) throw new InputError(bad);
      await putMetricPlans(app.db, who(request), plan.id, request.body.plans);
      return metricsView(await loadPlan(app.db, plan.id), true);
    },
  );

  app.post(
    '/plans/:id/metrics/refresh',
    {
      onRequest: requireRole(...BCF_EDITORS),
      schema: {
        tags: TAGS,
        summary:
          'Recompute the Steward borough place’s residential admissions (placements) and discharges home (hub) for complete quarters',
        params: idParams,
        response: { 200: refreshResponseSchema },
      },
    },
    async (request) => {
      const plan = await loadPlan(app.db, request.params.id);
      return { counts: await refreshStewardCounts(app.db, who(request), plan, londonToday()) };
    },
  );

  /** The metrics page's view: every place's scorecard and which place (if any) Steward computes itself. */
  async function metricsView(plan: Awaited<ReturnType<typeof loadPlan>>, edit: boolean) {
    const borough = await getBorough(app.db);
    return {
      years: [plan.baselineYear, ...plan.years],
      places: plan.places,
      // As stewardPlaceOf gives it, from the borough read here.
      stewardPlace: plan.places.find((p) => p.gssCode === borough?.gssCode) ?? null,
      council: borough ? { name: borough.name, gssCode: borough.gssCode } : null,
      metrics: await planScorecard(app.db, plan),
      canEdit: edit,
    };
  }
};

export default metricsRoutes;
