import { describe, expect, it } from 'vitest';
import { population65Plus } from './population.js';

describe('population aged 65+', () => {
  it('adds the ESP2013 bands from 65-69 up and nothing younger', () => {
    const bands = [
      { band: '60-64', population: 9_100 },
      { band: '65-69', population: 8_200 },
      { band: '70-74', population: 7_650 },
      { band: '85-89', population: 2_310 },
      { band: '90+', population: 1_040 },
    ];
    expect(population65Plus(bands)).toBe(8_200 + 7_650 + 2_310 + 1_040);
    expect(population65Plus([{ band: '60-64', population: 9_100 }])).toBe(0);
  });
});
