// The market dashboard's charts as Observable Plot options for the summary's figures (see MarketDashboardPage).
import * as Plot from '@observablehq/plot';
import { useCallback } from 'react';
import { categoricalColours, chartColours, formatCount, formatNumber, formatRatio } from '../components';
import { bedsByType } from '../../../src/domain/mps/marketSections';
import { BED_TYPE_LABELS, FRAGILITY_THRESHOLDS, SERVICE_TYPE_LABELS } from './labels';
import type { MarketSummary } from './types';

const monthDate = (m: string) => new Date(`${m}-01T00:00:00Z`);

/** The dashboard's five charts' options, each rebuilt when `data` changes: occupancy by month, locations by service type, beds by type, CQC ratings and the largest providers. */

export function useDashboardPlots(data: MarketSummary | undefined) {
  const occupancyPlot = useCallback(
    (width: number) => ({
      y: { label: 'Occupancy (%)', domain: [60, 100], grid: true, tickFormat: (d: number) => `${d}%` },
      x: { label: null, type: 'utc' as const },
      marks: [
        Plot.ruleY([FRAGILITY_THRESHOLDS.lowOccupancy * 100], { stroke: chartColours.red, strokeDasharray: '4,3' }),
        Plot.lineY(data?.occupancyTrend ?? [], {
          x: (d) => monthDate(d.month),
          y: (d) => (d.occupancy ?? 0) * 100,
          stroke: chartColours.blue,
          strokeWidth: 2.5,
        }),
        Plot.dot(data?.occupancyTrend.slice(-1) ?? [], {
          x: (d) => monthDate(d.month),
          y: (d) => (d.occupancy ?? 0) * 100,
          fill: chartColours.blue,
          r: 4,
        }),
        Plot.text(data?.occupancyTrend.slice(-1) ?? [], {
          x: (d) => monthDate(d.month),
          y: (d) => (d.occupancy ?? 0) * 100,
          text: (d) => formatRatio(d.occupancy),
          dy: -12,
          fontWeight: 'bold',
        }),
      ],
      marginRight: width < 500 ? 20 : 40,
    }),
    [data],
  );
  const capacityPlot = useCallback(
    () => ({
      x: { label: 'Locations', grid: true },
      y: { label: null },
      marginLeft: 200,
      marks: [
        Plot.barX(data?.byServiceType ?? [], {
          y: (d) => SERVICE_TYPE_LABELS[d.serviceType as keyof typeof SERVICE_TYPE_LABELS] ?? d.serviceType,
          x: 'locations',
          fill: chartColours.blue,
          sort: { y: '-x' },
        }),
        Plot.text(data?.byServiceType ?? [], {
          y: (d) => SERVICE_TYPE_LABELS[d.serviceType as keyof typeof SERVICE_TYPE_LABELS] ?? d.serviceType,
          x: 'locations',
          text: (d) =>
            d.registeredBeds
              ? `${formatNumber(d.locations)} (${formatCount(d.registeredBeds, 'bed')})`
              : String(d.locations),
          textAnchor: 'start',
          dx: 4,
        }),
      ],
      marginRight: 110,
    }),
    [data],
  );
  const groupsPlot = useCallback(
    () => ({
      x: { label: 'Beds', grid: true },
      y: { label: null },
      color: {
        domain: ['Occupied', 'Vacant, accepting admissions'],
        range: [chartColours.midGrey, chartColours.teal],
        legend: true,
      },
      marks: [
        Plot.barX(
          (data ? bedsByType(data) : []).flatMap((g) => [
            { group: BED_TYPE_LABELS[g.group], kind: 'Occupied', beds: g.occupied },
            { group: BED_TYPE_LABELS[g.group], kind: 'Vacant, accepting admissions', beds: g.vacantAccepting },
          ]),
          { y: 'group', x: 'beds', fill: 'kind' },
        ),
      ],
      marginLeft: 120,
    }),
    [data],
  );
  const ratingsPlot = useCallback(
    () => ({
      x: { label: 'Locations', grid: true },
      y: { label: null, domain: ['Outstanding', 'Good', 'Requires improvement', 'Inadequate', 'Not rated'] },
      marginLeft: 160,
      marks: [
        Plot.barX(data?.ratings ?? [], {
          y: 'rating',
          x: 'count',
          fill: (d) =>
            (
              ({
                Outstanding: chartColours.teal,
                Good: chartColours.green,
                'Requires improvement': chartColours.orange,
                Inadequate: chartColours.red,
              }) as Record<string, string>
            )[d.rating] ?? chartColours.midGrey,
        }),
        Plot.text(data?.ratings ?? [], {
          y: 'rating',
          x: 'count',
          text: (d) => String(d.count),
          textAnchor: 'start',
          dx: 4,
        }),
      ],
    }),
    [data],
  );
  const concentrationPlot = useCallback(
    () => ({
      x: { label: 'Share of registered care home beds (%)', grid: true },
      y: { label: null },
      marginLeft: 230,
      marks: [
        Plot.barX(data?.concentration.providers ?? [], {
          y: 'name',
          x: (d) => d.share * 100,
          fill: categoricalColours[0],
          sort: { y: '-x' },
        }),
        Plot.text(data?.concentration.providers ?? [], {
          y: 'name',
          x: (d) => d.share * 100,
          text: (d) => `${formatRatio(d.share)} (${formatCount(d.units, 'bed')})`,
          textAnchor: 'start',
          dx: 4,
        }),
      ],
      marginRight: 120,
    }),
    [data],
  );
  return { occupancyPlot, capacityPlot, groupsPlot, ratingsPlot, concentrationPlot };
}
