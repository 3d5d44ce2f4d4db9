// The provider's view of the hub: its own requests, its answers to them and its record, scoped to the provider in
// its session.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { londonDate } from '../../domain/core/dates.js';
import { offerDateErrors, responseInputSchema } from '../../domain/discharge/brokerage.js';
import {
  listNotifications,
  listRequestsForProvider,
  providerAcceptance,
  respondToRequest,
} from '../../db/discharge/brokerage.js';
import { actorOf, requireRole } from '../auth/guards.js';
import { noContent } from '../schemas.js';
import { providerRecordSchema, providerRequestsSchema, providerRequestViewSchema } from './schemas/providers.js';
import { invalid, notFound } from '../problem.js';
import { assertDateRange } from '../ranges.js';
import { idParams, isoDate, lastDayIncluded, providerIdOf, reportingWindow, who } from './params.js';

const providerRoutes: FastifyPluginAsyncZod = async (app) => {
  // ------------------------------------------------------------------ provider view
  app.get(
    '/provider/requests',
    {
      onRequest: requireRole('provider'),
      schema: {
        tags: ['discharge'],
        summary: 'Requests sent to my organisation (anonymised)',
        response: { 200: providerRequestsSchema },
      },
    },
    async (request) => {
      const providerId = providerIdOf(actorOf(request));
      return { requests: await listRequestsForProvider(app.db, providerId) };
    },
  );

  app.get(
    '/provider/requests/:id',
    {
      onRequest: requireRole('provider'),
      schema: {
        tags: ['discharge'],
        summary: 'One request sent to my organisation',
        params: idParams,
        response: { 200: z.object({ request: providerRequestViewSchema }) },
      },
    },
    async (request) => {
      const providerId = providerIdOf(actorOf(request));
      const [req] = await listRequestsForProvider(app.db, providerId, { requestId: request.params.id });
      // Another provider's request is simply not found.
      if (!req) throw notFound('Request');
      return { request: req };
    },
  );

  app.post(
    '/provider/requests/:id/response',
    {
      onRequest: requireRole('provider'),
      schema: {
        tags: ['discharge'],
        summary: 'Offer or decline',
        params: idParams,
        body: responseInputSchema,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const providerId = providerIdOf(actor);
      if (request.body.response === 'offer') {
        const errors = offerDateErrors(request.body, londonDate(new Date()));
        if (errors.length) throw invalid(errors.map((e) => ({ ...e, in: 'body' })));
      }
      await respondToRequest(app.db, request.params.id, providerId, request.body, who(actor));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/provider/record',
    {
      onRequest: requireRole('provider'),
      schema: {
        tags: ['discharge'],
        summary: 'My acceptance record and notifications',
        querystring: z.object({ from: isoDate.optional(), to: lastDayIncluded }),
        response: { 200: providerRecordSchema },
      },
    },
    async (request) => {
      const providerId = providerIdOf(actorOf(request));
      const w = reportingWindow(request.query.from, request.query.to, new Date(), 364);
      assertDateRange({ from: w.from, to: w.end });
      const [record, notifications] = await Promise.all([
        providerAcceptance(app.db, providerId, w.from, w.end),
        listNotifications(app.db, providerId),
      ]);
      return { from: w.from, to: w.to, record, notifications };
    },
  );
};

export default providerRoutes;
