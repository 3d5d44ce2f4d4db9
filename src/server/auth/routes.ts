import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { verifyPassword, dummyPasswordHash } from '../../db/core/passwords.js';
import { createSession, deleteSession, deleteUserSessions } from '../../db/core/sessions.js';
import { clearFailures, describeLockout, lockedUntil, MAX_FAILURES, recordFailure } from '../../db/core/throttle.js';
import { findActiveUserByEmail, getUser, getUserRow, setPassword } from '../../db/core/users.js';
import { recordAudit } from '../../db/core/audit.js';
import { invalid, Problem } from '../problem.js';
import { actorOf, requireSignedIn } from './guards.js';
import { IpThrottle } from './ip-throttle.js';
import { SESSION_COOKIE, sessionCookieOptions } from './session.js';
import { getBorough } from '../../db/core/settings.js';
import type { Db } from '../../db/client.js';
import { authorityByCode } from '../../domain/geography/authorities.js';
import { councilResponse, sessionResponse, sessionStateResponse, type servedCouncilSchema } from './schemas.js';

/**
 * The council this Steward serves for the banner: name, official name, GSS code and whether it is the synthetic
 * demo borough; null before set-up.
 */
export async function servedCouncil(db: Db): Promise<z.infer<typeof servedCouncilSchema> | null> {
  const b = await getBorough(db);
  if (!b) return null;
  const a = b.synthetic ? undefined : authorityByCode(b.gssCode);
  return {
    name: b.name,
    officialName: b.officialName ?? a?.officialName ?? b.name,
    gssCode: b.gssCode,
    synthetic: b.synthetic,
  };
}

/** 429 telling the user how long the account's lockout lasts (and Retry-After in seconds). */
function lockoutProblem(reply: FastifyReply, until: Date, now: Date): Problem {
  const { text } = describeLockout(until, now);
  reply.header('retry-after', String(Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000))));
  return new Problem(
    429,
    'Account locked',
    `This account is locked after ${MAX_FAILURES} failed sign-ins. Try again at ${text}, or ask an administrator to reset your password.`,
    [{ field: 'email', message: `Locked until ${text}`, in: 'body' }],
  );
}

const authRoutes: FastifyPluginAsyncZod = async (app) => {
  // Failed sign-ins per client address, across every account (one address trying many accounts).
  const ipThrottle = new IpThrottle();
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
      const now = new Date();
      const ipWait = ipThrottle.blockedFor(request.ip, now.getTime());
      if (ipWait) {
        reply.header('retry-after', String(Math.ceil(ipWait / 1000)));
        throw new Problem(
          429,
          'Too many failed sign-ins',
          `Too many failed sign-ins from your network: try again in ${Math.ceil(ipWait / 60_000)} minutes`,
        );
      }
      const locked = await lockedUntil(app.db, email, now);
      if (locked) throw lockoutProblem(reply, locked, now);
      const user = await findActiveUserByEmail(app.db, email);
      const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
      if (!user || !ok) {
        ipThrottle.fail(request.ip, now.getTime());
        const lockedNow = await recordFailure(app.db, email, now);
        const who = user ? { userId: user.id, label: user.email } : { system: 'anonymous' };
        await recordAudit(app.db, who, {
          action: 'sign-in-failed',
          entity: 'session',
          detail: { reason: user ? 'wrong password' : 'no active account with this email', ip: request.ip },
        });
        if (lockedNow) {
          await recordAudit(app.db, who, {
            action: 'lockout',
            entity: 'session',
            detail: { until: lockedNow.toISOString(), failures: MAX_FAILURES, ip: request.ip },
          });
          throw lockoutProblem(reply, lockedNow, now);
        }
        throw new Problem(401, 'Sign in failed', 'The email address or password is not right', [
          { field: 'email', message: 'Enter the email address and password for your Steward account', in: 'body' },
          { field: 'password', message: 'Check your password', in: 'body' },
        ]);
      }
      await clearFailures(app.db, email);
      const session = await createSession(app.db, user.id);
      await recordAudit(app.db, { userId: user.id, label: user.email }, { action: 'sign-in', entity: 'session' });
      reply.setCookie(SESSION_COOKIE, session.token, sessionCookieOptions(session.expiresAt));
      const view = await getUser(app.db, user.id);
      return {
        signedIn: true as const,
        user: view!,
        csrfToken: session.csrfToken,
        council: await servedCouncil(app.db),
      };
    },
  );

  app.get(
    '/session',
    {
      schema: {
        tags: ['auth'],
        summary:
          'Whether this browser is signed in: if so the user and the CSRF token for state-changing requests; signedIn false (not 401) otherwise',
        response: { 200: sessionStateResponse },
      },
    },
    async (request) => {
      const council = await servedCouncil(app.db);
      const view = request.actor && request.session ? await getUser(app.db, request.actor.userId) : null;
      if (!view || !request.session) return { signedIn: false as const, council };
      return { signedIn: true as const, user: view, csrfToken: request.session.csrfToken, council };
    },
  );

  app.get(
    '/council',
    {
      schema: {
        tags: ['auth'],
        summary:
          'The council this Steward serves (name, GSS code, whether it is the synthetic demo borough), for the banner; public, null before set-up',
        response: { 200: councilResponse },
      },
    },
    async () => ({ council: await servedCouncil(app.db) }),
  );

  app.post(
    '/sign-out',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out (ends this session; without a session it does nothing and records nothing)',
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      if (request.session) await deleteSession(app.db, request.session.token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/sign-out-everywhere',
    {
      onRequest: requireSignedIn,
      schema: {
        tags: ['auth'],
        summary: 'Sign out on every device (ends all of your sessions, this one too)',
        response: { 200: z.object({ sessionsEnded: z.number().int() }) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const sessionsEnded = await deleteUserSessions(app.db, actor.userId);
      await recordAudit(
        app.db,
        { userId: actor.userId },
        {
          action: 'sign-out-everywhere',
          entity: 'session',
          detail: { sessionsEnded },
        },
      );
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { sessionsEnded };
    },
  );

  app.post(
    '/password',
    {
      onRequest: requireSignedIn,
      schema: {
        tags: ['auth'],
        summary: 'Change your own password (your other sessions are ended)',
        body: z.object({
          currentPassword: z.string().min(1, 'Enter your current password').max(200),
          newPassword: z.string().min(1, 'Enter a new password').max(1000),
        }),
        response: { 204: z.null() },
      },
      config: {
        rateLimit: { hook: 'preHandler', max: 10, timeWindow: '15 minutes', keyGenerator: (req) => `pw|${req.ip}` },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await getUserRow(app.db, actor.userId);
      if (!row || !(await verifyPassword(request.body.currentPassword, row.passwordHash))) {
        await recordAudit(
          app.db,
          { userId: actor.userId },
          {
            action: 'change-password-refused',
            entity: 'user',
            entityId: actor.userId,
            detail: { reason: 'current password not right' },
          },
        );
        throw invalid([{ field: 'currentPassword', message: 'Your current password is not right', in: 'body' }]);
      }
      if (request.body.newPassword === request.body.currentPassword)
        throw invalid([
          { field: 'newPassword', message: 'Choose a new password different from the current one', in: 'body' },
        ]);
      await setPassword(
        app.db,
        actor.userId,
        request.body.newPassword,
        { userId: actor.userId },
        {
          field: 'newPassword',
          keepToken: request.session?.token,
          action: 'change-password',
        },
      );
      return reply.code(204).send(null);
    },
  );
};

export default authRoutes;
