import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fileSource, textSource } from './framework.js';
import { postcodesImporter, readOnspdDistricts } from './postcodes.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/onspd');

describe('readOnspdDistricts', () => {
  it('averages the live postcodes of each district and leaves out terminated and ungridded ones', async () => {
    const { districts, stats, issues } = await readOnspdDistricts(fileSource(path.join(fixtures, 'onspd-sample.csv')));
    expect(issues).toEqual([]);
    expect(stats).toEqual({ rowsRead: 8, live: 6, terminated: 1, noGridReference: 1 });
    // RM1: (51.580 + 51.581)/2, (0.182 + 0.184)/2 — RM1 2ZZ (terminated 2000) and RM1 9ZZ (no grid) are out.
    // RM14: mean of three; districts sort naturally (RM1 before RM14).
    expect(districts).toEqual([
      { district: 'EC1A', lat: 51.52, lng: -0.098, postcodes: 1 },
      { district: 'RM1', lat: 51.5805, lng: 0.183, postcodes: 2 },
      { district: 'RM14', lat: 51.562, lng: 0.254, postcodes: 3 },
    ]);
  });

  it('reports each bad row with its line and field', async () => {
    const { issues } = await readOnspdDistricts(fileSource(path.join(fixtures, 'onspd-broken.csv')));
    expect(issues).toEqual([
      { line: 3, field: 'lat', message: 'Latitude "fifty-one" is not a number between 49 and 61' },
      { line: 4, field: 'pcds', message: '"QQ 1AA" is not a postcode' },
    ]);
  });

  it('refuses a file without the doterm column', async () => {
    const parsed = await postcodesImporter.parse(fileSource(path.join(fixtures, 'onspd-missing-column.csv')), {});
    expect(parsed.rows).toEqual([]);
    expect(parsed.issues).toEqual([{ line: 1, field: 'doterm', message: 'Missing column "doterm" in the header' }]);
  });

  it('reads the NSPL-style pcd-only layout with a byte-order mark', async () => {
    const text = '\uFEFFpcd,doterm,lat,long\n"RM7 0AB","",51.5,0.1\n"RM7 0AD","",51.6,0.2\n';
    const { districts } = await readOnspdDistricts(textSource('nspl.csv', text));
    expect(districts).toEqual([{ district: 'RM7', lat: 51.55, lng: 0.15, postcodes: 2 }]);
  });

  it('says so when there is nothing to import', async () => {
    const { issues } = await readOnspdDistricts(textSource('empty.csv', ''));
    expect(issues[0].message).toMatch(/empty/);
  });
});

describe('splitCsvLine', () => {
  it('splits plain ONSPD lines fast and falls back to a full CSV parse for quoted commas', async () => {
    const { splitCsvLine } = await import('./postcodes.js');
    expect(splitCsvLine('"RM1 1AA","",51.58,0.18')).toEqual(['RM1 1AA', '', '51.58', '0.18']);
    expect(splitCsvLine('"A, B","x ""y""",3')).toEqual(['A, B', 'x "y"', '3']);
  });
});
