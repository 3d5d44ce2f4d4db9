// The contracts demo's delivery plan (modelled on Halton's layout: priorities, intentions, actions with a status
// per year and milestones) and risk register (the BCF risk log and local risks, each with its quarterly scores).
import type { Db } from '../db/client.js';
import { riskScores, risks } from '../db/contracts/schema.js';
import { createPlan } from '../db/contracts/deliveryPlan.js';
import type { Rng } from '../domain/core/random.js';
import { addDays, financialYearOf, type IsoDate } from '../domain/core/dates.js';
import { riskScore } from '../domain/contracts/risk.js';
import { DEMO_PLAN_PRIORITIES } from './contractsContent.js';
import { DEMO_RISKS } from './contractsRiskContent.js';

const SYSTEM = { system: 'demo' } as const;

/**
 * Create the delivery plan of {@link DEMO_PLAN_PRIORITIES} over the financial years before, of and after `asAt`
 * (labelled like 2025/26), milestones dated from `asAt`, actions linked to contracts by reference (`contractIds`;
 * an unknown reference links none).
 */
export async function loadDeliveryPlan(db: Db, asAt: IsoDate, contractIds: ReadonlyMap<string, string>): Promise<void> {
  const fy = financialYearOf(asAt);
  const start = Number(fy.slice(0, 4));
  const label = (y: number) => `${y}/${String((y + 1) % 100).padStart(2, '0')}`;
  const years = [label(start - 1), label(start), label(start + 1)];
  await createPlan(db, SYSTEM, {
    title: 'Delivery Plan',
    years,
    priorities: DEMO_PLAN_PRIORITIES.map((p) => ({
      number: p.number,
      title: p.title,
      intentions: p.intentions.map((i) => ({
        text: i.text,
        actions: i.actions.map((a) => ({
          text: a.text,
          yearStatuses: [...a.years],
          responsibleServiceAreas: a.areas,
          contractId: a.contractRef ? (contractIds.get(a.contractRef) ?? null) : null,
          milestones: a.milestones.map((m) => ({
            title: m.title,
            dueDate: addDays(asAt, m.dueInDays),
            completedOn: m.done ? addDays(asAt, Math.min(m.dueInDays, -1) - 3) : null,
          })),
        })),
      })),
    })),
  });
}

/**
 * Insert the risks of {@link DEMO_RISKS}, each scored now by its last score and with its earlier scores a quarter
 * apart, reviews due from 25 days ago to 80 days on (drawn from `rg`), linked to contracts by reference.
 */
export async function loadRisks(
  db: Db,
  asAt: IsoDate,
  contractIds: ReadonlyMap<string, string>,
  rg: Rng,
): Promise<void> {
  for (const r of DEMO_RISKS) {
    const [l, i] = r.scores[r.scores.length - 1];
    const [row] = await db
      .insert(risks)
      .values({
        reference: r.reference,
        title: r.title,
        mitigation: r.mitigation,
        owner: r.owner,
        likelihood: l,
        impact: i,
        reviewDate: addDays(asAt, rg.int(-25, 80)),
        contractId: r.contractRef ? (contractIds.get(r.contractRef) ?? null) : null,
      })
      .returning({ id: risks.id });
    await db.insert(riskScores).values(
      r.scores.map(([sl, si], n) => ({
        riskId: row.id,
        recordedOn: addDays(asAt, -91 * (r.scores.length - 1 - n) - 7),
        likelihood: sl,
        impact: si,
        score: riskScore(sl, si),
        note: n === 0 ? 'Risk identified' : 'Quarterly review',
      })),
    );
  }
}
