// Curators' directory entries: list, read, create, edit, mark reviewed, and the entries due for review.
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { asc, count, ilike, or, eq, and, type SQL } from 'drizzle-orm';
import { STAFF_ROLES } from '../../domain/core/auth.js';
import { londonToday } from '../../domain/core/dates.js';
import { NotFound } from '../../domain/core/errors.js';
import { daysOverdue } from '../../domain/directory/curation.js';
import { type OrukService } from '../../domain/directory/oruk.js';
import { overdueEntries, serviceHistory } from '../../db/directory/curation.js';
import { loadService, markReviewed, saveServices, serviceCuration } from '../../db/directory/records.js';
import { directoryOrganizations, directoryServices } from '../../db/directory/schema.js';
import { actorOf, requireRole } from '../auth/guards.js';
import {
  entriesQuery,
  entryListSchema,
  entrySchema,
  idParams,
  reviewDueSchema,
  reviewedSchema,
  savedSchema,
  serviceInputSchema,
} from './schemas.js';

import { CURATORS, TAGS } from './params.js';
import { fillCoordinates, prepareService } from './serviceInput.js';

const entriesRoutes: FastifyPluginAsyncZod = async (app) => {
  // ---- Staff: entries ----
  app.get(
    '/entries',
    {
      onRequest: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'Directory entries for curators',
        querystring: entriesQuery,
        response: { 200: entryListSchema },
      },
    },
    async (request) => {
      const { q, source, page } = request.query;
      const perPage = 50;
      const conds: SQL[] = [];
      if (q?.trim())
        conds.push(
          or(ilike(directoryServices.name, `%${q.trim()}%`), ilike(directoryOrganizations.name, `%${q.trim()}%`))!,
        );
      if (source) conds.push(eq(directoryServices.source, source));
      const where = conds.length ? and(...conds) : undefined;
      const [{ n }] = await app.db
        .select({ n: count() })
        .from(directoryServices)
        .leftJoin(directoryOrganizations, eq(directoryOrganizations.id, directoryServices.organization_id))
        .where(where);
      const rows = await app.db
        .select({
          id: directoryServices.id,
          name: directoryServices.name,
          organisation: directoryOrganizations.name,
          status: directoryServices.status,
          reviewDate: directoryServices.reviewDate,
          source: directoryServices.source,
          lastModified: directoryServices.last_modified,
        })
        .from(directoryServices)
        .leftJoin(directoryOrganizations, eq(directoryOrganizations.id, directoryServices.organization_id))
        .where(where)
        .orderBy(asc(directoryServices.name), asc(directoryServices.id))
        .limit(perPage)
        .offset((page - 1) * perPage);
      return {
        total: Number(n),
        page,
        pageCount: Math.ceil(Number(n) / perPage),
        entries: rows.map((r) => ({
          ...r,
          status: r.status as OrukService['status'],
          lastModified: new Date(r.lastModified).toISOString(),
        })),
      };
    },
  );

  app.get(
    '/entries/:id',
    {
      onRequest: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'One entry with its review facts and history',
        params: idParams,
        response: { 200: entrySchema },
      },
    },
    async (request) => {
      const [service, curation, history] = await Promise.all([
        loadService(app.db, request.params.id),
        serviceCuration(app.db, request.params.id),
        serviceHistory(app.db, request.params.id),
      ]);
      if (!service || !curation) throw new NotFound('Directory entry');
      return { service, curation, history };
    },
  );

  app.post(
    '/entries',
    {
      onRequest: requireRole(...CURATORS),
      schema: { tags: TAGS, summary: 'Add an entry', body: serviceInputSchema, response: { 201: savedSchema } },
    },
    async (request, reply) => {
      const service = await fillCoordinates(app.db, prepareService(request.body.service, randomUUID()));
      const actor = actorOf(request);
      await app.db.transaction((tx) =>
        saveServices(tx, [service], {
          source: 'staff',
          action: 'created',
          actor: { userId: actor.userId },
          reviewed: true,
        }),
      );
      return reply.code(201).send({ id: service.id });
    },
  );

  app.put(
    '/entries/:id',
    {
      onRequest: requireRole(...CURATORS),
      schema: {
        tags: TAGS,
        summary: 'Change an entry (counts as a review)',
        params: idParams,
        body: serviceInputSchema,
        response: { 200: savedSchema },
      },
    },
    async (request) => {
      const id = request.params.id;
      if (!(await serviceCuration(app.db, id))) throw new NotFound('Directory entry');
      const service = await fillCoordinates(app.db, prepareService(request.body.service, id));
      const actor = actorOf(request);
      await app.db.transaction((tx) =>
        saveServices(tx, [service], {
          source: 'staff',
          action: 'updated',
          actor: { userId: actor.userId },
          reviewed: true,
        }),
      );
      return { id };
    },
  );

  app.post(
    '/entries/:id/reviewed',
    {
      onRequest: requireRole(...CURATORS),
      schema: {
        tags: TAGS,
        summary: 'Confirm an entry is still right: next review in twelve months',
        params: idParams,
        response: { 200: reviewedSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (!(await serviceCuration(app.db, request.params.id))) throw new NotFound('Directory entry');
      const reviewDate = await app.db.transaction((tx) =>
        markReviewed(tx, request.params.id, londonToday(), { userId: actor.userId }),
      );
      return { reviewDate };
    },
  );

  app.get(
    '/review-due',
    {
      onRequest: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'Entries past their review date, most overdue first',
        response: { 200: reviewDueSchema },
      },
    },
    async () => {
      const today = londonToday();
      const rows = await overdueEntries(app.db, today);
      return { today, entries: rows.map((r) => ({ ...r, daysOverdue: daysOverdue(r.reviewDate, today) })) };
    },
  );
};

export default entriesRoutes;
