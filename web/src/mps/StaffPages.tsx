// The market position statement's draft for staff: its sections with their status and actions, and its preview.
import { Link } from 'react-router';
import { useApi } from '../api';
import { useAuth } from '../auth';
import { Button, ButtonGroup, formatDate, InsetText, LoadingOrError, Page, Table } from '../components';
import { PORTFOLIOS, PORTFOLIO_LABELS } from '../../../src/domain/mps/outline';
import { PUBLIC_PATH } from './PublicPages';
import { WholeStatement } from './StatementView';
import type { DraftResponse } from './types';
import { EDITORS, StatusTag } from './staffParts';

/** /mps: the draft's sections with their status, editions, and the actions. */
export function DraftPage() {
  const { data, error, loading } = useApi<DraftResponse>('/api/mps/draft');
  const { hasRole } = useAuth();
  if (!data)
    return (
      <Page title="Market Position Statement">
        <LoadingOrError loading={loading} error={error} what="the draft statement" />
      </Page>
    );
  const s = data.statement;
  const row = (key: string) => {
    const section = s.sections.find((x) => x.key === key)!;
    return { key, title: section.title, status: data.statuses[key] ?? 'draft' };
  };
  const chapters = s.sections.filter((x) => x.kind !== 'service').map((x) => row(x.key));
  const sectionTable = (caption: string, rows: ReturnType<typeof row>[]) => (
    <Table
      caption={caption}
      captionSize="m"
      columns={[
        {
          key: 'title',
          header: 'Section',
          render: (r) => (
            <Link className="govuk-link" to={`/mps/sections/${r.key}`}>
              {r.title}
            </Link>
          ),
        },
        { key: 'status', header: 'Status', render: (r) => <StatusTag status={r.status} /> },
      ]}
      rows={rows}
      rowKey={(r) => r.key}
    />
  );
  const latest = data.editions[0];
  return (
    <Page title="Market Position Statement" caption="Publishing" breadcrumbs={[{ text: 'Market Position Statement' }]}>
      <p className="govuk-body">
        The draft always shows today’s figures ({formatDate(s.asAt)}) with the latest text. Publishing freezes both as a
        new edition for providers to read at{' '}
        <a className="govuk-link" href={PUBLIC_PATH}>
          {PUBLIC_PATH}
        </a>
        .
      </p>
      {latest ? (
        <InsetText>
          Latest edition: {latest.number}, “{latest.title}”, published {formatDate(latest.publishedOn)}.
        </InsetText>
      ) : (
        <InsetText>No edition has been published yet.</InsetText>
      )}
      <ButtonGroup>
        <Button href="/mps/preview" variant="secondary">
          Read the whole draft
        </Button>
        {hasRole(...EDITORS) && <Button href="/mps/publish">Publish an edition</Button>}
        {latest && (
          <Button href={`/mps/compare?from=${latest.number}&to=draft`} variant="secondary">
            Compare the draft with edition {latest.number}
          </Button>
        )}
      </ButtonGroup>
      {sectionTable('About the area, the market and the strategy', chapters)}
      {PORTFOLIOS.map((p) => (
        <div key={p}>
          {sectionTable(
            `Commissioning intentions: ${PORTFOLIO_LABELS[p]}`,
            s.sections.filter((x) => x.kind === 'service' && x.portfolio === p).map((x) => row(x.key)),
          )}
        </div>
      ))}
      {data.editions.length > 0 && (
        <Table
          caption="Published editions"
          captionSize="m"
          columns={[
            { key: 'number', header: 'Edition', numeric: true },
            {
              key: 'title',
              header: 'Title',
              render: (e) => (
                <a className="govuk-link" href={`${PUBLIC_PATH}/editions/${e.number}`}>
                  {e.title}
                </a>
              ),
            },
            { key: 'publishedOn', header: 'Published', render: (e) => formatDate(e.publishedOn) },
            { key: 'asAt', header: 'Figures as at', render: (e) => formatDate(e.asAt) },
          ]}
          rows={data.editions}
          rowKey={(e) => e.id}
        />
      )}
    </Page>
  );
}

export function DraftPreviewPage() {
  const { data, error, loading } = useApi<DraftResponse>('/api/mps/draft');
  return (
    <Page
      title="The whole draft"
      caption="Market Position Statement"
      breadcrumbs={[{ text: 'Market Position Statement', href: '/mps' }, { text: 'The whole draft' }]}
    >
      {!data ? (
        <LoadingOrError loading={loading} error={error} what="the draft" />
      ) : (
        <>
          <InsetText>Live figures as at {formatDate(data.statement.asAt)}. Not published.</InsetText>
          <WholeStatement statement={data.statement} />
        </>
      )}
    </Page>
  );
}
