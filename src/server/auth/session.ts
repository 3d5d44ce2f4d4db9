// Server-side sessions: resolve the signed-in actor from the session cookie, and require the session's
// CSRF token on every state-changing request (synchronizer token in the x-csrf-token header).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isRole } from '../../domain/core/auth.js';
import { findSession } from '../../db/core/sessions.js';
import { sendProblem } from '../problem.js';

export const SESSION_COOKIE = 'steward_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The session cookie's attributes: whole site, HTTP only, SameSite=Lax, Secure over HTTPS, expiring with the session.
 */
export function sessionCookieOptions(expires?: Date) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: 'auto' as const,
    ...(expires ? { expires } : {}),
  };
}

async function sessionPlugin(app: FastifyInstance) {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const found = await findSession(app.db, token);
      if (found && isRole(found.role)) {
        request.actor = { userId: found.userId, role: found.role, providerId: found.providerId };
        request.session = {
          token,
          csrfToken: found.csrfToken,
          email: found.email,
          name: found.name,
          expiresAt: found.expiresAt,
        };
      }
    }
    // Sign-in is exempt: it creates the session (login CSRF is blocked by SameSite cookies and the JSON-only body).
    if (!SAFE_METHODS.has(request.method) && request.session && request.url !== '/api/auth/sign-in') {
      const sent = request.headers[CSRF_HEADER];
      if (sent !== request.session.csrfToken) {
        return sendProblem(reply, request, {
          status: 403,
          title: 'Forbidden',
          detail: 'Missing or invalid CSRF token: send the token from GET /api/auth/session in the x-csrf-token header',
          errors: [{ field: CSRF_HEADER, message: 'Missing or invalid CSRF token', in: 'headers' }],
        });
      }
    }
  });
}

export default fp(sessionPlugin, { name: 'steward-session', dependencies: ['@fastify/cookie'] });
