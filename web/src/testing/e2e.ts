// End-to-end test harness: the real Steward app (Fastify + built web app) on a free port with a fresh
// PGlite database holding the demo borough, driven by headless Debian Chromium through playwright-core,
// with axe-core accessibility checks. Used by web/src/<area>/<area>.e2e.test.ts.
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, vi } from 'vitest';
import { buildApp } from '../../../src/server/app';
import { migrateDatabase, openDatabase, type Database } from '../../../src/db/client';
import { createUser } from '../../../src/db/core/users';
import { loadDemo } from '../../../src/demo/index';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../../src/demo/users';
import { formatViolations } from './axe-report';

export { formatViolations };
export {
  choose,
  chartTextProblems,
  settle,
  expectUserWording,
  expectFitsPhone,
  expectFiguresWhole,
  expectChartsLegible,
  expectAccessible,
  AXE_TAGS,
  AXE_EXTRA_RULES,
  PHONE_WIDTH,
} from './pageChecks';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export const CHROMIUM_PATH = process.env.STEWARD_CHROMIUM ?? '/usr/bin/chromium';
export const chromiumAvailable = existsSync(CHROMIUM_PATH);

/**
 * Whether a missing browser or database must fail the run rather than skip: in CI (`CI` set, as `.ci/run` does), or
 * when STEWARD_REQUIRE_ALL is set. Locally, without Chromium, the end-to-end files are skipped with a message.
 */
export const requireEverything = isTruthy(process.env.CI) || isTruthy(process.env.STEWARD_REQUIRE_ALL);

function isTruthy(v: string | undefined): boolean {
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
}

/**
 * Use instead of `describe` in e2e files: skips (with a clear message) when Chromium is not installed; in CI the
 * suite runs anyway, so its `beforeAll` (launching the browser) fails each file instead of passing by skipping.
 */
export const describeE2E: typeof describe =
  chromiumAvailable || requireEverything ? describe : (describe.skip as typeof describe);
if (!chromiumAvailable) {
  console.warn(
    `End-to-end tests ${requireEverything ? 'FAIL (CI needs them)' : 'skipped'}: no Chromium at ${CHROMIUM_PATH}. Install it with: apt-get install -y chromium (or set STEWARD_CHROMIUM).`,
  );
}

/** An administrator added to every e2e database (the demo itself has no admin account). */
export const E2E_ADMIN = {
  email: 'admin@e2e.steward.test',
  password: 'e2e-admin-password',
  name: 'Ada Admin',
} as const;

/** Demo accounts by role (password DEMO_PASSWORD), from src/demo/users.ts. */
export const DEMO_ACCOUNTS = {
  admin: { email: E2E_ADMIN.email, password: E2E_ADMIN.password },
  ...Object.fromEntries(DEMO_STAFF.map((u) => [u.role, { email: u.email, password: DEMO_PASSWORD }])),
} as Record<
  'admin' | 'commissioner' | 'broker' | 'quality_officer' | 'bcf_lead' | 'viewer',
  { email: string; password: string }
>;

export interface StartOptions {
  /** Demo seed (default 1). */
  seed?: number;
  /** Load the demo borough (default true). False gives an empty, migrated database with only the e2e admin. */
  demo?: boolean;
  /** Built web app directory (default STEWARD_WEB_DIST or web/dist). */
  webDist?: string;
  /**
   * Run as if it were this moment (an ISO date-time, default STEWARD_E2E_AS_AT or the real clock): the demo is
   * loaded as at that day, the server's clock starts there (and runs on), and every page made by `newPage`
   * while Steward runs has its `Date` fixed there. `STEWARD_E2E_AS_AT=2028-02-29T12:00:00Z npm run test:e2e`
   * runs the whole suite on 29 February 2028.
   */
  asAt?: string;
}

/** The moment the running Steward's clock started at, when faked (see StartOptions.asAt); null on the real clock. */
let fakeClockStart: { fakeMs: number; realMs: number } | null = null;

/** Now, on the running Steward's clock (the fake clock advances with real time), in ms since the epoch. */
function fakeNow(): number | null {
  return fakeClockStart
    ? fakeClockStart.fakeMs + (performance.timeOrigin + performance.now() - fakeClockStart.realMs)
    : null;
}

export interface Steward {
  baseUrl: string;
  database: Database;
  stop: () => Promise<void>;
}

/** Hash of everything that shapes a demo database, so a cached copy is reused only while it is current. */
function demoInputsHash(seed: number, demo: boolean): string {
  const h = createHash('sha256');
  h.update(`seed=${seed};demo=${demo};day=${new Date().toISOString().slice(0, 10)};`);
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|sql|json|csv)$/.test(name) && !/\.(test|int\.test|e2e\.test)\.ts$/.test(name)) {
        h.update(path.relative(ROOT, p));
        h.update(readFileSync(p));
      }
    }
  };
  for (const dir of ['drizzle', 'src/db', 'src/demo', 'src/domain']) walk(path.join(ROOT, dir));
  return h.digest('hex').slice(0, 16);
}

async function populate(dataDir: string, seed: number, demo: boolean): Promise<void> {
  const database = await openDatabase({ dataDir });
  try {
    await migrateDatabase(database);
    if (demo) await loadDemo(database.db, { seed });
    await createUser(
      database.db,
      { email: E2E_ADMIN.email, name: E2E_ADMIN.name, role: 'admin', password: E2E_ADMIN.password },
      { system: 'e2e' },
    );
  } finally {
    await database.close();
  }
}

/** Templates for code that has since changed pile up (~100 MB each): drop those unused for an hour. */
function pruneTemplates(cacheRoot: string): void {
  const hourAgo = Date.now() - 60 * 60 * 1000;
  for (const name of readdirSync(cacheRoot)) {
    const p = path.join(cacheRoot, name);
    try {
      if (statSync(p).mtimeMs < hourAgo) rmSync(p, { recursive: true, force: true });
    } catch {
      // Removed by another test process meanwhile.
    }
  }
}

/**
 * A migrated PGlite data directory with the demo loaded. Loading the demo is the slow part, so the first
 * run keeps a template under the OS temp directory (keyed by a hash of migrations, schema, demo and domain
 * code, and today's date) and later runs copy it.
 */
async function freshDataDir(seed: number, demo: boolean): Promise<string> {
  const cacheRoot = path.join(os.tmpdir(), 'steward-e2e-templates');
  mkdirSync(cacheRoot, { recursive: true });
  const template = path.join(cacheRoot, demoInputsHash(seed, demo));
  if (!existsSync(template)) {
    pruneTemplates(cacheRoot);
    const building = mkdtempSync(path.join(cacheRoot, 'building-'));
    const dir = path.join(building, 'data');
    await populate(dir, seed, demo);
    try {
      renameSync(dir, template);
    } catch {
      // Another test process made the same template first: theirs is identical.
    }
    rmSync(building, { recursive: true, force: true });
  }
  const target = mkdtempSync(path.join(os.tmpdir(), 'steward-e2e-'));
  cpSync(template, target, { recursive: true });
  const now = new Date();
  utimesSync(template, now, now); // in use: keep it from being pruned
  return target;
}

/** Starts Steward in-process on a free port, serving the built web app, with a fresh demo database. */
export async function startSteward(options: StartOptions = {}): Promise<Steward> {
  const seed = options.seed ?? 1;
  const demo = options.demo ?? true;
  const asAt = options.asAt ?? process.env.STEWARD_E2E_AS_AT;
  if (asAt) {
    const at = new Date(asAt);
    if (Number.isNaN(at.getTime())) throw new Error(`asAt / STEWARD_E2E_AS_AT is not a date-time: ${asAt}`);
    // Only Date is faked: timers, PGlite and the browser driver keep real time.
    vi.useFakeTimers({ toFake: ['Date'], now: at, shouldAdvanceTime: true });
    fakeClockStart = { fakeMs: at.getTime(), realMs: performance.timeOrigin + performance.now() };
  }
  const webDist = options.webDist ?? process.env.STEWARD_WEB_DIST ?? path.join(ROOT, 'web', 'dist');
  if (!existsSync(path.join(webDist, 'index.html'))) {
    throw new Error(
      `No built web app at ${webDist}: run \`npm run build\` (or set STEWARD_WEB_DIST) before the e2e tests.`,
    );
  }
  const dataDir = await freshDataDir(seed, demo);
  const database = await openDatabase({ dataDir });
  // Migrations are already applied in the template; this is a no-op unless the template predates a migration.
  await migrateDatabase(database);
  const app = await buildApp({ database, webDist, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('Steward did not report a TCP port');
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    database,
    stop: async () => {
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
      if (fakeClockStart) {
        vi.useRealTimers();
        fakeClockStart = null;
      }
    },
  };
}

/** Headless Debian Chromium. Close it in afterAll (useSteward does both). */
export async function launchBrowser(): Promise<Browser> {
  if (!chromiumAvailable) throw new Error(`No Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export interface UseStewardOptions extends StartOptions {
  /** Time allowed for starting Steward and the browser (default: the e2e project's hookTimeout). */
  timeout?: number;
}

/** What useSteward gives a test: set once its beforeAll hook has run. */
export interface StewardSession {
  readonly steward: Steward;
  readonly browser: Browser;
}

/**
 * Call at the top of a describeE2E block: starts Steward (startSteward) and headless Chromium (launchBrowser)
 * before the block's tests and closes both after them. Read `steward` and `browser` from the returned object
 * inside tests (reading them before the hook has run throws).
 */
export function useSteward(options: UseStewardOptions = {}): StewardSession {
  const { timeout, ...startOptions } = options;
  let steward: Steward | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    steward = await startSteward(startOptions);
    browser = await launchBrowser();
  }, timeout);
  afterAll(async () => {
    await browser?.close();
    await steward?.stop();
  });
  const started = <T>(value: T | undefined, name: string): T => {
    if (value === undefined)
      throw new Error(
        `useSteward: ${name} is not started (read it inside a test, not while the tests are being collected)`,
      );
    return value;
  };
  return {
    get steward() {
      return started(steward, 'Steward');
    },
    get browser() {
      return started(browser, 'the browser');
    },
  };
}

/**
 * A new page that records uncaught page errors and console errors, so tests can assert the app ran cleanly:
 * `expect(errors).toEqual([])`. 4xx responses (the signed-out session check, rejected input) are not recorded.
 */
export async function newPage(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  const now = fakeNow();
  if (now !== null) await context.clock.setFixedTime(now);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    // Every console error fails a page check, with one exception: the browser logs a refused request (400, 403,
    // 404, 409, 422: bad input a test submits on purpose, which the test asserts from the page's error summary).
    // A 401 is an error here: the session check answers 200 when not signed in (issue 13), so a 401 means a page
    // asked for something without a session.
    if (
      m.type() === 'error' &&
      !/Failed to load resource: the server responded with a status of 4(0[02-9]|[1-9]\d)/.test(m.text())
    )
      errors.push(`console: ${m.text()}`);
  });
  return { page, errors };
}

/** Signs in through the real sign-in form and waits until the app has left the sign-in page. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'), { timeout: 20_000 });
}

/** Signs out with the navigation's "Sign out" link and waits for the confirmation. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Sign out' }).click();
  await page.getByRole('heading', { level: 1, name: 'You have signed out' }).waitFor();
}
