// Contracts benchmark: a large council's register (5,000 contracts from 600 providers), 1,000 procurements,
// 2,000 KPIs with three years of monthly returns, and a 300-action delivery plan, on PGlite.
// Prints: register import (parse + write) time and rows per second; median and p95 of the recommissioning
// list, the procurement list and the KPI returns list; delivery plan XLSX export time; memory. Asserts nothing.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { migrateDatabase, openDatabase } from '../src/db/client.js';
import { providers } from '../src/db/market/schema.js';
import { contracts, kpiReturns, kpis, procurementStages, procurements } from '../src/db/contracts/schema.js';
import { listKpis } from '../src/db/contracts/kpis.js';
import { listProcurements, recommissioning } from '../src/db/contracts/procurements.js';
import { createPlan, getPlan } from '../src/db/contracts/deliveryPlan.js';
import { createRng } from '../src/domain/core/random.js';
import { addDays, addMonths } from '../src/domain/core/dates.js';
import { periodsDue } from '../src/domain/contracts/kpi.js';
import { planBackwards } from '../src/domain/contracts/procurement.js';
import { haltonLayout } from '../src/domain/contracts/haltonWorkbook.js';
import { contractsImporter } from '../src/importers/contracts.js';
import { fileSource, runImport } from '../src/importers/framework.js';
import { deliveryPlanWorkbook } from '../src/server/contracts/deliveryPlanXlsx.js';
import { formatLatency, latencySummary } from './stats.js';

const CONTRACTS = 5_000;
const PROVIDERS = 600;
const PROCUREMENTS = 1_000;
const KPIS = 2_000;
const AS_AT = '2026-11-23';
const rng = createRng(2026, 'contracts-bench');

async function time<T>(label: string, f: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const r = await f();
  console.log(`${label}: ${(performance.now() - t0).toFixed(0)} ms`);
  return r;
}

async function latency(label: string, runs: number, f: () => Promise<unknown>) {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    xs.push(performance.now() - t0);
  }
  console.log(`${label}: ${formatLatency(latencySummary(xs), 0)}`);
}

console.log(
  `load average before: ${loadavg()
    .map((x) => x.toFixed(1))
    .join(', ')} on ${os.cpus().length} cores (figures scale with load)`,
);
const dir = mkdtempSync(path.join(os.tmpdir(), 'steward-contracts-bench-'));
const database = await openDatabase({ dataDir: path.join(dir, 'db') });
try {
  await migrateDatabase(database);
  const db = database.db;
  const names = Array.from({ length: PROVIDERS }, (_, i) => `Bench Provider ${String(i + 1).padStart(4, '0')} Ltd`);
  await db.insert(providers).values(names.map((name) => ({ name })));

  // ---- 1. Import a register CSV ----
  const areas = [
    'Care homes',
    'Homecare',
    'Supported living',
    'Prevention and wellbeing',
    "Carers' support",
    'Equipment and assistive technology',
    'Advocacy',
  ];
  const forms = ['Block', 'Framework call-off', 'Dynamic purchasing system (DPS)', 'Grant', 'Cost and volume'];
  const funds = [
    'Council general fund',
    'Better Care Fund (NHS minimum contribution)',
    'iBCF',
    'Public Health grant',
    'ICB',
  ];
  const lines = [
    'Contract reference,Title,Provider,Service area,Care group,Contract form,Funding source,Total value (£),Start date,End date,Extension options (months),Extensions taken,Notice period (months),Lead officer',
  ];
  for (let i = 0; i < CONTRACTS; i++) {
    const start = addMonths('2022-04-01', rng.int(0, 40));
    const end = addDays(addMonths(start, 12 * rng.int(1, 5)), -1);
    lines.push(
      [
        `B-${String(i + 1).padStart(5, '0')}`,
        `Bench service ${i + 1}`,
        rng.pick(names),
        rng.pick(areas),
        'Older people',
        rng.pick(forms),
        rng.pick(funds),
        `"£${(rng.int(20, 3_000) * 1_000).toLocaleString('en-GB')}"`,
        start.split('-').reverse().join('/'),
        end,
        rng.pick(['', '12', '12+12', '2 x 12']),
        '0',
        String(rng.int(1, 6)),
        'Officer',
      ].join(','),
    );
  }
  const file = path.join(dir, 'register.csv');
  writeFileSync(file, lines.join('\n'));
  const t0 = performance.now();
  const summary = await runImport(db, contractsImporter, fileSource(file), { actor: { system: 'bench' }, options: {} });
  const importMs = performance.now() - t0;
  console.log(
    `register import: ${summary.created} contracts in ${importMs.toFixed(0)} ms (${Math.round(CONTRACTS / (importMs / 1000))} rows/s), RSS after ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`,
  );

  // ---- 2. Procurements and KPIs ----
  const ids = (await db.select({ id: contracts.id, end: contracts.initialEndDate }).from(contracts)).slice(
    0,
    PROCUREMENTS,
  );
  await time(`insert ${PROCUREMENTS} procurements × 9 stages`, async () => {
    const procRows = ids.map((c) => ({
      id: randomUUID(),
      contractId: c.id,
      title: 'Bench procurement',
      route: 're_tender',
    }));
    for (let i = 0; i < procRows.length; i += 500) await db.insert(procurements).values(procRows.slice(i, i + 500));
    const stageRows = procRows.flatMap((p, i) =>
      planBackwards(addDays(ids[i].end, rng.int(-30, 60)))
        .map((s) =>
          s.plannedEnd < AS_AT
            ? { ...s, actualStart: s.plannedStart, actualEnd: addDays(s.plannedEnd, rng.int(0, 20)) }
            : s,
        )
        .map((s) => ({ ...s, notApplicable: false, procurementId: p.id })),
    );
    for (let i = 0; i < stageRows.length; i += 1000)
      await db.insert(procurementStages).values(stageRows.slice(i, i + 1000));
  });
  const all = await db.select({ id: contracts.id }).from(contracts);
  await time(`insert ${KPIS} monthly KPIs with 3 years of returns`, async () => {
    const kpiRows = Array.from({ length: KPIS }, (_, i) => ({
      id: randomUUID(),
      contractId: all[i % all.length].id,
      name: `KPI ${i}`,
      unit: '%',
      target: 90,
      direction: 'higher_is_better',
      frequency: 'monthly',
      tolerance: 3,
      reportingFrom: '2023-11-01',
    }));
    for (let i = 0; i < kpiRows.length; i += 500) await db.insert(kpis).values(kpiRows.slice(i, i + 500));
    const periods = periodsDue({ frequency: 'monthly', dueDays: null }, '2023-11-01', AS_AT);
    const returnRows = kpiRows.flatMap((k) =>
      periods
        .filter(() => rng.next() < 0.95)
        .map((p) => ({
          kpiId: k.id,
          periodStart: p.periodStart,
          value: rng.normal(91, 3),
          submittedOn: addDays(p.dueDate, rng.int(-8, 6)),
        })),
    );
    for (let i = 0; i < returnRows.length; i += 2000) await db.insert(kpiReturns).values(returnRows.slice(i, i + 2000));
  });

  // ---- 3. Reads ----
  await latency('recommissioning list (18 months, 5,000 contracts, 1,000 procurements)', 40, () =>
    recommissioning(db, AS_AT, 18),
  );
  await latency('procurement list with forecasts (1,000)', 40, () => listProcurements(db, AS_AT));
  await latency('KPI returns list (2,000 KPIs, ~68,000 returns)', 5, () => listKpis(db, AS_AT));
  const one = all[0].id;
  await latency('KPI returns for one contract', 60, () => listKpis(db, AS_AT, { contractId: one }));

  // ---- 4. Delivery plan export ----
  await createPlan(
    db,
    { system: 'bench' },
    {
      title: 'Delivery Plan',
      years: ['2025/26', '2026/27', '2027/28'],
      priorities: Array.from({ length: 6 }, (_, p) => ({
        number: p + 1,
        title: `Priority ${p + 1}`,
        intentions: Array.from({ length: 10 }, (_, i) => ({
          text: `Intention ${p + 1}.${i + 1} `.repeat(8),
          actions: Array.from({ length: 5 }, (_, a) => ({
            text: `Action ${a + 1} `.repeat(10),
            yearStatuses: ['Develop & Implement', 'Tender & Award Contract', 'Ongoing Monitoring'],
            responsibleServiceAreas: ['Adults Directorate – Commissioning & Development Team'],
            milestones: [{ title: 'Milestone', dueDate: addDays(AS_AT, rng.int(-90, 90)), completedOn: null }],
          })),
        })),
      })),
    },
  );
  await latency('delivery plan XLSX export (300 actions, Halton layout)', 5, async () => {
    const plan = (await getPlan(db))!;
    return deliveryPlanWorkbook(haltonLayout(plan, AS_AT), plan.years.length);
  });
  console.log(`peak RSS: ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
} finally {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
