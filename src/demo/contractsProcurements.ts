// The contracts demo's procurements in flight: re-tenders and a direct award for contracts ending soon (one
// running late), and a new service with no contract to replace, each with its stage plan.
import type { Db } from '../db/client.js';
import { procurementStages, procurements } from '../db/contracts/schema.js';
import { addDays, addMonths, type IsoDate } from '../domain/core/dates.js';
import { planBackwards, type ProcurementStage, type StageDates } from '../domain/contracts/procurement.js';
import { endOfMonth } from './contractsRegister.js';

/**
 * Stages before `upTo` finished (the last `slipDays` late, by up to 14 days); `openStage` started `slipDays` late
 * but not finished. Nothing is marked started or finished after `asAt`.
 */
function stagesSlipped(
  stages: StageDates[],
  asAt: IsoDate,
  upTo: ProcurementStage,
  slipDays: number,
  openStage?: ProcurementStage,
): StageDates[] {
  let finished = true;
  return stages
    .map((s) => {
      if (s.stage === upTo) finished = false;
      if (finished)
        return { ...s, actualStart: s.plannedStart, actualEnd: addDays(s.plannedEnd, Math.min(slipDays, 14)) };
      if (s.stage === openStage) return { ...s, actualStart: addDays(s.plannedStart, slipDays) };
      return s;
    })
    .map((s) =>
      s.actualStart && s.actualStart > asAt
        ? { ...s, actualStart: null, actualEnd: null }
        : s.actualEnd && s.actualEnd > asAt
          ? { ...s, actualEnd: null }
          : s,
    );
}

/** Every stage whose planned end is before `asAt` done on time, the one under way started. */
function stagesDoneBefore(stages: StageDates[], asAt: IsoDate): StageDates[] {
  return stages.map((s) =>
    s.plannedEnd < asAt
      ? { ...s, actualStart: s.plannedStart, actualEnd: s.plannedEnd }
      : s.plannedStart <= asAt
        ? { ...s, actualStart: s.plannedStart }
        : s,
  );
}

async function insertProcurement(
  db: Db,
  procurement: { contractId: string | null; title: string; route: string; leadOfficer: string },
  stages: readonly StageDates[],
): Promise<void> {
  const [row] = await db.insert(procurements).values(procurement).returning({ id: procurements.id });
  await db
    .insert(procurementStages)
    .values(stages.map((s) => ({ ...s, notApplicable: s.notApplicable ?? false, procurementId: row.id })));
}

/**
 * Insert the procurements: each replacing contract's stages planned back from the day after its current end
 * (`contractEnd`, by reference; `contractIds` gives its id), plus a new respite service due fourteen months after
 * `asAt`. Returns how many procurements it inserted.
 */
export async function loadProcurements(
  db: Db,
  contractIds: ReadonlyMap<string, string>,
  contractEnd: ReadonlyMap<string, IsoDate>,
  asAt: IsoDate,
): Promise<number> {
  const plan = (ref: string, route: string, title: string, shape: (stages: StageDates[]) => StageDates[]) => ({
    ref,
    route,
    title,
    stages: shape(planBackwards(addDays(contractEnd.get(ref)!, 1))),
  });
  const doneBefore = (s: StageDates[]) => stagesDoneBefore(s, asAt);
  const procs = [
    // Carers' Hub: the tender went out five weeks late and is still open: the new service cannot start in time.
    plan('EB-CAR-001', 're_tender', "Carers' Hub re-tender", (s) =>
      stagesSlipped(s, asAt, 'tender_published', 36, 'tender_published'),
    ),
    plan('EB-PRV-001', 're_tender', 'Community Wellness and Empowerment Service – Age Well', doneBefore),
    plan('EB-PRV-002', 're_tender', 'Community Wellness and Empowerment Service – Live Well', doneBefore),
    plan('EB-PRV-006', 'direct_award', 'Dementia support service – direct award', (s) =>
      doneBefore(
        s.map((x) =>
          x.stage === 'tender_published' || x.stage === 'evaluation' || x.stage === 'soft_market_test'
            ? { ...x, notApplicable: true }
            : x,
        ),
      ),
    ),
    plan('EB-HC-001', 're_tender', 'Homecare zones and DPS refresh', doneBefore),
  ];
  for (const p of procs) {
    const procurement = { contractId: contractIds.get(p.ref)!, title: p.title, route: p.route };
    await insertProcurement(db, { ...procurement, leadOfficer: 'Procurement Business Partner' }, p.stages);
  }
  // A new service with no contract to replace: short stay residential respite (Halton's Priority 2 action).
  await insertProcurement(
    db,
    {
      contractId: null,
      title: 'Short stay residential respite service (new)',
      route: 'new_service',
      leadOfficer: 'Commissioning Manager – Live Well',
    },
    planBackwards(endOfMonth(addMonths(asAt, 14))),
  );
  return procs.length + 1;
}
