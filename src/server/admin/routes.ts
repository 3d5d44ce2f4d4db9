import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listAudit } from '../../db/core/audit.js';
import { createUser, listUsers } from '../../db/core/users.js';
import { actorOf, requireRole } from '../auth/guards.js';
import { auditEntrySchema, roleSchema, userSchema } from '../auth/schemas.js';

const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/users',
    {
      preHandler: requireRole('admin'),
      schema: {
        tags: ['admin'],
        summary: 'All user accounts',
        response: { 200: z.object({ users: z.array(userSchema) }) },
      },
    },
    async () => ({ users: await listUsers(app.db) }),
  );

  app.post(
    '/users',
    {
      preHandler: requireRole('admin'),
      schema: {
        tags: ['admin'],
        summary: 'Add a user account',
        body: z.object({
          email: z.string(),
          name: z.string(),
          role: roleSchema,
          password: z.string(),
          providerId: z.string().uuid().nullish(),
        }),
        response: { 201: z.object({ user: userSchema }) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const user = await createUser(app.db, request.body, { userId: actor.userId });
      return reply.code(201).send({ user });
    },
  );

  app.get(
    '/audit',
    {
      preHandler: requireRole('admin'),
      schema: {
        tags: ['admin'],
        summary: 'The audit trail, newest first',
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(500).default(100),
          before: z.coerce.number().int().positive().optional(),
          entity: z.string().optional(),
        }),
        response: {
          200: z.object({ entries: z.array(auditEntrySchema) }),
        },
      },
    },
    async (request) => ({ entries: await listAudit(app.db, request.query) }),
  );
};

export default adminRoutes;
