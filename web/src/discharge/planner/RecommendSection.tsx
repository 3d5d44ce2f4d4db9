// The capacity planner's answers to "how much capacity?": the least per service meeting the target with its
// trade-off curve, and named scenarios side by side.
import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'react';
import {
  Chart,
  Details,
  DownloadLinks,
  Table,
  chartColours,
  formatGbp,
  formatNumber,
  formatRatio,
  formatWholeNumber,
} from '../../components';
import { withinTargetDefinition } from '../../../../src/domain/discharge/simulation/results';
import type { CapacityRecommendation, Comparison as ComparisonData, ComparisonRow } from './types';
import { comparisonDownloadColumns, curveDownloadColumns, curveRows, type CurveRow } from './views';

/** Money in pence shown in whole pounds (£10,403,770). */
const wholePounds = (pence: number) => formatGbp(Math.round(pence / 100));
const days = (x: number) => `${formatNumber(x, 1)} days`;

/** The least capacity per service meeting the target, with its trade-off curve (its download names the scenario). */
export function Recommendations({
  recommendations,
  scenarioName,
}: {
  recommendations: CapacityRecommendation[];
  scenarioName?: string;
}) {
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
          {
            key: 'now',
            header: `Place within ${target?.withinDays ?? ''} days now`,
            numeric: true,
            render: (r) => {
              const p = r.curve.find((c) => c.capacity === r.current);
              return p ? formatRatio(p.shareWithinTarget.mean) : 'Not available';
            },
          },
          {
            key: 'atRecommended',
            header: `Place within ${target?.withinDays ?? ''} days at recommended`,
            numeric: true,
            render: (r) => {
              const p = r.curve.find((c) => c.capacity === r.recommended);
              return p ? formatRatio(p.shareWithinTarget.mean) : 'Not available';
            },
          },
          { key: 'leastCost', header: 'Lowest total cost at', numeric: true },
        ]}
      />
      {target && (
        <p className="govuk-body-s">
          {withinTargetDefinition(target.withinDays)} Figures are from the scenario’s {recommendations[0].replications}{' '}
          runs, the same runs as “Run simulation”, so today’s capacity reads the same share there.
        </p>
      )}
      {recommendations.map((r) => (
        <TradeOffChart key={r.serviceId} recommendation={r} rows={curve.filter((c) => c.service === r.serviceName)} />
      ))}
      <DownloadLinks
        filename="capacity-recommendation"
        filter={scenarioName}
        what="the capacity trade-off"
        rows={curve}
        columns={curveDownloadColumns(target?.withinDays)}
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
    return formatWholeNumber(v.mean);
  };
  return (
    <section aria-labelledby="compare-heading">
      <h2 className="govuk-heading-l" id="compare-heading">
        Scenarios side by side
      </h2>
      <Table<ComparisonRow>
        caption="Scenarios side by side (each from its own runs, as “Run simulation” gives them)"
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
        filter={comparison.scenarios.join(' and ')}
        what="the comparison"
        rows={rows}
        columns={comparisonDownloadColumns(comparison.scenarios)}
      />
    </section>
  );
}
