// The BCF joint plan's links to the contracts part: which register contracts each Havering scheme pays for, and
// which register risks stand in the plan's risk log.
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { bcfRiskLinks, bcfSchemes } from '../db/bcf/schema.js';
import { contracts, risks } from '../db/contracts/schema.js';

/**
 * Contracts of the register each scheme pays for. The demo's contract register stands for Havering's (the demo
 * borough is calibrated on Havering), so Havering's schemes name its contracts: Home Settle and Support, Home
 * First reablement, the community rehabilitation beds, falls prevention, the carers' contracts, equipment and
 * telecare, homecare lead providers and block beds part-funded from the BCF, discharge to assess nursing beds
 * and the home improvement agency.
 */
export const DEMO_SCHEME_CONTRACTS: Record<string, string[]> = {
  'HAV-01': ['EB-REA-002'],
  'HAV-02': ['EB-REA-001'],
  'HAV-04': ['EB-REA-003'],
  'HAV-05': ['EB-PRV-003', 'EB-PRV-001'],
  'HAV-06': ['EB-CAR-001', 'EB-CAR-002', 'EB-CAR-003'],
  'HAV-07': ['EB-EQP-001', 'EB-EQP-002'],
  'HAV-08': ['EB-HC-001', 'EB-HC-002', 'EB-HC-003', 'EB-HC-004', 'EB-CH-002', 'EB-CH-005'],
  'HAV-09': ['EB-CH-001'],
  'HAV-10': ['EB-EQP-004'],
};

/** Register risks in the plan's log: the BCF risk log's five on the plan, the market-exit risk on pathway 3. */
export const DEMO_RISK_LINKS: { risk: string; scheme: string | null }[] = [
  { risk: 'BCF-1', scheme: null },
  { risk: 'BCF-2', scheme: null },
  { risk: 'BCF-3', scheme: null },
  { risk: 'BCF-4', scheme: null },
  { risk: 'BCF-5', scheme: null },
  { risk: 'CON-2', scheme: 'HAV-09' },
];

/** Link the schemes to the register's contracts and the plan to its risks (those the contracts part loaded). */
export async function linkRegister(db: Db, planId: string, schemeIds: Record<string, string>): Promise<void> {
  const refs = Object.values(DEMO_SCHEME_CONTRACTS).flat();
  const found = await db
    .select({ id: contracts.id, reference: contracts.reference })
    .from(contracts)
    .where(inArray(contracts.reference, refs));
  for (const [scheme, wanted] of Object.entries(DEMO_SCHEME_CONTRACTS)) {
    const ids = wanted.flatMap((r) => found.filter((c) => c.reference === r).map((c) => c.id));
    if (ids.length && schemeIds[scheme])
      await db.update(bcfSchemes).set({ contractIds: ids }).where(eq(bcfSchemes.id, schemeIds[scheme]));
  }
  const register = await db
    .select({ id: risks.id, reference: risks.reference })
    .from(risks)
    .where(
      inArray(
        risks.reference,
        DEMO_RISK_LINKS.map((l) => l.risk),
      ),
    );
  const links = DEMO_RISK_LINKS.flatMap((l) => {
    const risk = register.find((r) => r.reference === l.risk);
    return risk ? [{ planId, riskId: risk.id, schemeId: l.scheme ? (schemeIds[l.scheme] ?? null) : null }] : [];
  });
  if (links.length) await db.insert(bcfRiskLinks).values(links);
}
