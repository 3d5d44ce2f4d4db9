// The CI's offline advisory check (scripts/audit): it must flag a vulnerable production package, ignore a
// development-only one, and pass on Steward's own lockfile.
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { findVulnerable, inRange, loadJson } from '../../scripts/audit/offline.mjs';

const { advisories } = loadJson('scripts/audit/advisories.json');

describe('offline advisory check', () => {
  it('reads ranges with both, one or no bounds', () => {
    expect(inRange('5.3.1', '>=5.0.0 <5.3.2')).toBe(true);
    expect(inRange('5.3.2', '>=5.0.0 <5.3.2')).toBe(false);
    expect(inRange('2.11.1', '<2.11.2')).toBe(true);
    expect(inRange('8.16.0', '>=8.0.0 <8.17.1')).toBe(true);
  });

  it('flags vulnerable production packages, not development ones', () => {
    const lock = {
      packages: {
        '': { name: 'steward' },
        'node_modules/fastify': { version: '5.3.0' },
        'node_modules/pg': { version: '7.1.0' },
        'node_modules/ws': { version: '8.16.0', dev: true },
        'node_modules/braces': { version: '3.0.3' },
      },
    };
    const found = findVulnerable(lock, advisories) as { id: string; package: string }[];
    expect(found.map((f) => `${f.package} ${f.id}`)).toEqual(['fastify GHSA-mg2h-6x62-wpwc', 'pg GHSA-wc9v-mj63-m9g5']);
  });

  it('finds nothing high or critical in Steward’s own lockfile', () => {
    expect(findVulnerable(loadJson('package-lock.json'), advisories)).toEqual([]);
  });
});
