// Delivery plans and workplans API: several plans (the council's delivery plan, a workplan per care group), each
// priority → commissioning intention → action written, moved, retired and restored in the browser; a plan
// exported to XLSX in Halton's layout and imported from one. Staff read; commissioners and admins write.
//
// The plans themselves here; their entries: planEntryRoutes.ts; the workbook export and import:
// planWorkbookRoutes.ts; what they share: deliveryPlanParams.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { STAFF_ROLES } from '../../domain/core/auth.js';
import { londonToday } from '../../domain/core/dates.js';
import { NotFound } from '../../domain/core/errors.js';
import { RAG_LABELS, effectiveRag } from '../../domain/contracts/deliveryPlan.js';
import { PLAN_KINDS, getPlan, listDeliveryPlans } from '../../db/contracts/deliveryPlan.js';
import { createDeliveryPlan, updateDeliveryPlan } from '../../db/contracts/planEditing.js';
import { deliveryPlanHistory } from '../../db/contracts/planHistory.js';
import { contractHistoryEntrySchema } from './schemas.js';
import { MEDIA } from '../schemas.js';
import { contracts, procurements } from '../../db/contracts/schema.js';
import { inArray } from 'drizzle-orm';
import { requireRole } from '../auth/guards.js';
import {
  TAGS,
  EDITORS,
  idParams,
  planBody,
  planViewSchema,
  listSchema,
  created,
  who,
  canEdit,
} from './deliveryPlanParams.js';
import planEntryRoutes from './planEntryRoutes.js';
import planWorkbookRoutes from './planWorkbookRoutes.js';

const deliveryPlanRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser(MEDIA.xlsx, { parseAs: 'buffer', bodyLimit: 10 * 1024 * 1024 }, (_req, body, done) =>
    done(null, body),
  );

  async function view(id: string, edit: boolean) {
    const plan = await getPlan(app.db, id);
    if (!plan) throw new NotFound('Delivery plan');
    const asAt = londonToday();
    const cIds = [...new Set(Object.values(plan.deliveredBy).flatMap((d) => d.contractIds))];
    const pIds = [...new Set(Object.values(plan.deliveredBy).flatMap((d) => d.procurementIds))];
    const cs = cIds.length
      ? await app.db
          .select({ id: contracts.id, reference: contracts.reference, title: contracts.title })
          .from(contracts)
          .where(inArray(contracts.id, cIds))
      : [];
    const ps = pIds.length
      ? await app.db
          .select({ id: procurements.id, title: procurements.title })
          .from(procurements)
          .where(inArray(procurements.id, pIds))
      : [];
    return {
      asAt,
      plan: {
        id: plan.id,
        title: plan.title,
        kind: plan.kind,
        careGroup: plan.careGroup,
        years: plan.years,
        retired: plan.retired,
      },
      priorities: plan.priorities.map((p) => ({
        id: p.id,
        number: p.number,
        title: p.title,
        intentions: plan.intentions
          .filter((i) => i.priorityId === p.id)
          .sort((a, b) => a.sortOrder - b.sortOrder)
          .map((i) => ({
            id: i.id,
            text: i.text,
            actions: plan.actions
              .filter((a) => a.intentionId === i.id)
              .sort((a, b) => a.sortOrder - b.sortOrder)
              .map((a) => {
                const rag = effectiveRag(a, asAt);
                return {
                  id: a.id,
                  text: a.text,
                  owner: a.owner ?? null,
                  responsibleServiceAreas: a.responsibleServiceAreas,
                  yearStatuses: a.yearStatuses,
                  ragOverride: a.ragOverride === 'not_assessed' ? null : a.ragOverride,
                  rag,
                  ragLabel: RAG_LABELS[rag],
                  contracts: plan.deliveredBy[a.id].contractIds.flatMap((c) => cs.filter((x) => x.id === c)),
                  procurements: plan.deliveredBy[a.id].procurementIds.flatMap((c) => ps.filter((x) => x.id === c)),
                  milestones: a.milestones,
                };
              }),
          })),
      })),
      retiredEntries: plan.retiredEntries,
      canEdit: edit,
    };
  }

  app.get(
    '/',
    {
      onRequest: requireRole(...STAFF_ROLES),
      schema: { tags: TAGS, summary: 'Delivery plans and workplans', response: { 200: listSchema } },
    },
    async (request) => ({ plans: await listDeliveryPlans(app.db), canEdit: canEdit(request) }),
  );

  app.post(
    '/',
    {
      onRequest: requireRole(...EDITORS),
      schema: {
        tags: TAGS,
        summary: 'Start a delivery plan or a care group’s workplan',
        body: planBody,
        response: { 201: created },
      },
    },
    async (request, reply) =>
      reply.code(201).send({ id: await createDeliveryPlan(app.db, who(request), request.body) }),
  );

  app.get(
    '/:id',
    {
      onRequest: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary:
          'A plan: priorities → commissioning intentions → actions with owner, statuses, RAG and what delivers them',
        params: idParams,
        response: { 200: planViewSchema },
      },
    },
    async (request) => view(request.params.id, canEdit(request)),
  );

  app.get(
    '/:id/history',
    {
      onRequest: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary:
          "A plan's history, newest first: every change to it and to its priorities, intentions, actions and milestones",
        params: idParams,
        response: { 200: z.object({ history: z.array(contractHistoryEntrySchema) }) },
      },
    },
    async (request) => ({ history: await deliveryPlanHistory(app.db, request.params.id) }),
  );

  app.patch(
    '/:id',
    {
      onRequest: requireRole(...EDITORS),
      schema: {
        tags: TAGS,
        summary: 'Rename a plan, change its kind or care group, retire or restore it',
        params: idParams,
        body: z.object({
          title: z.string().max(200).optional(),
          kind: z.enum(PLAN_KINDS).optional(),
          careGroup: z.string().max(100).nullable().optional(),
          retired: z.boolean().optional(),
        }),
        response: { 200: planViewSchema },
      },
    },
    async (request) => {
      await updateDeliveryPlan(app.db, who(request), request.params.id, request.body);
      return view(request.params.id, true);
    },
  );
  await app.register(planEntryRoutes);
  await app.register(planWorkbookRoutes);
};

export default deliveryPlanRoutes;
