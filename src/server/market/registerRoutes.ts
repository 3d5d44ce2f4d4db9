// The market register's API: locations (list, one location's picture, council edits) and providers.
import { actualDateSchema, BOUNDS, penceSchema } from '../../domain/core/bounds.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { londonDate } from '../../domain/core/dates.js';
import { STAFF_ROLES, type Actor } from '../../domain/core/auth.js';
import { ageInDays, freshness } from '../../domain/market/capacity.js';
import { CQC_RATINGS, isCareHome } from '../../domain/market/types.js';
import {
  careHomeHistory,
  homecareHistory,
  latestCareHomeReturn,
  latestCareHomeReturns,
  latestHomecareReturns,
  latestWorkforceReturn,
  workforceHistory,
} from '../../db/market/capacityQueries.js';
import { careHomeRows } from '../../db/market/dashboard.js';
import { listPlacements } from '../../db/market/placements.js';
import {
  ON_PROVIDERS_BEHALF,
  recorderNames,
  selfFunderFeeHistory,
  selfFunderFeesOn,
  selfFunderFeesUpcoming,
} from '../../db/market/selfFunderFees.js';
import { BED_CLOSED_REASON_LABELS, type BedClosedReason } from '../../domain/market/capacity.js';
import {
  getLocation,
  getProvider,
  listLocations,
  listProviders,
  locationsOfProvider,
  updateLocationCommissioning,
} from '../../db/market/register.js';
import { actorOf, assertCanRead, requireRole, requireSignedIn } from '../auth/guards.js';
import { notFound } from '../problem.js';
import {
  locationPictureSchema,
  locationRowSchema,
  locationSchema,
  providerRowSchema,
  providerViewSchema,
} from './schemas/register.js';
import { filterQuery, id, locationFor, TAGS, toFilter } from './params.js';

/** How a return that no person filed came in, as its history says. */
const SOURCE_WORDS: Record<string, string> = {
  system: 'Steward, when a placement started or ended',
  capacity_tracker: 'Imported from the Capacity Tracker',
  import: 'Imported from a spreadsheet',
  demo: 'Demonstration data',
};

/** Who filed a return: the provider's own user by name, council staff on its behalf, or how it came in. */
function filedBy(source: string, reportedBy: string | null, names: Map<string, string>): string | null {
  if (source === 'staff') return ON_PROVIDERS_BEHALF;
  if (reportedBy && names.has(reportedBy)) return names.get(reportedBy) ?? null;
  return SOURCE_WORDS[source] ?? null;
}

/** Why beds were closed, in words: the reason's label, with the words given for "another reason". */
function closedReasonText(reason: string | null, note: string | null): string | null {
  if (!reason) return null;
  const label = BED_CLOSED_REASON_LABELS[reason as BedClosedReason] ?? reason;
  return note ? `${label}: ${note}` : label;
}

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
  const names = await recorderNames(
    db,
    chHist.map((r) => r.reportedBy),
  );
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
        vacantClosed: r.vacantClosed,
        closedReason: r.closedReason,
        heldForAssessment: r.heldForAssessment,
        noChange: r.noChange,
        nilReturn: r.nilReturn,
        source: r.source,
        closedReasonText: r.vacantClosed > 0 ? closedReasonText(r.closedReason, r.closedNote) : null,
        filedBy: filedBy(r.source, r.reportedBy, names),
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
    selfFunderFees: isCareHome(loc.serviceTypes) ? await selfFunderFeesOn(db, locationId, londonDate(now)) : [],
    selfFunderFeesUpcoming: isCareHome(loc.serviceTypes)
      ? await selfFunderFeesUpcoming(db, locationId, londonDate(now))
      : [],
    selfFunderFeeHistory: isCareHome(loc.serviceTypes) ? await selfFunderFeeHistory(db, locationId) : [],
  };
}

const registerRoutes: FastifyPluginAsyncZod = async (app) => {
  // ---- Register ----
  app.get(
    '/locations',
    {
      onRequest: requireRole(...STAFF_ROLES),
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
      onRequest: requireSignedIn,
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
      onRequest: requireRole('admin', 'commissioner', 'quality_officer'),
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
          cqcRatingDate: actualDateSchema('CQC rating date').nullable().optional(),
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
      onRequest: requireRole(...STAFF_ROLES),
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
      onRequest: requireSignedIn,
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
};

export default registerRoutes;
