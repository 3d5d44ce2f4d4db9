// The risk register with its score history and the council's RAG bands.
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.js';
import { type AuditActor, recordAudit } from '../core/audit.js';
import { Conflict, InputError, NotFound } from '../../domain/core/errors.js';
import {
  DEFAULT_RISK_BANDS,
  assessRisk,
  bandProblems,
  isScale,
  riskScore,
  type RiskBand,
  type RiskRag,
  type RiskView,
  type ScoreEntry,
} from '../../domain/contracts/risk.js';
import { riskBands, riskScores, risks } from './schema.js';

/** The council's risk bands (scores 1–25 to a RAG rating), or the default bands when none were set. */
export async function getBands(db: Db): Promise<RiskBand[]> {
  const rows = await db.select().from(riskBands).orderBy(asc(riskBands.min));
  return rows.length
    ? rows.map((r) => ({ min: r.min, max: r.max, rag: r.rag as RiskRag, label: r.label }))
    : DEFAULT_RISK_BANDS;
}

/**
 * Replaces the risk bands in one audited transaction.
 * @throws InputError when the bands do not cover 1–25 exactly once, in order
 */
export async function putBands(db: Db, actor: AuditActor, bands: RiskBand[]): Promise<void> {
  const problems = bandProblems(bands);
  if (problems.length) throw new InputError(problems);
  await db.transaction(async (tx) => {
    await tx.delete(riskBands);
    await tx.insert(riskBands).values(bands);
    await recordAudit(tx, actor, { action: 'update', entity: 'risk_bands', detail: { bands } });
  });
}

export interface RiskListItem extends RiskView {
  id: string;
  reference: string;
  title: string;
  mitigation: string;
  owner: string;
  likelihood: number;
  impact: number;
  reviewDate: string | null;
  status: string;
  contractId: string | null;
  providerId: string | null;
  actionId: string | null;
  history: (ScoreEntry & { note: string | null })[];
}

/** Every risk with its score, band, trend and review status as at `asAt`, by reference. */
export async function listRisks(db: Db, asAt: string): Promise<RiskListItem[]> {
  const rows = await db.select().from(risks).orderBy(asc(risks.reference));
  const bands = await getBands(db);
  const history = rows.length
    ? await db
        .select()
        .from(riskScores)
        .where(
          inArray(
            riskScores.riskId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(riskScores.recordedOn))
    : [];
  return rows
    .map((r) => {
      const h = history
        .filter((x) => x.riskId === r.id)
        .map((x) => ({
          recordedOn: x.recordedOn,
          likelihood: x.likelihood,
          impact: x.impact,
          score: x.score,
          note: x.note,
        }));
      return {
        ...assessRisk(
          { likelihood: r.likelihood, impact: r.impact, reviewDate: r.reviewDate, history: h },
          asAt,
          bands,
        ),
        id: r.id,
        reference: r.reference,
        title: r.title,
        mitigation: r.mitigation,
        owner: r.owner,
        likelihood: r.likelihood,
        impact: r.impact,
        reviewDate: r.reviewDate,
        status: r.status,
        contractId: r.contractId,
        providerId: r.providerId,
        actionId: r.actionId,
        history: h,
      };
    })
    .sort((a, b) => b.score - a.score || a.reference.localeCompare(b.reference));
}

export interface RiskInput {
  reference: string;
  title: string;
  mitigation: string;
  owner: string;
  likelihood: number;
  impact: number;
  reviewDate: string | null;
  contractId: string | null;
  providerId: string | null;
  actionId: string | null;
}

function checkScale(likelihood: number, impact: number) {
  const errors = [];
  if (!isScale(likelihood))
    errors.push({ field: 'likelihood', message: 'Likelihood must be a whole number from 1 to 5' });
  if (!isScale(impact)) errors.push({ field: 'impact', message: 'Impact must be a whole number from 1 to 5' });
  if (errors.length) throw new InputError(errors);
}

/**
 * Adds a risk with its first score (recorded on `today`) in one audited transaction. @returns its id
 * @throws InputError when likelihood or impact is outside 1–5 or the reference is taken
 */
export async function createRisk(db: Db, actor: AuditActor, input: RiskInput, today: string): Promise<string> {
  checkScale(input.likelihood, input.impact);
  return db.transaction(async (tx) => {
    const [dup] = await tx.select({ id: risks.id }).from(risks).where(eq(risks.reference, input.reference));
    if (dup) throw new InputError([{ field: 'reference', message: `Risk ${input.reference} already exists` }]);
    const [row] = await tx.insert(risks).values(input).returning({ id: risks.id });
    await tx.insert(riskScores).values({
      riskId: row.id,
      recordedOn: today,
      likelihood: input.likelihood,
      impact: input.impact,
      score: riskScore(input.likelihood, input.impact),
      note: 'Risk identified',
      recordedBy: 'userId' in actor ? actor.userId : null,
    });
    await recordAudit(tx, actor, {
      action: 'create',
      entity: 'risk',
      entityId: row.id,
      detail: { reference: input.reference, score: riskScore(input.likelihood, input.impact) },
    });
    return row.id;
  });
}

/** Re-score a risk at review: the new score joins the history; mitigation and review date may change. */
export async function reviewRisk(
  db: Db,
  actor: AuditActor,
  id: string,
  input: {
    likelihood: number;
    impact: number;
    note: string | null;
    mitigation?: string;
    reviewDate?: string | null;
    status?: 'open' | 'closed';
  },
  today: string,
): Promise<void> {
  checkScale(input.likelihood, input.impact);
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(risks).where(eq(risks.id, id)).for('update');
    if (!row) throw new NotFound('Risk');
    if (row.status === 'closed')
      throw new Conflict(`Risk ${row.reference} is closed: it cannot be reviewed`, [
        { field: 'riskId', message: `Risk ${row.reference} is closed` },
      ]);
    const score = riskScore(input.likelihood, input.impact);
    await tx
      .update(risks)
      .set({
        likelihood: input.likelihood,
        impact: input.impact,
        updatedAt: new Date(),
        ...(input.mitigation !== undefined ? { mitigation: input.mitigation } : {}),
        ...(input.reviewDate !== undefined ? { reviewDate: input.reviewDate } : {}),
        ...(input.status ? { status: input.status } : {}),
      })
      .where(eq(risks.id, id));
    await tx.insert(riskScores).values({
      riskId: id,
      recordedOn: today,
      likelihood: input.likelihood,
      impact: input.impact,
      score,
      note: input.note,
      recordedBy: 'userId' in actor ? actor.userId : null,
    });
    await recordAudit(tx, actor, {
      action: 'review',
      entity: 'risk',
      entityId: id,
      detail: {
        reference: row.reference,
        from: row.likelihood * row.impact,
        to: score,
        note: input.note,
        ...(input.status && input.status !== row.status ? { status: input.status } : {}),
        ...(input.mitigation !== undefined && input.mitigation !== row.mitigation ? { mitigationChanged: true } : {}),
      },
    });
  });
}
