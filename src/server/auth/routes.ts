import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { verifyPassword, dummyPasswordHash } from '../../db/core/passwords.js';
import { createSession, deleteSession } from '../../db/core/sessions.js';
import { findActiveUserByEmail, getUser } from '../../db/core/users.js';
import { recordAudit } from '../../db/core/audit.js';
import { Problem, unauthorised } from '../problem.js';
import { SESSION_COOKIE, sessionCookieOptions } from './session.js';
import { sessionResponse } from './schemas.js';

const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/sign-in',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password',
        body: z.object({
          email: z.string().trim().min(1, 'Enter your email address'),
          password: z.string().min(1, 'Enter your password'),
        }),
        response: { 200: sessionResponse },
      },
      config: {
        // Slow down password guessing: per address and email, and per address overall.
        rateLimit: {
          hook: 'preHandler',
          max: 10,
          timeWindow: '1 minute',
          keyGenerator: (req) =>
            `${req.ip}|${String((req.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}`,
        },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const user = await findActiveUserByEmail(app.db, email);
      const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
      if (!user || !ok) {
        throw new Problem(401, 'Sign in failed', 'The email address or password is not right', [
          { field: 'email', message: 'Enter the email address and password for your Steward account', in: 'body' },
          { field: 'password', message: 'Check your password', in: 'body' },
        ]);
      }
      const session = await createSession(app.db, user.id);
      await recordAudit(app.db, { userId: user.id, label: user.email }, { action: 'sign-in', entity: 'session' });
      reply.setCookie(SESSION_COOKIE, session.token, sessionCookieOptions(session.expiresAt));
      const view = await getUser(app.db, user.id);
      return { user: view!, csrfToken: session.csrfToken };
    },
  );

  app.get(
    '/session',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user and the CSRF token for state-changing requests',
        response: { 200: sessionResponse },
      },
    },
    async (request) => {
      if (!request.actor || !request.session) throw unauthorised();
      const view = await getUser(app.db, request.actor.userId);
      if (!view) throw unauthorised();
      return { user: view, csrfToken: request.session.csrfToken };
    },
  );

  app.post(
    '/sign-out',
    { schema: { tags: ['auth'], summary: 'Sign out (ends the server-side session)', response: { 204: z.null() } } },
    async (request, reply) => {
      if (request.session) await deleteSession(app.db, request.session.token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );
};

export default authRoutes;
