// Curators' handling of suggestions: list, read and decide (approve into an entry, or reject).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { STAFF_ROLES } from '../../domain/core/auth.js';
import { decideSuggestion, getSuggestion, listSuggestions } from '../../db/directory/curation.js';
import { actorOf, requireRole } from '../auth/guards.js';
import { decisionBodySchema, idParams, suggestionDetailSchema, suggestionSummarySchema } from './schemas.js';

import { CURATORS, TAGS } from './params.js';

const suggestionsRoutes: FastifyPluginAsyncZod = async (app) => {
  // ---- Staff: suggestions ----
  app.get(
    '/suggestions',
    {
      onRequest: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'Suggestions by status (pending: oldest first)',
        querystring: z.object({ status: z.enum(['pending', 'approved', 'rejected']).default('pending') }),
        response: { 200: z.array(suggestionSummarySchema) },
      },
    },
    async (request) => listSuggestions(app.db, request.query.status),
  );

  app.get(
    '/suggestions/:id',
    {
      onRequest: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'A suggestion with the changes it would make',
        params: idParams,
        response: { 200: suggestionDetailSchema },
      },
    },
    async (request) => getSuggestion(app.db, request.params.id),
  );

  app.post(
    '/suggestions/:id/decision',
    {
      onRequest: requireRole(...CURATORS),
      schema: {
        tags: TAGS,
        summary: 'Approve (publish) or reject a suggestion',
        params: idParams,
        body: decisionBodySchema,
        response: { 200: z.object({ serviceId: z.string().nullable() }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return app.db.transaction((tx) =>
        decideSuggestion(tx, request.params.id, request.body.decision, request.body.reviewNote ?? null, {
          userId: actor.userId,
        }),
      );
    },
  );
};

export default suggestionsRoutes;
