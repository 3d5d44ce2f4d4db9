// The intermediate care demand and capacity table's API: read, save, and prefill from the discharge hub.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { BCF_EDITORS, STAFF_ROLES } from '../../domain/core/auth.js';
import { londonToday } from '../../domain/core/dates.js';
import { InputError } from '../../domain/core/errors.js';
import { DC_SERVICES, DC_SERVICE_LABELS, dcSummary, shortfall } from '../../domain/bcf/demandCapacity.js';
import { defaultPlanYear, monthsOfYear } from '../../domain/bcf/period.js';
import { prefillFromHub, readDemandCapacity, writeDemandCapacity } from '../../db/bcf/demandCapacity.js';
import { loadPlan } from '../../db/bcf/plans.js';
import { listScenarios } from '../../db/discharge/simulation.js';
import { requireRole } from '../auth/guards.js';
import { dcCellsBodySchema, dcQuerySchema, dcResponseSchema, idParams, prefillBodySchema } from './schemas.js';

import { canEdit, TAGS, who } from './params.js';

const demandCapacityRoutes: FastifyPluginAsyncZod = async (app) => {
  async function dcView(id: string, year: string | undefined, edit: boolean) {
    const plan = await loadPlan(app.db, id);
    // The current plan year, as the BCF plan page and the home page open on; the page offers the other years.
    const chosen = year ?? defaultPlanYear(plan.years, londonToday());
    if (!plan.years.includes(chosen))
      throw InputError.field('year', `Not a year of this plan (${plan.years.join(', ')})`, 'querystring');
    const rows = await readDemandCapacity(app.db, plan, chosen);
    return {
      year: chosen,
      years: plan.years,
      months: monthsOfYear(chosen),
      places: plan.places,
      services: DC_SERVICES.map((key) => ({ key, label: DC_SERVICE_LABELS[key] })),
      rows: rows.map((r) => ({ ...r, shortfall: shortfall(r) })),
      summary: dcSummary(rows),
      scenarios: (await listScenarios(app.db)).map((s) => ({ id: s.id, name: s.name })),
      canEdit: edit,
    };
  }

  app.get(
    '/plans/:id/demand-capacity',
    {
      onRequest: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'Intermediate care demand and capacity by place, service and month, with the shortfall',
        params: idParams,
        querystring: dcQuerySchema,
        response: { 200: dcResponseSchema },
      },
    },
    async (request) => dcView(request.params.id, request.query.year, canEdit(request)),
  );

  app.put(
    '/plans/:id/demand-capacity',
    {
      onRequest: requireRole(...BCF_EDITORS),
      schema: {
        tags: TAGS,
        summary: 'Change demand and capacity cells (a changed figure is marked as entered)',
        params: idParams,
        body: dcCellsBodySchema,
        response: { 200: dcResponseSchema },
      },
    },
    async (request) => {
      const plan = await loadPlan(app.db, request.params.id);
      await writeDemandCapacity(app.db, who(request), plan, request.body.cells);
      const year = plan.years.find((y) => monthsOfYear(y).includes(request.body.cells[0].month));
      return dcView(plan.id, year, true);
    },
  );

  app.post(
    '/plans/:id/demand-capacity/prefill',
    {
      onRequest: requireRole(...BCF_EDITORS),
      schema: {
        tags: TAGS,
        summary:
          'Prefill a year from the discharge hub’s history and a capacity planner scenario (split by 65+ population)',
        params: idParams,
        body: prefillBodySchema,
        response: { 200: dcResponseSchema },
      },
    },
    async (request) => {
      const plan = await loadPlan(app.db, request.params.id);
      if (!plan.years.includes(request.body.year)) throw InputError.field('year', 'Not a year of this plan', 'body');
      await prefillFromHub(app.db, who(request), plan, request.body.year, request.body);
      return dcView(plan.id, request.body.year, true);
    },
  );
};

export default demandCapacityRoutes;
