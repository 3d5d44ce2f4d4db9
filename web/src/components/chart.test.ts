import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { plotIsEmpty } from './Chart';

describe('plotIsEmpty', () => {
  it('finds a chart with nothing to draw but its target line and zero rule (issue 13: "0.000000" ticks)', () => {
    expect(plotIsEmpty({ marks: [Plot.ruleY([0.95]), Plot.barY([], { x: 'month', y: 'n' }), Plot.ruleY([0])] })).toBe(
      true,
    );
    expect(plotIsEmpty({ marks: [Plot.barY([], Plot.stackY({ x: 'month', y: 'n', fill: 'state' }))] })).toBe(true);
  });
  it('keeps a chart with data, and one made only of decorations (a caller drawing rules on purpose)', () => {
    expect(plotIsEmpty({ marks: [Plot.lineY([{ d: 1, v: 2 }], { x: 'd', y: 'v' }), Plot.ruleY([0])] })).toBe(false);
    expect(plotIsEmpty({ marks: [Plot.ruleY([0])] })).toBe(false);
    expect(plotIsEmpty({ marks: [[Plot.dot([], { x: 'a' })], Plot.lineY([], { x: 'a' })] })).toBe(true);
  });
});

describe('plotIsEmpty on rows of nulls or zeros (fresh-user check: an empty plot was drawn)', () => {
  const months = ['2026-04', '2026-05', '2026-06'];
  it('treats bars that are all zero, and lines that are all null, as no data', () => {
    const zeros = months.map((month) => ({ month, n: 0, state: 'open' }));
    expect(plotIsEmpty({ marks: [Plot.barY(zeros, Plot.stackY({ x: 'month', y: 'n', fill: 'state' }))] })).toBe(true);
    const nulls = months.map((m) => ({ date: new Date(`${m}-01`), beds: null }));
    expect(plotIsEmpty({ marks: [Plot.lineY(nulls, { x: 'date', y: 'beds' }), Plot.ruleY([0])] })).toBe(true);
    expect(plotIsEmpty({ marks: [Plot.barX([{ home: 'Oak', v: null }], { y: 'home', x: 'v' })] })).toBe(true);
  });
  it('keeps a chart with one real value among zeros and nulls', () => {
    const rows = months.map((month, i) => ({ month, n: i === 2 ? 14 : 0 }));
    expect(plotIsEmpty({ marks: [Plot.barY(rows, { x: 'month', y: 'n' })] })).toBe(false);
    const line = months.map((m, i) => ({ date: new Date(`${m}-01`), beds: i === 0 ? null : 1468 }));
    expect(plotIsEmpty({ marks: [Plot.lineY(line, { x: 'date', y: 'beds' })] })).toBe(false);
  });
  it('keeps a mark with no quantity on its axes (a grid of categories)', () => {
    expect(plotIsEmpty({ marks: [Plot.cell([{ a: 'x', b: 'y', v: 0 }], { x: 'a', y: 'b', fill: 'v' })] })).toBe(false);
  });
});
