// A page per service (public): everything the directory knows, from the ORUK record.
import { Link, useParams } from 'react-router';
import { useApi } from '../api';
import {
  InsetText,
  LoadingOrError,
  PublicPage,
  SummaryList,
  Tag,
  formatDate,
  formatPence,
  type SummaryRow,
} from '../components';
import { formatDays } from './SearchPage';
import type { OrukServiceView, SearchOptions } from './types';

function scheduleText(s: NonNullable<OrukServiceView['schedules']>[number]): string {
  const days = formatDays((s.byday ?? '').split(',').map((d) => d.trim().slice(-2)));
  const hours = s.opens_at && s.closes_at ? `${s.opens_at.slice(0, 5)} to ${s.closes_at.slice(0, 5)}` : '';
  return [days, hours, s.description && s.description !== hours ? s.description : ''].filter(Boolean).join(', ');
}

export function ServicePage() {
  const { id } = useParams();
  const { data: options } = useApi<SearchOptions>('/api/directory/search-options');
  const { data: s, error, loading } = useApi<OrukServiceView>(`/oruk/services/${id}`);
  if (!s)
    return (
      <PublicPage
        synthetic={options?.synthetic ?? true}
        boroughName={options?.boroughName ?? 'This borough'}
        title="Service"
        breadcrumbs={[{ text: 'Find community services', href: '/community-services' }, { text: 'Service' }]}
      >
        <LoadingOrError loading={loading} error={error} what="this service" />
      </PublicPage>
    );
  const rows: SummaryRow[] = [];
  const add = (key: string, value: React.ReactNode | undefined | null) => {
    if (value !== undefined && value !== null && value !== '') rows.push({ key, value });
  };
  add('Run by', s.organization?.name);
  add('Who it is for', s.eligibility_description);
  if (s.minimum_age !== undefined || s.maximum_age !== undefined)
    add(
      'Ages',
      s.minimum_age !== undefined && s.maximum_age !== undefined
        ? `${s.minimum_age} to ${s.maximum_age}`
        : s.minimum_age !== undefined
          ? `${s.minimum_age} and over`
          : `Up to ${s.maximum_age}`,
    );
  add(
    'When',
    s.schedules?.length ? (
      <ul className="govuk-list">
        {s.schedules.map((x) => (
          <li key={x.id}>{scheduleText(x)}</li>
        ))}
      </ul>
    ) : undefined,
  );
  add(
    'Where',
    s.service_at_locations?.length ? (
      <ul className="govuk-list">
        {s.service_at_locations.map((sal) => (
          <li key={sal.id}>
            {[
              sal.location.name,
              ...(sal.location.addresses ?? []).flatMap((a) => [a.address_1, a.address_2, a.city, a.postal_code]),
            ]
              .filter(Boolean)
              .join(', ')}
            {sal.location.accessibility?.map((a) => (
              <span key={a.id} className="govuk-body-s govuk-!-display-block">
                Access: {a.description}
              </span>
            ))}
          </li>
        ))}
      </ul>
    ) : undefined,
  );
  add(
    'Areas served',
    s.service_areas
      ?.map((a) => a.name)
      .filter(Boolean)
      .join('; '),
  );
  add(
    'Cost',
    s.cost_options?.some((c) => (c.amount ?? 0) > 0)
      ? s.cost_options
          .filter((c) => (c.amount ?? 0) > 0)
          .map((c) => `${formatPence(Math.round((c.amount ?? 0) * 100))} ${c.amount_description ?? ''}`.trim())
          .join('; ')
      : (s.fees ?? 'Free'),
  );
  add('Phone', s.phones?.map((p) => p.number).join(', '));
  add(
    'Email',
    s.email ? (
      <a className="govuk-link" href={`mailto:${s.email}`}>
        {s.email}
      </a>
    ) : undefined,
  );
  add(
    'Website',
    s.url ? (
      <a className="govuk-link" href={s.url} rel="noreferrer">
        {s.url}
      </a>
    ) : undefined,
  );
  add(
    'Languages',
    s.languages
      ?.map((l) => l.name)
      .filter(Boolean)
      .join(', '),
  );
  if (s.steward_capacity)
    add(
      'Taking referrals',
      `${s.steward_capacity.taking_referrals ? 'Yes' : 'Not at the moment'}${
        s.steward_capacity.waiting_time_days !== undefined
          ? `; typical wait ${s.steward_capacity.waiting_time_days} days`
          : ''
      }`,
    );
  add(
    'Categories',
    s.attributes?.length
      ? s.attributes.map((a) => (
          <Tag key={a.id} colour="blue">
            {a.taxonomy_term.name}
          </Tag>
        ))
      : undefined,
  );
  add('Last updated', s.last_modified ? formatDate(s.last_modified) : undefined);

  return (
    <PublicPage
      synthetic={options?.synthetic ?? true}
      boroughName={options?.boroughName ?? 'This borough'}
      title={s.name}
      caption={s.organization?.name}
      breadcrumbs={[{ text: 'Find community services', href: '/community-services' }, { text: s.name }]}
    >
      {s.status !== 'active' && (
        <InsetText>
          This service is {s.status === 'temporarily closed' ? 'temporarily closed' : 'not running'}.
        </InsetText>
      )}
      {s.alert && <InsetText>{s.alert}</InsetText>}
      {s.description && <p className="govuk-body-l">{s.description}</p>}
      <SummaryList rows={rows} />
      <p className="govuk-body">
        <Link className="govuk-link" to={`/community-services/services/${s.id}/suggest`}>
          Suggest a change to this entry
        </Link>
      </p>
    </PublicPage>
  );
}
