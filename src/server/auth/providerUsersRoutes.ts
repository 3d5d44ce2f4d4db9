// Providers' self-service accounts: an approver lists, adds and removes its own organisation's provider users.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addColleague,
  approverProvider,
  changeColleague,
  listOrganisationUsers,
  organisationAccountHistory,
} from '../../db/core/providerUsers.js';
import { actorOf, requireRole } from './guards.js';
import { userSchema } from './schemas.js';

const TAGS = ['auth'];

const providerUsersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      onRequest: requireRole('provider'),
      schema: {
        tags: TAGS,
        summary: 'Your organisation’s accounts (provider approvers only)',
        response: { 200: z.object({ users: z.array(userSchema) }) },
      },
    },
    async (request) => ({
      users: await listOrganisationUsers(app.db, await approverProvider(app.db, actorOf(request))),
    }),
  );

  app.get(
    '/history',
    {
      onRequest: requireRole('provider'),
      schema: {
        tags: TAGS,
        summary:
          'Your organisation’s accounts’ history: added, access removed or given back, approvers, by whom and when (provider approvers only)',
        response: {
          200: z.object({
            events: z.array(z.object({ at: z.string(), account: z.string(), what: z.string(), by: z.string() })),
          }),
        },
      },
    },
    async (request) => ({
      events: await organisationAccountHistory(app.db, await approverProvider(app.db, actorOf(request))),
    }),
  );

  app.post(
    '/',
    {
      onRequest: requireRole('provider'),
      schema: {
        tags: TAGS,
        summary: 'Add a colleague’s account: a provider user of your own organisation (provider approvers only)',
        body: z.object({
          email: z.string().max(320).default(''),
          name: z.string().max(200).default(''),
          password: z.string().max(1000).default(''),
          role: z
            .literal('provider', 'An approver can only add provider users')
            .default('provider')
            .describe('Always provider: an approver cannot give any other role'),
          providerApprover: z.boolean().default(false),
        }),
        response: { 201: z.object({ user: userSchema }) },
      },
    },
    async (request, reply) => {
      const { role: _role, ...input } = request.body;
      const user = await addColleague(app.db, actorOf(request), input);
      return reply.code(201).send({ user });
    },
  );

  app.patch(
    '/:id',
    {
      onRequest: requireRole('provider'),
      schema: {
        tags: TAGS,
        summary:
          'Remove a colleague’s access (disabled: true, which ends their sessions), give it back, or make them an approver',
        params: z.object({ id: z.uuid('Use the id of an account (a UUID)') }),
        // Strict: a role, provider or name sent here is refused (400), never applied.
        body: z.strictObject({ disabled: z.boolean().optional(), providerApprover: z.boolean().optional() }),
        response: { 200: z.object({ user: userSchema }) },
      },
    },
    async (request) => ({ user: await changeColleague(app.db, actorOf(request), request.params.id, request.body) }),
  );
};

export default providerUsersRoutes;
