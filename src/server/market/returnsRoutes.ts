// Capacity returns' API: care home, homecare and workforce returns, one at a time or a provider's locations at
// once from a CSV file; by providers for their own locations, or by staff editors.
import { BOUNDS } from '../../domain/core/bounds.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Actor } from '../../domain/core/auth.js';
import { parseBulkCapacity } from '../../domain/market/bulk.js';
import { BED_CLOSED_REASONS, CLOSED_NOTE_MAX } from '../../domain/market/capacity.js';
import { isCareHome } from '../../domain/market/types.js';
import {
  confirmNoChange,
  recordCareHomeReturn,
  recordHomecareReturn,
  recordNilReturn,
  recordWorkforceReturn,
} from '../../db/market/capacity.js';
import { locationsOfProvider } from '../../db/market/register.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { actorOf, assertOwnProvider, requireSignedIn } from '../auth/guards.js';
import { Problem } from '../problem.js';
import { careHomeReturnSchema, homecareReturnSchema, workforceReturnSchema } from './schemas/register.js';
import { id, locationFor, TAGS } from './params.js';

/** Beds or places of one kind at one location (BOUNDS.locationPlaces). */
const count = z
  .number()
  .int('Enter a whole number')
  .min(BOUNDS.locationPlaces.min, 'Enter 0 or more')
  .max(BOUNDS.locationPlaces.max, `Enter ${BOUNDS.locationPlaces.max.toLocaleString('en-GB')} or fewer`);
const optionalCount = count.nullable().optional();
/** Staff of one kind at one location (BOUNDS.staffHeadcount; checked again against the beds). */
const staff = z
  .number()
  .int('Enter a whole number')
  .min(BOUNDS.staffHeadcount.min, 'Enter 0 or more')
  .max(BOUNDS.staffHeadcount.max, `Enter ${BOUNDS.staffHeadcount.max.toLocaleString('en-GB')} or fewer`);

const careHomeReturnBody = z.object({
  maxCapacity: count,
  occupied: count,
  vacantReserved: count,
  vacantAccepting: count,
  vacantClosed: count.default(0).describe('Vacant beds closed to admissions'),
  closedReason: z
    .enum(BED_CLOSED_REASONS, 'Choose why beds are closed to admissions')
    .nullable()
    .default(null)
    .describe('Why beds are closed: needed when vacantClosed is above 0'),
  closedNote: z
    .string()
    .trim()
    .max(CLOSED_NOTE_MAX, `Say why in ${CLOSED_NOTE_MAX} characters or fewer`)
    .nullable()
    .default(null)
    .describe('Words for the closure: needed when closedReason is other'),
  heldForAssessment: count.default(0).describe('Beds held for a person being assessed (e.g. discharge to assess)'),
  residentialMax: optionalCount,
  residentialOccupied: optionalCount,
  residentialVacantAccepting: optionalCount,
  nursingMax: optionalCount,
  nursingOccupied: optionalCount,
  nursingVacantAccepting: optionalCount,
  dementiaMax: optionalCount,
  dementiaOccupied: optionalCount,
  dementiaVacantAccepting: optionalCount,
});
const homecareReturnBody = z.object({
  area: z.string().trim().max(12).default(''),
  peopleSupported: z
    .number()
    .int('Enter a whole number')
    .min(BOUNDS.peopleSupported.min, 'Enter 0 or more')
    .max(BOUNDS.peopleSupported.max, `Enter ${BOUNDS.peopleSupported.max.toLocaleString('en-GB')} or fewer`),
  hoursPerWeek: z.number().min(0, 'Enter 0 or more').max(100_000),
  newHoursAvailable: z.number().min(0, 'Enter 0 or more').max(100_000),
});
const workforceBody = z.object({
  nurses: staff,
  careStaff: staff,
  nonCareStaff: staff,
  agencyStaff: staff,
  vacancies: staff,
  absences: staff,
});

const returnsRoutes: FastifyPluginAsyncZod = async (app) => {
  // ---- Returns: providers update their own locations; staff editors may too ----
  // A return council staff enter is marked as theirs ('staff'), never passed off as the provider's own.
  const sourceOf = (actor: Actor) => (actor.role === 'provider' ? 'provider' : 'staff');
  const returnRoute = <B extends z.ZodType, R extends z.ZodType>(
    path: string,
    summary: string,
    body: B,
    response: R,
    write: (
      locationId: string,
      body: z.infer<B>,
      by: { userId: string },
      options: { source: 'provider' | 'staff'; reportedBy: string },
    ) => Promise<z.output<R>>,
  ) =>
    app.post(
      path,
      {
        onRequest: requireSignedIn,
        // Generic over the response schema: Fastify's reply type cannot follow R, so it sees an object schema.
        schema: { tags: TAGS, summary, params: id, body, response: { 201: response as z.ZodType<object> } },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const loc = await locationFor(app, request.params.id);
        assertOwnProvider(actor, loc.providerId);
        const row = await write(
          loc.id,
          request.body as z.infer<B>,
          { userId: actor.userId },
          {
            source: sourceOf(actor),
            reportedBy: actor.userId,
          },
        );
        return reply.code(201).send(row as object);
      },
    );
  returnRoute(
    '/locations/:id/capacity',
    'Record a care home capacity and vacancy return',
    careHomeReturnBody,
    careHomeReturnSchema,
    (locationId, body, by, options) => recordCareHomeReturn(app.db, by, locationId, body, options),
  );
  returnRoute(
    '/locations/:id/homecare',
    'Record a homecare capacity return (people, hours, new hours available)',
    homecareReturnBody,
    homecareReturnSchema,
    async (locationId, body, by, options) => {
      const row = await recordHomecareReturn(app.db, by, locationId, body, options);
      return { ...row, hoursPerWeek: Number(row.hoursPerWeek), newHoursAvailable: Number(row.newHoursAvailable) };
    },
  );
  returnRoute(
    '/locations/:id/workforce',
    'Record a workforce return',
    workforceBody,
    workforceReturnSchema,
    (locationId, body, by, options) => recordWorkforceReturn(app.db, by, locationId, body, options),
  );
  returnRoute(
    '/locations/:id/nil-return',
    'A nil return: no vacancies to report today (a care home keeps its occupied beds from its latest return, with no bed vacant, reserved, closed or held; homecare with no new hours)',
    z.object({}).optional(),
    z.object({ careHome: z.boolean(), homecareAreas: z.number() }),
    (locationId, _body, by, o) => recordNilReturn(app.db, by, locationId, o.reportedBy, o.source),
  );
  returnRoute(
    '/locations/:id/no-change',
    'Confirm the latest figures are still right ("no change")',
    z.object({}).optional(),
    z.object({ careHome: z.boolean(), homecareAreas: z.number(), workforce: z.boolean() }),
    (locationId, _body, by, o) => confirmNoChange(app.db, by, locationId, o.reportedBy, o.source),
  );

  app.post(
    '/providers/:id/capacity-csv',
    {
      onRequest: requireSignedIn,
      schema: {
        tags: TAGS,
        summary: 'Bulk capacity update: a CSV with one row per care home (text/csv)',
        params: id,
        response: { 201: z.object({ saved: z.number() }) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      assertOwnProvider(actor, request.params.id);
      if (typeof request.body !== 'string') throw new Problem(415, undefined, 'Send the CSV file as text/csv');
      let records: string[][];
      try {
        records = parseCsv(request.body, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
      } catch (e) {
        throw new Problem(400, 'Invalid CSV', (e as Error).message, [
          { field: 'file', message: (e as Error).message, in: 'body' },
        ]);
      }
      const homes = (await locationsOfProvider(app.db, request.params.id)).filter((l) => isCareHome(l.serviceTypes));
      const byKey = new Map(
        homes.flatMap(
          (h) =>
            [
              [h.id, h],
              [h.cqcLocationId ?? '', h],
            ] as const,
        ),
      );
      const parsed = parseBulkCapacity(
        records.map((cells, i) => ({ line: i + 1, cells })),
        (k) => (byKey.has(k) ? byKey.get(k)!.registeredBeds : undefined),
      );
      if (parsed.issues.length) {
        throw new Problem(
          422,
          'The file was not accepted',
          `${parsed.issues.length} problem${parsed.issues.length === 1 ? '' : 's'} found; nothing was saved`,
          parsed.issues.map((i) => ({ field: `line ${i.line}: ${i.field}`, message: i.message, in: 'body' })),
        );
      }
      const saved = await app.db.transaction(async (tx) => {
        for (const r of parsed.rows)
          await recordCareHomeReturn(tx, { userId: actor.userId }, byKey.get(r.locationKey)!.id, r.input, {
            source: 'bulk_csv',
            reportedBy: actor.userId,
          });
        return parsed.rows.length;
      });
      return reply.code(201).send({ saved });
    },
  );
};

export default returnsRoutes;
