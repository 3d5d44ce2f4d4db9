// Data imports benchmark, on PGlite (or DATABASE_URL): a synthetic national CQC location file (15,000 care homes
// as the CQC API returns them, one record per line) and a national placements file (1,000,000 packages, CSV),
// each through `runImport` as `steward import` runs it. Prints time, rows per second and the peak resident memory
// above the starting point (sampled every 50 ms), for the first import and a re-import (idempotent update path).
// Sizes: BENCH_CQC_HOMES, BENCH_PLACEMENTS. Asserts nothing.
import { mkdtempSync, readFileSync, rmSync, createWriteStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { migrateDatabase, openDatabase } from '../src/db/client.js';
import { createRng } from '../src/domain/core/random.js';
import { cqcLocationsImporter } from '../src/importers/cqcLocations.js';
import { fileSource, runImport, type Importer, type StreamingImporter } from '../src/importers/framework.js';
import { placementsImporter } from '../src/importers/placements.js';

const HOMES = Number(process.env.BENCH_CQC_HOMES ?? 15_000);
const PLACEMENTS = Number(process.env.BENCH_PLACEMENTS ?? 1_000_000);
const rng = createRng(2026, 'data-bench');
const dir = mkdtempSync(path.join(os.tmpdir(), 'steward-data-bench-'));
const template = (
  JSON.parse(
    readFileSync(new URL('../src/importers/fixtures/cqc-api/torbay-6-locations.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown>[]
)[1];
const LAS = ['Devon', 'Plymouth', 'Torbay', 'Somerset', 'Cornwall', 'Trafford', 'Havering', 'Essex', 'Halton'];
const RATINGS = ['Outstanding', 'Good', 'Good', 'Good', 'Requires improvement', 'Inadequate'];

async function write(file: string, lines: () => Generator<string>): Promise<number> {
  const out = createWriteStream(file);
  for (const line of lines()) if (!out.write(line)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  return out.bytesWritten;
}

const locationId = (i: number) => `1-${String(3_000_000_000 + i)}`;

function* cqcLines(): Generator<string> {
  for (let i = 0; i < HOMES; i++) {
    const rating = rng.pick(RATINGS);
    const record = {
      ...template,
      locationId: locationId(i),
      providerId: `1-${String(4_000_000_000 + Math.floor(i / 3))}`,
      name: `Care Home ${i}`,
      numberOfBeds: rng.int(4, 120),
      localAuthority: rng.pick(LAS),
      onspdLatitude: 50 + rng.next() * 5,
      onspdLongitude: -4 + rng.next() * 5,
      currentRatings: {
        overall: {
          rating,
          reportDate: '2024-05-06',
          keyQuestionRatings: ['Safe', 'Effective', 'Caring', 'Responsive', 'Well-led'].map((name) => ({
            name,
            rating: rng.pick(RATINGS),
            reportDate: '2024-05-06',
          })),
        },
        reportDate: '2024-05-06',
      },
    };
    yield `${JSON.stringify(record)}\n`;
  }
}

function* placementLines(): Generator<string> {
  yield 'Package ID,Person reference,Service type,CQC location ID,Band,Start date,End date,Weekly cost (£),Hours per week,Hourly rate (£),Funding\n';
  for (let i = 0; i < PLACEMENTS; i++) {
    const home = locationId(rng.int(0, HOMES - 1));
    const start = `${String(rng.int(1, 28)).padStart(2, '0')}/${String(rng.int(1, 12)).padStart(2, '0')}/${rng.int(2019, 2024)}`;
    const ended = rng.bernoulli(0.4);
    const end = ended ? `${String(rng.int(1, 28)).padStart(2, '0')}/12/2025` : '';
    if (rng.bernoulli(0.3))
      yield `PKG-${i},MOS${rng.int(1, 600_000)},Homecare,${home},,${start},${end},,${(rng.int(20, 400) / 10).toFixed(1)},${(rng.int(2000, 3200) / 100).toFixed(2)},Council\n`;
    else
      yield `PKG-${i},MOS${rng.int(1, 600_000)},${rng.bernoulli(0.6) ? 'Residential' : 'Nursing'},${home},,${start},${end},${(rng.int(70_000, 180_000) / 100).toFixed(2)},,,${rng.pick(['Council', 'Council', 'CHC', 'Self-funded', 'Joint'])}\n`;
  }
}

async function measure<Row>(
  label: string,
  db: Parameters<typeof runImport>[0],
  importer: Importer<Row> | StreamingImporter,
  file: string,
  rows: number,
) {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const t0 = performance.now();
  const s = await runImport(db, importer, fileSource(file), { actor: { system: 'bench' }, options: {} });
  const ms = performance.now() - t0;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(
    `${label}: ${(ms / 1000).toFixed(1)} s, ${Math.round(rows / (ms / 1000)).toLocaleString('en-GB')} rows/s, peak memory +${((peak - base) / 2 ** 20).toFixed(0)} MiB (RSS ${(peak / 2 ** 20).toFixed(0)} MiB); created ${s.created}, updated ${s.updated}, unchanged ${s.unchanged}`,
  );
}

const database = await openDatabase(
  process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { dataDir: path.join(dir, 'db') },
);
await migrateDatabase(database);
console.log(
  `Database: ${database.kind}; ${HOMES.toLocaleString('en-GB')} care homes, ${PLACEMENTS.toLocaleString('en-GB')} placements`,
);
try {
  const cqcFile = path.join(dir, 'cqc-locations.ndjson');
  const cqcBytes = await write(cqcFile, cqcLines);
  console.log(`CQC location file: ${(cqcBytes / 2 ** 20).toFixed(1)} MiB`);
  await measure('import cqc-locations (first)', database.db, cqcLocationsImporter, cqcFile, HOMES);
  await measure('import cqc-locations (again, unchanged)', database.db, cqcLocationsImporter, cqcFile, HOMES);
  const placementsFile = path.join(dir, 'placements.csv');
  const pBytes = await write(placementsFile, placementLines);
  console.log(`Placements file: ${(pBytes / 2 ** 20).toFixed(1)} MiB`);
  await measure('import placements (first)', database.db, placementsImporter, placementsFile, PLACEMENTS);
  await measure('import placements (again, unchanged)', database.db, placementsImporter, placementsFile, PLACEMENTS);
} finally {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
