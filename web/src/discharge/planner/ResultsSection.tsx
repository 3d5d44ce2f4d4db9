// The capacity planner's long-run results: the fit, and the waits, occupancy and costs of a simulated period
// with daily bands and downloads.
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
  formatCount,
  formatWholeNumber,
} from '../../components';
import { wholePoundsTotal } from '../../../../src/domain/core/format';
import { withinTargetDefinition } from '../../../../src/domain/discharge/simulation/results';
import { DailyBandChart, DailyDownloads } from './charts';
import type { HistoryFit, SimulationResult } from './types';
import {
  cumulativeWaits,
  dailyRows,
  historyCheck,
  resultsDownloadColumns,
  serviceRows,
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
                ? `${formatCount(p.visits.capacityPerDay, 'visit')} a day: ${p.visits.source}`
                : `${formatCount(Math.round(p.capacity.places), 'place')}: ${p.capacity.source}`,
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
      x: { label: 'Days waiting for a place once ready to take one', domain: [0, 21] },
      y: { label: 'Share with a place (%)', grid: true, percent: true, domain: [0, 100] },
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
                ? `${formatCount(Math.round(r.occupancy), 'person')}; ${formatNumber(r.visits, 0)} of ${formatCount(Math.round(r.capacity), 'visit')} a day`
                : `${formatNumber(Math.round(r.occupancy))} of ${formatCount(Math.round(r.capacity), 'place')}`,
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
        Total cost of places, visits and delays over the period:{' '}
        {/* The sum of the whole pounds the table and the results download give for each service. */}
        {wholePounds(wholePoundsTotal(rows.flatMap((r) => [r.delayCostPence, r.serviceCostPence])))} (
        {wholePounds(result.totals.totalCostPence.low)} to {wholePounds(result.totals.totalCostPence.high)}).
      </p>
      <p className="govuk-body-s" id="within-target-definition">
        {withinTargetDefinition(target.withinDays)}
      </p>
      {fit && <HistoryCheck rows={historyCheck(fit, result)} />}
      <Chart
        title="How long people wait for a place: share with a place within each number of days of being ready"
        description={`${worst.service} does least well: ${formatRatio(worst.withinTarget)} get a place within ${target.withinDays} days of being ready to take one, against a target of ${formatRatio(target.share, 0)} (dashes). At ${target.withinDays} days each line reads the table’s figure.`}
        plot={waitPlot}
      />
      <h3 className="govuk-heading-m">People in each service, day by day</h3>
      <DailyBandChart
        rows={daily}
        series="occupancy"
        title="people in the service each day"
        describe={(service, r) => {
          const row = rows.find((x) => x.service === service)!;
          return `${service}: on average ${formatWholeNumber(row.occupancy)} ${Math.round(row.occupancy) === 1 ? 'person' : 'people'} in the service, with ${row.unit === 'visit' ? `${formatWholeNumber(row.capacity)} visits a day` : formatCount(Math.round(row.capacity), 'place')}; the band shows 9 runs in 10 over ${r.length} days.`;
        }}
      />
      <h3 className="govuk-heading-m">People waiting each day</h3>
      <DailyBandChart
        rows={daily}
        series="waiting"
        title="people waiting each day"
        describe={(service) =>
          `${service}: on average ${formatWholeNumber(rows.find((x) => x.service === service)!.meanWaiting)} waiting.`
        }
      />
      <DailyBandChart
        rows={daily}
        series="visits"
        title="visits made each day"
        describe={(service) =>
          `${service}: on average ${formatWholeNumber(rows.find((x) => x.service === service)!.visits)} visits a day.`
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
        columns={resultsDownloadColumns(target.withinDays)}
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
        These are waits from being medically optimised to starting, handover included, as the hub records them; the
        target above counts from the end of handover, which the records do not show.
      </InsetText>
      <Table<HistoryCheckRow>
        caption="Today’s waits from being medically optimised, from the hub’s records, beside the baseline"
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
            key: 'observedP90',
            header: '90th percentile: recorded',
            numeric: true,
            render: (r) => (r.observedP90 === null ? 'Not available' : days(r.observedP90)),
          },
          {
            key: 'simulatedP90',
            header: '90th percentile: simulated',
            numeric: true,
            render: (r) => days(r.simulatedP90),
          },
        ]}
      />
    </>
  );
}
