import { describe, expect, it } from 'vitest';
import { checkImporterOptions } from './options.js';
import { findImporter, importers } from './registry.js';

describe('importer options', () => {
  it('declares every option an importer reads (trust, borough, bulk, source, vintage)', () => {
    const keys = Object.fromEntries(importers.map((i) => [i.kind, (i.options ?? []).map((o) => o.key)]));
    expect(keys).toMatchObject({
      'discharge-delays': ['trust'],
      cqc: ['borough'],
      'cqc-locations': ['borough'],
      placements: ['bulk'],
      population: ['source', 'vintage'],
      contracts: [],
    });
    for (const i of importers) for (const o of i.options ?? []) expect(o.label && o.hint).toBeTruthy();
  });

  it('normalises good values and leaves out empty ones', () => {
    expect(checkImporterOptions(findImporter('discharge-delays')!, { trust: ' rk9 ' })).toEqual({
      options: { trust: 'RK9' },
      problems: [],
    });
    expect(checkImporterOptions(findImporter('cqc')!, { borough: 'e06000026' }).options).toEqual({
      borough: 'E06000026',
    });
    expect(checkImporterOptions(findImporter('placements')!, { bulk: 'OFF' }).options).toEqual({ bulk: 'off' });
    expect(checkImporterOptions(findImporter('population')!, { source: '', vintage: 'mid-2023' }).options).toEqual({
      vintage: 'mid-2023',
    });
  });

  it('refuses wrong values and unknown keys in plain words, naming the option', () => {
    const r = checkImporterOptions(findImporter('cqc-locations')!, { borough: 'Plymouth', trust: 'RK9' });
    expect(r.problems).toEqual([
      {
        key: 'borough',
        label: 'Council’s GSS code (optional)',
        message: '"Plymouth" is not the GSS code of an English council: use a code like E06000026 (Plymouth)',
      },
      { key: 'trust', label: 'trust', message: '"trust" is not an option of cqc-locations: it takes borough' },
    ]);
    expect(checkImporterOptions(findImporter('placements')!, { bulk: 'yes' }).problems[0].message).toBe(
      '"yes" is not a way to load: use on or off',
    );
    expect(checkImporterOptions(findImporter('contracts')!, { x: '1' }).problems[0].message).toBe(
      '"x" is not an option of contracts: it takes none',
    );
    expect(checkImporterOptions(findImporter('population')!, { vintage: 'v'.repeat(101) }).problems[0].message).toBe(
      'Use 100 characters or fewer',
    );
  });
});
