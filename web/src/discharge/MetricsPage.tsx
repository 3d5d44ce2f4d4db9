import { PublishedFiguresSection } from './PublishedFigures';
import * as Plot from '@observablehq/plot';
import { useCallback, useMemo, useState } from 'react';
import { useApi, withQuery } from '../api';
import {
  Chart,
  Details,
  DownloadLinks,
  KeyFigures,
  Table,
  categoricalColours,
  chartColours,
  formatDate,
  formatRatio,
  type DownloadColumn,
} from '../components';
import { DELAY_REASON_LABELS } from './labels';
import { lastEndedPeriods, periodEndedIn } from './metricsPeriods';
import { DischargeReportPage } from './DischargeReportPage';
import type { MetricsReport, PeriodMetrics, ProviderAcceptance } from './types';

/** The periods the figures are shown by, monthly first. */
const PERIODS = [
  { value: 'month', text: 'Month' },
  { value: 'week', text: 'Week' },
] as const;

const DELAY_KEYS = Object.keys(DELAY_REASON_LABELS) as (keyof typeof DELAY_REASON_LABELS)[];

function periodLabel(period: string, kind: 'week' | 'month'): string {
  return kind === 'month'
    ? new Date(`${period}T00:00:00Z`).toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' })
    : `w/c ${formatDate(period, { short: true })}`;
}

/** Plot options for one bar per period, stacked by `series` (coloured in `domain` order), with `yLabel` on y. */
function periodBars(
  width: number,
  period: 'week' | 'month',
  yLabel: string,
  domain: string[],
  data: { period: Date; series: string; n: number }[],
) {
  return {
    width,
    x: {
      type: 'band' as const,
      label: null,
      tickFormat: (d: Date) => periodLabel(d.toISOString().slice(0, 10), period),
    },
    y: { grid: true, label: yLabel },
    color: { legend: true, range: categoricalColours, domain },
    marks: [Plot.barY(data, { x: 'period', y: 'n', fill: 'series' }), Plot.ruleY([0])],
  };
}

export function MetricsPage() {
  const [period, setPeriod] = useState<'week' | 'month'>('month');
  const report = useApi<MetricsReport>(withQuery('/api/discharge/metrics', { period }));
  const rows = useMemo(() => report.data?.rows ?? [], [report.data]);
  const dates = (r: PeriodMetrics) => new Date(`${r.period}T00:00:00Z`);

  const flowPlot = useCallback(
    (width: number) =>
      periodBars(
        width,
        period,
        'Discharges',
        ['Pathway 0', 'Pathway 1', 'Pathway 2', 'Pathway 3'],
        rows.flatMap((r) =>
          ([0, 1, 2, 3] as const).map((p) => ({ period: dates(r), series: `Pathway ${p}`, n: r.discharges[p] })),
        ),
      ),
    [rows, period],
  );

  const waitPlot = useCallback(
    (width: number) => ({
      width,
      y: { grid: true, label: 'Days medically optimised → discharge' },
      color: { legend: true, range: [chartColours.blue, chartColours.orange], domain: ['Median', '90th percentile'] },
      marks: [
        Plot.lineY(
          rows
            .flatMap((r) => [
              { period: dates(r), s: 'Median', v: r.wait.medianDays },
              { period: dates(r), s: '90th percentile', v: r.wait.p90Days },
            ])
            .filter((d) => d.v !== null),
          { x: 'period', y: 'v', stroke: 's', marker: 'circle' },
        ),
        Plot.ruleY([0]),
      ],
    }),
    [rows],
  );

  const delayPlot = useCallback(
    (width: number) =>
      periodBars(
        width,
        period,
        'Delayed bed-days',
        DELAY_KEYS.map((k) => DELAY_REASON_LABELS[k]),
        rows.flatMap((r) =>
          DELAY_KEYS.map((k) => ({ period: dates(r), series: DELAY_REASON_LABELS[k], n: r.delayedBedDays[k] })),
        ),
      ),
    [rows, period],
  );

  const sharePlot = useCallback(
    (width: number) => ({
      width,
      y: { grid: true, label: 'Share of discharges (%)', domain: [0, 100] },
      color: {
        legend: true,
        range: [chartColours.teal, chartColours.purple],
        domain: ['Same or next day', 'To usual place of residence'],
      },
      marks: [
        Plot.lineY(
          rows
            .flatMap((r) => [
              {
                period: dates(r),
                s: 'Same or next day',
                v: r.sameOrNextDayShare === null ? null : r.sameOrNextDayShare * 100,
              },
              {
                period: dates(r),
                s: 'To usual place of residence',
                v: r.usualResidenceShare === null ? null : r.usualResidenceShare * 100,
              },
            ])
            .filter((d) => d.v !== null),
          { x: 'period', y: 'v', stroke: 's', marker: 'circle' },
        ),
      ],
    }),
    [rows],
  );

  // The headline figures are the last period that has ended; the current one is "so far" in the download.
  const ended = report.data ? periodEndedIn(report.data, period) : () => true;
  const { last, prev } = lastEndedPeriods(rows, ended);
  const totalDelayed = rows.reduce((a, r) => a + r.delayedBedDaysTotal, 0);
  const worstReason = DELAY_KEYS.map((k) => [k, rows.reduce((a, r) => a + r.delayedBedDays[k], 0)] as const).sort(
    (a, b) => b[1] - a[1],
  )[0];
  const download: DownloadColumn<PeriodMetrics>[] = [
    {
      key: 'period',
      header: period === 'week' ? 'Week starting' : 'Month starting',
      value: (r) => (ended(r.period) ? formatDate(r.period) : `${formatDate(r.period)} (so far)`),
    },
    ...([0, 1, 2, 3] as const).map((p) => ({
      key: `ref${p}`,
      header: `Referrals pathway ${p}`,
      value: (r: PeriodMetrics) => r.referrals[p],
    })),
    ...([0, 1, 2, 3] as const).map((p) => ({
      key: `dis${p}`,
      header: `Discharges pathway ${p}`,
      value: (r: PeriodMetrics) => r.discharges[p],
    })),
    {
      key: 'median',
      header: 'Median days from medically optimised to discharge',
      value: (r) => r.wait.medianDays,
      numFmt: '0.0',
    },
    {
      key: 'p90',
      header: '90th percentile days from medically optimised to discharge',
      value: (r) => r.wait.p90Days,
      numFmt: '0.0',
    },
    { key: 'same', header: 'Discharged the same or next day', value: (r) => r.sameOrNextDayShare, numFmt: '0.0%' },
    ...DELAY_KEYS.map((k) => ({
      key: `d-${k}`,
      header: `Delayed bed-days: ${DELAY_REASON_LABELS[k]}`,
      value: (r: PeriodMetrics) => r.delayedBedDays[k],
      numFmt: '#,##0.0',
    })),
    { key: 'opr', header: 'Offers per request', value: (r) => r.offersPerRequest, numFmt: '0.0' },
    { key: 'tfo', header: 'Median hours to the first offer', value: (r) => r.firstOfferMedianHours, numFmt: '0.0' },
    {
      key: 'usual',
      header: 'Discharges to the usual place of residence',
      value: (r) => r.usualResidenceShare,
      numFmt: '0.0%',
    },
  ];

  return (
    <DischargeReportPage
      title="Flow and delay metrics"
      crumb="Metrics"
      what="the metrics"
      state={report}
      choice={{ name: 'period', legend: 'Show by', value: period, onChange: setPeriod, items: PERIODS }}
    >
      {(data) => (
        <>
          {last && (
            <KeyFigures
              figures={[
                {
                  key: 'discharges',
                  label: `Discharges, ${periodLabel(last.period, period)}`,
                  value: last.discharges[0] + last.discharges[1] + last.discharges[2] + last.discharges[3],
                },
                {
                  key: 'median',
                  label: 'Median days waited',
                  value: last.wait.medianDays,
                  hint: prev ? `${prev.wait.medianDays ?? '–'} the period before` : undefined,
                },
                {
                  key: 'same',
                  label: 'Discharged same or next day',
                  value: last.sameOrNextDayShare === null ? null : Math.round(last.sameOrNextDayShare * 1000) / 10,
                  unit: 'percent',
                },
                {
                  key: 'usual',
                  label: 'To usual place of residence',
                  value: last.usualResidenceShare === null ? null : Math.round(last.usualResidenceShare * 1000) / 10,
                  unit: 'percent',
                },
              ]}
            />
          )}
          <Details summary="How these figures are calculated">
            Waits run from the time a person is medically optimised to the time they leave hospital, for people
            discharged in the period; the 90th percentile interpolates between ranks as Excel’s PERCENTILE.INC does. A
            delayed bed-day is a midnight (UK time) at which someone medically optimised was still in hospital, given
            the delay reason recorded at that moment. Offers per request and time to first offer count referrals whose
            first request was sent in the period. Weeks start on Monday.
          </Details>
          <Chart
            title="Discharges by pathway"
            description={`${rows.reduce((a, r) => a + r.discharges[1] + r.discharges[2] + r.discharges[3], 0).toLocaleString('en-GB')} discharges on pathways 1 to 3 between ${formatDate(data.from)} and ${formatDate(data.to)}.`}
            plot={flowPlot}
          />
          <Chart
            title="Time from medically optimised to discharge"
            description={
              last
                ? `In ${periodLabel(last.period, period)} half of people left within ${last.wait.medianDays ?? '–'} days and nine in ten within ${last.wait.p90Days ?? '–'} days.`
                : 'No discharges yet.'
            }
            plot={waitPlot}
          />
          <Chart
            title="Delayed bed-days by reason"
            description={`${totalDelayed.toLocaleString('en-GB')} delayed bed-days in all; the largest cause was “${worstReason ? DELAY_REASON_LABELS[worstReason[0]] : ''}” (${worstReason ? worstReason[1].toLocaleString('en-GB') : 0}).`}
            plot={delayPlot}
          />
          <Chart
            title="Same or next day discharge and return to usual home"
            description="Share of each period’s discharges that happened on the day medically optimised or the next day, and share that went back to the person’s usual place of residence."
            plot={sharePlot}
          />
          <Table<PeriodMetrics>
            caption="Brokerage by period"
            rows={[...rows].reverse()}
            rowKey={(r) => r.period}
            firstCellIsHeader
            columns={[
              { key: 'period', header: 'Period', render: (r) => periodLabel(r.period, period) },
              { key: 'requestsSent', header: 'Requests sent', numeric: true },
              {
                key: 'offersPerRequest',
                header: 'Offers per request',
                numeric: true,
                render: (r) => (r.offersPerRequest ?? '–').toString(),
              },
              {
                key: 'firstOfferMedianHours',
                header: 'Median hours to first offer',
                numeric: true,
                render: (r) => (r.firstOfferMedianHours ?? '–').toString(),
              },
              { key: 'delayedBedDaysTotal', header: 'Delayed bed-days', numeric: true },
            ]}
          />
          <Table<ProviderAcceptance>
            caption="Acceptance rate by provider"
            rows={data.acceptance}
            rowKey={(a) => a.providerId}
            firstCellIsHeader
            sortable
            columns={[
              { key: 'providerName', header: 'Provider' },
              { key: 'received', header: 'Requests', numeric: true },
              { key: 'offers', header: 'Offers', numeric: true },
              { key: 'declines', header: 'Declines', numeric: true },
              { key: 'noResponse', header: 'No answer', numeric: true },
              {
                key: 'acceptanceRate',
                header: 'Acceptance rate',
                numeric: true,
                render: (a) => formatRatio(a.acceptanceRate),
              },
              { key: 'awarded', header: 'Awarded', numeric: true },
              {
                key: 'medianResponseHours',
                header: 'Median hours to answer',
                numeric: true,
                render: (a) => (a.medianResponseHours ?? '–').toString(),
              },
            ]}
          />
          <DownloadLinks
            filename="discharge-metrics"
            filter={`by ${period} from ${formatDate(data.from)}`}
            columns={download}
            rows={rows}
            what="the metrics"
          />
          <PublishedFiguresSection />
        </>
      )}
    </DischargeReportPage>
  );
}
