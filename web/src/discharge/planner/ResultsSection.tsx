// The capacity planner's long-run results: the fit, waits and occupancy of a simulated period with daily
// bands, the recommended capacity and its trade-off curve, and named scenarios side by side.
import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'react';
import {
  Chart,
  Details,
  DownloadLinks,
  InsetText,
  Table,
  WarningText,
  categoricalColours,
  chartColours,
  formatDate,
  formatNumber,
  formatGbp,
  formatRatio,
} from '../../components';
import { DailyBandChart, DailyDownloads } from './charts';
import type {
  CapacityRecommendation,
  Comparison as ComparisonData,
  ComparisonRow,
  HistoryFit,
  SimulationResult,
} from './types';
import {
  cumulativeWaits,
  curveRows,
  dailyRows,
  historyCheck,
  serviceRows,
  type CurveRow,
  type HistoryCheckRow,
  type ServiceRow,
} from './views';

/** Money in pence shown in whole pounds (£10,403,770). */
const wholePounds = (pence: number) => formatGbp(Math.round(pence / 100));
const days = (x: number) => `${formatNumber(x, 1)} days`;

/** How the model was fitted from the hub's records, pathway by pathway, with each value's source. */
export function FitDetails({ fit }: { fit: HistoryFit }) {
  return (
    <Details summary="How the model was fitted from the hub’s records">
      <p className="govuk-body">{fit.method}</p>
      <Table
        caption="Fitted from history (each can be changed below)"
        rows={fit.pathways}
        rowKey={(p) => String(p.pathway)}
        firstCellIsHeader
        columns={[
          { key: 'pathway', header: 'Pathway', render: (p) => `Pathway ${p.pathway}` },
          {
            key: 'referrals',
            header: 'Referrals in the year',
            numeric: true,
            render: (p) => formatNumber(p.referrals),
          },
          { key: 'perDay', header: 'A day', numeric: true, render: (p) => formatNumber(p.arrivals.perDay, 2) },
          {
            key: 'los',
            header: 'Length of stay',
            render: (p) => {
              const c = p.lengthOfStay.chosen as { kind: string; mean?: number; sd?: number };
              return `${c.kind}, mean ${formatNumber(c.mean ?? 0, 1)}, SD ${formatNumber(c.sd ?? 0, 1)} days`;
            },
          },
          {
            key: 'losSource',
            header: 'Fit',
            render: (p) =>
              `${p.lengthOfStay.source}${p.lengthOfStay.candidates[0] ? ` (KS distance ${p.lengthOfStay.candidates[0].ksDistance})` : ''}`,
          },
          {
            key: 'trend',
            header: 'Trend',
            render: (p) =>
              p.arrivals.trendPerYear === 0 ? p.arrivals.source : formatRatio(p.arrivals.trendPerYear, 1) + ' a year',
          },
          {
            key: 'capacity',
            header: 'Capacity',
            render: (p) =>
              p.visits
                ? `${p.visits.capacityPerDay} visits a day: ${p.visits.source}`
                : `${p.capacity.places} places: ${p.capacity.source}`,
          },
          {
            key: 'onward',
            header: 'Afterwards',
            render: (p) => p.onward.map((o) => `${o.to} ${formatRatio(o.probability, 0)}`).join(', '),
          },
        ]}
      />
    </Details>
  );
}

/** The long-run results of a scenario: waits, occupancy, costs, daily bands and downloads. */
export function Results({ result, fit }: { result: SimulationResult; fit: HistoryFit | null }) {
  const rows = serviceRows(result);
  const daily = useMemo(() => dailyRows(result), [result]);
  const waits = useMemo(() => cumulativeWaits(result), [result]);
  const target = result.scenario.target;
  const services = result.services.map((s) => s.name);
  const waitPlot = useCallback(
    (width: number) => ({
      width,
      x: { label: 'Days waiting after being medically optimised', domain: [0, 21] },
      y: { label: 'Share started', grid: true, percent: true, domain: [0, 100] },
      color: { legend: true, domain: services, range: categoricalColours },
      marks: [
        Plot.ruleY([target.share], { stroke: chartColours.midGrey, strokeDasharray: '4 3' }),
        Plot.ruleX([target.withinDays], { stroke: chartColours.midGrey, strokeDasharray: '4 3' }),
        Plot.lineY(waits, { x: 'days', y: 'share', stroke: 'service', curve: 'step-after' }),
      ],
    }),
    [waits, target.share, target.withinDays],
  );
  const worst = [...rows].sort((a, b) => a.withinTarget - b.withinTarget)[0];
  const stamp = `${result.scenario.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 40)}-${result.scenario.startDate}`;
  const warmup =
    result.scenario.warmupSource === 'initial state'
      ? 'starting from today’s position'
      : `after a ${result.scenario.warmupDays}-day warm-up${result.scenario.warmupSource === 'auto' ? ' chosen from the lengths of stay and checked' : ''}`;

  return (
    <section aria-labelledby="results-heading">
      <h2 className="govuk-heading-l" id="results-heading">
        Results: {result.scenario.name}
      </h2>
      <p className="govuk-body">
        {result.scenario.replications} simulated runs of {formatNumber(result.scenario.days)} days from{' '}
        {formatDate(result.scenario.startDate)} ({warmup}), {formatNumber(result.events)} events. Ranges are 95%
        confidence intervals over the runs.
      </p>
      {result.warnings.map((w) => (
        <WarningText key={`${w.code}-${w.serviceId}`}>{w.message}</WarningText>
      ))}
      <Table<ServiceRow>
        caption="Waiting and occupancy by service"
        rows={rows}
        rowKey={(r) => r.id}
        firstCellIsHeader
        columns={[
          { key: 'service', header: 'Service' },
          {
            key: 'waitMean',
            header: 'Mean wait',
            numeric: true,
            render: (r) => `${days(r.waitMean)} (${formatNumber(r.waitLow, 1)}–${formatNumber(r.waitHigh, 1)})`,
          },
          { key: 'waitP95', header: '95th percentile', numeric: true, render: (r) => days(r.waitP95) },
          {
            key: 'withinTarget',
            header: `Place within ${target.withinDays} days of being ready`,
            numeric: true,
            render: (r) => formatRatio(r.withinTarget),
          },
          { key: 'over7', header: 'Wait over 7 days', numeric: true, render: (r) => formatRatio(r.over7) },
          {
            key: 'occupancy',
            header: 'In use',
            numeric: true,
            render: (r) =>
              r.unit === 'visit'
                ? `${formatNumber(r.occupancy, 0)} people; ${formatNumber(r.visits, 0)} of ${formatNumber(r.capacity, 0)} visits a day`
                : `${formatNumber(r.occupancy, 0)} of ${formatNumber(r.capacity, 0)} places`,
          },
          {
            key: 'delayedBedDays',
            header: 'Delayed acute bed-days',
            numeric: true,
            render: (r) => formatNumber(r.delayedBedDays, 0),
          },
          {
            key: 'delayCost',
            header: 'Cost of delays',
            numeric: true,
            render: (r) => wholePounds(r.delayCostPence),
          },
        ]}
      />
      <p className="govuk-body">
        Total cost of places, visits and delays over the period: {wholePounds(result.totals.totalCostPence.mean)} (
        {wholePounds(result.totals.totalCostPence.low)} to {wholePounds(result.totals.totalCostPence.high)}).
      </p>
      {fit && <HistoryCheck rows={historyCheck(fit, result)} />}
      <Chart
        title="How long people wait: share started within each number of days"
        description={`${worst.service} does least well: ${formatRatio(worst.withinTarget)} get a place within ${target.withinDays} days of being ready to take one, against a target of ${formatRatio(target.share, 0)}. Waits here are from being medically optimised, so include handover (assessment, transport).`}
        plot={waitPlot}
      />
      <h3 className="govuk-heading-m">People in each service, day by day</h3>
      <DailyBandChart
        rows={daily}
        series="occupancy"
        title="people in the service each day"
        describe={(service, r) => {
          const row = rows.find((x) => x.service === service)!;
          return `${service}: on average ${formatNumber(row.occupancy, 1)} people in the service, with ${formatNumber(row.capacity, 1)} ${row.unit === 'visit' ? 'visits a day' : 'places'}; the band shows 9 runs in 10 over ${r.length} days.`;
        }}
      />
      <h3 className="govuk-heading-m">People waiting each day</h3>
      <DailyBandChart
        rows={daily}
        series="waiting"
        title="people waiting each day"
        describe={(service) =>
          `${service}: on average ${formatNumber(rows.find((x) => x.service === service)!.meanWaiting, 1)} waiting.`
        }
      />
      <DailyBandChart
        rows={daily}
        series="visits"
        title="visits made each day"
        describe={(service) =>
          `${service}: on average ${formatNumber(rows.find((x) => x.service === service)!.visits, 1)} visits a day.`
        }
      />
      <p className="govuk-body-s">
        Line: the mean of the runs. Band: where 9 runs in 10 fall (5th to 95th percentile). Dashes: the beds, slots or
        visits a day the service has.
      </p>
      <DownloadLinks
        filename={`capacity-plan-${stamp}`}
        what="the results"
        rows={rows}
        columns={[
          { key: 'service', header: 'Service' },
          { key: 'waitMean', header: 'Mean wait (days)', numFmt: '0.00' },
          { key: 'waitLow', header: 'Mean wait, 95% CI low', numFmt: '0.00' },
          { key: 'waitHigh', header: 'Mean wait, 95% CI high', numFmt: '0.00' },
          { key: 'waitMedian', header: 'Median wait (days)', numFmt: '0.00' },
          { key: 'waitP90', header: '90th percentile wait (days)', numFmt: '0.00' },
          { key: 'waitP95', header: '95th percentile wait (days)', numFmt: '0.00' },
          {
            key: 'withinTarget',
            header: `Share getting a place within ${target.withinDays} days of being ready`,
            numFmt: '0.0%',
          },
          { key: 'over7', header: 'Share waiting over 7 days', numFmt: '0.0%' },
          { key: 'occupancy', header: 'Mean people in service', numFmt: '0.0' },
          { key: 'visits', header: 'Mean visits a day', numFmt: '0.0' },
          { key: 'capacity', header: 'Mean capacity (places, or visits a day)', numFmt: '0.0' },
          { key: 'meanWaiting', header: 'Mean number waiting', numFmt: '0.0' },
          { key: 'delayedBedDays', header: 'Delayed acute bed-days', numFmt: '#,##0' },
          { key: 'delayCost', header: 'Cost of delays (£)', value: (r) => r.delayCostPence / 100, numFmt: '£#,##0' },
          {
            key: 'serviceCost',
            header: 'Cost of places and visits (£)',
            value: (r) => r.serviceCostPence / 100,
            numFmt: '£#,##0',
          },
        ]}
      />
      <DailyDownloads rows={daily} filename={`capacity-plan-daily-${stamp}`} what="every daily series" />
      <Details summary="How these figures are calculated">
        <p className="govuk-body">{result.method}</p>
      </Details>
    </section>
  );
}

function HistoryCheck({ rows }: { rows: HistoryCheckRow[] }) {
  return (
    <>
      <InsetText>
        The baseline should reproduce today’s waits. If it does not, change the assumptions before asking “what if”.
      </InsetText>
      <Table<HistoryCheckRow>
        caption="Today’s waits from the hub’s records, beside the baseline"
        rows={rows}
        rowKey={(r) => r.service}
        firstCellIsHeader
        columns={[
          { key: 'service', header: 'Service' },
          { key: 'people', header: 'People discharged', numeric: true, render: (r) => formatNumber(r.people) },
          {
            key: 'observedMean',
            header: 'Mean wait: recorded',
            numeric: true,
            render: (r) => (r.observedMean === null ? 'Not available' : days(r.observedMean)),
          },
          { key: 'simulatedMean', header: 'Mean wait: simulated', numeric: true, render: (r) => days(r.simulatedMean) },
          {
            key: 'observedMedian',
            header: 'Median: recorded',
            numeric: true,
            render: (r) => (r.observedMedian === null ? 'Not available' : days(r.observedMedian)),
          },
          {
            key: 'simulatedMedian',
            header: 'Median: simulated',
            numeric: true,
            render: (r) => days(r.simulatedMedian),
          },
          {
            key: 'observedWithin2',
            header: 'Within 2 days: recorded',
            numeric: true,
            render: (r) => formatRatio(r.observedWithin2),
          },
          {
            key: 'simulatedWithin2',
            header: 'Within 2 days: simulated',
            numeric: true,
            render: (r) => formatRatio(r.simulatedWithin2),
          },
        ]}
      />
    </>
  );
}

/** The least capacity per service meeting the target, with its trade-off curve. */
export function Recommendations({ recommendations }: { recommendations: CapacityRecommendation[] }) {
  const curve = useMemo(() => curveRows(recommendations), [recommendations]);
  const target = recommendations[0]?.target;
  return (
    <section aria-labelledby="recommend-heading">
      <h2 className="govuk-heading-l" id="recommend-heading">
        Recommended capacity
      </h2>
      <Table<CapacityRecommendation>
        caption={
          target
            ? `Least places for ${formatRatio(target.share, 0)} of people to get a place within ${target.withinDays} days of being ready`
            : 'Recommended capacity'
        }
        rows={recommendations}
        rowKey={(r) => r.serviceId}
        firstCellIsHeader
        columns={[
          { key: 'serviceName', header: 'Service' },
          { key: 'current', header: 'Places now', numeric: true },
          {
            key: 'recommended',
            header: 'Recommended places',
            numeric: true,
            render: (r) => (r.recommended === null ? 'None up to the search limit' : String(r.recommended)),
          },
          {
            key: 'wait',
            header: 'Mean wait at recommended',
            numeric: true,
            render: (r) => {
              const p = r.curve.find((c) => c.capacity === r.recommended);
              return p ? days(p.waitMean.mean) : 'Not available';
            },
          },
          {
            key: 'p95',
            header: '95th percentile wait at recommended',
            numeric: true,
            render: (r) => {
              const p = r.curve.find((c) => c.capacity === r.recommended);
              return p ? days(p.waitP95.mean) : 'Not available';
            },
          },
          { key: 'leastCost', header: 'Lowest total cost at', numeric: true },
        ]}
      />
      {recommendations.map((r) => (
        <TradeOffChart key={r.serviceId} recommendation={r} rows={curve.filter((c) => c.service === r.serviceName)} />
      ))}
      <DownloadLinks
        filename="capacity-recommendation"
        what="the capacity trade-off"
        rows={curve}
        columns={[
          { key: 'service', header: 'Service' },
          { key: 'capacity', header: 'Places' },
          { key: 'recommended', header: 'Recommended', value: (r) => (r.recommended ? 'yes' : '') },
          { key: 'withinTarget', header: 'Share within target', numFmt: '0.0%' },
          { key: 'waitMean', header: 'Mean wait (days)', numFmt: '0.00' },
          { key: 'waitP95', header: '95th percentile wait (days)', numFmt: '0.00' },
          { key: 'delayedBedDays', header: 'Delayed acute bed-days', numFmt: '#,##0' },
          {
            key: 'serviceCost',
            header: 'Cost of places (£)',
            value: (r) => r.serviceCostPence / 100,
            numFmt: '£#,##0',
          },
          { key: 'delayCost', header: 'Cost of delays (£)', value: (r) => r.delayCostPence / 100, numFmt: '£#,##0' },
          { key: 'totalCost', header: 'Total cost (£)', value: (r) => r.totalCostPence / 100, numFmt: '£#,##0' },
        ]}
      />
      <Details summary="How the recommendation is found">
        <p className="govuk-body">{recommendations[0]?.method}</p>
      </Details>
    </section>
  );
}

function TradeOffChart({ recommendation: r, rows }: { recommendation: CapacityRecommendation; rows: CurveRow[] }) {
  const plot = useCallback(
    (width: number) => ({
      width,
      x: { label: 'Places', grid: true },
      y: {
        label: `Share with a place within ${r.target.withinDays} days`,
        percent: true,
        grid: true,
        domain: [0, 100],
      },
      marks: [
        Plot.ruleY([r.target.share], { stroke: chartColours.midGrey, strokeDasharray: '4 3' }),
        Plot.lineY(rows, { x: 'capacity', y: 'withinTarget', stroke: chartColours.blue }),
        Plot.dot(rows, {
          x: 'capacity',
          y: 'withinTarget',
          fill: (d: CurveRow) => (d.recommended ? chartColours.orange : chartColours.blue),
          r: (d: CurveRow) => (d.recommended ? 6 : 3),
        }),
      ],
    }),
    [r, rows],
  );
  const now = rows.find((p) => p.capacity === r.current);
  return (
    <Chart
      title={`${r.serviceName}: places against the share getting a place within ${r.target.withinDays} days (dashes: target; larger dot: recommended)`}
      description={`${r.recommended ?? 'No number of'} places ${r.recommended === null ? 'up to the search limit meets' : 'meet'} the target of ${formatRatio(r.target.share, 0)}; with today’s ${r.current}, ${now ? formatRatio(now.withinTarget) : 'an unknown share'} get a place within ${r.target.withinDays} days.`}
      plot={plot}
      height={260}
    />
  );
}

const COMPARED = new Set([
  'waitMean',
  'waitP95',
  'shareWithinTarget',
  'meanOccupancy',
  'delayedBedDays',
  'totalCostPence',
  'totalDelayedBedDays',
]);

/** Named scenarios side by side. */
export function Comparison({ comparison }: { comparison: ComparisonData }) {
  const rows = comparison.rows.filter((r) => COMPARED.has(r.metric));
  const show = (r: ComparisonRow, i: number) => {
    const v = r.values[i];
    if (!v) return 'Not available';
    if (r.unit === 'share') return formatRatio(v.mean);
    if (r.unit === 'pence') return wholePounds(v.mean);
    if (r.unit === 'days') return days(v.mean);
    return formatNumber(v.mean, 1);
  };
  return (
    <section aria-labelledby="compare-heading">
      <h2 className="govuk-heading-l" id="compare-heading">
        Scenarios side by side
      </h2>
      <Table<ComparisonRow>
        caption="Scenarios side by side (up to 100 replications each)"
        rows={rows}
        rowKey={(r) => `${r.serviceId}-${r.metric}`}
        firstCellIsHeader
        columns={[
          { key: 'label', header: 'Measure', render: (r) => `${r.serviceName}: ${r.label.toLowerCase()}` },
          ...comparison.scenarios.map((name, i) => ({
            key: `s${i}`,
            header: name,
            numeric: true,
            render: (r: ComparisonRow) => show(r, i),
          })),
        ]}
      />
      <DownloadLinks
        filename="capacity-scenarios-compared"
        what="the comparison"
        rows={rows}
        columns={[
          { key: 'service', header: 'Service', value: (r) => r.serviceName },
          { key: 'measure', header: 'Measure', value: (r) => r.label },
          { key: 'unit', header: 'Unit' },
          ...comparison.scenarios.map((name, i) => ({
            key: `s${i}`,
            header: name,
            value: (r: ComparisonRow) => r.values[i]?.mean ?? null,
          })),
        ]}
      />
    </section>
  );
}
