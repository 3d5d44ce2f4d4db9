// What the contracts routes share: tags, id and as-at parameters, who may commission or assess, and the actor's
// date and audit fields.
import { z } from 'zod';
import type { Actor } from '../../domain/core/auth.js';
import { isoDateSchema, londonToday } from '../../domain/core/dates.js';

export const isoDate = isoDateSchema;
export const uuid = z.string().uuid();
export const idParams = z.object({ id: uuid });
export const asAtQuery = z.object({ asAt: isoDate.optional() });
// Response bodies are documented as open objects; their shapes are the repository view types.
export const TAGS = ['contracts'];

export const COMMISSIONING = ['admin', 'commissioner'] as const;
export const QUALITY = ['admin', 'quality_officer'] as const;

/** Today's date in London (ISO yyyy-mm-dd). */
export const today = () => londonToday();
/** Staff may look at the lists as at another date; everyone else sees today. */
export const asAtFor = (actor: Actor, asAt?: string) => (asAt && actor.role !== 'provider' ? asAt : today());
/** The audit fields of the actor making the request. */
export const who = (actor: Actor) => ({ userId: actor.userId });
