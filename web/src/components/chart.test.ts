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
