// The prices page's charts as Observable Plot options for the price summary (see PricesPage).
import * as Plot from '@observablehq/plot';
import { useCallback } from 'react';
import { categoricalColours, chartColours } from '../components';
import { CONTRACT_LABELS } from './labels';
import type { PriceSummary } from './types';

const quarterDate = (q: string) => new Date(Date.UTC(Number(q.slice(0, 4)), (Number(q.slice(6)) - 1) * 3, 1));

/**
 * The prices page's charts, rebuilt when `data` changes: prices by quarter against the standard residential usual
 * rate and cost of care, the price distribution, the share at or below the usual rate and the contract mix; and
 * `cocRes`, the residential cost of care (pence a week) when set.
 */

export function usePricePlots(data: PriceSummary | undefined) {
  const standardRes = data?.usualRates.find((r) => r.band === 'standard_residential');
  const cocRes = data?.costOfCare.find((c) => c.service === 'residential');

  const trendPlot = useCallback(
    () => ({
      y: { label: '£ a week', grid: true, tickFormat: (d: number) => `£${d.toLocaleString('en-GB')}` },
      x: { label: null, type: 'utc' as const },
      color: {
        legend: true,
        domain: ['Median', 'Mean', 'Middle half (Q1–Q3)'],
        range: [chartColours.blue, chartColours.orange, '#c5d9ef'],
      },
      marks: [
        Plot.areaY(data?.quarters ?? [], {
          x: (d) => quarterDate(d.quarter),
          y1: (d) => d.q1 / 100,
          y2: (d) => d.q3 / 100,
          fill: '#c5d9ef',
          curve: 'step-after',
        }),
        Plot.lineY(data?.quarters ?? [], {
          x: (d) => quarterDate(d.quarter),
          y: (d) => d.median / 100,
          stroke: chartColours.blue,
          strokeWidth: 2.5,
          curve: 'step-after',
        }),
        Plot.lineY(data?.quarters ?? [], {
          x: (d) => quarterDate(d.quarter),
          y: (d) => d.mean / 100,
          stroke: chartColours.orange,
          strokeWidth: 2,
          strokeDasharray: '6,3',
          curve: 'step-after',
        }),
        ...(standardRes
          ? [
              Plot.ruleY([standardRes.amountPence / 100], { stroke: chartColours.green, strokeDasharray: '3,3' }),
              Plot.text([standardRes], {
                y: (d) => d.amountPence / 100,
                frameAnchor: 'left',
                text: () => 'Standard residential usual rate now',
                dy: -8,
                fill: chartColours.green,
              }),
            ]
          : []),
        ...(cocRes
          ? [
              Plot.ruleY([cocRes.amountPence / 100], { stroke: chartColours.red, strokeDasharray: '3,3' }),
              Plot.text([cocRes], {
                y: (d) => d.amountPence / 100,
                frameAnchor: 'left',
                text: () => 'Cost of care (residential)',
                dy: -8,
                fill: chartColours.red,
              }),
            ]
          : []),
      ],
    }),
    [data, standardRes, cocRes],
  );
  const histPlot = useCallback(
    () => ({
      x: { label: '£ a week', tickFormat: (d: number) => `£${d.toLocaleString('en-GB')}` },
      y: { label: 'New placements', grid: true },
      marks: [
        Plot.rectY(data?.histogram ?? [], {
          x1: (d) => d.fromPence / 100,
          x2: (d) => d.toPence / 100,
          y: 'count',
          fill: chartColours.blue,
          inset: 0.5,
        }),
        ...(data?.usualRates ?? [])
          .filter((r) => r.band !== 'homecare_hourly')
          .map((r) => Plot.ruleX([r.amountPence / 100], { stroke: chartColours.green, strokeDasharray: '3,3' })),
        ...(cocRes ? [Plot.ruleX([cocRes.amountPence / 100], { stroke: chartColours.red, strokeWidth: 2 })] : []),
      ],
    }),
    [data, cocRes],
  );
  const sharePlot = useCallback(
    () => ({
      y: { label: 'At or below the usual rate (%)', domain: [0, 100], grid: true },
      x: { label: null, type: 'utc' as const },
      marks: [
        Plot.lineY(data?.quarters ?? [], {
          x: (d) => quarterDate(d.quarter),
          y: (d) => (d.share ?? 0) * 100,
          stroke: chartColours.teal,
          strokeWidth: 2.5,
          marker: 'circle',
        }),
      ],
    }),
    [data],
  );
  const mixRows = (data?.contractMix ?? []).flatMap((q) => {
    const total = q.spot + q.framework + q.block + q.dps;
    return (['spot', 'framework', 'block', 'dps'] as const).map((k) => ({
      quarter: q.quarter,
      type: CONTRACT_LABELS[k],
      count: q[k],
      share: total ? q[k] / total : 0,
    }));
  });
  const mixPlot = useCallback(
    () => ({
      y: { label: 'Share of new placements (%)', grid: true, domain: [0, 100] },
      x: { label: null, tickFormat: (d: string) => d.replace('-', ' '), tickRotate: -45 },
      color: { legend: true, domain: ['Spot', 'Framework', 'Block', 'DPS'], range: categoricalColours },
      marks: [Plot.barY(mixRows, { x: 'quarter', y: (d) => d.share * 100, fill: 'type' })],
      marginBottom: 60,
    }),
    [mixRows],
  );
  return { cocRes, trendPlot, histPlot, sharePlot, mixPlot };
}
