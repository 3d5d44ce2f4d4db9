// The frame every discharge hub page shares (the hub board, flow and delay metrics, D2A and rehab beds): the page
// with its caption and breadcrumbs, the hub's navigation, the choice of what to show (by week or month, D2A or
// rehab beds) and, until the figures arrive, "Loading…" or the problem.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ApiState } from '../api';
import { LoadingOrError, Page, Radios } from '../components';

/** The links between the discharge hub's pages. */
export function DischargeNav() {
  return (
    <nav aria-label="Discharge hub" className="govuk-!-margin-bottom-6">
      <ul className="govuk-list">
        <li>
          <Link className="govuk-link" to="/discharge">
            Hub board
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to="/discharge/metrics">
            Flow and delay metrics
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to="/discharge/d2a">
            D2A and rehab beds
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to="/capacity-planner">
            Forecast the next weeks from this board (capacity planner)
          </Link>
        </li>
      </ul>
    </nav>
  );
}

/** A choice of what a discharge hub page shows, as small inline radios: its field name, legend and options. */
export interface DischargeChoice<K extends string> {
  name: string;
  legend: string;
  value: K;
  onChange: (value: K) => void;
  items: readonly { value: K; text: string }[];
}

/** What a discharge hub page's frame takes; `children` renders the page's body once `state` has its data. */
export interface DischargeReportPageProps<T, K extends string> {
  title: string;
  /** The page's breadcrumb after "Discharge hub"; none on the hub board itself. */
  crumb?: string;
  /** What is loading, as "Loading the metrics…" words it. */
  what: string;
  /** The page's request (from useApi). */
  state: Pick<ApiState<T>, 'data' | 'loading' | 'error'>;
  /** The choice of what to show, as small inline radios under the navigation. */
  choice?: DischargeChoice<K>;
  children: (data: T) => ReactNode;
}

/** A discharge hub page: its frame (page, navigation, choice) around `children(data)`, or loading or the problem. */
export function DischargeReportPage<T, K extends string = string>({
  title,
  crumb,
  what,
  state,
  choice,
  children,
}: DischargeReportPageProps<T, K>) {
  if (state.data === undefined)
    return (
      <Page title={title}>
        <LoadingOrError loading={state.loading} error={state.error} what={what} />
      </Page>
    );
  return (
    <Page
      title={title}
      caption="Discharge"
      breadcrumbs={
        crumb ? [{ text: 'Discharge hub', href: '/discharge' }, { text: crumb }] : [{ text: 'Discharge hub' }]
      }
      width="full"
    >
      <DischargeNav />
      {choice && (
        <Radios
          name={choice.name}
          legend={choice.legend}
          inline
          small
          value={choice.value}
          onChange={(v) => choice.onChange(v as K)}
          items={choice.items}
        />
      )}
      {children(state.data)}
    </Page>
  );
}
