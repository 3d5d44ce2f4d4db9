import { describe, expect, it } from 'vitest';
import {
  estimateTextWidth,
  fitChartLayout,
  initialChartLayout,
  integerTicks,
  isCountLabel,
  truncateToWidth,
  type Box,
  type ChartMeasure,
} from './chartLayout';

const box = (left: number, right: number, top: number, bottom: number): Box => ({ left, right, top, bottom });
const measure = (m: Partial<ChartMeasure>): ChartMeasure => ({
  width: 600,
  height: 300,
  texts: [],
  xTicks: [],
  yTicks: [],
  ...m,
});

describe('whole-number ticks on axes of counts (fresh-user review 15: 0.00/0.05/0.10 people waiting)', () => {
  it('knows a count axis by its title, and not shares, money or durations', () => {
    for (const label of ['People waiting', 'People a month', 'Beds', 'Places', 'Visits made', 'Delayed bed-days'])
      expect(isCountLabel(label), label).toBe(true);
    for (const label of ['Occupancy (%)', '£ a week', 'Index (base year = 100)', 'Median days waited', 'Quarter'])
      expect(isCountLabel(label), label).toBe(false);
    expect(isCountLabel(null)).toBe(false);
  });
  it('gives 0 and 1 for an all-zero series, and whole steps of 1, 2, 5 × 10ⁿ otherwise', () => {
    expect(integerTicks(0, 0, 5)).toEqual({ ticks: [0, 1], domain: [0, 1] });
    expect(integerTicks(0, 0.3, 5).ticks).toEqual([0, 1]);
    expect(integerTicks(0, 137, 5).ticks).toEqual([0, 50, 100]);
    expect(integerTicks(0, 7, 7).ticks).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(integerTicks(3, 9, 4).ticks).toEqual([4, 6, 8]);
    for (const t of integerTicks(0, 2.6, 10).ticks) expect(Number.isInteger(t)).toBe(true);
  });
  it('sets those ticks, and a whole-unit domain, on a drawn count axis', () => {
    const next = fitChartLayout({ y: { label: 'People waiting' } }, measure({}), {
      y: { type: 'linear', domain: [0, 0] },
    });
    expect(next?.y?.ticks).toEqual([0, 1]);
    expect(next?.y?.domain).toEqual([0, 1]);
    // Applied once: the next pass leaves a layout that fits alone.
    expect(fitChartLayout(next!, measure({}), { y: { type: 'linear', domain: [0, 1] } })).toBeNull();
    expect(fitChartLayout({ y: { label: '£ a week' } }, measure({}), { y: { type: 'linear', domain: [0, 0.1] } })).toBe(
      null,
    );
  });
});

describe('margins and ticks that fit the labels (fresh-user review 15)', () => {
  it('grows the left margin by how far a row label is cut off (bcf demand and capacity rows)', () => {
    const next = fitChartLayout({ marginLeft: 60 }, measure({ texts: [box(-40, 55, 10, 24)] }));
    expect(next?.marginLeft).toBe(104);
  });
  it('cuts a label longer than 45% of the width to an ellipsis rather than squeezing the plot away', () => {
    const next = fitChartLayout({ marginLeft: 60 }, measure({ width: 390, texts: [box(-300, 55, 10, 24)] }));
    expect(next?.marginLeft).toBe(Math.floor(390 * 0.45));
    const format = next?.y?.tickFormat as (d: unknown, i: number) => string;
    const cut = format('Discharge to assess pathway 2 (bed-based intermediate care)', 0);
    expect(cut.endsWith('…')).toBe(true);
    expect(estimateTextWidth(cut)).toBeLessThanOrEqual(Math.floor(390 * 0.45) - 12);
  });
  it('grows the right margin for a tick label clipped at the right ("Jan 2028" on /bcf/metrics)', () => {
    const next = fitChartLayout({ marginRight: 20 }, measure({ texts: [box(560, 612, 280, 294)] }));
    expect(next?.marginRight).toBe(36);
  });
  it('cuts facet row labels on the right that would take more than 45% of the width (bcf demand and capacity)', () => {
    const label = 'Home Settle and Support style welfare service (pathway 0, VCS)';
    const next = fitChartLayout(
      { marginRight: 200, fy: { domain: [label] } },
      measure({ width: 600, texts: [box(410, 800, 40, 54)] }),
    );
    expect(next?.marginRight).toBe(270);
    const cut = (next?.fy?.tickFormat as (d: unknown, i: number) => string)(label, 0);
    expect(cut.endsWith('…')).toBe(true);
    expect(estimateTextWidth(cut)).toBeLessThanOrEqual(270 - 16);
  });
  it('moves the x title below tick labels it overlaps ("Quarter →" over "Jan 2028")', () => {
    const ticks = [box(100, 150, 270, 284), box(500, 560, 270, 284)];
    const next = fitChartLayout(
      { marginBottom: 30 },
      measure({ xTicks: ticks, texts: ticks, xTitle: box(520, 590, 272, 286) }),
    );
    expect(next?.marginBottom).toBeGreaterThanOrEqual(14 + 14 + 12);
    expect(next?.x?.labelOffset).toBe((next?.marginBottom as number) - 4);
  });
  it('thins overlapping x ticks: a wider spacing on a time axis, every other category on a band axis', () => {
    const ticks = [box(10, 80, 270, 284), box(70, 140, 270, 284), box(130, 200, 270, 284)];
    const time = fitChartLayout({}, measure({ xTicks: ticks }), { x: { type: 'utc' } });
    expect(time?.x?.tickSpacing).toBeGreaterThanOrEqual(120);
    const quarters = ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'];
    const band = fitChartLayout({}, measure({ xTicks: ticks }), { x: { type: 'point', domain: quarters } });
    expect(band?.x?.ticks).toEqual(['2024-Q1', '2024-Q3']);
  });
  it('leaves a chart whose labels fit alone', () => {
    const ticks = [box(10, 60, 270, 284), box(200, 250, 270, 284)];
    expect(fitChartLayout({}, measure({ xTicks: ticks, texts: ticks, xTitle: box(520, 590, 290, 300) }))).toBeNull();
  });
  it('sizes a horizontal bar chart’s left margin from its longest category before drawing', () => {
    const names = ['Oak', 'Home first reablement and rehabilitation'];
    const wide = initialChartLayout({ y: { domain: names } }, 1000);
    expect(wide.marginLeft).toBe(estimateTextWidth(names[1]) + 12);
    const narrow = initialChartLayout({ y: { domain: names } }, 390);
    expect(narrow.marginLeft).toBe(Math.floor(390 * 0.45));
    expect(truncateToWidth('Oak', 100)).toBe('Oak');
  });
});
