// Labels shared by the discharge pages (the vocabularies come from the pure domain).
export {
  AGE_BANDS,
  DELAY_REASONS,
  DELAY_REASON_LABELS,
  DESTINATIONS,
  DESTINATION_LABELS,
  EQUIPMENT,
  FUNDING_ROUTES,
  FUNDING_ROUTE_LABELS,
  NEEDS_BY_PATHWAY,
  PATHWAYS,
  PATHWAY_LABELS,
  REFERRAL_STATUS_LABELS,
  SERVICE_NEED_LABELS,
  SPECIALISMS,
} from '../../../src/domain/discharge/referral';
export { DECLINE_REASONS, DECLINE_REASON_LABELS } from '../../../src/domain/discharge/brokerage';
export { D2A_LIMIT_DAYS, D2A_OUTCOMES, D2A_OUTCOME_LABELS } from '../../../src/domain/discharge/d2a';

export function humanise(code: string): string {
  const s = code.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}
