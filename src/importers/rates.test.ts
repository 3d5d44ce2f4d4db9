import { describe, expect, it } from 'vitest';
import { textSource } from './framework.js';
import { ratesImporter } from './rates.js';

describe('rates importer', () => {
  it('names each bad cell by its column heading in the file', async () => {
    const csv = 'Rate band,Start date,Weekly rate\nNowhere,2026-04-01,£800\nstandard_residential,soon,free\n';
    const { rows, issues } = await ratesImporter.parse(textSource('rates.csv', csv), {});
    expect(rows).toEqual([]);
    expect(issues.map((i) => [i.line, i.field])).toEqual([
      [2, 'Rate band'],
      [3, 'Start date'],
      [3, 'Weekly rate'],
    ]);
  });
});
