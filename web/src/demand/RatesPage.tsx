import { Link } from 'react-router';
import { useApi } from '../api';
import { useAuth } from '../auth';
import { DownloadLinks, LoadingOrError, Page, SEX_LABELS, Table, Tag, formatRate, type Column } from '../components';
import { CARE_GROUP_LABELS, scopeLabel } from '../../../src/domain/demand/rates';
import type { StoredRate } from './types';

const KIND_LABELS: Record<string, string> = {
  prevalence: 'Prevalence',
  service_use: 'Service use',
  admissions: 'Admissions a year',
};

/** A rate (a share, 0 to 1) as the page shows it, to what the data supports: "1.8%", "0.0346%". */
function percentText(v: number): string {
  return formatRate(v);
}

function summary(r: StoredRate): string {
  const values = [...new Set(r.cells.map((c) => c.value))];
  if (values.length === 1) return percentText(values[0]);
  const min = Math.min(...values);
  const max = Math.max(...values);
  return `${percentText(min)} to ${percentText(max)} by age${r.cells.some((c) => c.sex !== 'persons') ? ' and sex' : ''}`;
}

export function RatesPage() {
  const { data, error, loading } = useApi<{ rates: StoredRate[] }>('/api/demand/rates');
  const { hasRole } = useAuth();
  const canEdit = hasRole('commissioner', 'admin');
  const crumbs = [{ text: 'Need and demand', href: '/demand' }, { text: 'Rates' }];
  if (!data) {
    return (
      <Page title="Rates and their sources" breadcrumbs={crumbs}>
        <LoadingOrError loading={loading} error={error} what="rates" />
      </Page>
    );
  }
  const columns: Column<StoredRate>[] = [
    {
      key: 'label',
      header: 'Rate',
      render: (r) =>
        canEdit ? (
          <Link className="govuk-link" to={`/demand/rates/${r.key}`}>
            {r.label}
          </Link>
        ) : (
          r.label
        ),
    },
    { key: 'careGroup', header: 'Care group', render: (r) => CARE_GROUP_LABELS[r.careGroup] },
    { key: 'kind', header: 'Kind', render: (r) => KIND_LABELS[r.kind] },
    { key: 'ages', header: 'Ages', render: (r) => scopeLabel(r) },
    { key: 'value', header: 'Rate', render: summary },
    { key: 'share', header: 'Known to ASC', numeric: true, render: (r) => `${Math.round(r.shareKnownToAsc * 100)}%` },
    { key: 'source', header: 'Source', render: (r) => `${r.source} (${r.sourceYear})` },
    {
      key: 'status',
      header: 'Status',
      render: (r) => (r.isDefault ? <Tag colour="grey">Shipped default</Tag> : <Tag colour="blue">Edited</Tag>),
    },
  ];
  return (
    <Page title="Rates and their sources" breadcrumbs={crumbs}>
      <p className="govuk-body">
        Prevalence and service-use rates drive every projection. Service-use rates give the shape by age; their level is
        set from today’s placements and packages.
        {canEdit ? ' Select a rate to change it; every change is recorded in the audit log.' : ''}
      </p>
      <Table caption="Rates in use" captionHidden columns={columns} rows={data.rates} rowKey={(r) => r.key} />
      <DownloadLinks
        filename="demand-rates"
        what="the rates"
        columns={[
          { key: 'label', header: 'Rate' },
          { key: 'careGroup', header: 'Care group', labels: CARE_GROUP_LABELS },
          { key: 'kind', header: 'Kind', labels: KIND_LABELS },
          { key: 'ages', header: 'Ages', value: (r) => scopeLabel(r) },
          { key: 'summary', header: 'Rate', value: summary },
          {
            key: 'cells',
            header: 'Rates by sex and age',
            value: (r) =>
              r.cells
                .map(
                  (c) =>
                    `${SEX_LABELS[c.sex] ?? c.sex}, ${c.ageFrom}${c.ageTo === null ? '+' : ` to ${c.ageTo}`}: ${percentText(c.value)}`,
                )
                .join('; '),
          },
          { key: 'shareKnownToAsc', header: 'Known to ASC', numFmt: '0%' },
          { key: 'source', header: 'Source' },
          { key: 'sourceYear', header: 'Source year' },
          { key: 'status', header: 'Status', value: (r) => (r.isDefault ? 'Shipped default' : 'Edited') },
        ]}
        rows={data.rates}
      />
    </Page>
  );
}
