import pg from 'pg';
import { migrateDatabase, openDatabase } from '../src/db/client.js';
import { loadDemo } from '../src/demo/index.js';
import { loadFlowRecords, loadMetrics } from '../src/db/discharge/flow.js';
import { loadResponseRecords } from '../src/db/discharge/brokerage.js';
import { implausibleReferrals } from '../src/db/discharge/plausible.js';
import { flowMetrics } from '../src/domain/discharge/metrics.js';
import { londonMidnight } from '../src/domain/discharge/time.js';
const name = 'steward_i15_prof';
const fresh = process.argv.includes('--fresh');
const c = new pg.Client('postgres://postgres@127.0.0.1:5432/postgres'); await c.connect();
if (fresh) { await c.query(`drop database if exists ${name} with (force)`); await c.query(`create database ${name}`); }
await c.end();
const database = await openDatabase({ url: `postgres://postgres@127.0.0.1:5432/${name}` });
if (fresh) { await migrateDatabase(database); let t = performance.now(); await loadDemo(database.db, { seed: 1 }); console.log('demo', performance.now() - t); }
const now = new Date();
const to = now.toISOString().slice(0,10); const from = '2025-11-01';
for (let i = 0; i < 3; i++) {
  let t = performance.now();
  const recs = await loadFlowRecords(database.db, londonMidnight(from), londonMidnight(to)); const a = performance.now() - t; t = performance.now();
  const resp = await loadResponseRecords(database.db); const b = performance.now() - t; t = performance.now();
  await implausibleReferrals(database.db); const c2 = performance.now() - t; t = performance.now();
  flowMetrics(recs, resp, { period: 'month', from, to, asAt: now }); const d = performance.now() - t; t = performance.now();
  await loadMetrics(database.db, { period: 'month', from, to, asAt: now }); const e = performance.now() - t;
  console.log({ records: recs.length, responses: resp.length, flowRecords: a.toFixed(0), responsesMs: b.toFixed(0), implausible: c2.toFixed(0), compute: d.toFixed(0), total: e.toFixed(0) });
}
await database.close();
