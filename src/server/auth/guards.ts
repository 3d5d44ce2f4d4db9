// Authorisation checks, enforced on the server for every route.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Actor, actsForProvider, refusalFor, type Role } from '../../domain/core/auth.js';
import { forbidden, unauthorised } from '../problem.js';

/**
 * Route onRequest hook: the request must come from a signed-in user with one of these roles. It runs before the
 * body is read and validated, so a user who may not use a route is refused (401/403) before any field is checked.
 */
export function requireRole(...roles: Role[]) {
  return async function roleGuard(request: FastifyRequest, _reply: FastifyReply) {
    const actor = request.actor;
    if (!actor) throw unauthorised();
    if (!roles.includes(actor.role)) throw forbidden(refusalFor(actor.role, roles));
  };
}

/** Route onRequest hook: any signed-in user (401 before the body is read and validated). */
export async function requireSignedIn(request: FastifyRequest, _reply: FastifyReply) {
  if (!request.actor) throw unauthorised();
}

/** The signed-in actor, or a 401. Use inside handlers after a guard. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthorised();
  return request.actor;
}

/** A provider user may only act on its own organisation's records; staff editors on any; viewers on none. */
export function assertOwnProvider(actor: Actor, providerId: string): void {
  if (!actsForProvider(actor, providerId)) {
    throw actor.role === 'provider'
      ? forbidden('Provider users can only see and change their own organisation’s records')
      : forbidden('Read-only users cannot change records');
  }
}

/** For reads: staff see everything; a provider user sees only its own organisation's records. */
export function assertCanRead(actor: Actor, providerId: string): void {
  if (actor.role === 'provider' && actor.providerId !== providerId) {
    throw forbidden('Provider users can only see their own organisation’s records');
  }
}
