// What the delivery plan routes share: tags, who may write plans, the parameters, bodies and
// responses, and the actor's audit fields and right to edit.
import { z } from 'zod';
import { hasRole } from '../../domain/core/auth.js';
import { PLAN_KINDS } from '../../db/contracts/deliveryPlan.js';
import { actorOf } from '../auth/guards.js';

export const TAGS = ['contracts'];
export const EDITORS = ['admin', 'commissioner'] as const;
export const uuid = z.string().uuid('Not a valid id');
export const idParams = z.object({ id: uuid });
export const kindParams = z.object({ kind: z.enum(['priorities', 'intentions', 'actions']), id: uuid });
export const RAGS = ['green', 'amber', 'red', 'complete'] as const;

export const planBody = z.object({
  title: z.string().max(200),
  kind: z.enum(PLAN_KINDS),
  careGroup: z.string().max(100).nullable(),
  years: z.array(z.string().max(9)).max(10),
});
export const actionBody = z.object({
  text: z.string().max(2000),
  owner: z.string().max(200).nullable(),
  responsibleServiceAreas: z.array(z.string().max(200)).max(10),
  yearStatuses: z.array(z.string().max(200)).max(10),
  ragOverride: z.enum(RAGS).nullable(),
  contractIds: z.array(uuid).max(50),
  procurementIds: z.array(uuid).max(50),
});

export const actionSchema = z.object({
  id: z.string(),
  text: z.string(),
  owner: z.string().nullable(),
  responsibleServiceAreas: z.array(z.string()),
  yearStatuses: z.array(z.string()),
  ragOverride: z.enum(RAGS).nullable(),
  rag: z.enum(['green', 'amber', 'red', 'complete', 'not_assessed']),
  ragLabel: z.string(),
  contracts: z.array(z.object({ id: z.string(), reference: z.string(), title: z.string() })),
  procurements: z.array(z.object({ id: z.string(), title: z.string() })),
  milestones: z.array(z.object({ title: z.string(), dueDate: z.string(), completedOn: z.string().nullable() })),
});
export const planViewSchema = z.object({
  asAt: z.string(),
  plan: z.object({
    id: z.string(),
    title: z.string(),
    kind: z.enum(PLAN_KINDS),
    careGroup: z.string().nullable(),
    years: z.array(z.string()),
    retired: z.boolean(),
  }),
  priorities: z.array(
    z.object({
      id: z.string(),
      number: z.number(),
      title: z.string(),
      intentions: z.array(z.object({ id: z.string(), text: z.string(), actions: z.array(actionSchema) })),
    }),
  ),
  retiredEntries: z.array(
    z.object({
      kind: z.enum(['priority', 'intention', 'action']),
      id: z.string(),
      text: z.string(),
      retiredAt: z.string(),
    }),
  ),
  canEdit: z.boolean(),
});
export const listSchema = z.object({
  plans: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      kind: z.enum(PLAN_KINDS),
      careGroup: z.string().nullable(),
      years: z.array(z.string()),
      retired: z.boolean(),
      actions: z.number(),
    }),
  ),
  canEdit: z.boolean(),
});
export const created = z.object({ id: z.string() });

/** The audit fields of the signed-in user making the request. */
export const who = (request: Parameters<typeof actorOf>[0]) => ({ userId: actorOf(request).userId });
/** Whether the signed-in user may write plans (commissioners and admins). */
export const canEdit = (request: Parameters<typeof actorOf>[0]) => hasRole(actorOf(request), EDITORS);
