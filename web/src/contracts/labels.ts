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

import * as contract from '../../../src/domain/contracts/contract';

/** Select options for a list of codes, each shown by its label (the code itself when it has none). */
export function labelOptions(codes: readonly string[], labels: Record<string, string>) {
  return codes.map((c) => ({ value: c, text: labels[c] ?? c }));
}

/** The contract classification choices the register's filters and the contract form both offer. */
export const CONTRACT_OPTIONS = {
  serviceArea: labelOptions(contract.SERVICE_AREAS, contract.SERVICE_AREA_LABELS),
  careGroup: labelOptions(contract.CARE_GROUPS, contract.CARE_GROUP_LABELS),
  contractForm: labelOptions(contract.CONTRACT_FORMS, contract.CONTRACT_FORM_LABELS),
  fundingSource: labelOptions(contract.FUNDING_SOURCES, contract.FUNDING_SOURCE_LABELS),
};

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
