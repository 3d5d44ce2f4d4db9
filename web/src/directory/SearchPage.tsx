// "Find community services": the public search page (no sign-in). Search by need or keyword and postcode, filter
// by category, cost and day; results nearest first, with a page per service and a printable list.
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useApi, withQuery } from '../api';
import {
  Button,
  ErrorSummary,
  LoadingOrError,
  PublicPage,
  Pagination,
  Radios,
  Select,
  Tag,
  TextInput,
  apiErrorsToSummary,
  fieldError,
  formatNumber,
} from '../components';
import { ApiError } from '../api';
import {
  WEEKDAYS,
  WEEKDAY_LABELS,
  type SearchCard,
  type SearchOptions,
  type SearchResult,
  type TaxonomyTermPage,
} from './types';

/** Distance in miles, as people in England read it: "0.4 miles". */
export function formatMiles(metres: number | null): string | null {
  if (metres === null) return null;
  const miles = metres / 1609.344;
  return `${miles < 10 ? miles.toFixed(1) : Math.round(miles)} ${miles >= 0.95 && miles < 1.05 ? 'mile' : 'miles'}`;
}

/** "Monday, Wednesday and Friday" from RFC 5545 day codes. */
export function formatDays(days: readonly string[]): string {
  const names = WEEKDAYS.filter((d) => days.includes(d)).map((d) => WEEKDAY_LABELS[d]);
  if (names.length === 7) return 'Every day';
  if (names.join(',') === 'Monday,Tuesday,Wednesday,Thursday,Friday') return 'Monday to Friday';
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : (names[0] ?? '');
}

export const SEARCH_KEYS = ['q', 'postcode', 'need', 'term', 'cost', 'day'] as const;
export type SearchKey = (typeof SEARCH_KEYS)[number];

/** The search's query string (only the filled fields), for the API, pagination and the printable list. */
export function searchQueryOf(params: URLSearchParams): Record<SearchKey, string | undefined> {
  const out = {} as Record<SearchKey, string | undefined>;
  for (const k of SEARCH_KEYS) out[k] = params.get(k)?.trim() || undefined;
  return out;
}

export function ResultCard({ card, headingLevel = 2 }: { card: SearchCard; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const miles = formatMiles(card.distanceMetres);
  return (
    <li className="app-directory-result">
      <H className="govuk-heading-m govuk-!-margin-bottom-1">
        <Link className="govuk-link" to={`/community-services/services/${card.id}`}>
          {card.name}
        </Link>
      </H>
      {card.organisation && <p className="govuk-body-s govuk-!-margin-bottom-1">Run by {card.organisation}</p>}
      <p className="govuk-body govuk-!-margin-bottom-2">{card.description}</p>
      <dl className="govuk-summary-list govuk-summary-list--no-border app-directory-facts">
        {(card.address || card.place) && (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Where</dt>
            <dd className="govuk-summary-list__value">
              {[card.place, card.address, card.postcode].filter(Boolean).join(', ')}
              {miles && <> ({miles} away)</>}
            </dd>
          </div>
        )}
        {card.days.length > 0 && (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">When</dt>
            <dd className="govuk-summary-list__value">{formatDays(card.days)}</dd>
          </div>
        )}
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Cost</dt>
          <dd className="govuk-summary-list__value">{card.free ? 'Free' : (card.fees ?? 'There is a charge')}</dd>
        </div>
        {card.phone && (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Phone</dt>
            <dd className="govuk-summary-list__value">{card.phone}</dd>
          </div>
        )}
      </dl>
      <p className="govuk-body-s">
        {card.status === 'temporarily closed' && <Tag colour="orange">Temporarily closed</Tag>}{' '}
        {card.takingReferrals === true && <Tag colour="green">Taking referrals</Tag>}
        {card.takingReferrals === false && <Tag colour="grey">Not taking referrals</Tag>}{' '}
        {card.categories.slice(0, 4).map((c) => (
          <span key={c}>
            <Tag colour="blue">{c}</Tag>{' '}
          </span>
        ))}
      </p>
    </li>
  );
}

export function SearchPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const query = searchQueryOf(params);
  const page = Number(params.get('page') ?? '1') || 1;
  const { data: options } = useApi<SearchOptions>('/api/directory/search-options');
  const { data: terms } = useApi<TaxonomyTermPage>('/oruk/taxonomy_terms?per_page=1000');
  const [form, setForm] = useState(query);
  useEffect(() => setForm(searchQueryOf(params)), [params]);
  const searched = SEARCH_KEYS.some((k) => query[k]);
  const { data, error, loading } = useApi<SearchResult>(
    searched ? withQuery('/api/directory/search', { ...query, page }) : null,
    { keepPrevious: true },
  );
  const errors = error instanceof ApiError ? apiErrorsToSummary(error) : [];

  const go = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const k of SEARCH_KEYS) if (form[k]?.trim()) next.set(k, form[k]!.trim());
    navigate(`/community-services?${next.toString()}`);
  };
  const set = (k: SearchKey) => (v: string) => setForm((f) => ({ ...f, [k]: v || undefined }));
  const needTermIds = new Set(options?.needs.map((n) => n.termId) ?? []);
  const categoryOptions = (terms?.contents ?? [])
    .filter((t) => !needTermIds.has(t.id))
    .map((t) => ({ value: t.id, text: `${t.taxonomy ?? 'Category'}: ${t.name}` }));
  const title = `Find community services${options ? ` in ${options.boroughName}` : ''}`;

  return (
    <PublicPage
      synthetic={options?.synthetic ?? true}
      boroughName={options?.boroughName ?? 'This borough'}
      title={title}
      hasErrors={errors.length > 0}
      width="full"
    >
      <ErrorSummary errors={errors} />
      <p className="govuk-body-l">
        Clubs, groups, advice and support for residents, carers and the people who help them: search by what you need
        and your postcode.
      </p>
      <form onSubmit={go} noValidate>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <Select
              name="need"
              label="What do you need help with?"
              placeholder="Anything"
              options={(options?.needs ?? []).map((n) => ({ value: n.code, text: n.name }))}
              value={form.need ?? ''}
              onChange={set('need')}
              error={fieldError(errors, 'need')}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <TextInput
              name="q"
              label="Keywords (optional)"
              hint="For example, memory café"
              type="search"
              value={form.q ?? ''}
              onChange={set('q')}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <TextInput
              name="postcode"
              label="Your postcode (optional)"
              hint="To see the nearest first"
              width={10}
              autoComplete="postal-code"
              value={form.postcode ?? ''}
              onChange={set('postcode')}
              error={fieldError(errors, 'postcode')}
            />
          </div>
        </div>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <details className="govuk-details" open={Boolean(query.term || query.cost || query.day)}>
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">More filters</span>
              </summary>
              <div className="govuk-details__text">
                <Select
                  name="term"
                  label="Category"
                  placeholder="Any category"
                  options={categoryOptions}
                  value={form.term ?? ''}
                  onChange={set('term')}
                />
                <Radios
                  name="cost"
                  legend="Cost"
                  small
                  items={[
                    { value: '', text: 'Any' },
                    { value: 'free', text: 'Free' },
                    { value: 'paid', text: 'There is a charge' },
                  ]}
                  value={form.cost ?? ''}
                  onChange={set('cost')}
                />
                <Select
                  name="day"
                  label="Open on"
                  placeholder="Any day"
                  options={WEEKDAYS.map((d) => ({ value: d, text: WEEKDAY_LABELS[d] }))}
                  value={form.day ?? ''}
                  onChange={set('day')}
                />
              </div>
            </details>
          </div>
          <div className="govuk-grid-column-two-thirds">
            <Button>Search</Button>
          </div>
        </div>
      </form>

      {!searched && (
        <>
          <h2 className="govuk-heading-m">Browse by need</h2>
          <ul className="govuk-list app-directory-needs">
            {(options?.needs ?? []).map((n) => (
              <li key={n.code}>
                <Link className="govuk-link" to={`/community-services?need=${n.code}`}>
                  {n.name}
                </Link>
                <span className="govuk-body-s"> – {n.description}</span>
              </li>
            ))}
          </ul>
        </>
      )}

      {searched && !data && !errors.length && <LoadingOrError loading={loading} error={error} what="services" />}
      {searched && data && (
        <section aria-labelledby="results-heading" aria-busy={loading}>
          <h2 className="govuk-heading-m" id="results-heading" aria-live="polite">
            {data.total === 0
              ? 'No services found'
              : `${formatNumber(data.total)} ${data.total === 1 ? 'service' : 'services'} found${data.district ? `, nearest to ${data.district} first` : ''}`}
          </h2>
          {data.total === 0 && <p className="govuk-body">Try fewer words, another need, or remove a filter.</p>}
          {data.total > 0 && (
            <p className="govuk-body">
              <Link className="govuk-link" to={withQuery('/community-services/print', query)}>
                Printable list of these services
              </Link>
            </p>
          )}
          <ul className="govuk-list app-directory-results">
            {data.results.map((card) => (
              <ResultCard key={card.id} card={card} />
            ))}
          </ul>
          <Pagination
            page={data.page}
            pageCount={data.pageCount}
            href={(n) => withQuery('/community-services', { ...query, page: n })}
            label="Results pages"
          />
        </section>
      )}
      <p className="govuk-body-s">
        Know a service that is missing or out of date?{' '}
        <Link className="govuk-link" to="/community-services/suggest">
          Suggest a new service
        </Link>
        . This directory is open data in the Open Referral UK standard:{' '}
        <a className="govuk-link" href="/oruk/services">
          ORUK API
        </a>
        .
      </p>
    </PublicPage>
  );
}
