// Transfer of Care hub API (/api/discharge). Thin: parse with Zod, check role and ownership, call the
// repositories in src/db/discharge and the pure rules in src/domain/discharge.
// Who may do what:
// - broker, admin: everything on referrals (create, search, send, award, delays, discharge) and the restricted
//   details (name, NHS number);
// - commissioner, quality officer, viewer: read the board, referrals (without restricted details), metrics;
// - provider: only the /provider/* routes, which are scoped to the provider in its session.
import ExcelJS from 'exceljs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { csvOfRows } from '../../domain/core/csv.js';
import { addDays, isoDateSchema, londonDate } from '../../domain/core/dates.js';
import { STAFF_ROLES, type Actor } from '../../domain/core/auth.js';
import { offerDateErrors, responseInputSchema, sendRequestSchema } from '../../domain/discharge/brokerage.js';
import { DELAY_KEYS } from '../../domain/discharge/metrics.js';
import { describeFindings, screenFreeText } from '../../domain/discharge/screening.js';
import { DELAY_REASONS, DESTINATIONS, referralInputSchema, type ServiceNeed } from '../../domain/discharge/referral.js';
import { periodStart } from '../../domain/discharge/time.js';
import {
  awardOffer,
  listNotifications,
  listRequestsForProvider,
  listResponses,
  providerAcceptance,
  respondToRequest,
  sendRequests,
} from '../../db/discharge/brokerage.js';
import { searchCandidates } from '../../db/discharge/candidates.js';
import { loadBoard, loadD2a, loadMetrics, type MetricsReport } from '../../db/discharge/flow.js';
import { readDischargeHistory } from '../../db/discharge/history.js';
import {
  cancelReferral,
  createReferral,
  getReferral,
  getRestrictedDetails,
  listRecentReferrals,
  recordDelay,
  recordDischarge,
} from '../../db/discharge/referrals.js';
import { actorOf, requireRole } from '../auth/guards.js';
import { download, MEDIA, noContent } from '../schemas.js';
import {
  awardSchema,
  boardSchema,
  candidatesSchema,
  d2aSchema,
  historySchema,
  metricsSchema,
  providerRecordSchema,
  providerRequestsSchema,
  providerRequestViewSchema,
  referralDetailSchema,
  referralListSchema,
  referralResponseSchema,
  sentSchema,
} from './schemas.js';
import { recordAudit } from '../../db/core/audit.js';
import { forbidden, invalid, notFound, Problem } from '../problem.js';
import { assertDateRange } from '../ranges.js';

const HUB_ROLES = ['broker', 'admin'] as const;
/** Staff who see a person's name and NHS number: the hub itself. */
const RESTRICTED_ROLES = new Set(['broker', 'admin']);

const idParams = z.object({ id: z.string().uuid() });
const isoDate = isoDateSchema;

function who(actor: Actor) {
  return { userId: actor.userId };
}

function providerIdOf(actor: Actor): string {
  if (actor.role !== 'provider' || !actor.providerId) throw forbidden('Only provider users have a provider view');
  return actor.providerId;
}

const METRIC_COLUMNS: { header: string; value: (r: MetricsReport['rows'][number]) => number | string | null }[] = [
  { header: 'Period starting', value: (r) => r.period },
  ...([0, 1, 2, 3] as const).map((p) => ({
    header: `Referrals pathway ${p}`,
    value: (r: MetricsReport['rows'][number]) => r.referrals[p],
  })),
  ...([0, 1, 2, 3] as const).map((p) => ({
    header: `Discharges pathway ${p}`,
    value: (r: MetricsReport['rows'][number]) => r.discharges[p],
  })),
  { header: 'Median days medically optimised to discharge', value: (r) => r.wait.medianDays },
  { header: '90th percentile days medically optimised to discharge', value: (r) => r.wait.p90Days },
  { header: 'Discharged same or next day', value: (r) => r.sameOrNextDay },
  { header: 'Share discharged same or next day', value: (r) => r.sameOrNextDayShare },
  ...DELAY_KEYS.map((k) => ({
    header: `Delayed bed-days: ${k.replace(/_/g, ' ')}`,
    value: (r: MetricsReport['rows'][number]) => r.delayedBedDays[k],
  })),
  { header: 'Delayed bed-days total', value: (r) => r.delayedBedDaysTotal },
  { header: 'Requests sent', value: (r) => r.requestsSent },
  { header: 'Offers received', value: (r) => r.offersReceived },
  { header: 'Offers per request', value: (r) => r.offersPerRequest },
  { header: 'Median hours to first offer', value: (r) => r.firstOfferMedianHours },
  { header: 'Discharges to usual place of residence', value: (r) => r.dischargesToUsualResidence },
  { header: 'Share to usual place of residence', value: (r) => r.usualResidenceShare },
];

/** A reporting window's query: `from` and `to` are both days included (London dates); `to` defaults to today. */
const lastDayIncluded = isoDate.optional().describe('Last day included (London date); defaults to today');
const metricsQuery = z.object({
  period: z.enum(['week', 'month']).default('month'),
  from: isoDate.optional(),
  to: lastDayIncluded,
});

/**
 * The window a report covers as the user reads it (`from` to `to`, both days included; `to` never after today) and
 * the half-open end the queries use (`end` = the day after `to`).
 */
function reportingWindow(from: string | undefined, to: string | undefined, now: Date, defaultDays: number) {
  const today = londonDate(now);
  const last = to && to < today ? to : today;
  return { from: from ?? addDays(last, -defaultDays), to: last, end: addDays(last, 1) };
}

/** Default window: the last twelve whole months plus this one (or the last 26 weeks). */
function metricsWindow(q: z.infer<typeof metricsQuery>, now: Date): { from: string; to: string; end: string } {
  const w = reportingWindow(q.from, q.to, now, 0);
  if (q.from) return w;
  if (q.period === 'week') return { ...w, from: periodStart(addDays(w.to, -7 * 25), 'week') };
  const [y, m] = w.to.split('-').map(Number);
  const start = new Date(Date.UTC(y, m - 1 - 12, 1)).toISOString().slice(0, 10);
  return { ...w, from: start };
}

const dischargeRoutes: FastifyPluginAsyncZod = async (app) => {
  // ------------------------------------------------------------------ hub (staff)
  app.get(
    '/board',
    {
      preHandler: requireRole(...STAFF_ROLES),
      schema: {
        tags: ['discharge'],
        summary: 'Everyone medically optimised and still in hospital, by pathway',
        response: { 200: boardSchema },
      },
    },
    async () => {
      const now = new Date();
      return { asAt: now.toISOString(), lanes: await loadBoard(app.db, now) };
    },
  );

  app.get(
    '/referrals',
    {
      preHandler: requireRole(...STAFF_ROLES),
      schema: {
        tags: ['discharge'],
        summary: 'Most recent referrals',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }),
        response: { 200: referralListSchema },
      },
    },
    async (request) => ({ referrals: await listRecentReferrals(app.db, request.query.limit) }),
  );

  app.post(
    '/referrals',
    {
      preHandler: requireRole(...HUB_ROLES),
      schema: {
        tags: ['discharge'],
        summary: 'Record a referral for a person who is medically optimised',
        body: referralInputSchema,
        response: { 201: referralResponseSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const referral = await createReferral(app.db, request.body, who(actor));
      return reply.code(201).send({ referral });
    },
  );

  app.get(
    '/referrals/:id',
    {
      preHandler: requireRole(...STAFF_ROLES),
      schema: {
        tags: ['discharge'],
        summary: 'One referral with every provider response',
        params: idParams,
        response: { 200: referralDetailSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const referral = await getReferral(app.db, request.params.id);
      if (!referral) throw notFound('Referral');
      const responses = await listResponses(app.db, referral.id);
      const restricted = RESTRICTED_ROLES.has(actor.role) ? await getRestrictedDetails(app.db, referral.id) : null;
      if (restricted && (restricted.name || restricted.nhsNumber)) {
        // Every view of a person's identifying details is on the audit trail (which fields, never their values).
        await recordAudit(app.db, who(actor), {
          action: 'view-identifying-details',
          entity: 'discharge_referral',
          entityId: referral.id,
          detail: {
            fields: [restricted.name ? 'name' : null, restricted.nhsNumber ? 'nhsNumber' : null].filter(Boolean),
          },
        });
      }
      // The hub sees what the request's summary would reveal to providers before sending it.
      const screening = restricted ? screenFreeText(referral.needsSummary, { name: restricted.name }) : [];
      return { referral, responses, restricted, screening };
    },
  );

  app.get(
    '/referrals/:id/candidates',
    {
      preHandler: requireRole(...HUB_ROLES, 'commissioner'),
      schema: {
        tags: ['discharge'],
        summary: 'Who can take this person now, ranked, with reasons',
        params: idParams,
        querystring: z.object({
          radiusKm: z.coerce.number().min(1).max(400).default(40),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: candidatesSchema },
      },
    },
    async (request) => {
      const referral = await getReferral(app.db, request.params.id);
      if (!referral) throw notFound('Referral');
      const result = await searchCandidates(app.db, {
        serviceNeed: referral.serviceNeed as ServiceNeed,
        specialisms: referral.specialisms,
        postcodeDistrict: referral.postcodeDistrict,
        homecareHoursPerWeek: referral.homecareHoursPerWeek ?? undefined,
        doubleHanded: referral.doubleHanded,
        preferredDistricts: referral.preferredDistricts,
        preferredLocationIds: referral.preferredLocationIds,
        radiusKm: request.query.radiusKm,
        limit: request.query.limit,
      });
      return result;
    },
  );

  app.post(
    '/referrals/:id/requests',
    {
      preHandler: requireRole(...HUB_ROLES),
      schema: {
        tags: ['discharge'],
        summary: 'Send the anonymised request to chosen providers or the whole framework/DPS',
        params: idParams,
        body: sendRequestSchema,
        response: { 201: sentSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const referral = await getReferral(app.db, request.params.id);
      if (referral && !request.body.sendAnyway) {
        const { name } = await getRestrictedDetails(app.db, referral.id);
        const findings = screenFreeText(referral.needsSummary, { name });
        if (findings.length) {
          throw new Problem(409, 'Check the summary before sending', describeFindings(findings), [
            { field: 'needsSummary', message: describeFindings(findings), in: 'body' },
          ]);
        }
      }
      const result = await sendRequests(app.db, request.params.id, request.body, who(actor));
      return reply.code(201).send(result);
    },
  );

  app.post(
    '/referrals/:id/delays',
    {
      preHandler: requireRole(...HUB_ROLES),
      schema: {
        tags: ['discharge'],
        summary: 'Record why the person is still waiting',
        params: idParams,
        body: z.object({
          reason: z.enum(DELAY_REASONS, { message: 'Select a delay reason' }),
          note: z.string().trim().max(300).default(''),
        }),
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await recordDelay(app.db, request.params.id, request.body.reason, request.body.note, who(actor));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/referrals/:id/discharge',
    {
      preHandler: requireRole(...HUB_ROLES),
      schema: {
        tags: ['discharge'],
        summary: 'Record that the person has left hospital',
        params: idParams,
        body: z.object({
          destination: z.enum(DESTINATIONS, { message: 'Select where the person went' }),
          dischargedAt: z.string().datetime({ offset: true }).optional(),
        }),
        response: { 200: referralResponseSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const at = request.body.dischargedAt ? new Date(request.body.dischargedAt) : new Date();
      if (at.getTime() > Date.now() + 60_000)
        throw invalid([{ field: 'dischargedAt', message: 'Discharge time cannot be in the future', in: 'body' }]);
      const referral = await recordDischarge(app.db, request.params.id, request.body.destination, who(actor), at);
      return { referral };
    },
  );

  app.post(
    '/referrals/:id/cancel',
    {
      preHandler: requireRole(...HUB_ROLES),
      schema: {
        tags: ['discharge'],
        summary: 'Cancel a referral',
        params: idParams,
        body: z.object({ reason: z.string().trim().min(1, 'Enter why the referral is cancelled').max(300) }),
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await cancelReferral(app.db, request.params.id, request.body.reason, who(actor));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/offers/:id/award',
    {
      preHandler: requireRole(...HUB_ROLES),
      schema: {
        tags: ['discharge'],
        summary: 'Award an offer: creates the placement and updates the vacancy in one transaction',
        params: idParams,
        response: { 200: awardSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return awardOffer(app.db, request.params.id, who(actor));
    },
  );

  // ------------------------------------------------------------------ metrics, D2A, history (staff)
  app.get(
    '/metrics',
    {
      preHandler: requireRole(...STAFF_ROLES),
      schema: {
        tags: ['discharge'],
        summary: 'Flow and delay metrics per week or month',
        querystring: metricsQuery,
        response: { 200: metricsSchema },
      },
    },
    async (request) => {
      const now = new Date();
      const w = metricsWindow(request.query, now);
      assertDateRange({ from: w.from, to: w.end });
      const report = await loadMetrics(app.db, { period: request.query.period, from: w.from, to: w.end, asAt: now });
      return { ...report, to: w.to };
    },
  );

  app.get(
    '/metrics/export',
    {
      preHandler: requireRole(...STAFF_ROLES),
      schema: {
        tags: ['discharge'],
        summary: 'Metrics as CSV or Excel',
        querystring: metricsQuery.extend({ format: z.enum(['csv', 'xlsx']).default('csv') }),
        response: { 200: download('The metrics as a CSV file or an Excel workbook', MEDIA.csv, MEDIA.xlsx) },
      },
    },
    async (request, reply) => {
      const now = new Date();
      const w = metricsWindow(request.query, now);
      assertDateRange({ from: w.from, to: w.end });
      const report = await loadMetrics(app.db, { period: request.query.period, from: w.from, to: w.end, asAt: now });
      const name = `discharge-metrics-${request.query.period}-${w.from}-to-${w.to}`;
      if (request.query.format === 'csv') {
        const csv = csvOfRows([
          METRIC_COLUMNS.map((c) => c.header),
          ...report.rows.map((r) => METRIC_COLUMNS.map((c) => c.value(r))),
        ]);
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}.csv"`)
          .send(csv);
      }
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Metrics');
      ws.addRow(METRIC_COLUMNS.map((c) => c.header));
      for (const r of report.rows) ws.addRow(METRIC_COLUMNS.map((c) => c.value(r)));
      const acc = wb.addWorksheet('Acceptance by provider');
      acc.addRow([
        'Provider',
        'Requests received',
        'Offers',
        'Declines',
        'No response',
        'Awarded',
        'Acceptance rate',
        'Median hours to respond',
      ]);
      for (const a of report.acceptance)
        acc.addRow([
          a.providerName,
          a.received,
          a.offers,
          a.declines,
          a.noResponse,
          a.awarded,
          a.acceptanceRate,
          a.medianResponseHours,
        ]);
      const buf = Buffer.from(await wb.xlsx.writeBuffer());
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${name}.xlsx"`)
        .send(buf);
    },
  );

  app.get(
    '/d2a',
    {
      preHandler: requireRole(...STAFF_ROLES),
      schema: {
        tags: ['discharge'],
        summary: 'D2A (or rehab) block beds: occupancy, length of stay against six weeks, outcomes',
        querystring: z.object({
          kind: z.enum(['d2a', 'rehab']).default('d2a'),
          from: isoDate.optional(),
          to: lastDayIncluded,
        }),
        response: { 200: d2aSchema },
      },
    },
    async (request) => {
      const now = new Date();
      const w = reportingWindow(request.query.from, request.query.to, now, 181);
      assertDateRange({ from: w.from, to: w.end });
      const report = await loadD2a(app.db, { kind: request.query.kind, from: w.from, to: w.end, now });
      return { ...report, to: w.to };
    },
  );

  app.get(
    '/history',
    {
      preHandler: requireRole(...STAFF_ROLES),
      schema: {
        tags: ['discharge'],
        summary: 'Arrivals per day by pathway, waits and lengths of stay (for capacity planning)',
        querystring: z.object({ from: isoDate.optional(), to: isoDate.optional() }),
        response: { 200: historySchema },
      },
    },
    async (request) => {
      const now = new Date();
      const to = request.query.to ?? londonDate(now);
      const from = request.query.from ?? addDays(to, -365);
      assertDateRange({ from, to });
      return readDischargeHistory(app.db, { from, to, asAt: now });
    },
  );

  // ------------------------------------------------------------------ provider view
  app.get(
    '/provider/requests',
    {
      preHandler: requireRole('provider'),
      schema: {
        tags: ['discharge'],
        summary: 'Requests sent to my organisation (anonymised)',
        response: { 200: providerRequestsSchema },
      },
    },
    async (request) => {
      const providerId = providerIdOf(actorOf(request));
      return { requests: await listRequestsForProvider(app.db, providerId) };
    },
  );

  app.get(
    '/provider/requests/:id',
    {
      preHandler: requireRole('provider'),
      schema: {
        tags: ['discharge'],
        summary: 'One request sent to my organisation',
        params: idParams,
        response: { 200: z.object({ request: providerRequestViewSchema }) },
      },
    },
    async (request) => {
      const providerId = providerIdOf(actorOf(request));
      const [req] = await listRequestsForProvider(app.db, providerId, { requestId: request.params.id });
      // Another provider's request is simply not found.
      if (!req) throw notFound('Request');
      return { request: req };
    },
  );

  app.post(
    '/provider/requests/:id/response',
    {
      preHandler: requireRole('provider'),
      schema: {
        tags: ['discharge'],
        summary: 'Offer or decline',
        params: idParams,
        body: responseInputSchema,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const providerId = providerIdOf(actor);
      if (request.body.response === 'offer') {
        const errors = offerDateErrors(request.body, londonDate(new Date()));
        if (errors.length) throw invalid(errors.map((e) => ({ ...e, in: 'body' })));
      }
      await respondToRequest(app.db, request.params.id, providerId, request.body, who(actor));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/provider/record',
    {
      preHandler: requireRole('provider'),
      schema: {
        tags: ['discharge'],
        summary: 'My acceptance record and notifications',
        querystring: z.object({ from: isoDate.optional(), to: lastDayIncluded }),
        response: { 200: providerRecordSchema },
      },
    },
    async (request) => {
      const providerId = providerIdOf(actorOf(request));
      const w = reportingWindow(request.query.from, request.query.to, new Date(), 364);
      assertDateRange({ from: w.from, to: w.end });
      const [record, notifications] = await Promise.all([
        providerAcceptance(app.db, providerId, w.from, w.end),
        listNotifications(app.db, providerId),
      ]);
      return { from: w.from, to: w.to, record, notifications };
    },
  );
};

export default dischargeRoutes;
