// A plan's entries written in the browser: priorities, commissioning intentions and actions added; an action
// edited; an entry's text changed, retired or restored, or moved up or down.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InputError } from '../../domain/core/errors.js';
import {
  addAction,
  addIntention,
  addPriority,
  editAction,
  editEntryText,
  moveEntry,
  retireEntry,
} from '../../db/contracts/planEditing.js';
import { requireRole } from '../auth/guards.js';
import { TAGS, EDITORS, idParams, kindParams, actionBody, created, who } from './deliveryPlanParams.js';

const planEntryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/:id/priorities',
    {
      onRequest: requireRole(...EDITORS),
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
      onRequest: requireRole(...EDITORS),
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
      onRequest: requireRole(...EDITORS),
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
      onRequest: requireRole(...EDITORS),
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
      onRequest: requireRole(...EDITORS),
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
};

export default planEntryRoutes;
