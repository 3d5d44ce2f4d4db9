import { describe, expect, it } from 'vitest';
import {
  estimateTextWidth,
  fitChartLayout,
  initialChartLayout,
  integerTicks,
  isCountLabel,
  truncateToWidth,
  wrapToWidth,
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
  it('wraps a label longer than 45% of the width onto lines rather than squeezing the plot away', () => {
    const next = fitChartLayout({ marginLeft: 60 }, measure({ width: 390, texts: [box(-300, 55, 10, 24)] }));
    expect(next?.marginLeft).toBe(Math.floor(390 * 0.45));
    const format = next?.y?.tickFormat as (d: unknown, i: number) => string;
    const label = 'Discharge to assess pathway 2 (bed-based intermediate care)';
    const lines = format(label, 0).split('\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(label);
    for (const line of lines) expect(estimateTextWidth(line)).toBeLessThanOrEqual(Math.floor(390 * 0.45) - 12);
  });
  it('grows the right margin for a tick label clipped at the right ("Jan 2028" on /bcf/metrics)', () => {
    const next = fitChartLayout({ marginRight: 20 }, measure({ texts: [box(560, 612, 280, 294)] }));
    expect(next?.marginRight).toBe(36);
  });
  it('wraps facet row labels on the right that would take more than 45% of the width (bcf demand and capacity)', () => {
    const label = 'Home Settle and Support style welfare service (pathway 0, VCS)';
    const next = fitChartLayout(
      { marginRight: 200, fy: { domain: [label] } },
      measure({ width: 600, texts: [box(410, 800, 40, 54)] }),
    );
    expect(next?.marginRight).toBe(270);
    const lines = (next?.fy?.tickFormat as (d: unknown, i: number) => string)(label, 0).split('\n');
    expect(lines.join(' ')).toBe(label);
    for (const line of lines) expect(estimateTextWidth(line)).toBeLessThanOrEqual(270 - 16);
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
  it('wraps a long category name onto lines that fit instead of cutting it ("Not split by type in the…")', () => {
    const label = 'Not split by type in the return';
    const wrapped = wrapToWidth(label, 140);
    expect(wrapped).not.toContain('…');
    expect(wrapped.split('\n').length).toBe(2);
    expect(wrapped.replace(/\n/g, ' ')).toBe(label);
    for (const line of wrapped.split('\n')) expect(estimateTextWidth(line)).toBeLessThanOrEqual(140);
    expect(wrapToWidth('Oak', 100)).toBe('Oak');
    // Far too long for three lines: the third ends in an ellipsis, never more lines than that.
    const long = wrapToWidth('one two three four five six seven eight nine ten eleven twelve', 40);
    expect(long.split('\n').length).toBe(3);
    expect(long.endsWith('…')).toBe(true);
  });
  it('wraps y labels still too long at 45% of a phone-width chart, and makes the chart taller when they overlap', () => {
    const label = measure({ width: 350, texts: [box(-60, 120, 40, 56)] });
    const next = fitChartLayout({ marginLeft: 130, height: 200 }, label)!;
    expect(next.marginLeft).toBe(Math.floor(350 * 0.45));
    const format = (next.y as { tickFormat: (d: unknown, i: number) => string }).tickFormat;
    const lines = format('Not split by type in the return', 0).split('\n');
    expect(lines.length).toBe(2);
    expect(lines.join(' ')).toBe('Not split by type in the return');
    for (const line of lines) expect(estimateTextWidth(line)).toBeLessThanOrEqual(Math.floor(350 * 0.45) - 12);
    const crowded = fitChartLayout(
      { height: 200 },
      measure({ height: 200, yTicks: [box(10, 50, 20, 50), box(10, 50, 40, 70), box(10, 50, 60, 90)] }),
    )!;
    expect(crowded.height).toBe(200 + 14 * 2);
  });
});
