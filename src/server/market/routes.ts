// Market intelligence API: register, capacity returns (providers update their own), usual rates,
// placements, the market dashboard and the CQC import. Thin: parse, authorise, call db/domain, respond.
import { BOUNDS, penceSchema, plannedDateSchema, wholeNumberQuery } from '../../domain/core/bounds.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDateSchema, londonDate } from '../../domain/core/dates.js';
import { EDITOR_ROLES, STAFF_ROLES, type Actor } from '../../domain/core/auth.js';
import { parseBulkCapacity } from '../../domain/market/bulk.js';
import { ageInDays, freshness } from '../../domain/market/capacity.js';
import {
  BANDS,
  CONTRACT_TYPES,
  CQC_RATINGS,
  FUNDING,
  INDIVIDUAL_BAND,
  PURPOSES,
  SERVICE_TYPES,
  SPECIALISMS,
  isCareHome,
} from '../../domain/market/types.js';
import { getBorough } from '../../db/core/settings.js';
import {
  careHomeHistory,
  confirmNoChange,
  currentVacancies,
  homecareHistory,
  latestCareHomeReturn,
  latestCareHomeReturns,
  latestHomecareReturns,
  latestWorkforceReturn,
  recordCareHomeReturn,
  recordHomecareReturn,
  recordWorkforceReturn,
  workforceHistory,
} from '../../db/market/capacity.js';
import {
  capacitySummary,
  careHomeRows,
  careHomesPage,
  occupancyTrend,
  priceSummary,
} from '../../db/market/dashboard.js';
import { createPlacement, endPlacement, getPlacement, listPlacements } from '../../db/market/placements.js';
import { listCostOfCare, listUsualRates, setCostOfCare, setUsualRate } from '../../db/market/rates.js';
import {
  getLocation,
  getProvider,
  listDistricts,
  listLocations,
  listProviders,
  locationsOfProvider,
  updateLocationCommissioning,
  type LocationFilter,
} from '../../db/market/register.js';
import { cqcImporter } from '../../importers/cqc.js';
import { ImportRejected, runImport, textSource } from '../../importers/framework.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { actorOf, assertCanRead, assertOwnProvider, requireRole, requireSignedIn } from '../auth/guards.js';
import { notFound, Problem } from '../problem.js';
import { importSummarySchema } from '../schemas.js';
import {
  careHomeReturnSchema,
  careHomesPageSchema,
  costOfCareSchema,
  homecareReturnSchema,
  locationPictureSchema,
  locationRowSchema,
  locationSchema,
  marketSummarySchema,
  placementSchema,
  priceSummaryResultSchema,
  providerRowSchema,
  providerViewSchema,
  ratesSchema,
  usualRateSchema,
  vacancyRowSchema,
  workforceReturnSchema,
} from './schemas.js';

const TAGS = ['market'];
const isoDate = isoDateSchema;
const id = z.object({ id: z.uuid('Use the id of a record (a UUID)') });
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
const COMMISSIONERS = ['admin', 'commissioner'] as const;
const PLACERS = ['admin', 'commissioner', 'broker'] as const;

const filterQuery = z.object({
  serviceType: z.enum(SERVICE_TYPES).optional(),
  specialism: z.enum(SPECIALISMS).optional(),
  rating: z.enum([...CQC_RATINGS, 'Not rated']).optional(),
  district: z.string().trim().max(8).optional(),
  la: z
    .string()
    .regex(/^[EWSN]\d{8}$/, 'Use an ONS GSS code such as E09000016')
    .optional(),
  /** borough (default): locations in the council's area; out: outside it; all: everywhere. */
  scope: z.enum(['borough', 'out', 'all']).default('borough'),
  search: z.string().trim().max(100).optional(),
});
type FilterQuery = z.infer<typeof filterQuery>;
function toFilter(q: FilterQuery): LocationFilter {
  return {
    serviceType: q.serviceType,
    specialism: q.specialism,
    rating: q.rating,
    district: q.district || undefined,
    localAuthorityGss: q.la,
    inBorough: q.scope === 'all' ? undefined : q.scope === 'borough',
    search: q.search || undefined,
  };
}

async function locationFor(app: { db: import('../../db/client.js').Db }, locationId: string) {
  const loc = await getLocation(app.db, locationId);
  if (!loc) throw notFound('Location');
  return loc;
}

const careHomeReturnBody = z.object({
  maxCapacity: count,
  occupied: count,
  vacantReserved: count,
  vacantAccepting: count,
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
const placementBody = z.object({
  personRef: z.string().trim().min(3).max(40),
  locationId: z.uuid(),
  serviceType: z.enum(SERVICE_TYPES),
  band: z.enum([...BANDS, INDIVIDUAL_BAND]),
  startDate: isoDate,
  endDate: isoDate.nullable().optional(),
  weeklyPricePence: penceSchema('weekly price', { min: 1, max: BOUNDS.weeklyPricePence.max }).nullable().optional(),
  hoursPerWeek: z.number().positive().max(BOUNDS.hoursPerWeek.max).nullable().optional(),
  hourlyRatePence: penceSchema('hourly rate', { min: 1, max: BOUNDS.hourlyRatePence.max }).nullable().optional(),
  topUpWeeklyPence: penceSchema('weekly top-up', BOUNDS.weeklyPricePence).optional(),
  funding: z.enum(FUNDING).default('council'),
  contractType: z.enum(CONTRACT_TYPES).default('spot'),
  purpose: z.enum(PURPOSES).default('long_term'),
  origin: z.string().max(40).nullable().optional(),
  originRef: z.string().max(100).nullable().optional(),
});

/** What a location's page shows: the register entry, latest returns with their age, and history. */
async function locationPicture(db: import('../../db/client.js').Db, locationId: string, actor: Actor) {
  const loc = await getLocation(db, locationId);
  if (!loc) throw notFound('Location');
  const provider = await getProvider(db, loc.providerId);
  const now = new Date();
  const [ch, hc, wf, chHist, hcHist, wfHist] = await Promise.all([
    latestCareHomeReturn(db, locationId),
    latestHomecareReturns(db, locationId),
    latestWorkforceReturn(db, locationId),
    careHomeHistory(db, locationId),
    homecareHistory(db, locationId),
    workforceHistory(db, locationId),
  ]);
  const age = (d: Date | string | null | undefined) =>
    d
      ? {
          asAt: new Date(d).toISOString(),
          ageDays: ageInDays(new Date(d), now),
          freshness: freshness(new Date(d), now),
        }
      : { asAt: null, ageDays: null, freshness: 'missing' as const };
  const staff = actor.role !== 'provider';
  const home =
    staff && isCareHome(loc.serviceTypes) ? ((await careHomeRows(db, { locationId }, now))[0] ?? null) : null;
  const active = await listPlacements(db, { locationId, activeOn: londonDate(now) }, 5000);
  return {
    location: loc,
    provider: provider ? { id: provider.id, name: provider.name, cqcProviderId: provider.cqcProviderId } : null,
    careHome: ch ? { ...ch, ...age(ch.asAt) } : null,
    homecare: hc.map((h) => ({
      ...h,
      hoursPerWeek: Number(h.hoursPerWeek),
      newHoursAvailable: Number(h.newHoursAvailable),
      ...age(h.asAt),
    })),
    workforce: wf ? { ...wf, ...age(wf.asAt) } : null,
    history: {
      careHome: chHist.map((r) => ({
        asAt: r.asAt,
        maxCapacity: r.maxCapacity,
        occupied: r.occupied,
        vacantAccepting: r.vacantAccepting,
        vacantReserved: r.vacantReserved,
        noChange: r.noChange,
        source: r.source,
      })),
      homecare: hcHist.map((r) => ({
        asAt: r.asAt,
        area: r.area,
        peopleSupported: r.peopleSupported,
        hoursPerWeek: Number(r.hoursPerWeek),
        newHoursAvailable: Number(r.newHoursAvailable),
      })),
      workforce: wfHist.map((r) => ({
        asAt: r.asAt,
        nurses: r.nurses,
        careStaff: r.careStaff,
        nonCareStaff: r.nonCareStaff,
        agencyStaff: r.agencyStaff,
        vacancies: r.vacancies,
        absences: r.absences,
      })),
    },
    // Staff see the commissioning picture; a provider sees counts only (people are pseudonymous either way).
    placements: {
      active: active.length,
      councilFunded: active.filter((p) => p.funding === 'council' || p.funding === 'joint').length,
      list: staff
        ? active.slice(0, 500).map((p) => ({
            id: p.id,
            personRef: p.personRef,
            band: p.band,
            startDate: p.startDate,
            weeklyPricePence: p.weeklyPricePence,
            funding: p.funding,
            contractType: p.contractType,
            purpose: p.purpose,
          }))
        : [],
    },
    assessment: home,
  };
}

const marketRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 20 * 1024 * 1024 }, (_req, body, done) =>
    done(null, body),
  );

  // ---- Dashboard ----
  app.get(
    '/summary',
    {
      preHandler: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'Capacity, occupancy (now and by month), ratings, homecare, workforce and concentration',
        querystring: filterQuery,
        response: { 200: marketSummarySchema },
      },
    },
    async (request) => {
      const f = toFilter(request.query);
      const [summary, trend, districts] = await Promise.all([
        capacitySummary(app.db, f),
        occupancyTrend(app.db, f),
        listDistricts(app.db),
      ]);
      return { ...summary, occupancyTrend: trend, districts };
    },
  );
  app.get(
    '/prices',
    {
      preHandler: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary:
          'New placement prices by quarter, share at or below the usual rate, two-year change, contract mix, funding, out-of-borough',
        querystring: filterQuery,
        response: { 200: priceSummaryResultSchema },
      },
    },
    async (request) => priceSummary(app.db, toFilter(request.query)),
  );
  app.get(
    '/care-homes',
    {
      preHandler: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary:
          'Care homes with occupancy, council-funded share, prices, agency use and fragility: counts by fragility level, the homes to watch (most fragile first) and one page of all homes by name',
        querystring: filterQuery.extend({
          page: wholeNumberQuery(BOUNDS.pageNumber).default(1),
          pageSize: wholeNumberQuery(BOUNDS.pageSize)
            .default(BOUNDS.pageSize.max)
            .describe(`Homes per page: at most ${BOUNDS.pageSize.max} (more is refused with 400)`),
        }),
        response: { 200: careHomesPageSchema },
      },
    },
    async (request) =>
      careHomesPage(app.db, toFilter(request.query), { page: request.query.page, pageSize: request.query.pageSize }),
  );
  app.get(
    '/vacancies',
    {
      preHandler: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'Care homes with beds vacant and accepting admissions (latest return, with its age)',
        querystring: filterQuery.extend({ bedGroup: z.enum(['residential', 'nursing', 'dementia']).optional() }),
        response: { 200: z.array(vacancyRowSchema) },
      },
    },
    async (request) => {
      const now = new Date();
      const rows = await currentVacancies(app.db, toFilter(request.query), { bedGroup: request.query.bedGroup });
      return rows.map((r) => ({
        ...r,
        asAt: r.asAt.toISOString(),
        ageDays: ageInDays(r.asAt, now),
        freshness: freshness(r.asAt, now),
      }));
    },
  );

  // ---- Register ----
  app.get(
    '/locations',
    {
      preHandler: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'Locations in the register',
        querystring: filterQuery,
        response: { 200: z.array(locationRowSchema) },
      },
    },
    async (request) => listLocations(app.db, toFilter(request.query)),
  );
  app.get(
    '/locations/:id',
    {
      preHandler: requireSignedIn,
      schema: {
        tags: TAGS,
        summary: 'One location’s whole picture (providers: their own only)',
        params: id,
        response: { 200: locationPictureSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const loc = await locationFor(app, request.params.id);
      assertCanRead(actor, loc.providerId);
      return locationPicture(app.db, loc.id, actor);
    },
  );
  app.patch(
    '/locations/:id',
    {
      preHandler: requireRole('admin', 'commissioner', 'quality_officer'),
      schema: {
        tags: TAGS,
        summary: 'Commissioning details of a location: framework/DPS, in-borough, beds, CQC rating',
        params: id,
        body: z.object({
          onFramework: z.boolean().optional(),
          onDps: z.boolean().optional(),
          inBorough: z.boolean().optional(),
          registeredBeds: z
            .number()
            .int()
            .min(BOUNDS.locationPlaces.min)
            .max(BOUNDS.locationPlaces.max)
            .nullable()
            .optional(),
          cqcRating: z.enum(CQC_RATINGS).nullable().optional(),
          cqcRatingDate: isoDate.nullable().optional(),
          selfFunderWeeklyFeePence: penceSchema('self-funder weekly fee', BOUNDS.weeklyPricePence)
            .nullable()
            .optional(),
        }),
        response: { 200: locationSchema },
      },
    },
    async (request) =>
      updateLocationCommissioning(app.db, request.params.id, request.body, { userId: actorOf(request).userId }),
  );
  app.get(
    '/providers',
    {
      preHandler: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: 'Provider organisations',
        querystring: z.object({ search: z.string().trim().max(100).optional() }),
        response: { 200: z.array(providerRowSchema) },
      },
    },
    async (request) => listProviders(app.db, { search: request.query.search }),
  );
  app.get(
    '/providers/:id',
    {
      preHandler: requireSignedIn,
      schema: {
        tags: TAGS,
        summary: 'A provider and its locations with their latest returns (providers: their own only)',
        params: id,
        response: { 200: providerViewSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      assertCanRead(actor, request.params.id);
      const provider = await getProvider(app.db, request.params.id);
      if (!provider) throw notFound('Provider');
      const locs = await locationsOfProvider(app.db, provider.id);
      const latest = await latestCareHomeReturns(
        app.db,
        locs.map((l) => l.id),
      );
      const now = new Date();
      const withReturns = await Promise.all(
        locs.map(async (l) => {
          const ch = latest.get(l.id) ?? null;
          const hc = await latestHomecareReturns(app.db, l.id);
          const wf = await latestWorkforceReturn(app.db, l.id);
          const dates = [ch?.asAt, ...hc.map((h) => h.asAt), wf?.asAt].filter(Boolean).map((d) => new Date(d as Date));
          const last = dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : null;
          return {
            ...l,
            isCareHome: isCareHome(l.serviceTypes),
            careHome: ch,
            homecare: hc.map((h) => ({
              ...h,
              hoursPerWeek: Number(h.hoursPerWeek),
              newHoursAvailable: Number(h.newHoursAvailable),
            })),
            workforce: wf,
            lastReturnAt: last?.toISOString() ?? null,
            ageDays: last ? ageInDays(last, now) : null,
            freshness: freshness(last, now),
          };
        }),
      );
      return { provider, locations: withReturns };
    },
  );

  // ---- Returns: providers update their own locations; staff editors may too ----
  // A return council staff enter is marked as theirs ('staff'), never passed off as the provider's own.
  const sourceOf = (actor: Actor) => (actor.role === 'provider' ? 'provider' : 'staff');
  const returnRoute = <B extends z.ZodType, R extends z.ZodType>(
    path: string,
    summary: string,
    body: B,
    response: R,
    write: (actor: Actor, locationId: string, body: z.infer<B>) => Promise<z.output<R>>,
  ) =>
    app.post(
      path,
      {
        preHandler: requireSignedIn,
        // Generic over the response schema: Fastify's reply type cannot follow R, so it sees an object schema.
        schema: { tags: TAGS, summary, params: id, body, response: { 201: response as z.ZodType<object> } },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const loc = await locationFor(app, request.params.id);
        assertOwnProvider(actor, loc.providerId);
        const row = await write(actor, loc.id, request.body as z.infer<B>);
        return reply.code(201).send(row as object);
      },
    );
  returnRoute(
    '/locations/:id/capacity',
    'Record a care home capacity and vacancy return',
    careHomeReturnBody,
    careHomeReturnSchema,
    (actor, locationId, body) =>
      recordCareHomeReturn(app.db, { userId: actor.userId }, locationId, body, {
        source: sourceOf(actor),
        reportedBy: actor.userId,
      }),
  );
  returnRoute(
    '/locations/:id/homecare',
    'Record a homecare capacity return (people, hours, new hours available)',
    homecareReturnBody,
    homecareReturnSchema,
    async (actor, locationId, body) => {
      const row = await recordHomecareReturn(app.db, { userId: actor.userId }, locationId, body, {
        source: sourceOf(actor),
        reportedBy: actor.userId,
      });
      return { ...row, hoursPerWeek: Number(row.hoursPerWeek), newHoursAvailable: Number(row.newHoursAvailable) };
    },
  );
  returnRoute(
    '/locations/:id/workforce',
    'Record a workforce return',
    workforceBody,
    workforceReturnSchema,
    (actor, locationId, body) =>
      recordWorkforceReturn(app.db, { userId: actor.userId }, locationId, body, {
        source: sourceOf(actor),
        reportedBy: actor.userId,
      }),
  );
  returnRoute(
    '/locations/:id/no-change',
    'Confirm the latest figures are still right ("no change")',
    z.object({}).optional(),
    z.object({ careHome: z.boolean(), homecareAreas: z.number(), workforce: z.boolean() }),
    (actor, locationId) => confirmNoChange(app.db, { userId: actor.userId }, locationId, actor.userId, sourceOf(actor)),
  );

  app.post(
    '/providers/:id/capacity-csv',
    {
      preHandler: requireSignedIn,
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

  // ---- Usual rates and cost of care ----
  app.get(
    '/rates',
    {
      preHandler: requireSignedIn,
      schema: {
        tags: TAGS,
        summary: 'Usual rates by band (all effective dates) and cost of care',
        response: { 200: ratesSchema },
      },
    },
    async () => ({ usualRates: await listUsualRates(app.db), costOfCare: await listCostOfCare(app.db) }),
  );
  app.put(
    '/rates',
    {
      preHandler: requireRole(...COMMISSIONERS),
      schema: {
        tags: TAGS,
        summary: 'Set the usual rate for a band from a date',
        body: z.object({
          band: z.enum(BANDS),
          effectiveFrom: plannedDateSchema('date the rate takes effect', BOUNDS.earliestUsualRateDate),
          amountPence: penceSchema('rate', BOUNDS.weeklyPricePence).refine(
            (p) => p > 0,
            'Enter a rate of more than £0',
          ),
          note: z.string().max(500).nullable().optional(),
        }),
        response: { 200: usualRateSchema },
      },
    },
    async (request) => setUsualRate(app.db, { userId: actorOf(request).userId }, request.body),
  );
  app.put(
    '/cost-of-care',
    {
      preHandler: requireRole(...COMMISSIONERS),
      schema: {
        tags: TAGS,
        summary: 'Set a cost of care figure',
        body: z.object({
          service: z.enum(['residential', 'nursing', 'homecare']),
          effectiveFrom: plannedDateSchema('date the figure takes effect', BOUNDS.earliestUsualRateDate),
          amountPence: penceSchema('cost of care', BOUNDS.weeklyPricePence).refine(
            (p) => p > 0,
            'Enter a cost of more than £0',
          ),
          source: z.string().max(500).nullable().optional(),
        }),
        response: { 200: costOfCareSchema },
      },
    },
    async (request) => setCostOfCare(app.db, { userId: actorOf(request).userId }, request.body),
  );

  // ---- Placements ----
  app.get(
    '/placements',
    {
      preHandler: requireRole(...EDITOR_ROLES, 'viewer'),
      schema: {
        tags: TAGS,
        summary: 'Placements and packages (pseudonymous)',
        querystring: z.object({
          locationId: z.uuid().optional(),
          activeOn: isoDate.optional(),
          startedFrom: isoDate.optional(),
          startedTo: isoDate.optional(),
        }),
        response: { 200: z.array(placementSchema) },
      },
    },
    async (request) => listPlacements(app.db, request.query, 2000),
  );
  app.post(
    '/placements',
    {
      preHandler: requireRole(...PLACERS),
      schema: {
        tags: TAGS,
        summary: 'Create a placement or package (takes a bed in the home’s capacity)',
        body: placementBody,
        response: { 201: placementSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await createPlacement(app.db, { userId: actor.userId }, request.body, { createdBy: actor.userId });
      return reply.code(201).send(row);
    },
  );
  app.post(
    '/placements/:id/end',
    {
      preHandler: requireRole(...PLACERS),
      schema: {
        tags: TAGS,
        summary: 'End a placement (frees the bed)',
        params: id,
        body: z.object({ endDate: isoDate, reason: z.string().trim().min(1).max(200) }),
        response: { 200: placementSchema },
      },
    },
    async (request) => {
      if (!(await getPlacement(app.db, request.params.id))) throw notFound('Placement');
      return endPlacement(
        app.db,
        { userId: actorOf(request).userId },
        request.params.id,
        request.body.endDate,
        request.body.reason,
      );
    },
  );

  // ---- CQC import from the web (the same importer as `steward import cqc`) ----
  app.post(
    '/import/cqc',
    {
      preHandler: requireRole(...COMMISSIONERS),
      schema: {
        tags: TAGS,
        summary: 'Import the CQC care directory CSV (text/csv); refused whole with line-and-column errors',
        querystring: z.object({ fileName: z.string().max(200).default('cqc-directory.csv') }),
        response: { 200: importSummarySchema },
      },
    },
    async (request) => {
      if (typeof request.body !== 'string') throw new Problem(415, undefined, 'Send the CSV file as text/csv');
      const borough = await getBorough(app.db);
      try {
        return await runImport(app.db, cqcImporter, textSource(request.query.fileName, request.body), {
          actor: { userId: actorOf(request).userId },
          options: { borough: borough?.gssCode },
        });
      } catch (e) {
        if (e instanceof ImportRejected) {
          throw new Problem(
            422,
            'The file was not imported',
            `${e.issues.length} problem${e.issues.length === 1 ? '' : 's'} found; nothing was saved`,
            e.issues.map((i) => ({
              field: i.line == null ? (i.field ?? 'file') : `line ${i.line}: ${i.field ?? ''}`,
              message: i.message,
              in: 'body',
            })),
          );
        }
        throw e;
      }
    },
  );
};

export default marketRoutes;
