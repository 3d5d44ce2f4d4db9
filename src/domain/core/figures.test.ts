import { describe, expect, it } from 'vitest';
import { keyFigureSchema } from './figures.js';

const figure = (unit: string, value: number | null) => keyFigureSchema.safeParse({ key: 'k', label: 'K', unit, value });

describe('key figures typed by unit', () => {
  it('accepts values that fit their unit', () => {
    expect(figure('count', 1_530).success).toBe(true);
    expect(figure('percent', 87.5).success).toBe(true);
    expect(figure('pence', -125_000).success).toBe(true); // a shortfall
    expect(figure('pence_per_week', 103_092).success).toBe(true);
    expect(figure('days', 2.5).success).toBe(true);
    expect(figure('hours', null).success).toBe(true);
  });

  it('refuses values that do not fit: money in pounds, shares as fractions over 100, part or negative counts', () => {
    expect(figure('pence', 1_030.92).error?.issues[0].path).toEqual(['value']);
    expect(figure('pence_per_week', 1_030.92).success).toBe(false);
    expect(figure('percent', 104).success).toBe(false);
    expect(figure('count', 2.5).success).toBe(false);
    expect(figure('count', -1).success).toBe(false);
    expect(figure('gbp', 10).error?.issues[0].path).toEqual(['unit']);
  });
});
