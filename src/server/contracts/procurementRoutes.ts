// Recommissioning (contracts ending within a horizon, the decision each needs) and procurements with their stage
// plans: planned, actual and forecast dates and their history.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actualDateSchema, futureDateSchema, plannedDateSchema } from '../../domain/core/bounds.js';
import { STAFF_ROLES } from '../../domain/core/auth.js';
import { PROCUREMENT_STAGES, planBackwards } from '../../domain/contracts/procurement.js';
import { HORIZONS, horizonTotals, type Horizon } from '../../domain/contracts/recommissioning.js';
import { procurementHistory } from '../../db/contracts/contracts.js';
import {
  createProcurement,
  getProcurement,
  listProcurements,
  recommissioning,
  updateStage,
} from '../../db/contracts/procurements.js';
import { actorOf, requireRole } from '../auth/guards.js';
import { contractHistoryEntrySchema, procurementViewSchema, recommissioningSchema } from './schemas.js';
import { asAtFor, asAtQuery, COMMISSIONING, idParams, isoDate, TAGS, today, uuid, who } from './params.js';

const stageBody = z.object({
  stage: z.enum(PROCUREMENT_STAGES),
  plannedStart: plannedDateSchema('planned start'),
  plannedEnd: plannedDateSchema('planned end'),
  // Actual dates have happened: never in the future (issue 13: a stage that "actually ended" in 2030).
  actualStart: actualDateSchema('actual start').nullable().default(null),
  actualEnd: actualDateSchema('actual end').nullable().default(null),
  notApplicable: z.boolean().default(false),
});

const procurementRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/recommissioning',
    {
      onRequest: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'Contracts ending within 6, 12 or 18 months, the decision each needs and its procurement',
        querystring: z.object({
          horizon: z.coerce
            .number()
            .int()
            .min(Math.min(...HORIZONS))
            .max(Math.max(...HORIZONS))
            .pipe(z.union(HORIZONS.map((h) => z.literal(h)) as [z.ZodLiteral<6>, z.ZodLiteral<12>, z.ZodLiteral<18>]))
            .default(18),
          asAt: isoDate.optional(),
        }),
        response: {
          200: recommissioningSchema,
        },
      },
    },
    async (request) => {
      const at = asAtFor(actorOf(request), request.query.asAt);
      const horizon = request.query.horizon as Horizon;
      const entries = await recommissioning(app.db, at, horizon);
      return { asAt: at, horizon, totals: horizonTotals(entries), entries };
    },
  );

  app.get(
    '/procurements',
    {
      onRequest: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'Procurements with planned, actual and forecast stage dates',
        querystring: asAtQuery,
        response: { 200: z.object({ asAt: z.string(), procurements: z.array(procurementViewSchema) }) },
      },
    },
    async (request) => {
      const at = asAtFor(actorOf(request), request.query.asAt);
      return { asAt: at, procurements: await listProcurements(app.db, at) };
    },
  );

  app.get(
    '/procurements/:id',
    {
      onRequest: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'One procurement: its stages with planned, actual and forecast dates, and its history of changes',
        params: idParams,
        querystring: asAtQuery,
        response: {
          200: z.object({
            asAt: z.string(),
            procurement: procurementViewSchema,
            history: z.array(contractHistoryEntrySchema),
          }),
        },
      },
    },
    async (request) => {
      const at = asAtFor(actorOf(request), request.query.asAt);
      return {
        asAt: at,
        procurement: await getProcurement(app.db, request.params.id, at),
        history: await procurementHistory(app.db, request.params.id),
      };
    },
  );

  app.post(
    '/procurements',
    {
      onRequest: requireRole(...COMMISSIONING),
      schema: {
        tags: TAGS,
        summary: 'Set up a procurement with its stage plan',
        body: z
          .object({
            contractId: uuid.nullable().default(null),
            intentionId: uuid.nullable().default(null),
            title: z
              .string({ error: 'Enter the procurement’s title' })
              .trim()
              .min(1, 'Enter the procurement’s title')
              .max(300),
            route: z.enum(['re_tender', 'direct_award', 'bring_in_house', 'new_service'], {
              error: 'Choose the route',
            }),
            leadOfficer: z.string().trim().max(200).nullable().default(null),
            /** The stage plan; leave out to plan every stage back from `goLive` with typical durations. */
            stages: z.array(stageBody).min(1).optional(),
            goLive: futureDateSchema('planned go-live').optional(),
          })
          .refine((b) => b.stages || b.goLive, {
            message: 'Enter the planned go-live date',
            path: ['goLive'],
          }),
        response: { 201: procurementViewSchema },
      },
    },
    async (request, reply) => {
      const { goLive, stages, ...rest } = request.body;
      const id = await createProcurement(app.db, who(actorOf(request)), {
        ...rest,
        leadOfficer: rest.leadOfficer || null,
        // A go-live near enough that the typical timetable would start in the past is planned from today.
        stages: stages ?? planBackwards(goLive!, undefined, today()),
      });
      return reply.code(201).send(await getProcurement(app.db, id, today()));
    },
  );

  app.patch(
    '/procurements/:id/stages/:stage',
    {
      onRequest: requireRole(...COMMISSIONING),
      schema: {
        tags: TAGS,
        summary: 'Record actual or re-planned dates for a stage',
        params: z.object({ id: uuid, stage: z.enum(PROCUREMENT_STAGES) }),
        body: z.object({
          plannedStart: plannedDateSchema('planned start').optional(),
          plannedEnd: plannedDateSchema('planned end').optional(),
          // Actual dates have happened: never in the future.
          actualStart: actualDateSchema('actual start').nullable().optional(),
          actualEnd: actualDateSchema('actual end').nullable().optional(),
          notApplicable: z.boolean().optional(),
        }),
        response: { 200: procurementViewSchema },
      },
    },
    async (request) => {
      await updateStage(app.db, who(actorOf(request)), request.params.id, request.params.stage, request.body);
      return getProcurement(app.db, request.params.id, today());
    },
  );
};

export default procurementRoutes;
