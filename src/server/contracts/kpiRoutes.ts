// KPIs and their returns: KPIs added, edited and removed by commissioners; returns submitted and amended by the
// provider (its own contracts only) or the council.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BOUNDS, plannedDateSchema, realNumberSchema } from '../../domain/core/bounds.js';
import { KPI_FREQUENCIES, KPI_MEASURES, kpiMeasureFromUnit, type KpiMeasure } from '../../domain/contracts/kpi.js';
import { listKpis } from '../../db/contracts/kpis.js';
import { createKpi, removeKpi, updateKpi } from '../../db/contracts/kpiDefinitions.js';
import { amendReturn, kpiOwner, submitReturn } from '../../db/contracts/kpiReturns.js';
import { actorOf, assertOwnProvider, requireRole, requireSignedIn } from '../auth/guards.js';
import { forbidden } from '../problem.js';
import { kpiViewSchema } from './schemas.js';
import { asAtFor, COMMISSIONING, idParams, isoDate, TAGS, today, uuid, who } from './params.js';

/** A KPI's fields with its measure: the one given, or the one its unit implies ('%' → percent, 'people' → count). */
function measured<T extends { measure?: KpiMeasure; unit: string }>(body: T): T & { measure: KpiMeasure } {
  return { ...body, measure: body.measure ?? kpiMeasureFromUnit(body.unit) };
}

const kpiRoutes: FastifyPluginAsyncZod = async (app) => {
  /** A KPI's fields as a commissioner writes them, with the same messages on add and edit. */
  const kpiFields = {
    name: z.string({ error: 'Enter the KPI’s name' }).trim().min(1, 'Enter the KPI’s name').max(200),
    /** How the KPI is measured (types its target, tolerance and returns; money in pence); when left out, the measure its unit implies. */
    measure: z.enum(KPI_MEASURES, { error: 'Choose how the KPI is measured' }).optional(),
    unit: z
      .string({ error: 'Enter the unit, like % or hours' })
      .trim()
      .min(1, 'Enter the unit, like % or hours')
      .max(40),
    target: realNumberSchema(BOUNDS.kpiValue),
    direction: z.enum(['higher_is_better', 'lower_is_better'], {
      error: 'Choose whether higher or lower is better',
    }),
    frequency: z.enum(KPI_FREQUENCIES, { error: 'Choose how often it is reported' }),
    tolerance: realNumberSchema({ min: 0, max: BOUNDS.kpiValue.max }).default(0),
    dueDays: z.number().int().min(0).max(120).nullable().default(null),
  };
  app.get(
    '/kpis',
    {
      onRequest: requireSignedIn,
      schema: {
        tags: TAGS,
        summary: 'KPIs with the state of each return (providers: their own contracts only)',
        querystring: z.object({ contractId: uuid.optional(), asAt: isoDate.optional() }),
        response: { 200: z.object({ asAt: z.string(), kpis: z.array(kpiViewSchema) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const at = asAtFor(actor, request.query.asAt);
      const filter: { providerId?: string; contractId?: string } = { contractId: request.query.contractId };
      if (actor.role === 'provider') filter.providerId = actor.providerId ?? '00000000-0000-0000-0000-000000000000';
      return { asAt: at, kpis: await listKpis(app.db, at, filter) };
    },
  );

  app.post(
    '/kpis',
    {
      onRequest: requireRole(...COMMISSIONING),
      schema: {
        tags: TAGS,
        summary: 'Add a KPI to a contract',
        body: z.object({
          contractId: uuid,
          ...kpiFields,
          reportingFrom: plannedDateSchema('reporting from'),
        }),
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) =>
      reply.code(201).send({ id: await createKpi(app.db, who(actorOf(request)), measured(request.body)) }),
  );

  app.put(
    '/kpis/:id',
    {
      onRequest: requireRole(...COMMISSIONING),
      schema: {
        tags: TAGS,
        summary:
          'Edit a KPI: name, unit, target, direction, frequency (not once it has returns), tolerance and due day (409 once retired)',
        params: idParams,
        body: z.object(kpiFields),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await updateKpi(app.db, who(actorOf(request)), request.params.id, measured(request.body));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/kpis/:id/remove',
    {
      onRequest: requireRole(...COMMISSIONING),
      schema: {
        tags: TAGS,
        summary:
          'Remove a KPI from its contract: deleted when it has no returns, otherwise retired with its returns and history kept (409 once retired)',
        params: idParams,
        body: z.object({
          reason: z
            .string({ error: 'Enter why the KPI is being removed' })
            .trim()
            .min(1, 'Enter why the KPI is being removed')
            .max(2000),
        }),
        response: { 200: z.object({ outcome: z.enum(['deleted', 'retired']) }) },
      },
    },
    async (request) => ({
      outcome: await removeKpi(app.db, who(actorOf(request)), request.params.id, request.body.reason, today()),
    }),
  );

  app.post(
    '/kpis/:id/returns',
    {
      onRequest: requireRole('provider', 'admin', 'commissioner'),
      schema: {
        tags: TAGS,
        summary: 'Submit a KPI return for a period (a provider only for its own contracts)',
        params: idParams,
        body: z.object({
          periodStart: isoDate,
          value: realNumberSchema(BOUNDS.kpiValue),
          comment: z.string().max(2000).nullable().default(null),
        }),
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { providerId } = await kpiOwner(app.db, request.params.id);
      if (!providerId) throw forbidden('This KPI belongs to an in-house service');
      assertOwnProvider(actor, providerId);
      return reply.code(201).send({
        id: await submitReturn(app.db, who(actor), request.params.id, request.body, today(), actor.role !== 'provider'),
      });
    },
  );

  app.put(
    '/kpis/:id/returns/:periodStart',
    {
      onRequest: requireRole('provider', 'admin', 'commissioner'),
      schema: {
        tags: TAGS,
        summary:
          'Amend a submitted KPI return (a provider only for its own contracts): the earlier figure is kept in its history with the reason',
        params: z.object({ id: uuid, periodStart: isoDate }),
        body: z.object({
          value: realNumberSchema(BOUNDS.kpiValue),
          comment: z.string().max(2000).nullable().default(null),
          reason: z.string().max(2000),
        }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { providerId } = await kpiOwner(app.db, request.params.id);
      if (!providerId) throw forbidden('This KPI belongs to an in-house service');
      assertOwnProvider(actor, providerId);
      await amendReturn(
        app.db,
        who(actor),
        request.params.id,
        request.params.periodStart,
        request.body,
        today(),
        actor.role !== 'provider',
      );
      return reply.code(204).send(null);
    },
  );
};

export default kpiRoutes;
