// Labels for the market's codes, shared with the server's domain vocabulary.
export {
  SERVICE_TYPES,
  SERVICE_TYPE_LABELS,
  SPECIALISMS,
  SPECIALISM_LABELS,
  CQC_RATINGS,
  BANDS,
  BAND_LABELS,
  bandUnit,
  type Band,
} from '../../../src/domain/market/types';
export { FRAGILITY_LABELS, FRAGILITY_THRESHOLDS } from '../../../src/domain/market/fragility';
export { STALE_AFTER_DAYS, CURRENT_WITHIN_DAYS } from '../../../src/domain/market/capacity';
import type { TagColour } from '../components';

export const FRESHNESS_LABELS = {
  current: 'Current',
  ageing: 'Ageing',
  stale: 'Stale',
  missing: 'Never reported',
} as const;
export const FRESHNESS_COLOURS: Record<keyof typeof FRESHNESS_LABELS, TagColour> = {
  current: 'green',
  ageing: 'yellow',
  stale: 'red',
  missing: 'grey',
};
export const CONTRACT_LABELS: Record<string, string> = {
  spot: 'Spot',
  framework: 'Framework',
  block: 'Block',
  dps: 'DPS',
};
export const FUNDING_LABELS: Record<string, string> = {
  council: 'Council',
  nhs: 'NHS (CHC/D2A)',
  joint: 'Joint council/NHS',
  self_funded: 'Self-funded (arranged by council)',
};
export const GROUP_LABELS = { residential: 'Residential', nursing: 'Nursing', dementia: 'Dementia' } as const;
/** The rows of beds by type: the three groups of a return, then the beds a return gives only as totals. */
export const BED_TYPE_LABELS: Readonly<Record<string, string>> = { ...GROUP_LABELS, not_split: 'Not split by type' };
export const SCOPE_LABELS = { borough: 'In the borough', out: 'Outside the borough', all: 'Everywhere' } as const;
/** Services with a cost of care figure (PUT /api/market/cost-of-care). */
export const COST_OF_CARE_SERVICES = ['residential', 'nursing', 'homecare'] as const;
export type CostOfCareService = (typeof COST_OF_CARE_SERVICES)[number];
export const COST_OF_CARE_LABELS: Record<CostOfCareService, string> = {
  residential: 'Residential care',
  nursing: 'Nursing care',
  homecare: 'Homecare (hourly)',
};

export function pounds(pence: number | null | undefined): number | null {
  return pence == null ? null : pence / 100;
}
