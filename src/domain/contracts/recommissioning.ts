// The recommissioning list: contracts ending within 6, 12 or 18 months, the decision each needs and how the
// procurement behind it is going (Havering reviews everything ending within 12 months).
import { addMonths, daysBetween, type IsoDate } from '../core/dates.js';
import { summariseTerm, type ContractTerm } from './contract.js';
import type { ProcurementForecast } from './procurement.js';

export const RECOMMISSIONING_DECISIONS = [
  'extend',
  're_tender',
  'direct_award',
  'decommission',
  'bring_in_house',
] as const;
export type RecommissioningDecision = (typeof RECOMMISSIONING_DECISIONS)[number];
export const DECISION_LABELS: Record<RecommissioningDecision, string> = {
  extend: 'Extend',
  re_tender: 'Re-tender',
  direct_award: 'Direct award',
  decommission: 'Decommission',
  bring_in_house: 'Bring in-house',
};

export const HORIZONS = [6, 12, 18] as const;
export type Horizon = (typeof HORIZONS)[number];

export interface RecommissioningInput extends ContractTerm {
  id: string;
  reference: string;
  title: string;
  providerName: string | null;
  serviceArea: string;
  annualValuePence: number;
  leadOfficer: string | null;
  decision: RecommissioningDecision | null;
  /** Forecast for the procurement that replaces this contract, if one has been set up. */
  procurement: ProcurementForecast | null;
}

export interface RecommissioningEntry {
  id: string;
  reference: string;
  title: string;
  providerName: string | null;
  serviceArea: string;
  annualValuePence: number;
  leadOfficer: string | null;
  currentEndDate: IsoDate;
  daysToEnd: number;
  /** The smallest of 6/12/18 months the end falls within. */
  horizon: Horizon;
  noticeDeadline: IsoDate;
  noticeDeadlinePassed: boolean;
  extensionsRemaining: number[];
  decision: RecommissioningDecision | null;
  /** Decisions open to the commissioner now (extend only while options remain). */
  options: RecommissioningDecision[];
  procurementStage: string | null;
  forecastGoLive: IsoDate | null;
  /** Why this needs attention, most urgent first; empty when on track. */
  flags: string[];
}

/**
 * The first horizon (months ahead of `asAt`) within which the contract ends; null when it has ended or ends later.
 */
export function horizonFor(asAt: IsoDate, endDate: IsoDate): Horizon | null {
  if (endDate < asAt) return null;
  for (const h of HORIZONS) if (endDate <= addMonths(asAt, h)) return h;
  return null;
}

/** The recommissioning decisions open to a contract: 'extend' only while an extension option remains. */
export function decisionOptions(term: ContractTerm): RecommissioningDecision[] {
  const canExtend = term.extensionsTaken < term.extensionOptionsMonths.length;
  return RECOMMISSIONING_DECISIONS.filter((d) => d !== 'extend' || canExtend);
}

/** Is this decision open to the contract? Returns a reason when not. */
export function decisionProblem(term: ContractTerm, decision: RecommissioningDecision): string | null {
  if (decision === 'extend' && term.extensionsTaken >= term.extensionOptionsMonths.length) {
    return 'This contract has no extension options left: choose re-tender, direct award, decommission or bring in-house';
  }
  return null;
}

/** Which decisions need a procurement behind them. */
export function needsProcurement(decision: RecommissioningDecision | null): boolean {
  return decision === 're_tender' || decision === 'direct_award' || decision === 'bring_in_house';
}

/**
 * Contracts ending within `horizonMonths` of `asAt`, each with its horizon, days to the end and flags (a decision
 * still to make, overdue once the notice deadline has passed; no extension left), soonest end first.
 */
export function recommissioningList(
  contracts: RecommissioningInput[],
  asAt: IsoDate,
  horizonMonths: Horizon = 18,
): RecommissioningEntry[] {
  const entries: RecommissioningEntry[] = [];
  for (const c of contracts) {
    const term = summariseTerm(c, asAt);
    const horizon = horizonFor(asAt, term.currentEndDate);
    if (horizon === null || horizon > horizonMonths) continue;
    const flags: string[] = [];
    const noticePassed = term.noticeDeadline < asAt;
    if (!c.decision) {
      flags.push(noticePassed ? 'Decision overdue: the notice deadline has passed' : 'Decision to make');
    }
    if (c.procurement?.cannotFinishBeforeContractEnd) {
      flags.push(`Procurement cannot finish before the contract ends (${c.procurement.gapDays} days without cover)`);
    }
    if (needsProcurement(c.decision) && !c.procurement) flags.push('No procurement plan yet');
    if (c.decision === 'extend' && term.extensionsRemaining.length === 0) flags.push('No extension options left');
    entries.push({
      id: c.id,
      reference: c.reference,
      title: c.title,
      providerName: c.providerName,
      serviceArea: c.serviceArea,
      annualValuePence: c.annualValuePence,
      leadOfficer: c.leadOfficer,
      currentEndDate: term.currentEndDate,
      daysToEnd: daysBetween(asAt, term.currentEndDate),
      horizon,
      noticeDeadline: term.noticeDeadline,
      noticeDeadlinePassed: noticePassed,
      extensionsRemaining: term.extensionsRemaining,
      decision: c.decision,
      options: decisionOptions(c),
      procurementStage: c.procurement?.currentStage ?? null,
      forecastGoLive: c.procurement?.forecastGoLive ?? null,
      flags,
    });
  }
  return entries.sort(
    (a, b) => a.currentEndDate.localeCompare(b.currentEndDate) || a.reference.localeCompare(b.reference),
  );
}

/** Counts for the headline: how many end within each horizon and their annual value. */
export function horizonTotals(
  entries: RecommissioningEntry[],
): { horizon: Horizon; contracts: number; annualValuePence: number }[] {
  return HORIZONS.map((h) => {
    const within = entries.filter((e) => e.horizon <= h);
    return {
      horizon: h,
      contracts: within.length,
      annualValuePence: within.reduce((a, e) => a + e.annualValuePence, 0),
    };
  });
}
