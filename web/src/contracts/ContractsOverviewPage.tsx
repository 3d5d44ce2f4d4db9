import { Link } from 'react-router';
import { useApi } from '../api';
import { useAuth } from '../auth';
import { KeyFigures, LoadingOrError, Page } from '../components';
import type { KpiView, Procurement, RecommissioningEntry } from './types';

/** The area's pages; `provider` is the title and description a provider user sees (absent: staff only). */
const PAGES: { href: string; title: string; text: string; provider?: { title: string; text: string } }[] = [
  {
    href: '/contracts/register',
    title: 'Contract register',
    text: 'Every contract: provider, service area, form, funding, value and term, with filters.',
  },
  {
    href: '/contracts/recommissioning',
    title: 'Recommissioning',
    text: 'Contracts ending within 6, 12 or 18 months, the decision each needs and how its procurement is going.',
  },
  {
    href: '/contracts/procurements',
    title: 'Procurement timeline',
    text: 'Each procurement’s stages, planned against actual and forecast, and whether it finishes before the contract ends.',
  },
  {
    href: '/contracts/kpis',
    title: 'KPI returns',
    text: 'Providers’ monitoring returns: late, overdue and off-target returns flagged.',
    provider: {
      title: 'Your KPI returns',
      text: 'The monitoring returns your contracts ask for: send each one and see which are due or late.',
    },
  },
  {
    href: '/contracts/assessments',
    title: 'Quality assessments',
    text: 'PAMMS-style assessments: draft, provider challenge, published, action plans.',
    provider: {
      title: 'Your quality assessments',
      text: 'The council’s quality assessments of your services: read them, challenge a draft and answer action plans.',
    },
  },
  {
    href: '/contracts/concerns',
    title: 'Provider concerns',
    text: 'Provider concerns and safeguarding referrals logged against each service.',
    provider: {
      title: 'Concerns about your services',
      text: 'Concerns the council has logged about your services, and your responses to them.',
    },
  },
  {
    href: '/contracts/delivery-plan',
    title: 'Delivery plan',
    text: 'Priorities, commissioning intentions and actions by plan year, by priority and by service area.',
  },
  {
    href: '/contracts/risks',
    title: 'Risk register',
    text: 'Likelihood × impact scores, RAG bands and the history of each risk.',
  },
];

function StaffOverview() {
  const recommissioning = useApi<{
    entries: RecommissioningEntry[];
    totals: { horizon: number; contracts: number; annualValuePence: number }[];
  }>('/api/contracts/recommissioning?horizon=18');
  const procurements = useApi<{ procurements: Procurement[] }>('/api/contracts/procurements');
  const kpis = useApi<{ kpis: KpiView[] }>('/api/contracts/kpis');
  if (!recommissioning.data || !procurements.data || !kpis.data) {
    return (
      <LoadingOrError
        loading={recommissioning.loading || procurements.loading || kpis.loading}
        error={recommissioning.error ?? procurements.error ?? kpis.error}
        what="contracts"
      />
    );
  }
  const t = Object.fromEntries(recommissioning.data.totals.map((x) => [x.horizon, x]));
  const atRisk = procurements.data.procurements.filter((p) => p.forecast.cannotFinishBeforeContractEnd).length;
  const overdue = kpis.data.kpis.reduce((n, k) => n + k.overdue, 0);
  return (
    <KeyFigures
      label="Contracts at a glance"
      figures={[
        {
          key: 'end6',
          label: 'Contracts ending within 6 months',
          value: t[6]?.contracts ?? 0,
          unit: 'count',
          href: '/contracts/recommissioning?horizon=6',
        },
        {
          key: 'end12',
          label: 'Contracts ending within 12 months',
          value: t[12]?.contracts ?? 0,
          unit: 'count',
          hint: `${formatMillions(t[12]?.annualValuePence ?? 0)} a year`,
          href: '/contracts/recommissioning?horizon=12',
        },
        {
          key: 'risk',
          label: 'Procurements that cannot finish before the contract ends',
          value: atRisk,
          unit: 'count',
          href: '/contracts/procurements',
        },
        { key: 'overdue', label: 'KPI returns overdue', value: overdue, unit: 'count', href: '/contracts/kpis' },
      ]}
    />
  );
}

function formatMillions(pence: number): string {
  return `£${(pence / 100 / 1_000_000).toFixed(1)}m`;
}

export function ContractsOverviewPage() {
  const { user } = useAuth();
  const provider = user?.role === 'provider';
  const pages = provider ? PAGES.flatMap((p) => (p.provider ? [{ href: p.href, ...p.provider }] : [])) : PAGES;
  return (
    <Page title="Contracts and delivery" breadcrumbs={[{ text: 'Contracts and delivery' }]}>
      {provider ? (
        <p className="govuk-body-l">
          Submit your monitoring returns, answer quality assessments of your services and respond to concerns about
          them.
        </p>
      ) : (
        <StaffOverview />
      )}
      <ul className="govuk-list">
        {pages.map((p) => (
          <li key={p.href} className="govuk-!-margin-bottom-4">
            <h2 className="govuk-heading-s govuk-!-margin-bottom-1">
              <Link className="govuk-link" to={p.href}>
                {p.title}
              </Link>
            </h2>
            <p className="govuk-body govuk-!-margin-bottom-0">{p.text}</p>
          </li>
        ))}
      </ul>
    </Page>
  );
}
