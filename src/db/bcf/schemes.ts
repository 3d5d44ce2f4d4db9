// Changing a BCF plan's schemes: planned spend by funding line and year, actual spend and outputs by quarter, and
// the register contracts a scheme names; each change in one audited transaction.
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.js';
import { recordAudit, type AuditActor } from '../core/audit.js';
import { contracts } from '../contracts/schema.js';
import { londonToday } from '../../domain/core/dates.js';
import { InputError, NotFound, type FieldError } from '../../domain/core/errors.js';
import { quarterHasEnded, quarterNotEndedMessage } from '../../domain/bcf/period.js';
import {
  type AreaOfSpend,
  type Commissioner,
  type SchemeActual,
  type SchemeFunding,
  fundingPenceProblem,
  schemeOutputsProblem,
  FUNDING_LINE_LABELS,
  validateScheme,
} from '../../domain/bcf/plan.js';
import { bcfPlans, bcfSchemeActuals, bcfSchemeFunding, bcfSchemes } from './schema.js';

/** Set a scheme's planned spend (pence) for one funding line and year, replacing what was there. */
export async function upsertSchemeFunding(db: Db, schemeId: string, f: SchemeFunding): Promise<void> {
  await db
    .insert(bcfSchemeFunding)
    .values({ schemeId, ...f })
    .onConflictDoUpdate({
      target: [bcfSchemeFunding.schemeId, bcfSchemeFunding.fundingLine, bcfSchemeFunding.year],
      set: { plannedPence: f.plannedPence },
    });
}

/** Set a scheme's actual spend (pence) and outputs for one funding line and quarter, replacing what was there. */
export async function upsertSchemeActual(db: Db, schemeId: string, a: SchemeActual): Promise<void> {
  await db
    .insert(bcfSchemeActuals)
    .values({ schemeId, ...a })
    .onConflictDoUpdate({
      target: [
        bcfSchemeActuals.schemeId,
        bcfSchemeActuals.fundingLine,
        bcfSchemeActuals.year,
        bcfSchemeActuals.quarter,
      ],
      set: { actualPence: a.actualPence, outputs: a.outputs },
    });
}

/**
 * An actuals change for the audit log, before → after in words, keyed by quarter and funding line:
 * `{ before: { '2026/27 Q1 BCF minimum NHS contribution: actual spend': '£50' }, after: { …: '£70' } }`. Quarters
 * given with the same figures are left out; a quarter with none before reads "none".
 */
export function actualsChange(
  was: readonly { fundingLine: string; year: string; quarter: number; actualPence: number; outputs: number | null }[],
  now: readonly SchemeActual[],
): { before: Record<string, string | number | null>; after: Record<string, string | number | null> } {
  const pounds = (p: number) => `£${(p / 100).toLocaleString('en-GB', { maximumFractionDigits: 2 })}`;
  const out = {
    before: {} as Record<string, string | number | null>,
    after: {} as Record<string, string | number | null>,
  };
  for (const a of now) {
    const old = was.find((w) => w.fundingLine === a.fundingLine && w.year === a.year && w.quarter === a.quarter);
    const line = FUNDING_LINE_LABELS[a.fundingLine as keyof typeof FUNDING_LINE_LABELS] ?? a.fundingLine;
    const at = `${a.year} Q${a.quarter} ${line}`;
    if (old?.actualPence !== a.actualPence) {
      out.before[`${at}: actual spend`] = old ? pounds(old.actualPence) : null;
      out.after[`${at}: actual spend`] = pounds(a.actualPence);
    }
    if ((old?.outputs ?? null) !== (a.outputs ?? null)) {
      out.before[`${at}: outputs`] = old?.outputs ?? null;
      out.after[`${at}: outputs`] = a.outputs ?? null;
    }
  }
  return out;
}

/** The scheme row. @throws NotFound when there is no such scheme */
async function schemeOf(db: Db, id: string) {
  const [row] = await db.select().from(bcfSchemes).where(eq(bcfSchemes.id, id));
  if (!row) throw new NotFound('Scheme');
  return row;
}

/**
 * Replace a scheme's planned spend for the funding lines and years given (other lines and years are kept).
 * In one transaction, audited with the before and after totals. @throws NotFound, InputError
 */
export async function updateSchemeSpend(
  db: Db,
  actor: AuditActor,
  schemeId: string,
  funding: SchemeFunding[],
): Promise<void> {
  await db.transaction(async (tx) => {
    const scheme = await schemeOf(tx, schemeId);
    const [plan] = await tx.select().from(bcfPlans).where(eq(bcfPlans.id, scheme.planId));
    validateScheme(
      {
        ...scheme,
        commissioner: scheme.commissioner as Commissioner,
        areaOfSpend: scheme.areaOfSpend as AreaOfSpend,
        funding,
      },
      plan.years,
    );
    const before = await tx.select().from(bcfSchemeFunding).where(eq(bcfSchemeFunding.schemeId, schemeId));
    for (const f of funding) await upsertSchemeFunding(tx, schemeId, f);
    await tx.update(bcfSchemes).set({ updatedAt: new Date() }).where(eq(bcfSchemes.id, schemeId));
    await recordAudit(tx, actor, {
      action: 'update_spend',
      entity: 'bcf_scheme',
      entityId: schemeId,
      detail: {
        ref: scheme.ref,
        before: before.map((b) => ({ fundingLine: b.fundingLine, year: b.year, plannedPence: b.plannedPence })),
        after: funding,
      },
    });
  });
}

/**
 * Record a scheme's actual spend and outputs for quarters (replacing those quarters' figures). Audited. Only for
 * quarters that have ended by `today` (London; the KPI returns' rule), with money within BOUNDS.fundingLinePence
 * and outputs whole when the scheme counts people or things (the same checks as the return import).
 * @throws NotFound when there is no such scheme; InputError naming each actual at fault
 */
export async function putSchemeActuals(
  db: Db,
  actor: AuditActor,
  schemeId: string,
  actuals: SchemeActual[],
  today: string = londonToday(),
): Promise<void> {
  await db.transaction(async (tx) => {
    const scheme = await schemeOf(tx, schemeId);
    const bad: FieldError[] = actuals.flatMap((a, i) => {
      const out: FieldError[] = [];
      const money = fundingPenceProblem(a.actualPence);
      if (money) out.push({ field: `actuals.${i}.actualPence`, message: `Actual spend: ${money}` });
      const outputs = a.outputs === null ? null : schemeOutputsProblem(a.outputs, scheme.outputUnit);
      if (outputs) out.push({ field: `actuals.${i}.outputs`, message: `Outputs: ${outputs}` });
      if (!quarterHasEnded(a, today)) out.push({ field: `actuals.${i}.quarter`, message: quarterNotEndedMessage(a) });
      return out;
    });
    if (bad.length) throw new InputError(bad);
    const was = await tx.select().from(bcfSchemeActuals).where(eq(bcfSchemeActuals.schemeId, schemeId));
    for (const a of actuals) await upsertSchemeActual(tx, schemeId, a);
    await recordAudit(tx, actor, {
      action: 'update_actuals',
      entity: 'bcf_scheme',
      entityId: schemeId,
      detail: { ref: scheme.ref, ...actualsChange(was, actuals) },
    });
  });
}

/**
 * Set the register contracts a scheme names (replacing the list). Audited with before and after.
 * @throws NotFound when the scheme is not found; InputError naming each id that is not a contract of the register
 */
export async function setSchemeContracts(
  db: Db,
  actor: AuditActor,
  schemeId: string,
  contractIds: string[],
): Promise<void> {
  const ids = [...new Set(contractIds)];
  await db.transaction(async (tx) => {
    const scheme = await schemeOf(tx, schemeId);
    const found = ids.length
      ? await tx.select({ id: contracts.id }).from(contracts).where(inArray(contracts.id, ids))
      : [];
    const bad = ids.flatMap((id, i) =>
      found.some((f) => f.id === id)
        ? []
        : [{ field: `contractIds.${i}`, message: 'Choose a contract from the register', in: 'body' as const }],
    );
    if (bad.length) throw new InputError(bad);
    await tx.update(bcfSchemes).set({ contractIds: ids, updatedAt: new Date() }).where(eq(bcfSchemes.id, schemeId));
    await recordAudit(tx, actor, {
      action: 'update_contracts',
      entity: 'bcf_scheme',
      entityId: schemeId,
      detail: { ref: scheme.ref, before: scheme.contractIds, after: ids },
    });
  });
}
