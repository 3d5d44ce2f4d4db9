// Shared pieces of the BCF pages: which plan is shown (the ?plan= id, else the first plan) and the area's sub-navigation.
import type { ReactNode } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { ErrorSummary, NotificationBanner, Page, type Crumb, type SummaryError } from '../components';
import { useApi, type ApiError } from '../api';
import type { Wire } from '../../../src/server/schemas';
import type { planListSchema } from '../../../src/server/bcf/schemas';

export type PlanListItem = Wire<typeof planListSchema>['plans'][number];

/**
 * The plan id to show: ?plan=…, else the first plan. null while loading or when there is none. With it the plan's
 * name, for the file names of the page's downloads.
 */
export function usePlanId(): {
  planId: string | null;
  planName: string | undefined;
  plans: PlanListItem[] | null;
  error: ApiError | undefined;
  loading: boolean;
} {
  const [params] = useSearchParams();
  const wanted = params.get('plan');
  const { data, error, loading } = useApi<{ plans: PlanListItem[] }>('/api/bcf/plans');
  const plans = data?.plans ?? null;
  const planId = wanted ?? plans?.[0]?.id ?? null;
  const planName = plans?.find((p) => p.id === planId)?.name;
  return { planId, planName, plans, error, loading };
}

const SECTIONS = [
  { href: '/bcf', text: 'Plan and spend' },
  { href: '/bcf/metrics', text: 'Metrics' },
  { href: '/bcf/demand-capacity', text: 'Demand and capacity' },
  { href: '/bcf/hicm', text: 'High Impact Change Model' },
  { href: '/bcf/returns', text: 'Returns' },
];

/** Links to the BCF pages, the current one marked. */
export function BcfNav({ planId }: { planId: string | null }) {
  const { pathname } = useLocation();
  const q = planId ? `?plan=${planId}` : '';
  return (
    <nav className="govuk-!-margin-bottom-6" aria-label="Better Care Fund pages">
      <ul className="govuk-list app-inline-list">
        {SECTIONS.map((s) => (
          <li key={s.href} style={{ display: 'inline-block', marginRight: '1.5em' }}>
            <Link className="govuk-link" to={`${s.href}${q}`} aria-current={pathname === s.href ? 'page' : undefined}>
              {s.text}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Breadcrumbs for a page under the BCF plan: the plan's overview (keeping ?plan=), then `here`. */
export function bcfCrumbs(planId: string | null, here: string): Crumb[] {
  return [{ text: 'Better Care Fund', href: `/bcf${planId ? `?plan=${planId}` : ''}` }, { text: here }];
}

/**
 * A BCF page's frame: the page with the "Better Care Fund" caption, the area's links, then (when given) the error
 * summary (headed "There is a problem") and a success banner headed `done`, above the page's own content.
 */
export function BcfPage(p: {
  title: string;
  crumbs: Crumb[];
  planId: string | null;
  errors?: SummaryError[];
  done?: string | null;
  children: ReactNode;
}) {
  return (
    <Page title={p.title} caption="Better Care Fund" breadcrumbs={p.crumbs} hasErrors={(p.errors?.length ?? 0) > 0}>
      <BcfNav planId={p.planId} />
      {p.errors && <ErrorSummary errors={p.errors} />}
      {p.done && <NotificationBanner type="success" heading={p.done} />}
      {p.children}
    </Page>
  );
}

/** £ from pence, no pence shown (budgets are in whole pounds). */
export function poundsText(pence: number): string {
  return `£${Math.round(pence / 100).toLocaleString('en-GB')}`;
}

/** A metric value to one decimal, with its unit. */
export function metricText(value: number | null, unit: 'per_100000' | 'percent'): string {
  if (value === null) return 'Not available';
  return unit === 'percent'
    ? `${value.toFixed(1)}%`
    : value.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}
