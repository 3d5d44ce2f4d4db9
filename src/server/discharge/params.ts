// What the discharge routes share: the hub's roles, who sees restricted details, id and date parameters, the
// actor's ids, and the reporting window a report covers.
import { z } from 'zod';
import { addDays, isoDateSchema, londonDate } from '../../domain/core/dates.js';
import { type Actor } from '../../domain/core/auth.js';
import { forbidden } from '../problem.js';

/** The hub itself: brokers and admins, who write referrals. */
export const HUB_ROLES = ['broker', 'admin'] as const;
/** Staff who see a person's name and NHS number: the hub itself. */
export const RESTRICTED_ROLES = new Set(['broker', 'admin']);

export const idParams = z.object({ id: z.string().uuid() });
export const isoDate = isoDateSchema;

/** The audit fields of an actor. */
export function who(actor: Actor) {
  return { userId: actor.userId };
}

/** The provider a provider user acts for; throws a 403 problem for anyone else. */
export function providerIdOf(actor: Actor): string {
  if (actor.role !== 'provider' || !actor.providerId) throw forbidden('Only provider users have a provider view');
  return actor.providerId;
}

/** A reporting window's query: `from` and `to` are both days included (London dates); `to` defaults to today. */
export const lastDayIncluded = isoDate.optional().describe('Last day included (London date); defaults to today');

/**
 * The window a report covers as the user reads it (`from` to `to`, both days included; `to` never after today) and
 * the half-open end the queries use (`end` = the day after `to`).
 */
export function reportingWindow(from: string | undefined, to: string | undefined, now: Date, defaultDays: number) {
  const today = londonDate(now);
  const last = to && to < today ? to : today;
  return { from: from ?? addDays(last, -defaultDays), to: last, end: addDays(last, 1) };
}
