// The council's delivery plan as progress is tracked: by priority and by responsible service area, as an Excel
// workbook in Halton's layout, an action's year statuses and RAG, milestones completed (plans edited: ./deliveryPlanRoutes.ts).
import { actualDateSchema } from '../../domain/core/bounds.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { STAFF_ROLES } from '../../domain/core/auth.js';
import { byPriority, byServiceArea, planFileName } from '../../domain/contracts/deliveryPlan.js';
import { haltonLayout } from '../../domain/contracts/haltonWorkbook.js';
import { completeMilestone, getPlan, updateAction } from '../../db/contracts/deliveryPlan.js';
import { actorOf, requireRole } from '../auth/guards.js';
import { notFound } from '../problem.js';
import { download, MEDIA, sendAttachment } from '../schemas.js';
import { deliveryPlanSchema } from './schemas.js';
import { deliveryPlanWorkbook } from './deliveryPlanXlsx.js';
import { asAtFor, asAtQuery, COMMISSIONING, idParams, TAGS, who } from './params.js';

const deliveryPlanProgressRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/delivery-plan',
    {
      onRequest: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'The delivery plan by priority and by responsible service area',
        querystring: asAtQuery,
        response: { 200: deliveryPlanSchema },
      },
    },
    async (request) => {
      const at = asAtFor(actorOf(request), request.query.asAt);
      const plan = await getPlan(app.db);
      if (!plan) return { asAt: at, plan: null, byPriority: [], byServiceArea: [] };
      return {
        asAt: at,
        plan: { id: plan.id, title: plan.title, years: plan.years, links: plan.links, milestoneIds: plan.milestoneIds },
        byPriority: byPriority(plan, at),
        byServiceArea: byServiceArea(plan, at),
      };
    },
  );

  app.get(
    '/delivery-plan.xlsx',
    {
      onRequest: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: "The delivery plan as an Excel workbook in Halton's column layout",
        querystring: asAtQuery,
        response: { 200: download('The delivery plan workbook', MEDIA.xlsx) },
      },
    },
    async (request, reply) => {
      const at = asAtFor(actorOf(request), request.query.asAt);
      const plan = await getPlan(app.db);
      if (!plan) throw notFound('Delivery plan');
      const buf = await deliveryPlanWorkbook(haltonLayout(plan, at), plan.years.length, {
        asAt: at,
        producedAt: new Date(),
      });
      return sendAttachment(reply, buf, `${planFileName(plan.title, plan.years, at)}.xlsx`, MEDIA.xlsx);
    },
  );

  app.patch(
    '/delivery-plan/actions/:id',
    {
      onRequest: requireRole(...COMMISSIONING),
      schema: {
        tags: TAGS,
        summary: 'Update an action: year statuses, responsible service areas, RAG override',
        params: idParams,
        body: z.object({
          yearStatuses: z.array(z.string().max(200)).optional(),
          responsibleServiceAreas: z.array(z.string().max(200)).optional(),
          ragOverride: z.enum(['green', 'amber', 'red', 'complete']).nullable().optional(),
        }),
        response: { 200: z.object({ id: z.string() }) },
      },
    },
    async (request) => {
      await updateAction(app.db, who(actorOf(request)), request.params.id, request.body);
      return { id: request.params.id };
    },
  );

  app.post(
    '/delivery-plan/milestones/:id',
    {
      onRequest: requireRole(...COMMISSIONING),
      schema: {
        tags: TAGS,
        summary: 'Mark a milestone complete (or reopen it with null)',
        params: idParams,
        body: z.object({ completedOn: actualDateSchema('date completed').nullable() }),
        response: { 200: z.object({ id: z.string() }) },
      },
    },
    async (request) => {
      await completeMilestone(app.db, who(actorOf(request)), request.params.id, request.body.completedOn);
      return { id: request.params.id };
    },
  );
};

export default deliveryPlanProgressRoutes;
