import { Link, useSearchParams } from 'react-router';
import { useApi, withQuery } from '../api';
import {
  DownloadLinks,
  InsetText,
  LoadingOrError,
  Page,
  SEX_LABELS,
  SummaryList,
  Table,
  formatCount,
  formatNumber,
  formatMultiplier,
  formatRate,
  formatRatio,
  type Column,
} from '../components';
import type { ExplainResponse } from './types';

type Line = ExplainResponse['lines'][number];

/** The working behind one projected figure, line by line, so a commissioner can reproduce it. */
export function ExplainPage() {
  const [search] = useSearchParams();
  const measure = search.get('measure') ?? '';
  const year = search.get('year') ?? '';
  const scenario = search.get('scenario') ?? 'default';
  const area = search.get('area') ?? undefined;
  const { data, error, loading } = useApi<ExplainResponse>(
    measure && year ? withQuery('/api/demand/explain', { measure, year, scenario, area }) : null,
  );
  const crumbs = [
    { text: 'Need and demand', href: scenario === 'default' ? '/demand' : `/demand?scenario=${scenario}` },
    { text: 'How a figure is calculated' },
  ];
  if (!data) {
    return (
      <Page title="How this figure is calculated" breadcrumbs={crumbs}>
        {!measure || !year ? (
          <p className="govuk-body">
            Choose a figure on the{' '}
            <Link className="govuk-link" to="/demand">
              need and demand page
            </Link>
            .
          </p>
        ) : (
          <LoadingOrError loading={loading} error={error} what="the working" />
        )}
      </Page>
    );
  }
  const columns: Column<Line>[] = [
    {
      key: 'sex',
      header: 'Sex',
      render: (l) => SEX_LABELS[l.sex] ?? l.sex,
    },
    { key: 'ages', header: 'Ages' },
    {
      key: 'population',
      header: `Population ${data.year}`,
      numeric: true,
      render: (l) => formatNumber(l.population, 0),
    },
    { key: 'rate', header: 'Rate', numeric: true, render: (l) => formatRate(l.rate, 4) },
    {
      key: 'shareKnownToAsc',
      header: 'Share known to ASC',
      numeric: true,
      render: (l) => formatRatio(l.shareKnownToAsc),
    },
    { key: 'multiplier', header: 'Rate multiplier', numeric: true, render: (l) => formatMultiplier(l.multiplier) },
    { key: 'people', header: 'People', numeric: true, render: (l) => formatNumber(l.people, 0) },
  ];
  return (
    <Page
      title={`${data.rateLabel}, ${data.year}: ${formatNumber(Math.round(data.total))}`}
      documentTitle="How this figure is calculated"
      caption="How this figure is calculated"
      breadcrumbs={crumbs}
    >
      <InsetText>
        People = population × rate × share known to adult social care × the rate’s multiplier for {data.year} (1 when
        the rate is held constant). Each line below is one sex and one age band of the rate; the lines add up to{' '}
        {formatCount(Math.round(data.total), 'person', 'people')} (each line rounded to a whole person).
      </InsetText>
      <SummaryList
        rows={[
          { key: 'Scenario', value: data.scenario.name },
          { key: 'Ages covered', value: data.scope },
          { key: 'Rate source', value: `${data.source} (${data.sourceYear})` },
          { key: 'Method', value: data.methodNote },
          ...(data.calibration
            ? [
                {
                  key: 'Calibration',
                  value: `The age profile gave ${formatNumber(data.calibration.expected)} clients in the base year; placements and packages show ${formatNumber(data.calibration.observed)}, so the rates shown are the profile ${formatMultiplier(data.calibration.factor)}.`,
                },
              ]
            : []),
        ]}
      />
      <Table
        caption={`Working for ${data.year}`}
        columns={columns}
        rows={data.lines}
        rowKey={(l) => `${l.sex}-${l.ages}`}
      />
      <p className="govuk-body govuk-!-font-weight-bold">
        Total: {formatCount(Math.round(data.total), 'person', 'people')}
      </p>
      <DownloadLinks
        filename="working"
        filter={`${data.rateLabel} ${data.year}${scenario === 'default' ? '' : ` ${data.scenario.name}`}`}
        what="the working"
        columns={[
          { key: 'sex', header: 'Sex', labels: SEX_LABELS },
          { key: 'ages', header: 'Ages' },
          { key: 'population', header: `Population ${data.year}`, numFmt: '#,##0' },
          { key: 'rate', header: 'Rate', numFmt: '0.0000%' },
          { key: 'shareKnownToAsc', header: 'Share known to ASC', numFmt: '0.0%' },
          { key: 'multiplier', header: 'Rate multiplier', numFmt: '0.000' },
          { key: 'people', header: 'People', numFmt: '#,##0' },
        ]}
        rows={data.lines}
      />
    </Page>
  );
}
