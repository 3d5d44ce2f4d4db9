// A printable list of the current search's services (public): compact, with a print button hidden on paper.
import { Link, useSearchParams } from 'react-router';
import { useApi, withQuery } from '../api';
import { Button, LoadingOrError, PublicPage, formatDate, formatCount } from '../components';
import { formatDays, formatMiles, searchQueryOf } from './SearchPage';
import type { SearchOptions, SearchResult } from './types';

export function PrintPage() {
  const [params] = useSearchParams();
  const { data: options } = useApi<SearchOptions>('/api/directory/search-options');
  const query = searchQueryOf(params);
  const { data, error, loading } = useApi<SearchResult>(withQuery('/api/directory/search', { ...query, perPage: 200 }));
  const back = withQuery('/community-services', query);
  return (
    <PublicPage
      synthetic={options?.synthetic ?? true}
      boroughName={options?.boroughName ?? 'This borough'}
      title="Community services: printable list"
      breadcrumbs={[{ text: 'Find community services', href: back }, { text: 'Printable list' }]}
      width="full"
    >
      {!data ? (
        <LoadingOrError loading={loading} error={error} what="services" />
      ) : (
        <>
          <div className="app-directory-print-hide">
            <Button type="button" onClick={() => window.print()}>
              Print this list
            </Button>{' '}
            <Link className="govuk-link" to={back}>
              Back to the search
            </Link>
          </div>
          <p className="govuk-body">
            {formatCount(data.total, 'service')}
            {data.district ? `, nearest to ${data.district} first` : ''}. Printed from the community services directory
            on {formatDate(new Date())}
            {data.total > data.results.length ? `; the first ${data.results.length} are listed` : ''}.
          </p>
          <ol className="govuk-list govuk-list--number app-directory-print-list">
            {data.results.map((c) => (
              <li key={c.id} className="govuk-!-margin-bottom-4">
                <h2 className="govuk-heading-s govuk-!-margin-bottom-1">{c.name}</h2>
                <p className="govuk-body-s govuk-!-margin-bottom-1">
                  {[c.organisation, [c.place, c.address, c.postcode].filter(Boolean).join(', ')]
                    .filter(Boolean)
                    .join(' – ')}
                  {c.distanceMetres !== null ? ` (${formatMiles(c.distanceMetres)})` : ''}
                </p>
                <p className="govuk-body-s govuk-!-margin-bottom-1">
                  {[c.days.length ? formatDays(c.days) : null, c.free ? 'Free' : (c.fees ?? 'Charge'), c.phone]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
              </li>
            ))}
          </ol>
        </>
      )}
    </PublicPage>
  );
}
