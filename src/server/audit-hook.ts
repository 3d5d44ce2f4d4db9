// The request-level audit trail: every successful state-changing request is recorded with who, when, the
// route and its path parameters (never the body, which may hold personal data). Repositories add
// entity-level entries with recordAudit inside their own transactions.
import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../db/core/audit.js';
import { loggableError } from '../db/errors.js';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Records every state-changing request and every refusal of a signed-in user (403) in the audit trail. */
export function auditWrites(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? request.url.split('?')[0];
    if (reply.statusCode === 403 && request.actor) {
      // A signed-in user refused access (wrong role, another provider's record, a missing CSRF token).
      try {
        await recordAudit(
          app.db,
          { userId: request.actor.userId, label: request.session?.email },
          {
            action: 'access-refused',
            entity: `${request.method} ${route}`,
            entityId: null,
            detail: { params: request.params as Record<string, unknown>, status: 403 },
          },
        );
      } catch (err) {
        request.log.error({ error: loggableError(err) }, 'could not write the refusal audit entry');
      }
      return;
    }
    if (!WRITE_METHODS.has(request.method) || reply.statusCode >= 400) return;
    if (route === '/api/auth/sign-in') return; // recorded by the sign-in handler with the user it signed in
    // Signing out without a session changes nothing, so it records nothing (no audit rows on demand).
    if (route === '/api/auth/sign-out' && !request.actor) return;
    try {
      await recordAudit(
        app.db,
        request.actor ? { userId: request.actor.userId, label: request.session?.email } : null,
        {
          action: 'request',
          entity: `${request.method} ${route}`,
          entityId: null,
          detail: { params: request.params as Record<string, unknown>, status: reply.statusCode },
        },
      );
    } catch (err) {
      request.log.error({ error: loggableError(err) }, 'could not write the request audit entry');
    }
  });
}
