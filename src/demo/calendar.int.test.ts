// The demo borough and every page's API must not depend on the calendar (issue 21). For a spread of "as at"
// moments (month ends, 29 February, the days the clocks change in March and October, 31 December, late evening
// in summer when the London date is a day ahead of UTC, and today), the clock is set to that moment, the demo is
// loaded as at that day, the capacity planner's baseline is fitted, and every GET operation in the OpenAPI
// document is called as the role that uses it: none may answer 5xx, and the fitted baseline must be a valid
// scenario. PGlite only: this checks calendar logic, which is the same on both databases, and each load takes
// several seconds.
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { migrateDatabase, openDatabase, queryRows, type Database } from '../db/client.js';
import { createTestApp, signInAs, type TestClient } from '../server/testing.js';
import { scenarioSchema } from '../domain/discharge/simulation/scenario.js';
import { loadDemo } from './index.js';

/** Moments (UTC) the suite runs at. */
export const CALENDAR_SPREAD = [
  new Date().toISOString(), // today, as CI runs
  '2026-11-30T10:00:00Z', // the day main went red
  '2026-12-31T16:00:00Z', // 31 December
  '2027-02-28T09:00:00Z', // end of February, not a leap year
  '2028-02-29T12:00:00Z', // 29 February
  '2027-03-28T01:30:00Z', // 02:30 BST, an hour after the clocks went forward
  '2026-10-25T00:30:00Z', // 01:30 GMT on the day the clocks went back (01:00–02:00 happens twice)
  '2027-06-30T23:30:00Z', // 00:30 BST on 1 July: the London date is a day ahead of the UTC date
  '2027-04-30T12:00:00Z', // a 30-day month end
];

describe('the demo and every page API across the calendar [pglite]', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ dataDir: 'memory://' });
    await migrateDatabase(database);
  });
  afterAll(async () => database?.close());
  afterEach(() => {
    vi.useRealTimers();
  });

  for (const moment of CALENDAR_SPREAD) {
    it(`works as at ${moment}`, async () => {
      vi.useFakeTimers({ toFake: ['Date'], now: new Date(moment), shouldAdvanceTime: true });
      await loadDemo(database.db, { seed: 1, asAt: new Date(moment) });
      const app = await createTestApp(database);
      try {
        const ids = await demoIds(database);
        const commissioner = await signInAs(app, 'commissioner');
        const broker = await signInAs(app, 'broker');
        const provider = await signInAs(app, 'provider', { providerId: ids.providerWithRequest ?? ids.provider });

        const baseline = await commissioner.get('/api/discharge/simulation/baseline?replications=10');
        expect(baseline.statusCode, baseline.body.slice(0, 500)).toBe(200);
        const scenario = scenarioSchema.safeParse(baseline.json().baseline);
        expect(scenario.success, JSON.stringify(scenario.error?.issues)).toBe(true);

        const failures: string[] = [];
        for (const { path, provider: providerOnly } of await getOperations(app)) {
          const url = fill(path, ids);
          if (url === null) continue;
          const client: TestClient = providerOnly
            ? provider
            : path.startsWith('/api/discharge')
              ? broker
              : commissioner;
          const res = await client.get(url);
          if (res.statusCode >= 500) failures.push(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
        }
        expect(failures).toEqual([]);
      } finally {
        await app.close();
      }
    }, 240_000);
  }
});

interface DemoIds {
  location: string;
  provider: string;
  providerWithRequest: string | null;
  referral: string;
  providerRequest: string | null;
  contract: string;
  assessment: string | null;
  simulationScenario: string | null;
  directoryService: string;
  directorySuggestion: string | null;
  directoryServiceAtLocation: string;
  directoryTaxonomy: string;
  directoryTaxonomyTerm: string;
  bcfPlan: string;
  deliveryPlan: string;
  procurement: string | null;
}

async function demoIds(database: Database): Promise<DemoIds> {
  const one = async (q: ReturnType<typeof sql>) => (await queryRows<{ id: string }>(database.db, q))[0]?.id ?? null;
  const request = (
    await queryRows<{ id: string; provider_id: string }>(
      database.db,
      sql`select id::text, provider_id::text from discharge_requests order by sent_at desc limit 1`,
    )
  )[0];
  return {
    location: (await one(
      sql`select id::text from locations where 'care_home_residential' = any(service_types) or 'care_home_nursing' = any(service_types) order by name limit 1`,
    ))!,
    provider: (await one(sql`select id::text from providers order by name limit 1`))!,
    providerWithRequest: request?.provider_id ?? null,
    referral: (await one(sql`select id::text from discharge_referrals order by medically_optimised_at desc limit 1`))!,
    providerRequest: request?.id ?? null,
    contract: (await one(sql`select id::text from contracts order by reference limit 1`))!,
    assessment: await one(sql`select id::text from quality_assessments order by visit_date desc limit 1`),
    simulationScenario: await one(sql`select id::text from discharge_simulation_scenarios limit 1`),
    directoryService: (await one(sql`select id::text from directory_services order by name limit 1`))!,
    directorySuggestion: await one(sql`select id::text from directory_suggestions limit 1`),
    directoryServiceAtLocation: (await one(sql`select id::text from directory_service_at_locations limit 1`))!,
    directoryTaxonomy: (await one(sql`select id::text from directory_taxonomies limit 1`))!,
    directoryTaxonomyTerm: (await one(sql`select id::text from directory_taxonomy_terms limit 1`))!,
    bcfPlan: (await one(sql`select id::text from bcf_plans limit 1`))!,
    deliveryPlan: (await one(sql`select id::text from delivery_plans order by created_at limit 1`))!,
    procurement: await one(sql`select id::text from procurements order by title limit 1`),
  };
}

/** Every GET operation of the API, from its own OpenAPI document. */
async function getOperations(app: FastifyInstance): Promise<{ path: string; provider: boolean }[]> {
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, { get?: unknown }>;
  };
  return Object.entries(doc.paths)
    .filter(([, ops]) => ops.get)
    .map(([path]) => ({ path, provider: path.startsWith('/api/discharge/provider') }));
}

/** The operation's URL with its path parameters filled from the demo, or null when the demo has no such record. */
function fill(path: string, ids: DemoIds): string | null {
  const byPath: [RegExp, string | null][] = [
    [/^\/api\/market\/locations\/\{id\}/, ids.location],
    [/^\/api\/market\/providers\/\{id\}/, ids.provider],
    [/^\/api\/discharge\/referrals\/\{id\}/, ids.referral],
    [/^\/api\/discharge\/provider\/requests\/\{id\}/, ids.providerRequest],
    [/^\/api\/contracts\/contracts\/\{id\}/, ids.contract],
    [/^\/api\/contracts\/assessments\/\{id\}/, ids.assessment],
    [/^\/api\/discharge\/simulation\/scenarios\/\{id\}/, ids.simulationScenario],
    [/^\/api\/directory\/entries\/\{id\}/, ids.directoryService],
    [/^\/api\/directory\/suggestions\/\{id\}/, ids.directorySuggestion],
    [/^\/oruk\/services\/\{id\}/, ids.directoryService],
    [/^\/oruk\/service_at_locations\/\{id\}/, ids.directoryServiceAtLocation],
    [/^\/oruk\/taxonomies\/\{id\}/, ids.directoryTaxonomy],
    [/^\/oruk\/taxonomy_terms\/\{id\}/, ids.directoryTaxonomyTerm],
    [/^\/api\/bcf\/plans\/\{id\}/, ids.bcfPlan],
    [/^\/api\/delivery-plans\/\{id\}/, ids.deliveryPlan],
    [/^\/api\/contracts\/procurements\/\{id\}/, ids.procurement],
  ];
  // The PDF needs the built web app and a listening server, which this API-only test app has not (503 by design).
  if (path === '/market-position-statement.pdf') return null;
  const fixed: [RegExp, string][] = [
    [
      /^\/api\/mps\/sections\/\{key\}\/blocks\/\{block\}\/history$/,
      '/api/mps/sections/care_homes/blocks/provision/history',
    ],
    [/^\/api\/mps\/sections\/\{key\}$/, '/api/mps/sections/care_homes'],
    [/^\/api\/mps\/(public\/)?editions\/\{number\}$/, path.replace('{number}', '1')],
  ];
  for (const [pattern, url] of fixed) if (pattern.test(path)) return url;
  if (!path.includes('{')) return path;
  for (const [pattern, id] of byPath) if (pattern.test(path)) return id === null ? null : path.replace('{id}', id);
  throw new Error(`calendar test: no demo record for ${path}; add one to fill()`);
}
