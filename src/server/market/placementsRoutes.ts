// Placements' API: list, record and end council placements.
import { BOUNDS, penceSchema } from '../../domain/core/bounds.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EDITOR_ROLES } from '../../domain/core/auth.js';
import { BANDS, CONTRACT_TYPES, FUNDING, INDIVIDUAL_BAND, PURPOSES, SERVICE_TYPES } from '../../domain/market/types.js';
import { createPlacement, endPlacement, getPlacement, listPlacements } from '../../db/market/placements.js';
import { actorOf, requireRole } from '../auth/guards.js';
import { notFound } from '../problem.js';
import { placementSchema } from './schemas/register.js';
import { id, isoDate, PLACERS, TAGS } from './params.js';

const placementBody = z.object({
  personRef: z.string().trim().min(3).max(40),
  locationId: z.uuid(),
  serviceType: z.enum(SERVICE_TYPES),
  band: z.enum([...BANDS, INDIVIDUAL_BAND]),
  startDate: isoDate,
  endDate: isoDate.nullable().optional(),
  weeklyPricePence: penceSchema('weekly price', { min: 1, max: BOUNDS.weeklyPricePence.max }).nullable().optional(),
  hoursPerWeek: z.number().positive().max(BOUNDS.hoursPerWeek.max).nullable().optional(),
  hourlyRatePence: penceSchema('hourly rate', { min: 1, max: BOUNDS.hourlyRatePence.max }).nullable().optional(),
  topUpWeeklyPence: penceSchema('weekly top-up', BOUNDS.weeklyPricePence).optional(),
  funding: z.enum(FUNDING).default('council'),
  contractType: z.enum(CONTRACT_TYPES).default('spot'),
  purpose: z.enum(PURPOSES).default('long_term'),
  origin: z.string().max(40).nullable().optional(),
  originRef: z.string().max(100).nullable().optional(),
});

const placementsRoutes: FastifyPluginAsyncZod = async (app) => {
  // ---- Placements ----
  app.get(
    '/placements',
    {
      onRequest: requireRole(...EDITOR_ROLES, 'viewer'),
      schema: {
        tags: TAGS,
        summary: 'Placements and packages (pseudonymous)',
        querystring: z.object({
          locationId: z.uuid().optional(),
          activeOn: isoDate.optional(),
          startedFrom: isoDate.optional(),
          startedTo: isoDate.optional(),
        }),
        response: { 200: z.array(placementSchema) },
      },
    },
    async (request) => listPlacements(app.db, request.query, 2000),
  );
  app.post(
    '/placements',
    {
      onRequest: requireRole(...PLACERS),
      schema: {
        tags: TAGS,
        summary: 'Create a placement or package (takes a bed in the home’s capacity)',
        body: placementBody,
        response: { 201: placementSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await createPlacement(app.db, { userId: actor.userId }, request.body, { createdBy: actor.userId });
      return reply.code(201).send(row);
    },
  );
  app.post(
    '/placements/:id/end',
    {
      onRequest: requireRole(...PLACERS),
      schema: {
        tags: TAGS,
        summary: 'End a placement (frees the bed)',
        params: id,
        body: z.object({ endDate: isoDate, reason: z.string().trim().min(1).max(200) }),
        response: { 200: placementSchema },
      },
    },
    async (request) => {
      if (!(await getPlacement(app.db, request.params.id))) throw notFound('Placement');
      return endPlacement(
        app.db,
        { userId: actorOf(request).userId },
        request.params.id,
        request.body.endDate,
        request.body.reason,
      );
    },
  );
};

export default placementsRoutes;
