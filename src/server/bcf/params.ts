// What the BCF routes share: tags and the actor's audit fields and right to edit.
import { BCF_EDITORS, hasRole } from '../../domain/core/auth.js';
import { actorOf } from '../auth/guards.js';

export const TAGS = ['bcf'];

/** The audit fields of the signed-in user making the request. */
export const who = (request: Parameters<typeof actorOf>[0]) => ({ userId: actorOf(request).userId });
/** Whether the signed-in user may edit BCF plans (the BCF lead, commissioners, admins). */
export const canEdit = (request: Parameters<typeof actorOf>[0]) => hasRole(actorOf(request), BCF_EDITORS);
