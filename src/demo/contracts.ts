// The contracts part of the demo borough: a contract register of about seventy contracts linked to the
// market part's providers (read from the database) and to local voluntary-sector organisations, procurements
// in flight, three years of KPI returns, PAMMS-style assessments (one waiting for the featured provider's
// challenge), provider concerns, a delivery plan modelled on Halton's and a risk register on the BCF risk log.
// Each step is its own module (contractsRegister, contractsProcurements, contractsKpis, contractsAssessments,
// contractsConcerns, contractsPlanRisks); this part runs them in order, each on its own random stream.
import { recordAudit } from '../db/core/audit.js';
import { DEMO_RISKS } from './contractsRiskContent.js';
import { loadAssessments } from './contractsAssessments.js';
import { loadConcerns } from './contractsConcerns.js';
import { loadKpiReturns } from './contractsKpis.js';
import { loadDeliveryPlan, loadRisks } from './contractsPlanRisks.js';
import { loadProcurements } from './contractsProcurements.js';
import { contractSpecs, insertContracts, loadContractsMarket, vcsProviders } from './contractsRegister.js';
import type { DemoPart } from './part.js';

/** The contracts part: loads after the market part (it reads its providers); throws when that has not loaded. */
export const contractsDemoPart: DemoPart = {
  name: 'contracts',
  description: 'contract register, procurements, KPI returns, quality assessments, delivery plan and risk register',
  async load(db, ctx) {
    const asAt = ctx.asAt.toISOString().slice(0, 10);
    const g = ctx.rng('register');
    const total = 7;
    let done = 0;
    const step = () => ctx.progress(++done, total);

    const market = await loadContractsMarket(db);
    const vcs = await vcsProviders(db);
    step();
    const specs = contractSpecs(market, vcs, g);
    const { contractIds, contractEnd } = await insertContracts(db, specs, asAt, g);
    step();
    const procurementCount = await loadProcurements(db, contractIds, contractEnd, asAt);
    step();
    const kpiCount = await loadKpiReturns(db, specs, contractIds, asAt, ctx.rng('kpi-returns'));
    step();
    const assessmentCount = await loadAssessments(db, market, asAt, ctx.rng('assessments'));
    await loadConcerns(db, market, asAt, ctx.rng('concerns'));
    step();
    await loadDeliveryPlan(db, asAt, contractIds);
    step();
    await loadRisks(db, asAt, contractIds, ctx.rng('risks'));
    await recordAudit(
      db,
      { system: 'demo' },
      {
        action: 'load',
        entity: 'contracts_demo',
        detail: { contracts: specs.length, kpis: kpiCount, risks: DEMO_RISKS.length },
      },
    );
    ctx.log(
      `  ${specs.length} contracts, ${procurementCount} procurements, ${kpiCount} KPIs, ${assessmentCount} assessments, ${DEMO_RISKS.length} risks`,
    );
    step();
  },
};
