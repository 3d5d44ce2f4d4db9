// What the delivery plans pages share: the plan's view as the API sends it, kinds' names, errors and breadcrumbs.
import { ApiError } from '../api';
import { apiErrorsToSummary, type SummaryError } from '../components';

/** What each kind of plan is called. */
export const KIND_LABEL = { delivery_plan: 'Delivery plan', workplan: 'Workplan' } as const;

export type PlanRag = 'green' | 'amber' | 'red' | 'complete' | 'not_assessed';

export interface ActionView {
  id: string;
  text: string;
  owner: string | null;
  responsibleServiceAreas: string[];
  yearStatuses: string[];
  ragOverride: 'green' | 'amber' | 'red' | 'complete' | null;
  rag: PlanRag;
  ragLabel: string;
  contracts: { id: string; reference: string; title: string }[];
  procurements: { id: string; title: string }[];
}

export interface PlanView {
  asAt: string;
  plan: {
    id: string;
    title: string;
    kind: keyof typeof KIND_LABEL;
    careGroup: string | null;
    years: string[];
    retired: boolean;
  };
  priorities: {
    id: string;
    number: number;
    title: string;
    intentions: { id: string; text: string; actions: ActionView[] }[];
  }[];
  retiredEntries: { kind: 'priority' | 'intention' | 'action'; id: string; text: string; retiredAt: string }[];
  canEdit: boolean;
}

/** What a failed request shows in the error summary: the API's field errors, or the message. */
export const errorsOf = (err: unknown): SummaryError[] =>
  err instanceof ApiError ? apiErrorsToSummary(err) : [{ message: String(err) }];

/** The breadcrumbs of a delivery plans page, ending with `extra`. */
export const crumbs = (extra: { text: string; href?: string }[] = []) => [
  { text: 'Contracts and delivery', href: '/contracts' },
  { text: 'Delivery plans and workplans', href: extra.length ? '/contracts/delivery-plans' : undefined },
  ...extra,
];
