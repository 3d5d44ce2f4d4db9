// Staff reports on discharge: metrics by week or month and their download, the D2A figures and the history.
import ExcelJS from 'exceljs';
import { ResponseSerializationError, type FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { csvOfRows } from '../../domain/core/csv.js';
import { addDays, londonDate, londonDateTimeText, longDateText } from '../../domain/core/dates.js';
import { STAFF_ROLES } from '../../domain/core/auth.js';
import { DELAY_KEYS } from '../../domain/discharge/metrics.js';
import { DELAY_REASON_LABELS } from '../../domain/discharge/referral.js';
import { periodStart } from '../../domain/discharge/time.js';
import { loadD2a, loadMetrics, type MetricsReport } from '../../db/discharge/flow.js';
import { readDischargeHistory } from '../../db/discharge/history.js';
import { requireRole } from '../auth/guards.js';
import { flowMetricsOn, sharedComputePool } from './computePool.js';
import { encodeJsonInSlices } from './slicedJson.js';
import { download, MEDIA, sendAttachment } from '../schemas.js';
import { d2aSchema, historySchema, metricsSchema } from './schemas/metrics.js';
import { assertDateRange } from '../ranges.js';
import { isoDate, lastDayIncluded, reportingWindow } from './params.js';

/** A share (0 to 1) as a percentage to one decimal place, as the metrics page shows it. */
const percent = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
const oneDecimal = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

/**
 * The metrics download's columns, in the words and units the metrics page uses: delay reasons by their labels,
 * shares as percentages to one decimal place, days and hours to one decimal place.
 */
function metricColumns(
  period: 'week' | 'month',
): { header: string; value: (r: MetricsReport['rows'][number]) => number | string | null }[] {
  return [
    { header: period === 'week' ? 'Week starting' : 'Month starting', value: (r) => r.period },
    ...([0, 1, 2, 3] as const).map((p) => ({
      header: `Referrals, pathway ${p}`,
      value: (r: MetricsReport['rows'][number]) => r.referrals[p],
    })),
    ...([0, 1, 2, 3] as const).map((p) => ({
      header: `Discharges, pathway ${p}`,
      value: (r: MetricsReport['rows'][number]) => r.discharges[p],
    })),
    { header: 'Median days from medically optimised to discharge', value: (r) => oneDecimal(r.wait.medianDays) },
    {
      header: '90th percentile days from medically optimised to discharge',
      value: (r) => oneDecimal(r.wait.p90Days),
    },
    { header: 'Discharged the same or next day', value: (r) => r.sameOrNextDay },
    { header: 'Discharged the same or next day (%)', value: (r) => percent(r.sameOrNextDayShare) },
    ...DELAY_KEYS.map((k) => ({
      header: `Delayed bed-days: ${DELAY_REASON_LABELS[k].toLowerCase()}`,
      value: (r: MetricsReport['rows'][number]) => oneDecimal(r.delayedBedDays[k]),
    })),
    { header: 'Delayed bed-days, total', value: (r) => oneDecimal(r.delayedBedDaysTotal) },
    { header: 'Requests sent to providers', value: (r) => r.requestsSent },
    { header: 'Offers received', value: (r) => r.offersReceived },
    { header: 'Offers per request', value: (r) => oneDecimal(r.offersPerRequest) },
    { header: 'Median hours to the first offer', value: (r) => oneDecimal(r.firstOfferMedianHours) },
    { header: 'Discharges to the usual place of residence', value: (r) => r.dischargesToUsualResidence },
    { header: 'Discharges to the usual place of residence (%)', value: (r) => percent(r.usualResidenceShare) },
  ];
}

const metricsQuery = z.object({
  period: z.enum(['week', 'month']).default('month'),
  from: isoDate.optional(),
  to: lastDayIncluded,
});

/** Default window: the last twelve whole months plus this one (or the last 26 weeks). */
function metricsWindow(q: z.infer<typeof metricsQuery>, now: Date): { from: string; to: string; end: string } {
  const w = reportingWindow(q.from, q.to, now, 0);
  if (q.from) return w;
  if (q.period === 'week') return { ...w, from: periodStart(addDays(w.to, -7 * 25), 'week') };
  const [y, m] = w.to.split('-').map(Number);
  const start = new Date(Date.UTC(y, m - 1 - 12, 1)).toISOString().slice(0, 10);
  return { ...w, from: start };
}

const metricsRoutes: FastifyPluginAsyncZod = async (app) => {
  /** The window the query asks for (or the default one) and the metrics over it, as at `now`. @throws on a bad range */
  const metricsFor = async (q: z.infer<typeof metricsQuery>, now: Date) => {
    const w = metricsWindow(q, now);
    assertDateRange({ from: w.from, to: w.end });
    const report = await loadMetrics(
      app.db,
      { period: q.period, from: w.from, to: w.end, asAt: now },
      flowMetricsOn(sharedComputePool()),
    );
    return { w, report };
  };
  // ------------------------------------------------------------------ metrics, D2A, history (staff)
  app.get(
    '/metrics',
    {
      onRequest: requireRole(...STAFF_ROLES),
      schema: {
        tags: ['discharge'],
        summary: 'Flow and delay metrics per week or month',
        querystring: metricsQuery,
        response: { 200: metricsSchema },
      },
    },
    async (request) => {
      const now = new Date();
      const { w, report } = await metricsFor(request.query, now);
      return { ...report, to: w.to };
    },
  );

  app.get(
    '/metrics/export',
    {
      onRequest: requireRole(...STAFF_ROLES),
      schema: {
        tags: ['discharge'],
        summary: 'Metrics as CSV or Excel',
        querystring: metricsQuery.extend({ format: z.enum(['csv', 'xlsx']).default('csv') }),
        response: { 200: download('The metrics as a CSV file or an Excel workbook', MEDIA.csv, MEDIA.xlsx) },
      },
    },
    async (request, reply) => {
      const now = new Date();
      const { w, report } = await metricsFor(request.query, now);
      // The file names the filter (by week or month, from and to), as the page's own downloads do.
      const name = `discharge-metrics-by-${request.query.period}-${w.from}-to-${w.to}`;
      const columns = metricColumns(request.query.period);
      if (request.query.format === 'csv') {
        const csv = csvOfRows([
          columns.map((c) => c.header),
          ...report.rows.map((r) => columns.map((c) => c.value(r))),
        ]);
        return sendAttachment(reply, csv, `${name}.csv`, `${MEDIA.csv}; charset=utf-8`);
      }
      const wb = new ExcelJS.Workbook();
      // What the workbook is, the filter it was made with and when (UK time), before the figures.
      const about = wb.addWorksheet('About');
      about.columns = [{ width: 34 }, { width: 90 }];
      about.addRows([
        ['Hospital discharge metrics', ''],
        ['Grouped by', request.query.period === 'week' ? 'Week (Monday to Sunday)' : 'Calendar month'],
        ['From', longDateText(w.from)],
        ['To (last day included)', longDateText(w.to)],
        ['Produced', `${londonDateTimeText(now)} (UK time)`],
        ['Source', 'Steward discharge hub records: referrals, requests, offers, delays and discharges'],
        [
          'Waits',
          'From the time a person is medically optimised to the time they leave hospital, for people discharged in the period',
        ],
        ['Acceptance rate', 'Offers as a percentage of the requests a provider received'],
      ]);
      about.getRow(1).font = { bold: true, size: 14 };
      const ws = wb.addWorksheet('Metrics');
      ws.addRow(columns.map((c) => c.header));
      ws.getRow(1).font = { bold: true };
      for (const r of report.rows) ws.addRow(columns.map((c) => c.value(r)));
      const acc = wb.addWorksheet('Acceptance by provider');
      acc.addRow([
        'Provider',
        'Requests received',
        'Offers',
        'Declines',
        'No response',
        'Awarded',
        'Acceptance rate (%)',
        'Median hours to respond',
      ]);
      acc.getRow(1).font = { bold: true };
      for (const a of report.acceptance)
        acc.addRow([
          a.providerName,
          a.received,
          a.offers,
          a.declines,
          a.noResponse,
          a.awarded,
          percent(a.acceptanceRate),
          oneDecimal(a.medianResponseHours),
        ]);
      const buf = Buffer.from(await wb.xlsx.writeBuffer());
      return sendAttachment(reply, buf, `${name}.xlsx`, MEDIA.xlsx);
    },
  );

  app.get(
    '/d2a',
    {
      onRequest: requireRole(...STAFF_ROLES),
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
      onRequest: requireRole(...STAFF_ROLES),
      schema: {
        tags: ['discharge'],
        summary: 'Arrivals per day by pathway, waits and lengths of stay (for capacity planning)',
        querystring: z.object({ from: isoDate.optional(), to: isoDate.optional() }),
        response: { 200: historySchema },
      },
    },
    async (request, reply) => {
      const now = new Date();
      const to = request.query.to ?? londonDate(now);
      const from = request.query.from ?? addDays(to, -365);
      assertDateRange({ from, to });
      const history = await readDischargeHistory(app.db, { from, to, asAt: now });
      // Five years are 2 MB of JSON: checked against the response schema and written a slice of episodes at a
      // time (the same text), so the server answers other requests meanwhile.
      const json = await encodeJsonInSlices(historySchema, 'episodes', history).catch((err: unknown) => {
        throw err instanceof z.ZodError
          ? new ResponseSerializationError(request.method, request.url, { cause: err })
          : err;
      });
      return reply.type('application/json; charset=utf-8').send(json as never);
    },
  );
};

export default metricsRoutes;
