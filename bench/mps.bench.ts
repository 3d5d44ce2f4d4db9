// Market Position Statement benchmark on the demo borough (PGlite): generating the live draft (target < 2 s) and
// printing the published edition to PDF with headless Chromium (target < 10 s).
// Prints: the draft's first generation (cold caches) and the median and p95 of later ones, straight from the
// repository and through GET /api/mps/draft; the PDF's first print (Chromium start, page load, charts, print) as a
// public request, later prints without the cache, and a cached request; the PDF's size and page count; memory.
// The PDF needs the built web app (web/dist, or STEWARD_WEB_DIST) and /usr/bin/chromium; without them it says so.
// Run with `npm run bench -- mps`. Asserts nothing.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { migrateDatabase, openDatabase, PROJECT_ROOT } from '../src/db/client.js';
import { loadDemo } from '../src/demo/index.js';
import { draftStatement } from '../src/db/mps/generate.js';
import { getEdition } from '../src/db/mps/editions.js';
import { buildApp } from '../src/server/app.js';
import { pdfUnavailableReason, printPdf } from '../src/server/mps/pdf.js';
import { signInAs } from '../src/server/testing.js';
import { formatLatency, latencySummary } from './stats.js';

async function latency(label: string, runs: number, f: () => Promise<unknown>): Promise<number[]> {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    xs.push(performance.now() - t0);
  }
  console.log(`${label}: ${formatLatency(latencySummary(xs), 0)}`);
  return xs;
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'steward-mps-bench-'));
const database = await openDatabase({ dataDir });
try {
  await migrateDatabase(database);
  let t0 = performance.now();
  await loadDemo(database.db, { seed: 1 });
  console.log(
    `Demo borough loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s (load average ${os.loadavg()[0].toFixed(1)})`,
  );

  t0 = performance.now();
  const first = await draftStatement(database.db);
  console.log(`Draft, first generation (cold): ${(performance.now() - t0).toFixed(0)} ms`);
  console.log(
    `  ${first.sections.length} sections, ${first.opportunities.length} opportunities, ${(JSON.stringify(first).length / 1024).toFixed(0)} KB of JSON`,
  );
  await latency('Draft generation (repository)', 40, () => draftStatement(database.db));

  const webDist = process.env.STEWARD_WEB_DIST ?? path.join(PROJECT_ROOT, 'web', 'dist');
  const app = await buildApp({ database, webDist, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const commissioner = await signInAs(app, 'commissioner');
    await latency('GET /api/mps/draft (HTTP, with statuses and editions)', 40, async () => {
      const res = await commissioner.get('/api/mps/draft');
      if (res.statusCode !== 200) throw new Error(`draft answered ${res.statusCode}`);
    });

    const unavailable = pdfUnavailableReason();
    if (unavailable || !existsSync(path.join(webDist, 'index.html'))) {
      console.log(`PDF: not measured (${unavailable ?? `no built web app at ${webDist}: run npm run build`})`);
    } else {
      const address = app.server.address();
      const origin = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
      t0 = performance.now();
      const res = await fetch(`${origin}/market-position-statement.pdf`);
      const pdf = Buffer.from(await res.arrayBuffer());
      console.log(
        `GET /market-position-statement.pdf, first request (prints): ${(performance.now() - t0).toFixed(0)} ms, ${res.status}, ${(pdf.length / 1024).toFixed(0)} KB, ${(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length} pages`,
      );
      t0 = performance.now();
      await (await fetch(`${origin}/market-position-statement.pdf`)).arrayBuffer();
      console.log(`GET /market-position-statement.pdf, cached: ${(performance.now() - t0).toFixed(0)} ms`);
      const edition = await getEdition(database.db, null);
      await latency('Printing the edition to PDF, uncached (Chromium start, load, print)', 3, () =>
        printPdf(`${origin}/market-position-statement/print?edition=${edition.number}`, edition.title),
      );
    }
  } finally {
    await app.close();
  }
  const mem = process.memoryUsage();
  console.log(`Memory: rss ${(mem.rss / 2 ** 20).toFixed(0)} MB, heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MB`);
} finally {
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
