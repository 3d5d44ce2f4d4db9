// Shapes of the contracts API responses (see src/db/contracts/*.ts for the view types they come from).
import type { RiskListItem } from '../../../src/db/contracts/risks';
export type { RecommissioningEntry } from '../../../src/domain/contracts/recommissioning';
export type { ProcurementForecast, StageForecast } from '../../../src/domain/contracts/procurement';
export type { ReturnStatus } from '../../../src/domain/contracts/kpi';
export type { ActionView, PriorityGroup, Rag as PlanRag } from '../../../src/domain/contracts/deliveryPlan';

export type { ContractView as Contract } from '../../../src/db/contracts/contracts';

export interface Procurement {
  id: string;
  title: string;
  route: string;
  leadOfficer: string | null;
  contractId: string | null;
  contractReference: string | null;
  contractEndDate: string | null;
  forecast: import('../../../src/domain/contracts/procurement').ProcurementForecast;
}

export interface KpiView {
  id: string;
  name: string;
  unit: string;
  target: number;
  direction: 'higher_is_better' | 'lower_is_better';
  frequency: 'monthly' | 'quarterly' | 'six_monthly' | 'annual';
  tolerance: number;
  contractId: string;
  contractReference: string;
  contractTitle: string;
  providerId: string | null;
  providerName: string | null;
  returns: import('../../../src/domain/contracts/kpi').ReturnStatus[];
  late: number;
  overdue: number;
  offTarget: number;
}

export interface Assessment {
  id: string;
  locationId: string;
  locationName: string;
  postcodeDistrict: string;
  providerId: string;
  providerName: string;
  visitDate: string;
  assessorName: string | null;
  status: 'draft' | 'provider_challenge' | 'published';
  ratings: Record<string, string>;
  overall: string;
  overallReason: string;
  summary: string;
  sharedOn: string | null;
  challengeDeadline: string | null;
  challengeDaysLeft: number | null;
  providerRespondedOn: string | null;
  providerResponse: string | null;
  providerComments: string | null;
  publishedOn: string | null;
  actionPlan: string | null;
  actionPlanSubmittedOn: string | null;
  actionPlanDue: string | null;
  actionPlanState: 'not_required' | 'not_yet_due' | 'due' | 'overdue' | 'submitted' | 'submitted_late';
}

/** GET /api/contracts/risks: each risk with its score, RAG band, trend and score history. */
export type Risk = RiskListItem;
