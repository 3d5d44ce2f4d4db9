// Delivery plans and workplans API: several plans (the council's delivery plan, a workplan per care group), each
// priority → commissioning intention → action written, moved, retired and restored in the browser; a plan
// exported to XLSX in Halton's layout and imported from one. Staff read; commissioners and admins write.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { STAFF_ROLES, hasRole } from '../../domain/core/auth.js';
import { londonToday } from '../../domain/core/dates.js';
import { InputError, NotFound } from '../../domain/core/errors.js';
import { RAG_LABELS, effectiveRag, haltonLayout, parseHaltonRows } from '../../domain/contracts/deliveryPlan.js';
import { PLAN_KINDS, getPlan, listDeliveryPlans } from '../../db/contracts/deliveryPlan.js';
import {
  addAction,
  addIntention,
  addPriority,
  createDeliveryPlan,
  editAction,
  editEntryText,
  importDeliveryPlan,
  moveEntry,
  retireEntry,
  updateDeliveryPlan,
} from '../../db/contracts/planEditing.js';
import { contracts, procurements } from '../../db/contracts/schema.js';
import { inArray } from 'drizzle-orm';
import { actorOf, requireRole } from '../auth/guards.js';
import { Problem } from '../problem.js';
import { download, MEDIA } from '../schemas.js';
import { deliveryPlanWorkbook, readDeliveryPlanWorkbook } from './deliveryPlanXlsx.js';

const TAGS = ['contracts'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const EDITORS = ['admin', 'commissioner'] as const;
const uuid = z.string().uuid('Not a valid id');
const idParams = z.object({ id: uuid });
const kindParams = z.object({ kind: z.enum(['priorities', 'intentions', 'actions']), id: uuid });
const RAGS = ['green', 'amber', 'red', 'complete'] as const;

const planBody = z.object({
  title: z.string().max(200),
  kind: z.enum(PLAN_KINDS),
  careGroup: z.string().max(100).nullable(),
  years: z.array(z.string().max(9)).max(10),
});
const actionBody = z.object({
  text: z.string().max(2000),
  owner: z.string().max(200).nullable(),
  responsibleServiceAreas: z.array(z.string().max(200)).max(10),
  yearStatuses: z.array(z.string().max(200)).max(10),
  ragOverride: z.enum(RAGS).nullable(),
  contractIds: z.array(uuid).max(50),
  procurementIds: z.array(uuid).max(50),
});

const actionSchema = z.object({
  id: z.string(),
  text: z.string(),
  owner: z.string().nullable(),
  responsibleServiceAreas: z.array(z.string()),
  yearStatuses: z.array(z.string()),
  ragOverride: z.enum(RAGS).nullable(),
  rag: z.enum(['green', 'amber', 'red', 'complete', 'not_assessed']),
  ragLabel: z.string(),
  contracts: z.array(z.object({ id: z.string(), reference: z.string(), title: z.string() })),
  procurements: z.array(z.object({ id: z.string(), title: z.string() })),
  milestones: z.array(z.object({ title: z.string(), dueDate: z.string(), completedOn: z.string().nullable() })),
});
const planViewSchema = z.object({
  asAt: z.string(),
  plan: z.object({
    id: z.string(),
    title: z.string(),
    kind: z.enum(PLAN_KINDS),
    careGroup: z.string().nullable(),
    years: z.array(z.string()),
    retired: z.boolean(),
  }),
  priorities: z.array(
    z.object({
      id: z.string(),
      number: z.number(),
      title: z.string(),
      intentions: z.array(z.object({ id: z.string(), text: z.string(), actions: z.array(actionSchema) })),
    }),
  ),
  retiredEntries: z.array(
    z.object({
      kind: z.enum(['priority', 'intention', 'action']),
      id: z.string(),
      text: z.string(),
      retiredAt: z.string(),
    }),
  ),
  canEdit: z.boolean(),
});
const listSchema = z.object({
  plans: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      kind: z.enum(PLAN_KINDS),
      careGroup: z.string().nullable(),
      years: z.array(z.string()),
      retired: z.boolean(),
      actions: z.number(),
    }),
  ),
  canEdit: z.boolean(),
});
const created = z.object({ id: z.string() });

const deliveryPlanRoutes: FastifyPluginAsyncZod = async (app) => {
  const who = (request: Parameters<typeof actorOf>[0]) => ({ userId: actorOf(request).userId });
  const canEdit = (request: Parameters<typeof actorOf>[0]) => hasRole(actorOf(request), EDITORS);

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
      preHandler: requireRole(...STAFF_ROLES),
      schema: { tags: TAGS, summary: 'Delivery plans and workplans', response: { 200: listSchema } },
    },
    async (request) => ({ plans: await listDeliveryPlans(app.db), canEdit: canEdit(request) }),
  );

  app.post(
    '/',
    {
      preHandler: requireRole(...EDITORS),
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
      preHandler: requireRole(...STAFF_ROLES),
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

  app.patch(
    '/:id',
    {
      preHandler: requireRole(...EDITORS),
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

  app.post(
    '/:id/priorities',
    {
      preHandler: requireRole(...EDITORS),
      schema: {
        tags: TAGS,
        summary: 'Add a priority at the end of the plan',
        params: idParams,
        body: z.object({ title: z.string().max(200) }),
        response: { 201: created },
      },
    },
    async (request, reply) =>
      reply.code(201).send({ id: await addPriority(app.db, who(request), request.params.id, request.body.title) }),
  );

  app.post(
    '/priorities/:id/intentions',
    {
      preHandler: requireRole(...EDITORS),
      schema: {
        tags: TAGS,
        summary: 'Add a commissioning intention to a priority',
        params: idParams,
        body: z.object({ text: z.string().max(2000) }),
        response: { 201: created },
      },
    },
    async (request, reply) =>
      reply.code(201).send({ id: await addIntention(app.db, who(request), request.params.id, request.body.text) }),
  );

  app.post(
    '/intentions/:id/actions',
    {
      preHandler: requireRole(...EDITORS),
      schema: {
        tags: TAGS,
        summary: 'Add an action to a commissioning intention (owner, service areas, a status per year, RAG, links)',
        params: idParams,
        body: actionBody,
        response: { 201: created },
      },
    },
    async (request, reply) =>
      reply.code(201).send({ id: await addAction(app.db, who(request), request.params.id, request.body) }),
  );

  app.put(
    '/actions/:id',
    {
      preHandler: requireRole(...EDITORS),
      schema: {
        tags: TAGS,
        summary: 'Change an action',
        params: idParams,
        body: actionBody,
        response: { 200: created },
      },
    },
    async (request) => {
      await editAction(app.db, who(request), request.params.id, request.body);
      return { id: request.params.id };
    },
  );

  app.patch(
    '/:kind/:id',
    {
      preHandler: requireRole(...EDITORS),
      schema: {
        tags: TAGS,
        summary: 'Change a priority’s title or an intention’s text, retire or restore an entry, or move it up or down',
        params: kindParams,
        body: z.object({
          title: z.string().max(200).optional(),
          text: z.string().max(2000).optional(),
          retired: z.boolean().optional(),
          move: z.enum(['up', 'down']).optional(),
        }),
        response: { 200: created },
      },
    },
    async (request) => {
      const kind = ({ priorities: 'priority', intentions: 'intention', actions: 'action' } as const)[
        request.params.kind
      ];
      const b = request.body;
      if (b.title !== undefined) {
        if (kind !== 'priority') throw InputError.field('title', 'Only a priority has a title', 'body');
        await editEntryText(app.db, who(request), 'priority', request.params.id, b.title);
      }
      if (b.text !== undefined) {
        if (kind !== 'intention') throw InputError.field('text', 'Change an action with PUT /actions/:id', 'body');
        await editEntryText(app.db, who(request), 'intention', request.params.id, b.text);
      }
      if (b.retired !== undefined) await retireEntry(app.db, who(request), kind, request.params.id, b.retired);
      if (b.move) await moveEntry(app.db, who(request), kind, request.params.id, b.move);
      return { id: request.params.id };
    },
  );

  app.get(
    '/:id/export.xlsx',
    {
      preHandler: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: "The plan as XLSX in Halton's layout, with RAG, owner, contracts and procurements after its columns",
        params: idParams,
        response: { 200: download('The delivery plan workbook', MEDIA.xlsx) },
      },
    },
    async (request, reply) => {
      const plan = await getPlan(app.db, request.params.id);
      if (!plan) throw new NotFound('Delivery plan');
      const buf = await deliveryPlanWorkbook(haltonLayout(plan, londonToday()), plan.years.length);
      const name =
        plan.title
          .replace(/[^A-Za-z0-9]+/g, '-')
          .replace(/^-|-$/g, '')
          .toLowerCase() || 'delivery-plan';
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', `attachment; filename="${name}.xlsx"`)
        .send(buf);
    },
  );

  app.addContentTypeParser(XLSX_TYPE, { parseAs: 'buffer', bodyLimit: 10 * 1024 * 1024 }, (_req, body, done) =>
    done(null, body),
  );
  app.post(
    '/import',
    {
      preHandler: requireRole(...EDITORS),
      schema: {
        tags: TAGS,
        summary:
          "Import a plan from XLSX in Halton's layout as a new plan: validated whole, one transaction; every problem named by row and column",
        querystring: z.object({
          kind: z.enum(PLAN_KINDS).default('delivery_plan'),
          careGroup: z.string().max(100).optional(),
          fileName: z.string().max(200).optional(),
        }),
        response: {
          201: z.object({ id: z.string(), priorities: z.number(), intentions: z.number(), actions: z.number() }),
        },
      },
    },
    async (request, reply) => {
      const body = request.body as unknown;
      if (!Buffer.isBuffer(body)) throw new Problem(415, undefined, 'Send the plan as an Excel (XLSX) file');
      const fileName = request.query.fileName ?? 'plan.xlsx';
      let rows;
      try {
        rows = await readDeliveryPlanWorkbook(body);
      } catch (e) {
        throw new Problem(422, 'The file was not imported', e instanceof Error ? e.message : String(e), [
          { field: 'file', message: 'The file is not an Excel (XLSX) workbook', in: 'body' },
        ]);
      }
      const { plan, errors } = parseHaltonRows(rows);
      const asProblem = (list: { field: string; message: string }[]) =>
        new Problem(
          422,
          'The file was not imported',
          `${fileName} was not imported: ${list.length} problem${list.length === 1 ? '' : 's'} found; nothing was saved`,
          list.map((x) => ({ field: x.field, message: x.message, in: 'body' })),
        );
      if (!plan) throw asProblem(errors);
      try {
        const result = await importDeliveryPlan(app.db, who(request), plan, {
          kind: request.query.kind,
          careGroup: request.query.careGroup ?? null,
          fileName,
        });
        return reply.code(201).send(result);
      } catch (e) {
        if (e instanceof InputError && e.errors.some((x) => x.in === 'file')) throw asProblem(e.errors);
        throw e;
      }
    },
  );
};

export default deliveryPlanRoutes;
