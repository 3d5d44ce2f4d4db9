// Labels for the contracts area's codes, shared with the server through the pure domain modules.
export {
  SERVICE_AREAS,
  SERVICE_AREA_LABELS,
  CARE_GROUPS,
  CARE_GROUP_LABELS,
  CONTRACT_FORMS,
  CONTRACT_FORM_LABELS,
  FUNDING_SOURCES,
  FUNDING_SOURCE_LABELS,
} from '../../../src/domain/contracts/contract';
export { DECISION_LABELS, RECOMMISSIONING_DECISIONS } from '../../../src/domain/contracts/recommissioning';
export { PROCUREMENT_STAGES, PROCUREMENT_STAGE_LABELS } from '../../../src/domain/contracts/procurement';
export { KPI_FREQUENCY_LABELS } from '../../../src/domain/contracts/kpi';
export {
  ASSESSMENT_DOMAINS,
  DOMAIN_LABELS,
  QUALITY_RATINGS,
  ASSESSMENT_STATUS_LABELS,
  CHALLENGE_DAYS,
  ACTION_PLAN_DAYS,
  CONCERN_KINDS,
  CONCERN_KIND_LABELS,
} from '../../../src/domain/contracts/assessment';
export { RAG_LABELS } from '../../../src/domain/contracts/deliveryPlan';

export function label(map: Record<string, string>, code: string | null | undefined): string {
  if (!code) return 'Not set';
  return map[code] ?? code;
}

export const RETURN_STATE_LABELS: Record<string, string> = {
  on_time: 'On time',
  late: 'Late',
  overdue: 'Overdue',
  awaited: 'Not yet due',
};
export const ACTION_PLAN_LABELS: Record<string, string> = {
  not_required: 'Not required',
  not_yet_due: 'Due after publication',
  due: 'Due',
  overdue: 'Overdue',
  submitted: 'Submitted',
  submitted_late: 'Submitted late',
};
export const TREND_LABELS: Record<string, string> = {
  rising: 'Rising',
  falling: 'Falling',
  steady: 'No change',
  new: 'New',
};
