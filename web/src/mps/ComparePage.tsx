// Comparing two editions of the market position statement, section by section.
import { useSearchParams } from 'react-router';
import { useApi } from '../api';
import { Details, formatDate, LoadingOrError, Page, Select, Table, Tag } from '../components';
import { formatDifference, formatStatementFigure } from './format';
import type { Comparison, DraftResponse } from './types';

export function ComparePage() {
  const [search, setSearch] = useSearchParams();
  const editions = useApi<DraftResponse>('/api/mps/draft');
  const from = search.get('from');
  const to = search.get('to') ?? 'draft';
  const { data, error, loading } = useApi<Comparison>(from ? `/api/mps/compare?from=${from}&to=${to}` : null);
  const options = [
    { value: 'draft', text: 'Current draft' },
    ...(editions.data?.editions ?? []).map((e) => ({
      value: String(e.number),
      text: `Edition ${e.number}: ${e.title}`,
    })),
  ];
  const changed = data?.sections.filter((s) => s.change !== 'unchanged') ?? [];
  return (
    <Page
      title="Compare editions"
      caption="Market Position Statement"
      breadcrumbs={[{ text: 'Market Position Statement', href: '/mps' }, { text: 'Compare editions' }]}
    >
      <form
        className="app-mps-compare-form"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          setSearch({ from: String(f.get('from')), to: String(f.get('to')) });
        }}
      >
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <Select
              name="from"
              label="From"
              options={options.filter((o) => o.value !== 'draft')}
              value={from ?? ''}
              placeholder="Choose an edition"
              onChange={(v) => setSearch({ from: v, to })}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select
              name="to"
              label="To"
              options={options}
              value={to}
              onChange={(v) => setSearch({ from: from ?? '', to: v })}
            />
          </div>
        </div>
      </form>
      {!from ? (
        <p className="govuk-body">Choose the editions to compare.</p>
      ) : !data ? (
        <LoadingOrError loading={loading} error={error} what="the comparison" />
      ) : (
        <>
          <p className="govuk-body">
            {data.from.label} (figures as at {formatDate(data.from.asAt)}) compared with {data.to.label} (figures as at{' '}
            {formatDate(data.to.asAt)}): {changed.length} of {data.sections.length} sections changed,{' '}
            {data.opportunitiesAdded.length} opportunities added and {data.opportunitiesRemoved.length} gone.
          </p>
          {data.sections.map((s) => (
            <section key={s.key} className="app-mps-compare-section" aria-labelledby={`compare-${s.key}`}>
              <h2 className="govuk-heading-m" id={`compare-${s.key}`}>
                {s.title}{' '}
                <Tag colour={s.change === 'unchanged' ? 'grey' : s.change === 'changed' ? 'blue' : 'orange'}>
                  {s.change === 'unchanged'
                    ? 'No change'
                    : s.change === 'changed'
                      ? 'Changed'
                      : s.change === 'added'
                        ? 'New section'
                        : 'Section removed'}
                </Tag>
              </h2>
              {s.change !== 'unchanged' && (
                <>
                  {s.figures.some((f) => f.before !== f.after) && (
                    <Table
                      caption="Figures that changed"
                      captionSize="s"
                      columns={[
                        { key: 'label', header: 'Figure' },
                        {
                          key: 'before',
                          header: 'Before',
                          numeric: true,
                          render: (f) => formatStatementFigure(f.before, f.unit),
                        },
                        {
                          key: 'after',
                          header: 'After',
                          numeric: true,
                          render: (f) => formatStatementFigure(f.after, f.unit),
                        },
                        {
                          key: 'difference',
                          header: 'Change',
                          numeric: true,
                          render: (f) => formatDifference(f.difference, f.unit),
                        },
                      ]}
                      rows={s.figures.filter((f) => f.before !== f.after)}
                      rowKey={(f) => f.key}
                      firstCellIsHeader
                    />
                  )}
                  {s.blocks
                    .filter((b) => b.changed)
                    .map((b) => (
                      <div key={b.key} className="app-mps-diff">
                        <h3 className="govuk-heading-s">Text changed{b.heading ? `: ${b.heading}` : ''}</h3>
                        <ul className="govuk-list">
                          {b.lines.map((l, i) => (
                            <li key={i} className={`app-mps-diff__line app-mps-diff__line--${l.change}`}>
                              {l.change === 'added' ? (
                                <ins>
                                  <span className="govuk-visually-hidden">Added: </span>
                                  {l.text}
                                </ins>
                              ) : l.change === 'removed' ? (
                                <del>
                                  <span className="govuk-visually-hidden">Removed: </span>
                                  {l.text}
                                </del>
                              ) : (
                                l.text
                              )}
                            </li>
                          ))}
                        </ul>
                      </div>
                    ))}
                  {(s.opportunitiesAdded.length > 0 || s.opportunitiesRemoved.length > 0) && (
                    <>
                      <h3 className="govuk-heading-s">Opportunities</h3>
                      <ul className="govuk-list govuk-list--bullet">
                        {s.opportunitiesAdded.map((o) => (
                          <li key={o.id}>Added: {o.title}</li>
                        ))}
                        {s.opportunitiesRemoved.map((o) => (
                          <li key={o.id}>No longer listed: {o.title}</li>
                        ))}
                      </ul>
                    </>
                  )}
                </>
              )}
            </section>
          ))}
          <Details summary="How the comparison works">
            <p className="govuk-body">
              Figures are compared by what they measure; text line by line (blank lines ignored); opportunities by the
              procurement or contract behind them.
            </p>
          </Details>
        </>
      )}
    </Page>
  );
}
