// A plan as a workbook in Halton's layout: exported to XLSX, and imported from one as a new plan.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { STAFF_ROLES } from '../../domain/core/auth.js';
import { londonToday } from '../../domain/core/dates.js';
import { InputError, NotFound } from '../../domain/core/errors.js';
import { haltonLayout, parseHaltonRows } from '../../domain/contracts/haltonWorkbook.js';
import { planFileName } from '../../domain/contracts/deliveryPlan.js';
import { PLAN_KINDS, getPlan } from '../../db/contracts/deliveryPlan.js';
import { importDeliveryPlan } from '../../db/contracts/planEditing.js';
import { requireRole } from '../auth/guards.js';
import { Problem } from '../problem.js';
import { download, MEDIA, sendAttachment } from '../schemas.js';
import { deliveryPlanWorkbook, readDeliveryPlanWorkbook } from './deliveryPlanXlsx.js';
import { TAGS, EDITORS, idParams, who } from './deliveryPlanParams.js';

const planWorkbookRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:id/export.xlsx',
    {
      onRequest: requireRole(...STAFF_ROLES),
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
      return sendAttachment(reply, buf, `${planFileName(plan.title, plan.years)}.xlsx`, MEDIA.xlsx);
    },
  );
  app.post(
    '/import',
    {
      onRequest: requireRole(...EDITORS),
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

export default planWorkbookRoutes;
