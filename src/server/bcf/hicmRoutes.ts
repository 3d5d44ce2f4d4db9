// The High Impact Change Model grid's API: the assessments of each change, read and recorded.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { BCF_EDITORS, STAFF_ROLES } from '../../domain/core/auth.js';
import { londonToday } from '../../domain/core/dates.js';
import { HICM_CHANGES, MATURITY_LABELS, MATURITY_LEVELS, latestAssessments } from '../../domain/bcf/hicm.js';
import { addAssessment, listAssessments } from '../../db/bcf/hicm.js';
import { loadPlan } from '../../db/bcf/plans.js';
import { requireRole } from '../auth/guards.js';
import { hicmBodySchema, hicmResponseSchema, idParams } from './schemas.js';

import { canEdit, TAGS, who } from './params.js';

const hicmRoutes: FastifyPluginAsyncZod = async (app) => {
  async function hicmView(id: string, edit: boolean) {
    const plan = await loadPlan(app.db, id);
    const history = await listAssessments(app.db, plan);
    return {
      places: plan.places,
      changes: HICM_CHANGES.map((c) => ({ number: c.number, name: c.name })),
      levels: MATURITY_LEVELS.map((key) => ({ key, label: MATURITY_LABELS[key] })),
      latest: latestAssessments(history),
      history,
      canEdit: edit,
    };
  }

  app.get(
    '/plans/:id/hicm',
    {
      onRequest: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'High Impact Change Model: the latest maturity per place and change, with every earlier assessment',
        params: idParams,
        response: { 200: hicmResponseSchema },
      },
    },
    async (request) => hicmView(request.params.id, canEdit(request)),
  );

  app.post(
    '/plans/:id/hicm',
    {
      onRequest: requireRole(...BCF_EDITORS),
      schema: {
        tags: TAGS,
        summary: 'Record a maturity assessment (level, evidence, date, planned next level)',
        params: idParams,
        body: hicmBodySchema,
        response: { 200: hicmResponseSchema },
      },
    },
    async (request) => {
      const plan = await loadPlan(app.db, request.params.id);
      await addAssessment(app.db, who(request), plan, request.body, londonToday());
      return hicmView(plan.id, true);
    },
  );
};

export default hicmRoutes;
