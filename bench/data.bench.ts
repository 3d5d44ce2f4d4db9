// Data imports benchmark, on PGlite (or DATABASE_URL): synthetic files in the published layouts, each through
// `runImport` as `steward import` and the Data page run it:
//  - CQC location records as the CQC API returns them, one per line: 15,000 care homes (national) and 200,000
//    records (BENCH_CQC_HOMES, a comma-separated list of sizes; the first is the register placements refer to);
//  - placements from case management, CSV: 100,000 and 1,000,000 packages (BENCH_PLACEMENTS, a list);
//  - the ONS Postcode Directory: 2,700,000 postcodes (BENCH_ONSPD_ROWS; 0 skips it).
// Prints time, rows per second, the CPU time this process spent (all of it on PGlite, where the database runs
// in-process; the client's share only on PostgreSQL: steadier than the time on a shared machine) and the peak
// resident memory above the starting point (sampled every 50 ms), for the first import and a re-import
// (idempotent update path), with the machine's load. Asserts nothing.
import { mkdtempSync, readFileSync, rmSync, createWriteStream, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { migrateDatabase, openDatabase } from '../src/db/client.js';
import { createRng } from '../src/domain/core/random.js';
import { cqcLocationsImporter } from '../src/importers/cqcLocations.js';
import {
  fileSource,
  runImport,
  type ImportSummary,
  type Importer,
  type StreamingImporter,
} from '../src/importers/framework.js';
import { placementsImporter } from '../src/importers/placements.js';
import { postcodesImporter } from '../src/importers/postcodes.js';
import { machineLoad } from './lib.js';
import { writeSyntheticOnspd } from './synthetic.js';

const sizes = (v: string | undefined, d: string) =>
  (v ?? d)
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
const CQC_SIZES = sizes(process.env.BENCH_CQC_HOMES, '15000,200000');
const HOMES = CQC_SIZES[0];
const PLACEMENT_SIZES = sizes(process.env.BENCH_PLACEMENTS, '100000,1000000');
const ONSPD_ROWS = Number(process.env.BENCH_ONSPD_ROWS ?? 2_700_000);
const rng = createRng(2026, 'data-bench');
const dir = mkdtempSync(path.join(os.tmpdir(), 'steward-data-bench-'));
const template = (
  JSON.parse(
    readFileSync(new URL('../src/importers/fixtures/cqc-api/torbay-6-locations.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown>[]
)[1];
const LAS = ['Devon', 'Plymouth', 'Torbay', 'Somerset', 'Cornwall', 'Trafford', 'Havering', 'Essex', 'Halton'];
const RATINGS = ['Outstanding', 'Good', 'Good', 'Good', 'Requires improvement', 'Inadequate'];

async function write(file: string, lines: Generator<string>): Promise<number> {
  const out = createWriteStream(file);
  for (const line of lines) if (!out.write(line)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  return out.bytesWritten;
}

const locationId = (i: number) => `1-${String(3_000_000_000 + i)}`;

function* cqcLines(n: number): Generator<string> {
  for (let i = 0; i < n; i++) {
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

function* placementLines(n: number): Generator<string> {
  yield 'Package ID,Person reference,Service type,CQC location ID,Band,Start date,End date,Weekly cost (£),Hours per week,Hourly rate (£),Funding\n';
  for (let i = 0; i < n; i++) {
    const home = locationId(rng.int(0, HOMES - 1));
    const start = `${String(rng.int(1, 28)).padStart(2, '0')}/${String(rng.int(1, 12)).padStart(2, '0')}/${rng.int(2019, 2024)}`;
    const ended = rng.bernoulli(0.4);
    const end = ended ? `${String(rng.int(1, 28)).padStart(2, '0')}/12/2025` : '';
    if (rng.bernoulli(0.3))
      yield `PKG-${n}-${i},MOS${rng.int(1, 600_000)},Homecare,${home},,${start},${end},,${(rng.int(20, 400) / 10).toFixed(1)},${(rng.int(2000, 3200) / 100).toFixed(2)},Council\n`;
    else
      yield `PKG-${n}-${i},MOS${rng.int(1, 600_000)},${rng.bernoulli(0.6) ? 'Residential' : 'Nursing'},${home},,${start},${end},${(rng.int(70_000, 180_000) / 100).toFixed(2)},,,${rng.pick(['Council', 'Council', 'CHC', 'Self-funded', 'Joint'])}\n`;
  }
}

/** "created 3, updated 0, unchanged 5": only the counts the importer reports (ONSPD reports no unchanged count). */
function counts(s: ImportSummary): string {
  return (['created', 'updated', 'unchanged'] as const)
    .filter((k) => s[k] !== undefined)
    .map((k) => `${k} ${s[k]}`)
    .join(', ');
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
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const s = await runImport(db, importer, fileSource(file), { actor: { system: 'bench' }, options: {} });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(
    `${label}: ${(ms / 1000).toFixed(1)} s, ${Math.round(rows / (ms / 1000)).toLocaleString('en-GB')} rows/s, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU in this process, peak memory +${((peak - base) / 2 ** 20).toFixed(0)} MiB (RSS ${(peak / 2 ** 20).toFixed(0)} MiB); ${counts(s)}; ${machineLoad()}`,
  );
}

const database = await openDatabase(
  process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { dataDir: path.join(dir, 'db') },
);
await migrateDatabase(database);
console.log(
  `Database: ${database.kind}; CQC records ${CQC_SIZES.map((n) => n.toLocaleString('en-GB')).join(', ')}; placements ${PLACEMENT_SIZES.map((n) => n.toLocaleString('en-GB')).join(', ')}; ONSPD ${ONSPD_ROWS.toLocaleString('en-GB')} rows`,
);
try {
  for (const n of CQC_SIZES) {
    const cqcFile = path.join(dir, `cqc-locations-${n}.ndjson`);
    const cqcBytes = await write(cqcFile, cqcLines(n));
    console.log(`CQC location file, ${n.toLocaleString('en-GB')} records: ${(cqcBytes / 2 ** 20).toFixed(1)} MiB`);
    await measure(
      `import cqc-locations ${n.toLocaleString('en-GB')} (first)`,
      database.db,
      cqcLocationsImporter,
      cqcFile,
      n,
    );
    await measure(
      `import cqc-locations ${n.toLocaleString('en-GB')} (again)`,
      database.db,
      cqcLocationsImporter,
      cqcFile,
      n,
    );
    rmSync(cqcFile, { force: true });
  }
  for (const n of PLACEMENT_SIZES) {
    const placementsFile = path.join(dir, `placements-${n}.csv`);
    const pBytes = await write(placementsFile, placementLines(n));
    console.log(`Placements file, ${n.toLocaleString('en-GB')} packages: ${(pBytes / 2 ** 20).toFixed(1)} MiB`);
    await measure(
      `import placements ${n.toLocaleString('en-GB')} (first)`,
      database.db,
      placementsImporter,
      placementsFile,
      n,
    );
    await measure(
      `import placements ${n.toLocaleString('en-GB')} (again, unchanged)`,
      database.db,
      placementsImporter,
      placementsFile,
      n,
    );
    rmSync(placementsFile, { force: true });
  }
  if (ONSPD_ROWS > 0) {
    const onspdFile = path.join(dir, 'onspd.csv');
    const districts = Array.from({ length: 2_900 }, (_, i) => ({
      district: `${'ABCDEFGHKLMNPRSTWY'[i % 18]}${'ABCDEFGHKLMNPRSTWY'[Math.floor(i / 18) % 18]}${1 + Math.floor(i / 324)}`,
      lat: 50 + (i % 90) / 10,
      lng: -5 + (i % 60) / 10,
    }));
    await writeSyntheticOnspd(onspdFile, ONSPD_ROWS, districts);
    console.log(
      `ONSPD file, ${ONSPD_ROWS.toLocaleString('en-GB')} postcodes: ${(statSync(onspdFile).size / 2 ** 20).toFixed(1)} MiB`,
    );
    await measure('import postcodes (ONSPD)', database.db, postcodesImporter, onspdFile, ONSPD_ROWS);
  }
} finally {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
