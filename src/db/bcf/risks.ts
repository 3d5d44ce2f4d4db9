// The BCF plan's risk log, kept in the contracts risk register (one register, one score history): a risk is in a
// plan's log when it is linked to the plan or one of its schemes (bcf_risk_links), or when it is a risk on a
// contract that one of the plan's schemes names. Linking and unlinking are audited.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.js';
import { recordAudit, type AuditActor } from '../core/audit.js';
import { InputError, NotFound } from '../../domain/core/errors.js';
import { listRisks, type RiskListItem } from '../contracts/risks.js';
import { contracts, risks } from '../contracts/schema.js';
import type { PlanData } from './plans.js';
import { bcfRiskLinks } from './schema.js';

/** Why a risk is in the plan's log: linked to the plan, to a scheme, or a risk on a contract a scheme names. */
export type BcfRiskLink =
  | { kind: 'plan' }
  | { kind: 'scheme'; schemeId: string; schemeRef: string }
  | { kind: 'contract'; schemeId: string; schemeRef: string; contractId: string; contractRef: string };

export interface BcfRisk extends RiskListItem {
  links: BcfRiskLink[];
  /** Whether the link can be removed here (a contract's risk leaves the log when the contract is unlinked). */
  linked: boolean;
}

/** A link's words, as the risk log sheet and the pages show it: "Plan", "Scheme HAV-06", "Contract EB-CAR-001 (HAV-06)". */
export function linkText(l: BcfRiskLink): string {
  if (l.kind === 'plan') return 'Plan';
  if (l.kind === 'scheme') return `Scheme ${l.schemeRef}`;
  return `Contract ${l.contractRef} (${l.schemeRef})`;
}

/**
 * The plan's risk log, highest score first (the register's order), each with the links that put it there.
 * Closed risks are included (the register's status says so). `asAt` (YYYY-MM-DD) decides overdue reviews.
 * `register`: the register as listRisks(db, asAt) gives it, when the caller has read it already (read here otherwise).
 */
export async function planRisks(
  db: Db,
  plan: PlanData,
  asAt: string,
  register?: readonly RiskListItem[],
): Promise<BcfRisk[]> {
  const links = await db.select().from(bcfRiskLinks).where(eq(bcfRiskLinks.planId, plan.id));
  const contractIds = [...new Set(plan.schemes.flatMap((s) => s.contractIds))];
  const refs = contractIds.length
    ? await db
        .select({ id: contracts.id, reference: contracts.reference })
        .from(contracts)
        .where(inArray(contracts.id, contractIds))
    : [];
  const all = register ?? (await listRisks(db, asAt));
  const out: BcfRisk[] = [];
  for (const r of all) {
    const found: BcfRiskLink[] = [];
    const direct = links.find((l) => l.riskId === r.id);
    if (direct) {
      const scheme = direct.schemeId ? plan.schemes.find((s) => s.id === direct.schemeId) : undefined;
      found.push(scheme ? { kind: 'scheme', schemeId: scheme.id, schemeRef: scheme.ref } : { kind: 'plan' });
    }
    if (r.contractId)
      for (const s of plan.schemes.filter((x) => x.contractIds.includes(r.contractId!))) {
        const ref = refs.find((c) => c.id === r.contractId)?.reference ?? r.contractId;
        found.push({ kind: 'contract', schemeId: s.id, schemeRef: s.ref, contractId: r.contractId, contractRef: ref });
      }
    if (found.length) out.push({ ...r, links: found, linked: !!direct });
  }
  return out;
}

/**
 * Link a register risk to the plan (schemeId null) or to one of its schemes; a risk already linked is moved to
 * the new place. Audited. @throws NotFound when the risk is not in the register; InputError when the scheme is
 * not one of the plan's
 */
export async function linkRisk(
  db: Db,
  actor: AuditActor,
  plan: PlanData,
  input: { riskId: string; schemeId: string | null },
): Promise<void> {
  const [risk] = await db
    .select({ id: risks.id, reference: risks.reference })
    .from(risks)
    .where(eq(risks.id, input.riskId));
  if (!risk) throw new NotFound('Risk');
  const scheme = input.schemeId ? plan.schemes.find((s) => s.id === input.schemeId) : null;
  if (input.schemeId && !scheme) throw InputError.field('schemeId', 'Choose a scheme of this plan', 'body');
  await db.transaction(async (tx) => {
    await tx
      .insert(bcfRiskLinks)
      .values({ planId: plan.id, riskId: risk.id, schemeId: scheme?.id ?? null })
      .onConflictDoUpdate({
        target: [bcfRiskLinks.planId, bcfRiskLinks.riskId],
        set: { schemeId: scheme?.id ?? null },
      });
    await recordAudit(tx, actor, {
      action: 'link_risk',
      entity: 'bcf_plan',
      entityId: plan.id,
      detail: { risk: risk.reference, scheme: scheme?.ref ?? null },
    });
  });
}

/** Remove a risk's link to the plan (the risk stays in the register). Audited. @throws NotFound when not linked */
export async function unlinkRisk(db: Db, actor: AuditActor, plan: PlanData, riskId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const gone = await tx
      .delete(bcfRiskLinks)
      .where(and(eq(bcfRiskLinks.planId, plan.id), eq(bcfRiskLinks.riskId, riskId)))
      .returning({ riskId: bcfRiskLinks.riskId });
    if (!gone.length) throw new NotFound('Risk link');
    const [risk] = await tx.select({ reference: risks.reference }).from(risks).where(eq(risks.id, riskId));
    await recordAudit(tx, actor, {
      action: 'unlink_risk',
      entity: 'bcf_plan',
      entityId: plan.id,
      detail: { risk: risk?.reference ?? riskId },
    });
  });
}

/** Contracts a plan's schemes name, with reference and title (for the pages and the link form). */
export async function schemeContracts(
  db: Db,
  plan: PlanData,
): Promise<{ id: string; reference: string; title: string }[]> {
  const ids = [...new Set(plan.schemes.flatMap((s) => s.contractIds))];
  if (!ids.length) return [];
  return db
    .select({ id: contracts.id, reference: contracts.reference, title: contracts.title })
    .from(contracts)
    .where(inArray(contracts.id, ids));
}
