// Labels shared by the discharge pages (the vocabularies come from the pure domain).
import { SERVICE_NEED_LABELS, type ServiceNeed } from '../../../src/domain/discharge/referral';

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

/**
 * A referral's needs as the hub and the provider both read them: the service needed (with homecare hours, calls a
 * day and two carers where asked), then the specialist needs and equipment in words ("None" when there are none).
 */
export function needsRows(r: {
  serviceNeed: ServiceNeed;
  homecareHoursPerWeek: number | null;
  callsPerDay: number | null;
  doubleHanded: boolean;
  specialisms: readonly string[];
  equipment: readonly string[];
}): { key: string; value: string }[] {
  return [
    {
      key: 'Needs',
      value:
        SERVICE_NEED_LABELS[r.serviceNeed] +
        (r.homecareHoursPerWeek
          ? `: ${r.homecareHoursPerWeek} hours a week, ${r.callsPerDay} calls a day${r.doubleHanded ? ', two carers' : ''}`
          : ''),
    },
    { key: 'Specialist needs', value: r.specialisms.map(humanise).join(', ') || 'None' },
    { key: 'Equipment', value: r.equipment.map(humanise).join(', ') || 'None' },
  ];
}
