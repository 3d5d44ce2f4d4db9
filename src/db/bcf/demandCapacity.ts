// The intermediate care demand and capacity table: read, edit cells, prefill from the hub and a scenario.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.js';
import { recordAudit, type AuditActor } from '../core/audit.js';
import { populationRows } from '../demand/population.js';
import { readDischargeHistory } from '../discharge/history.js';
import { getScenario } from '../discharge/simulation.js';
import { addMonths, financialYearStart, londonDate } from '../../domain/core/dates.js';
import { InputError, NotFound } from '../../domain/core/errors.js';
import {
  dcServiceOfHistory,
  prefillDemandCapacity,
  validateDcCells,
  type DcRow,
  type DcService,
  type ScenarioCapacity,
} from '../../domain/bcf/demandCapacity.js';
import { monthsOfYear } from '../../domain/bcf/period.js';
import { espPopulation, population65Plus } from '../../domain/bcf/population.js';
import type { LengthOfStay } from '../../domain/discharge/simulation/scenario.js';
import { bcfDemandCapacity } from './schema.js';
import type { PlanData } from './plans.js';

/** The table's rows for a plan year (all places), ordered by place, service, month. */
export async function readDemandCapacity(db: Db, plan: PlanData, year: string): Promise<DcRow[]> {
  if (plan.places.length === 0) return [];
  const rows = await db
    .select()
    .from(bcfDemandCapacity)
    .where(
      and(
        inArray(
          bcfDemandCapacity.placeId,
          plan.places.map((p) => p.id),
        ),
        inArray(bcfDemandCapacity.month, monthsOfYear(year)),
      ),
    );
  const order = new Map(plan.places.map((p, i) => [p.id, i]));
  return rows
    .map((r) => ({
      placeId: r.placeId,
      service: r.service as DcService,
      month: r.month,
      demand: r.demand,
      capacity: r.capacity,
      demandSource: r.demandSource,
      capacitySource: r.capacitySource,
    }))
    .sort(
      (a, b) =>
        order.get(a.placeId)! - order.get(b.placeId)! ||
        a.service.localeCompare(b.service) ||
        a.month.localeCompare(b.month),
    );
}

export interface DcCell {
  placeId: string;
  service: DcService;
  month: string;
  demand: number | null;
  capacity: number | null;
}

/** Write edited cells (a changed figure's source becomes 'entered' unless given). In one transaction, audited. */
export async function writeDemandCapacity(
  db: Db,
  actor: AuditActor,
  plan: PlanData,
  cells: (DcCell & { demandSource?: string; capacitySource?: string })[],
  action = 'edit_demand_capacity',
): Promise<void> {
  validateDcCells(cells);
  const placeIds = new Set(plan.places.map((p) => p.id));
  const bad = cells.flatMap((c, i) =>
    placeIds.has(c.placeId) ? [] : [{ field: `cells.${i}.placeId`, message: 'Not a place of this plan' }],
  );
  if (bad.length) throw new InputError(bad);
  await db.transaction(async (tx) => {
    for (const c of cells) {
      const [cur] = await tx
        .select()
        .from(bcfDemandCapacity)
        .where(
          and(
            eq(bcfDemandCapacity.placeId, c.placeId),
            eq(bcfDemandCapacity.service, c.service),
            eq(bcfDemandCapacity.month, c.month),
          ),
        );
      const demandSource = c.demandSource ?? (cur && cur.demand === c.demand ? cur.demandSource : 'entered');
      const capacitySource = c.capacitySource ?? (cur && cur.capacity === c.capacity ? cur.capacitySource : 'entered');
      await tx
        .insert(bcfDemandCapacity)
        .values({ ...c, demandSource, capacitySource })
        .onConflictDoUpdate({
          target: [bcfDemandCapacity.placeId, bcfDemandCapacity.service, bcfDemandCapacity.month],
          set: { demand: c.demand, capacity: c.capacity, demandSource, capacitySource, updatedAt: new Date() },
        });
    }
    await recordAudit(tx, actor, { action, entity: 'bcf_plan', entityId: plan.id, detail: { cells: cells.length } });
  });
}

function meanStay(los: LengthOfStay): number {
  if (los.kind === 'fixed') return los.days;
  if (los.kind === 'empirical') return los.days.reduce((s, d) => s + d, 0) / los.days.length;
  return los.mean;
}

/**
 * Prefill a year's table from the hub's referrals in the three years before the year (by service and month)
 * and a capacity planner scenario (or none), split between places by their share of the population aged 65+.
 * Keeps the welfare rows and any service the hub and scenario do not cover. Audited.
 * @throws NotFound for an unknown scenario; InputError when a place has no population for the year
 */
export async function prefillFromHub(
  db: Db,
  actor: AuditActor,
  plan: PlanData,
  year: string,
  opts: { scenarioId: string | null; growth: number },
): Promise<DcRow[]> {
  const start = financialYearStart(year);
  const history = await readDischargeHistory(db, { from: addMonths(start, -36), to: start });
  const counts = new Map<string, number>();
  for (const e of history.episodes) {
    const svc = dcServiceOfHistory(e.service, e.pathway);
    if (!svc) continue;
    const month = londonDate(e.readyAt).slice(0, 7);
    counts.set(`${svc}|${month}`, (counts.get(`${svc}|${month}`) ?? 0) + 1);
  }
  let scenario: { name: string; services: ScenarioCapacity[] } | null = null;
  if (opts.scenarioId) {
    const saved = await getScenario(db, opts.scenarioId);
    if (!saved) throw new NotFound('Capacity planner scenario');
    scenario = {
      name: saved.name,
      services: saved.scenario.services.map((s) => ({
        pathway: s.pathway,
        unit: s.unit,
        capacity: s.capacity,
        meanStayDays: meanStay(s.lengthOfStay),
        visitsPerPersonDay: s.unit === 'visit' ? (s.visits.firstDay + s.visits.lastDay) / 2 : undefined,
      })),
    };
  }
  const series = await populationRows(
    db,
    plan.places.map((p) => p.gssCode),
  );
  const yearNumber = Number(start.slice(0, 4));
  const pops = plan.places.map((p) => {
    const pop = espPopulation(series, p.gssCode, yearNumber);
    const n = pop ? population65Plus(pop.bands) : 0;
    if (!n) throw InputError.field('population', `No population aged 65+ for ${p.name} in ${year}`);
    return n;
  });
  const total = pops.reduce((s, n) => s + n, 0);
  const rows = prefillDemandCapacity({
    months: monthsOfYear(year),
    places: plan.places.map((p, i) => ({ id: p.id, share: pops[i] / total })),
    history: [...counts.entries()].map(([k, referrals]) => {
      const [service, month] = k.split('|');
      return { service: service as DcService, month, referrals };
    }),
    growth: opts.growth,
    scenario,
  });
  await writeDemandCapacity(db, actor, plan, rows, 'prefill_demand_capacity');
  return readDemandCapacity(db, plan, year);
}
