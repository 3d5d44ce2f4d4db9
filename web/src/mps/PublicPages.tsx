// The public Market Position Statement (no sign-in): the latest published edition as a contents page and one page per
// section, earlier editions, the whole edition on one page for printing (the PDF is printed from it), and the
// opportunities coming up with CSV and Excel downloads.
import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useApi } from '../api';
import {
  DownloadLinks,
  formatDate,
  InsetText,
  LoadingOrError,
  Page,
  PublicPage,
  SyntheticDataBanner,
  Table,
  useNoIndex,
  usePageTitle,
  formatCount,
} from '../components';
import { PORTFOLIOS, PORTFOLIO_DESCRIPTIONS, PORTFOLIO_LABELS } from '../../../src/domain/mps/outline';
import { OpportunitiesTable } from './OpportunitiesTable';
import { OPPORTUNITY_DOWNLOAD_COLUMNS } from './downloads';
import { SectionBody, sectionCaption, WholeStatement } from './StatementView';
import type { EditionList, PublicOpportunities, PublicStatement, StatementSection } from './types';

export const PUBLIC_PATH = '/market-position-statement';

function editionPath(number: number | null, latest: number) {
  return number === null || number === latest ? PUBLIC_PATH : `${PUBLIC_PATH}/editions/${number}`;
}

function useEdition(number: number | null) {
  return useApi<PublicStatement>(number === null ? '/api/mps/public/statement' : `/api/mps/public/editions/${number}`);
}

function EditionLine({ data }: { data: PublicStatement }) {
  return (
    <p className="govuk-body">
      Edition {data.edition.number}, published {formatDate(data.edition.publishedOn)}. Figures as at{' '}
      {formatDate(data.statement.asAt)}.
    </p>
  );
}

/** The public page's frame for the whole statement: its title, the borough as caption, the synthetic-data flag. */
function statementFrame(data: PublicStatement) {
  const b = data.statement.borough;
  return {
    title: data.edition.title,
    documentTitle: `${data.edition.title} – ${b.name}`,
    caption: `${b.name}: Market Position Statement`,
    synthetic: b.synthetic,
    boroughName: b.name,
  };
}

function NotPublished({ error, loading }: { error: unknown; loading: boolean }) {
  return (
    <Page title="Market Position Statement">
      <LoadingOrError loading={loading} error={error as never} what="the Market Position Statement" />
    </Page>
  );
}

/** /market-position-statement and /market-position-statement/editions/:number: contents of one edition. */
export function PublicStatementPage() {
  const params = useParams();
  const number = params.number ? Number(params.number) : null;
  const { data, error, loading } = useEdition(number);
  if (!data) return <NotPublished error={error} loading={loading} />;
  const s = data.statement;
  const base = number === null ? PUBLIC_PATH : `${PUBLIC_PATH}/editions/${number}`;
  const chapters = s.sections.filter((x) => x.kind !== 'service' && x.kind !== 'contacts');
  const intro = s.sections.find((x) => x.kind === 'introduction')!;
  return (
    <PublicPage {...statementFrame(data)} width="two-thirds">
      <EditionLine data={data} />
      <p className="govuk-body">
        <a className="govuk-link" href={`/market-position-statement.pdf?edition=${data.edition.number}`}>
          Download this statement as a PDF
        </a>{' '}
        ·{' '}
        <Link className="govuk-link" to={`${base}/all`}>
          Read it all on one page
        </Link>{' '}
        ·{' '}
        <Link className="govuk-link" to="/opportunities">
          Opportunities coming up
        </Link>
      </p>
      <SectionBody section={intro} statement={s} level={1} />
      <h2 className="govuk-heading-m">Contents</h2>
      <nav aria-label="Contents">
        <ul className="govuk-list">
          {chapters
            .filter((c) => c.kind !== 'introduction')
            .map((c) => (
              <li key={c.key}>
                <Link className="govuk-link" to={`${base}/${c.key}`}>
                  {c.title}
                </Link>
              </li>
            ))}
        </ul>
        {PORTFOLIOS.map((p) => {
          const services = s.sections.filter((x) => x.kind === 'service' && x.portfolio === p);
          return (
            <div key={p}>
              <h3 className="govuk-heading-s">Commissioning intentions: {PORTFOLIO_LABELS[p]}</h3>
              <p className="govuk-body-s">{PORTFOLIO_DESCRIPTIONS[p]}</p>
              <ul className="govuk-list">
                {services.map((c) => (
                  <li key={c.key}>
                    <Link className="govuk-link" to={`${base}/${c.key}`}>
                      {c.title}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
        <ul className="govuk-list">
          <li>
            <Link className="govuk-link" to={`${base}/contacts`}>
              Contact us
            </Link>
          </li>
          <li>
            <Link className="govuk-link" to={`${PUBLIC_PATH}/editions`}>
              All editions
            </Link>
          </li>
        </ul>
      </nav>
    </PublicPage>
  );
}

function neighbours(sections: StatementSection[], key: string) {
  const i = sections.findIndex((s) => s.key === key);
  return { previous: i > 0 ? sections[i - 1] : null, next: i >= 0 && i < sections.length - 1 ? sections[i + 1] : null };
}

/** /market-position-statement/:section (and under /editions/:number): one section. */
export function PublicSectionPage() {
  const params = useParams();
  const number = params.number ? Number(params.number) : null;
  const { data, error, loading } = useEdition(number);
  if (!data) return <NotPublished error={error} loading={loading} />;
  const s = data.statement;
  const base = editionPath(number, data.edition.number);
  const section = s.sections.find((x) => x.key === params.section);
  if (!section)
    return (
      <Page title="Page not found">
        <p className="govuk-body">
          This statement has no section “{params.section}”. <Link to={base}>See its contents</Link>.
        </p>
      </Page>
    );
  const { previous, next } = neighbours(s.sections, section.key);
  return (
    <PublicPage
      title={section.title}
      documentTitle={`${section.title} – ${data.edition.title} – ${s.borough.name}`}
      caption={sectionCaption(section) ?? data.edition.title}
      breadcrumbs={[{ text: 'Market Position Statement', href: base }, { text: section.title }]}
      synthetic={s.borough.synthetic}
      boroughName={s.borough.name}
    >
      <EditionLine data={data} />
      <SectionBody section={section} statement={s} level={1} />
      <nav className="govuk-pagination govuk-pagination--block" aria-label="Sections">
        {previous && <PaginationLink to={`${base}/${previous.key}`} rel="prev" label={previous.title} />}
        {next && <PaginationLink to={`${base}/${next.key}`} rel="next" label={next.title} />}
      </nav>
    </PublicPage>
  );
}

/**
 * The whole edition on one page: /market-position-statement/all (and /editions/:n/all), and
 * /market-position-statement/print?edition=N, which the server prints to PDF. The print page opens every "Show the
 * data" table and marks itself ready (`data-print-ready`) once the charts have drawn.
 */
export function PublicWholePage({ print = false }: { print?: boolean }) {
  const params = useParams();
  const [search] = useSearchParams();
  const fromQuery = search.get('edition');
  const number = params.number ? Number(params.number) : fromQuery ? Number(fromQuery) : null;
  const { data, error, loading } = useEdition(number);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!print || !data) return;
    // Let the charts measure their width and draw (two frames), then open the data tables for the PDF.
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        document.querySelectorAll('details').forEach((d) => (d.open = true));
        setReady(true);
      });
    });
    return () => cancelAnimationFrame(frame);
  }, [print, data]);
  if (!data) return <NotPublished error={error} loading={loading} />;
  const s = data.statement;
  return (
    <PublicPage
      {...statementFrame(data)}
      breadcrumbs={
        print
          ? undefined
          : [
              { text: 'Market Position Statement', href: editionPath(number, data.edition.number) },
              { text: 'All on one page' },
            ]
      }
    >
      <div className={print ? 'app-mps-print' : undefined} data-print-ready={print ? String(ready) : undefined}>
        <EditionLine data={data} />
        {print && (
          <p className="govuk-body">
            Read it online on the council’s Steward site at {PUBLIC_PATH}; the opportunities coming up, with downloads,
            are at /opportunities.
          </p>
        )}
        <WholeStatement statement={s} />
      </div>
    </PublicPage>
  );
}

/** /market-position-statement/editions: every published edition. */
export function PublicEditionsPage() {
  const { data, error, loading } = useApi<EditionList>('/api/mps/public/editions');
  const latest = useApi<PublicStatement>('/api/mps/public/statement');
  usePageTitle('All editions – Market Position Statement');
  useNoIndex(latest.data?.statement.borough.synthetic ?? true);
  if (!data) return <NotPublished error={error} loading={loading} />;
  const newest = data.editions[0]?.number ?? 0;
  return (
    <Page
      title="All editions"
      caption="Market Position Statement"
      breadcrumbs={[{ text: 'Market Position Statement', href: PUBLIC_PATH }, { text: 'All editions' }]}
    >
      {latest.data?.statement.borough.synthetic && (
        <SyntheticDataBanner boroughName={latest.data.statement.borough.name} />
      )}
      <Table
        caption="Published editions"
        captionHidden
        columns={[
          {
            key: 'title',
            header: 'Edition',
            render: (e) => (
              <Link className="govuk-link" to={editionPath(e.number, newest)}>
                {e.number}: {e.title}
              </Link>
            ),
          },
          { key: 'publishedOn', header: 'Published', render: (e) => formatDate(e.publishedOn) },
          { key: 'asAt', header: 'Figures as at', render: (e) => formatDate(e.asAt) },
          {
            key: 'pdf',
            header: 'PDF',
            render: (e) => (
              <a className="govuk-link" href={`/market-position-statement.pdf?edition=${e.number}`}>
                PDF<span className="govuk-visually-hidden"> of edition {e.number}</span>
              </a>
            ),
          },
        ]}
        rows={data.editions}
        rowKey={(e) => e.id}
      />
    </Page>
  );
}

/** /opportunities: the opportunities coming up in the latest edition, with downloads. */
export function PublicOpportunitiesPage() {
  const { data, error, loading } = useApi<PublicOpportunities>('/api/mps/public/opportunities');
  const latest = useApi<PublicStatement>('/api/mps/public/statement');
  const synthetic = latest.data?.statement.borough.synthetic ?? true;
  const boroughName = latest.data?.statement.borough.name ?? '';
  if (!data)
    return (
      <Page title="Opportunities coming up">
        <LoadingOrError loading={loading} error={error} what="the opportunities" />
      </Page>
    );
  const procurements = data.opportunities.filter((o) => o.kind === 'procurement').length;
  return (
    <PublicPage
      title="Opportunities coming up"
      caption={boroughName ? `${boroughName}: adult social care` : 'Adult social care'}
      synthetic={synthetic}
      boroughName={boroughName}
    >
      <p className="govuk-body">
        {formatCount(procurements, 'procurement')} in the pipeline and{' '}
        {formatCount(data.opportunities.length - procurements, 'contract')} ending in the next three years, from edition{' '}
        {data.edition.number} of the{' '}
        <Link className="govuk-link" to={PUBLIC_PATH}>
          Market Position Statement
        </Link>{' '}
        (published {formatDate(data.edition.publishedOn)}).
      </p>
      <InsetText>
        Dates are the council’s current plans and may change. Tenders are advertised on the council’s procurement
        portal; this list tells you what is coming so you can prepare.
      </InsetText>
      <DownloadLinks
        filename={`opportunities-edition-${data.edition.number}`}
        columns={OPPORTUNITY_DOWNLOAD_COLUMNS}
        rows={data.opportunities}
        what="the opportunities"
        sheetName="Opportunities"
      />
      <OpportunitiesTable opportunities={data.opportunities} caption="Procurements and contracts ending" full />
    </PublicPage>
  );
}

/** One GOV.UK block-pagination link ("Previous" or "Next", then the section's title). */
function PaginationLink({ to, rel, label }: { to: string; rel: 'prev' | 'next'; label: string }) {
  return (
    <div className={`govuk-pagination__${rel}`}>
      <Link className="govuk-link govuk-pagination__link" to={to} rel={rel}>
        <span className="govuk-pagination__link-title">{rel === 'prev' ? 'Previous' : 'Next'}</span>
        <span className="govuk-visually-hidden">:</span> <span className="govuk-pagination__link-label">{label}</span>
      </Link>
    </div>
  );
}
