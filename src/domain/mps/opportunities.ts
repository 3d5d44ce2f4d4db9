/**
 * "Opportunities coming up" (Islington's MPS, seed 003: each service area's "Key opportunities coming up"):
 * procurements in the pipeline and contracts ending, from the contracts area's register and procurement plans, in
 * the form a provider needs — what, which service area, the council's intended route, and when market engagement,
 * the tender, the award and the new service are expected. Provider names are never included; contract values are
 * shown as the council chooses (exact, banded or not at all).
 */
import { addMonths, type IsoDate } from '../core/dates.js';
import {
  CARE_GROUP_LABELS,
  CONTRACT_FORM_LABELS,
  SERVICE_AREA_LABELS,
  type CareGroup,
  type ContractForm,
  type ServiceArea,
} from '../contracts/contract.js';
import { PROCUREMENT_STAGE_LABELS, type ProcurementForecast, type ProcurementStage } from '../contracts/procurement.js';
import { DECISION_LABELS, type RecommissioningDecision } from '../contracts/recommissioning.js';
import { SERVICE_SECTIONS, sectionTakes } from './outline.js';
import type { Opportunity, ValueDisclosure } from './statement.js';

/** How far ahead contracts ending count as opportunities coming up: the three years an MPS usually covers. */
export const CONTRACT_END_HORIZON_MONTHS = 36;

/** The fields of a contract (the contracts area's ContractView) an opportunity is made from. */
export interface OpportunityContract {
  id: string;
  title: string;
  serviceArea: string;
  careGroup: string;
  contractForm: string;
  annualValuePence: number;
  currentEndDate: IsoDate;
  status: 'not_started' | 'live' | 'ended';
  decision: string | null;
}

/** The fields of a procurement (the contracts area's ProcurementView) an opportunity is made from. */
export interface OpportunityProcurement {
  id: string;
  title: string;
  route: string;
  contractId: string | null;
  contractEndDate: IsoDate | null;
  forecast: ProcurementForecast;
}

const ROUTE_LABELS: Record<string, string> = {
  re_tender: 'Re-tender',
  direct_award: 'Direct award',
  bring_in_house: 'Bring in-house',
  new_service: 'New service',
};

/** Annual value bands (pounds a year), for councils that publish a band rather than the exact value. */
const BANDS: [number, string][] = [
  [100_000, 'Under £100,000 a year'],
  [250_000, '£100,000 to £250,000 a year'],
  [500_000, '£250,000 to £500,000 a year'],
  [1_000_000, '£500,000 to £1 million a year'],
  [2_500_000, '£1 million to £2.5 million a year'],
  [5_000_000, '£2.5 million to £5 million a year'],
];

/** The published band of an annual value in pence, e.g. 75_000_000 → "£500,000 to £1 million a year". */
export function valueBand(annualValuePence: number): string {
  const pounds = annualValuePence / 100;
  for (const [upTo, label] of BANDS) if (pounds < upTo) return label;
  return '£5 million a year or more';
}

/**
 * The title shown publicly: the register's title, unless it names a provider or one of its services (titles such
 * as "Block beds at usual rates – Rosewood Lodge"), when a plain description of the service is used instead.
 * `names` are provider and location names (compared case-insensitively; names shorter than 4 letters are ignored).
 */
export function publicTitle(title: string, names: readonly string[], fallback: string): string {
  const t = title.toLowerCase();
  return names.some((n) => n.trim().length >= 4 && t.includes(n.trim().toLowerCase())) ? fallback : title;
}

function disclose(pence: number, disclosure: ValueDisclosure): { pence: number | null; band: string | null } {
  if (disclosure === 'exact') return { pence: Math.round(pence), band: null };
  if (disclosure === 'band') return { pence: null, band: valueBand(pence) };
  return { pence: null, band: null };
}

/** Keys of the service-area sections a contract of this service area and care group belongs to. */
export function sectionsFor(serviceArea: string | null, careGroup: string | null): string[] {
  if (!serviceArea) return [];
  return SERVICE_SECTIONS.filter((s) => sectionTakes(s, serviceArea, careGroup ?? '')).map((s) => s.key);
}

function stageStart(f: ProcurementForecast, stages: ProcurementStage[], asAt: IsoDate): IsoDate | null {
  for (const s of f.stages) {
    if (!stages.includes(s.stage) || s.status === 'not_applicable') continue;
    // A stage already finished is history, not something coming up.
    if (s.status === 'complete' && s.forecastEnd < asAt) continue;
    return s.forecastStart;
  }
  return null;
}

function stageEnd(f: ProcurementForecast, stage: ProcurementStage): IsoDate | null {
  const s = f.stages.find((x) => x.stage === stage && x.status !== 'not_applicable');
  return s ? s.forecastEnd : null;
}

function genericTitle(c: OpportunityContract): string {
  const area = SERVICE_AREA_LABELS[c.serviceArea as ServiceArea] ?? c.serviceArea;
  const group = CARE_GROUP_LABELS[c.careGroup as CareGroup] ?? c.careGroup;
  const form = CONTRACT_FORM_LABELS[c.contractForm as ContractForm] ?? c.contractForm;
  return `${area} for ${group.charAt(0).toLowerCase()}${group.slice(1)} (${form.toLowerCase()} contract)`;
}

/**
 * The opportunities coming up on `asAt`:
 * - every procurement not yet complete (its forecast dates, from the contracts area's `forecastProcurement`);
 * - every live contract ending within {@link CONTRACT_END_HORIZON_MONTHS} months that no open procurement replaces,
 *   with the council's decision as its intention ("To be decided" when none); in-house agreements are left out.
 * Ordered by key date (tender, else service start, else contract end), then title.
 */
export function opportunitiesComingUp(
  contracts: readonly OpportunityContract[],
  procurements: readonly OpportunityProcurement[],
  asAt: IsoDate,
  disclosure: ValueDisclosure,
  names: readonly string[] = [],
): Opportunity[] {
  const byId = new Map(contracts.map((c) => [c.id, c]));
  const out: Opportunity[] = [];
  const covered = new Set<string>();
  for (const p of procurements) {
    if (p.forecast.complete) continue;
    const c = p.contractId ? (byId.get(p.contractId) ?? null) : null;
    if (c) covered.add(c.id);
    const value = c ? disclose(c.annualValuePence, disclosure) : { pence: null, band: null };
    const tenderFrom = stageStart(p.forecast, ['tender_published'], asAt);
    const serviceStarts = p.forecast.forecastGoLive;
    const area = c ? (SERVICE_AREA_LABELS[c.serviceArea as ServiceArea] ?? c.serviceArea) : 'New service';
    out.push({
      id: `procurement:${p.id}`,
      kind: 'procurement',
      title: publicTitle(p.title, names, c ? genericTitle(c) : area),
      serviceArea: c?.serviceArea ?? null,
      serviceAreaLabel: area,
      careGroupLabel: c ? (CARE_GROUP_LABELS[c.careGroup as CareGroup] ?? c.careGroup) : null,
      sectionKeys: c ? sectionsFor(c.serviceArea, c.careGroup) : [],
      intention: ROUTE_LABELS[p.route] ?? p.route,
      stage: p.forecast.currentStage ? PROCUREMENT_STAGE_LABELS[p.forecast.currentStage] : null,
      marketEngagementFrom: stageStart(p.forecast, ['soft_market_test', 'market_engagement'], asAt),
      tenderFrom,
      awardBy: stageEnd(p.forecast, 'award'),
      serviceStarts,
      currentContractEnds: p.contractEndDate,
      annualValuePence: value.pence,
      annualValueBand: value.band,
      keyDate: tenderFrom ?? serviceStarts ?? p.contractEndDate,
    });
  }
  const horizon = addMonths(asAt, CONTRACT_END_HORIZON_MONTHS);
  for (const c of contracts) {
    if (covered.has(c.id) || c.status !== 'live' || c.contractForm === 'in_house_sla') continue;
    if (c.currentEndDate < asAt || c.currentEndDate > horizon) continue;
    const value = disclose(c.annualValuePence, disclosure);
    out.push({
      id: `contract:${c.id}`,
      kind: 'contract_ending',
      title: publicTitle(c.title, names, genericTitle(c)),
      serviceArea: c.serviceArea,
      serviceAreaLabel: SERVICE_AREA_LABELS[c.serviceArea as ServiceArea] ?? c.serviceArea,
      careGroupLabel: CARE_GROUP_LABELS[c.careGroup as CareGroup] ?? c.careGroup,
      sectionKeys: sectionsFor(c.serviceArea, c.careGroup),
      intention: c.decision ? (DECISION_LABELS[c.decision as RecommissioningDecision] ?? c.decision) : 'To be decided',
      stage: null,
      marketEngagementFrom: null,
      tenderFrom: null,
      awardBy: null,
      serviceStarts: null,
      currentContractEnds: c.currentEndDate,
      annualValuePence: value.pence,
      annualValueBand: value.band,
      keyDate: c.currentEndDate,
    });
  }
  return out.sort((a, b) => (a.keyDate ?? '9999').localeCompare(b.keyDate ?? '9999') || a.title.localeCompare(b.title));
}
