// Borough scale (issue 15): the demo borough on embedded PGlite, as a user meets it in the browser.
//  1. Headless Chromium (playwright-core, /usr/bin/chromium or STEWARD_CHROMIUM) signs in as an administrator and
//     walks the app from the home page and the public pages, following links, one page per route pattern
//     (/market/locations/:id once, not once per home). For each page it records the time from navigation to
//     usable (heading shown, no "Loading…" status, no API request pending) and every API request the page made.
//     Target: under 1,000 ms.
//  2. Every API request seen is then replayed over HTTP with the same session, 2 warm-ups and --samples (default
//     30) timed samples each. Target: p95 under 100 ms.
// Prints both tables slowest first, the slowest ten of each, and the machine's load with each table.
// Flags (npm run bench -- borough --samples=30 --page-samples=3 --max-pages=120):
//   --samples        timed samples per API request (STEWARD_BENCH_SAMPLES, default 30)
//   --page-samples   navigations timed per page (STEWARD_BENCH_PAGE_SAMPLES, default 3; the first visit is not timed)
//   --max-pages      pages to visit at most (default 150)
//   --pages          a comma-separated list of paths to time instead of walking the app
// Needs a built web app (npm run build).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { migrateDatabase, openDatabase } from '../src/db/client.js';
import { createUser } from '../src/db/core/users.js';
import { loadDemo } from '../src/demo/index.js';
import { buildApp } from '../src/server/app.js';
import { flag, machineLoad, percentile, printTable, type Timed } from './lib.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.STEWARD_CHROMIUM ?? '/usr/bin/chromium';
const SAMPLES = Number(flag('samples', process.env.STEWARD_BENCH_SAMPLES, '30'));
const PAGE_SAMPLES = Number(flag('page-samples', process.env.STEWARD_BENCH_PAGE_SAMPLES, '3'));
const MAX_PAGES = Number(flag('max-pages', undefined, '150'));
const REQUEST_TARGET_MS = 100;
const PAGE_TARGET_MS = 1000;
const ADMIN = { email: 'admin@bench.steward.test', password: 'bench-admin-password', name: 'Bench Admin' };
const PUBLIC_SEEDS = ['/market-position-statement', '/community-services', '/opportunities'];
// --pages=/,/discharge/metrics: time only these pages (and the requests they make), without following links.
const ONLY_PAGES = flag('pages', undefined, '')
  .split(',')
  .filter((p) => p.startsWith('/'));

/** A path's route pattern: segments holding digits (ids, UUIDs, CQC location ids) become ':id'. */
function patternOf(pathname: string): string {
  return pathname
    .split('/')
    .map((s) => (/\d/.test(s) ? ':id' : s))
    .join('/');
}

/** Times from navigation to usable: an h1, no "Loading…" status and no API request in flight. */
async function timeToUsable(page: Page, url: string, pending: () => number): Promise<number> {
  const started = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  for (;;) {
    await page.waitForFunction(
      () =>
        document.querySelector('main h1') !== null &&
        ![...document.querySelectorAll('[role="status"]')].some((el) => /Loading/.test(el.textContent ?? '')),
      undefined,
      { timeout: 30_000, polling: 'raf' },
    );
    if (pending() === 0) break;
    await new Promise((r) => setTimeout(r, 2));
  }
  return performance.now() - started;
}

async function main(): Promise<void> {
  const webDist = path.join(ROOT, 'web', 'dist');
  if (!existsSync(path.join(webDist, 'index.html')))
    throw new Error('No built web app in web/dist: run `npm run build` first.');
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM} (set STEWARD_CHROMIUM).`);

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'steward-bench-borough-'));
  const database = await openDatabase({ dataDir });
  const t0 = performance.now();
  await migrateDatabase(database);
  await loadDemo(database.db, { seed: 1 });
  await createUser(database.db, { ...ADMIN, role: 'admin' }, { system: 'bench' });
  console.log(`Demo borough loaded on PGlite in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const app = await buildApp({ database, webDist, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const base = `http://127.0.0.1:${address.port}`;

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    let inFlight = 0;
    let current: Set<string> | null = null;
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (!u.pathname.startsWith('/api/')) return;
      inFlight++;
      if (r.method() === 'GET') current?.add(`${u.pathname}${u.search}`);
    });
    const done = (r: { url: () => string }) => {
      if (new URL(r.url()).pathname.startsWith('/api/')) inFlight = Math.max(0, inFlight - 1);
    };
    page.on('requestfinished', done);
    page.on('requestfailed', done);

    await page.goto(`${base}/sign-in`);
    await page.getByLabel('Email address').fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));

    // Walk the app: breadth first from home and the public pages, one page per route pattern.
    const queue = ONLY_PAGES.length ? [...ONLY_PAGES] : ['/', ...PUBLIC_SEEDS];
    const seen = new Set(queue.map((p) => patternOf(p)));
    const pages: { path: string; samples: number[]; requests: string[] }[] = [];
    while (queue.length > 0 && pages.length < MAX_PAGES) {
      const p = queue.shift()!;
      current = new Set();
      try {
        await timeToUsable(page, `${base}${p}`, () => inFlight); // first visit: fetches the page's code
      } catch (err) {
        console.log(`  ${p}: not usable within 30 s (${(err as Error).message.split('\n')[0]})`);
        current = null;
        continue;
      }
      const requests = [...current];
      current = null;
      const samples: number[] = [];
      for (let i = 0; i < PAGE_SAMPLES; i++) samples.push(await timeToUsable(page, `${base}${p}`, () => inFlight));
      pages.push({ path: p, samples, requests });
      const links = await page.$$eval('a[href^="/"]:not([download])', (as) =>
        as.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''),
      );
      for (const href of ONLY_PAGES.length ? [] : links) {
        const u = new URL(href, base);
        if (/^\/(api|oruk|sign-out|sign-in|assets)\b/.test(u.pathname) || /\.(csv|xlsx|pdf|json)$/.test(u.pathname))
          continue;
        const pattern = patternOf(u.pathname);
        if (seen.has(pattern)) continue;
        seen.add(pattern);
        queue.push(`${u.pathname}${u.search}`);
      }
    }

    // Replay every API request seen, with the browser's session cookie.
    const cookie = (await context.cookies(base)).map((c) => `${c.name}=${c.value}`).join('; ');
    const requestUrls = [...new Set(pages.flatMap((p) => p.requests))];
    const requestRows: Timed[] = [];
    for (const u of requestUrls) {
      const samples: number[] = [];
      let status = 0;
      for (let i = 0; i < SAMPLES + 2; i++) {
        const started = performance.now();
        const res = await fetch(`${base}${u}`, { headers: { cookie, 'accept-encoding': 'br, gzip' } });
        await res.arrayBuffer();
        status = res.status;
        if (i >= 2) samples.push(performance.now() - started);
      }
      requestRows.push({ name: status === 200 ? u : `${u} (HTTP ${status})`, samples, target: REQUEST_TARGET_MS });
    }

    console.log(
      `\nVisited ${pages.length} pages (${PAGE_SAMPLES} timed navigations each after a first visit); ${requestUrls.length} distinct API requests.`,
    );
    const pageRows = pages.map((p) => ({ name: p.path, samples: p.samples, target: PAGE_TARGET_MS }));
    printTable('Borough pages: navigation to usable in headless Chromium (ms)', pageRows);
    printTable(`Borough API requests: each GET the pages make, ${SAMPLES} samples (ms)`, requestRows);
    const slowest = (rows: Timed[]) =>
      [...rows]
        .sort((a, b) => percentile(b.samples, 0.95) - percentile(a.samples, 0.95))
        .slice(0, 10)
        .map(
          (r, i) =>
            `  ${String(i + 1).padStart(2)}. ${percentile(r.samples, 0.95).toFixed(1).padStart(8)} ms  ${r.name}`,
        )
        .join('\n');
    console.log(`\nSlowest ten pages (p95) — ${machineLoad()}\n${slowest(pageRows)}`);
    console.log(`\nSlowest ten API requests (p95) — ${machineLoad()}\n${slowest(requestRows)}`);
    console.log('\nRequests each page makes:');
    for (const p of pages) console.log(`  ${p.path}: ${p.requests.length ? p.requests.join(', ') : '(none)'}`);
  } finally {
    await browser.close();
    await app.close();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
