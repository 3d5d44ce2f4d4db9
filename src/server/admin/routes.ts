import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BOUNDS, wholeNumberQuery } from '../../domain/core/bounds.js';
import { listAudit, recordAudit } from '../../db/core/audit.js';
import { deleteUserSessions } from '../../db/core/sessions.js';
import { createUser, getUser, listUsers, setPassword, updateUser } from '../../db/core/users.js';
import { actorOf, requireRole } from '../auth/guards.js';
import { auditEntrySchema, roleSchema, userSchema } from '../auth/schemas.js';
import { notFound } from '../problem.js';
import { ROLES, type Role } from '../../domain/core/auth.js';

const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/users',
    {
      onRequest: requireRole('admin'),
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
      onRequest: requireRole('admin'),
      schema: {
        tags: ['admin'],
        summary: 'Add a user account',
        // Checked whole by createUser, database checks included, so every problem comes back in one go.
        body: z.object({
          email: z.string().default(''),
          name: z.string().default(''),
          role: z
            .string()
            .default('')
            .describe('One of the roles: ' + ROLES.join(', ')),
          password: z.string().default(''),
          providerId: z.string().nullish(),
          providerApprover: z.boolean().default(false),
        }),
        response: { 201: z.object({ user: userSchema }) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const user = await createUser(
        app.db,
        { ...request.body, role: request.body.role as Role },
        { userId: actor.userId },
      );
      return reply.code(201).send({ user });
    },
  );

  const userId = z.object({ id: z.string().uuid() });
  app.patch(
    '/users/:id',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['admin'],
        summary: 'Change a user’s name or role, or disable / re-enable the account (disabling ends its sessions)',
        params: userId,
        body: z.object({
          name: z.string().max(200).optional(),
          role: roleSchema.optional(),
          providerId: z.string().uuid().nullable().optional(),
          providerApprover: z.boolean().optional(),
          disabled: z.boolean().optional(),
        }),
        response: { 200: z.object({ user: userSchema }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const user = await updateUser(app.db, request.params.id, request.body, { userId: actor.userId });
      return { user };
    },
  );

  app.post(
    '/users/:id/password',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['admin'],
        summary: 'Reset a user’s password (ends all their sessions and clears a lockout)',
        params: userId,
        body: z.object({ password: z.string().min(1, 'Enter a new password').max(1000) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await setPassword(
        app.db,
        request.params.id,
        request.body.password,
        { userId: actor.userId },
        {
          field: 'password',
          action: 'reset-password',
        },
      );
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/users/:id/sign-out',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['admin'],
        summary: 'End every session of a user (sign them out everywhere)',
        params: userId,
        response: { 200: z.object({ sessionsEnded: z.number().int() }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (!(await getUser(app.db, request.params.id))) throw notFound('User');
      const sessionsEnded = await deleteUserSessions(app.db, request.params.id);
      await recordAudit(
        app.db,
        { userId: actor.userId },
        {
          action: 'end-sessions',
          entity: 'user',
          entityId: request.params.id,
          detail: { sessionsEnded },
        },
      );
      return { sessionsEnded };
    },
  );

  app.get(
    '/audit',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['admin'],
        summary: 'The audit trail, newest first',
        querystring: z.object({
          limit: wholeNumberQuery(BOUNDS.pageSize)
            .default(100)
            .describe(`Entries per page: at most ${BOUNDS.pageSize.max} (more is refused with 400)`),
          before: wholeNumberQuery({ min: 1, max: Number.MAX_SAFE_INTEGER })
            .optional()
            .describe('The id of the oldest entry already shown (a bigint cursor)'),
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
