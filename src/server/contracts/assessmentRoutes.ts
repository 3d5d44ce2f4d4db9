// Quality assessments: a visit recorded as a draft, shared with the provider for challenge, published to the
// market register, and the provider's action plan; the locations a quality officer can assess.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { asc, eq } from 'drizzle-orm';
import { STAFF_ROLES } from '../../domain/core/auth.js';
import { ASSESSMENT_DOMAINS, QUALITY_RATINGS, visitDateSchema } from '../../domain/contracts/assessment.js';
import { assessmentOwner, getAssessment, listAssessments } from '../../db/contracts/assessments.js';
import {
  createAssessment,
  providerRespond,
  publishAssessment,
  reviseAssessment,
  shareForChallenge,
  acceptActionPlan,
  requestActionPlanChanges,
  submitActionPlan,
} from '../../db/contracts/assessmentWrites.js';
import { locations, providers } from '../../db/market/schema.js';
import { actorOf, assertCanRead, assertOwnProvider, requireRole, requireSignedIn } from '../auth/guards.js';
import { notFound } from '../problem.js';
import { assessmentViewSchema, contractHistoryEntrySchema } from './schemas.js';
import { assessmentHistory } from '../../db/contracts/planHistory.js';
import { idParams, QUALITY, TAGS, today, uuid, who } from './params.js';

const ratingsBody = z.object(
  Object.fromEntries(ASSESSMENT_DOMAINS.map((d) => [d, z.enum(QUALITY_RATINGS)])) as Record<
    (typeof ASSESSMENT_DOMAINS)[number],
    z.ZodEnum<{ [K in (typeof QUALITY_RATINGS)[number]]: K }>
  >,
);

const assessmentRoutes: FastifyPluginAsyncZod = async (app) => {
  /**
   * A step the quality team takes on an assessment with nothing to send (`POST /assessments/:id/<path>`): it runs
   * `step` as the signed-in officer on today's date and answers with the assessment as it now stands.
   */
  const qualityStep = (
    path: string,
    summary: string,
    step: (db: typeof app.db, actor: ReturnType<typeof who>, id: string, today: string) => Promise<unknown>,
  ) =>
    app.post(
      `/assessments/:id/${path}`,
      {
        onRequest: requireRole(...QUALITY),
        schema: { tags: TAGS, summary, params: idParams, response: { 200: assessmentViewSchema } },
      },
      async (request) => {
        await step(app.db, who(actorOf(request)), request.params.id, today());
        return getAssessment(app.db, request.params.id, today());
      },
    );

  /** A provider's step on an assessment of its own location: `step` gets the checked body; answers the assessment. */
  const providerStep = <B extends z.ZodType>(
    path: string,
    summary: string,
    body: B,
    step: (actor: ReturnType<typeof who>, id: string, body: z.infer<B>, today: string) => Promise<unknown>,
  ) =>
    app.post(
      `/assessments/:id/${path}`,
      {
        onRequest: requireRole('provider'),
        schema: { tags: TAGS, summary, params: idParams, body, response: { 200: assessmentViewSchema } },
      },
      async (request) => {
        const actor = actorOf(request);
        const owner = await assessmentOwner(app.db, request.params.id);
        assertOwnProvider(actor, owner.providerId);
        await step(who(actor), request.params.id, request.body as z.infer<B>, today());
        return getAssessment(app.db, request.params.id, today());
      },
    );

  app.get(
    '/assessments',
    {
      onRequest: requireSignedIn,
      schema: {
        tags: TAGS,
        summary: 'Quality assessments (providers: their own, once shared with them)',
        querystring: z.object({ locationId: uuid.optional() }),
        response: { 200: z.object({ assessments: z.array(assessmentViewSchema) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const filter =
        actor.role === 'provider'
          ? {
              providerId: actor.providerId ?? '00000000-0000-0000-0000-000000000000',
              forProvider: true,
              locationId: request.query.locationId,
            }
          : { locationId: request.query.locationId };
      return { assessments: await listAssessments(app.db, today(), filter) };
    },
  );

  app.get(
    '/assessments/:id',
    {
      onRequest: requireSignedIn,
      schema: {
        tags: TAGS,
        summary: 'One quality assessment',
        params: idParams,
        response: { 200: assessmentViewSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const owner = await assessmentOwner(app.db, request.params.id);
      if (actor.role === 'provider') {
        assertCanRead(actor, owner.providerId);
        if (!owner.sharedOn) throw notFound('Assessment');
      }
      return getAssessment(app.db, request.params.id, today());
    },
  );

  app.get(
    '/assessments/:id/history',
    {
      onRequest: requireSignedIn,
      schema: {
        tags: TAGS,
        summary:
          "A quality assessment's history, newest first, with its action plan's trail (providers: from sharing on)",
        params: idParams,
        response: { 200: z.object({ history: z.array(contractHistoryEntrySchema) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const owner = await assessmentOwner(app.db, request.params.id);
      if (actor.role === 'provider') {
        assertCanRead(actor, owner.providerId);
        if (!owner.sharedOn) throw notFound('Assessment');
      }
      return { history: await assessmentHistory(app.db, request.params.id, actor.role === 'provider') };
    },
  );

  app.post(
    '/assessments',
    {
      onRequest: requireRole(...QUALITY),
      schema: {
        tags: TAGS,
        summary: 'Record a quality assessment visit (as a draft)',
        body: z.object({
          locationId: uuid,
          contractId: uuid.nullable().default(null),
          visitDate: visitDateSchema,
          ratings: ratingsBody,
          summary: z.string().max(5000).default(''),
          assessorName: z.string().max(200).nullable().default(null),
        }),
        response: { 201: assessmentViewSchema },
      },
    },
    async (request, reply) => {
      const id = await createAssessment(app.db, who(actorOf(request)), request.body, today());
      return reply.code(201).send(await getAssessment(app.db, id, today()));
    },
  );

  app.put(
    '/assessments/:id',
    {
      onRequest: requireRole(...QUALITY),
      schema: {
        tags: TAGS,
        summary: 'Revise ratings before publication (e.g. after a provider challenge)',
        params: idParams,
        body: z.object({ ratings: ratingsBody, summary: z.string().max(5000) }),
        response: { 200: assessmentViewSchema },
      },
    },
    async (request) => {
      await reviseAssessment(
        app.db,
        who(actorOf(request)),
        request.params.id,
        request.body.ratings,
        request.body.summary,
      );
      return getAssessment(app.db, request.params.id, today());
    },
  );

  qualityStep('share', 'Share the draft with the provider: starts the 14-day challenge window', shareForChallenge);

  providerStep(
    'response',
    'The provider accepts or challenges a draft assessment of its own location',
    z.object({
      response: z.enum(['accept', 'challenge']),
      comments: z.string().max(5000).nullable().default(null),
    }),
    (actor, id, body, on) => providerRespond(app.db, actor, id, body.response, body.comments, on),
  );

  qualityStep('publish', 'Publish: the overall rating goes to the market register', publishAssessment);

  providerStep(
    'action-plan',
    'The provider submits its action plan (due 14 days after publication), or revises it until it is accepted',
    z.object({ actionPlan: z.string().max(10000) }),
    (actor, id, body, on) => submitActionPlan(app.db, actor, id, body.actionPlan, on),
  );

  app.post(
    '/assessments/:id/action-plan/changes',
    {
      onRequest: requireRole('admin', 'quality_officer'),
      schema: {
        tags: TAGS,
        summary:
          'A quality officer asks the provider to change its submitted action plan, saying what must change (until it is accepted)',
        params: idParams,
        body: z.object({
          changes: z
            .string({ error: 'Say what the action plan needs to change' })
            .trim()
            .min(1, 'Say what the action plan needs to change')
            .max(4000),
        }),
        response: { 200: assessmentViewSchema },
      },
    },
    async (request) => {
      await requestActionPlanChanges(app.db, who(actorOf(request)), request.params.id, request.body.changes, today());
      return getAssessment(app.db, request.params.id, today());
    },
  );

  qualityStep(
    'action-plan/accept',
    'A quality officer accepts the provider’s action plan (the provider can revise it until then)',
    acceptActionPlan,
  );

  app.get(
    '/assessable-locations',
    {
      onRequest: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'Locations a quality officer can assess',
        response: {
          200: z.object({
            locations: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                providerName: z.string(),
                councilQualityRating: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async () => ({
      locations: await app.db
        .select({
          id: locations.id,
          name: locations.name,
          providerName: providers.name,
          councilQualityRating: locations.councilQualityRating,
        })
        .from(locations)
        .innerJoin(providers, eq(providers.id, locations.providerId))
        .where(eq(locations.inBorough, true))
        .orderBy(asc(locations.name)),
    }),
  );
};

export default assessmentRoutes;
