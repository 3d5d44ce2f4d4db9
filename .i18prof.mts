import { openDatabase } from './src/db/client.ts';
import { loadModelInputs } from './src/db/demand/model-inputs.ts';
import { runModel, DEFAULT_SCENARIO } from './src/domain/demand/model.ts';
import { capacitySummary, priceSummary } from './src/db/market/dashboard.ts';
import { listLocations } from './src/db/market/register.ts';
import { listContracts } from './src/db/contracts/contracts.ts';
import { listProcurements } from './src/db/contracts/procurements.ts';
import { getPlan } from './src/db/contracts/deliveryPlan.ts';
import { latestNarrative } from './src/db/mps/narrative.ts';
const database = await openDatabase({ dataDir: '/tmp/i18-scratch' });
const db = database.db;
async function t(label: string, f: () => Promise<unknown>) { const t0 = performance.now(); await f(); console.log(label, Math.round(performance.now() - t0)); }
for (let i = 0; i < 2; i++) {
await t('narrative', () => latestNarrative(db));
let inp: any;
await t('modelInputs', async () => { inp = await loadModelInputs(db, 'E09000099', '2026-11-30'); });
await t('runModel', async () => runModel(inp.input, { ...DEFAULT_SCENARIO, toYear: 2041 }));
await t('capacity', () => capacitySummary(db, { inBorough: true }));
await t('prices', () => priceSummary(db, { inBorough: true }, new Date(), 3));
await t('locations', () => listLocations(db, { inBorough: true }, 100000));
await t('contracts', () => listContracts(db, {}, '2026-11-30'));
await t('procurements', () => listProcurements(db, '2026-11-30'));
await t('plan', () => getPlan(db));
}
await database.close();
