// The curator's pages: entries, one entry with its history, the edit form and entries past their review date.
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { apiSend, useApi, withQuery } from '../api';
import { EDITOR_ROLES, useAuth } from '../auth';
import {
  failureToSummary,
  Button,
  ButtonGroup,
  ErrorSummary,
  KeyFigures,
  LoadingOrError,
  NotificationBanner,
  Page,
  Pagination,
  Select,
  SummaryList,
  Table,
  Tag,
  TextInput,
  formatDate,
  formatDateTime,
  type Column,
  type SummaryError,
} from '../components';
import { ServiceFields } from './ServiceFields';
import { applyForm, formValuesOf, validateForm, type ServiceFormValues } from './serviceForm';
import type { DirectoryEntry, EntryList, ReviewDue, SearchOptions, SuggestionSummary } from './types';
import { londonToday } from '../../../src/domain/core/dates';

export const MANAGE = '/directory';
const manageCrumbs = [{ text: 'Directory', href: MANAGE }];

const SOURCE_LABELS: Record<string, string> = {
  staff: 'Added by staff',
  market: 'Market register',
  contract: 'Contract',
  import: 'Imported',
  demo: 'Demo',
  suggestion: 'Suggestion',
};

/** The first columns of a list of entries: the service (a link to manage it) and its organisation. */
function entryColumns<T extends { id: string; name: string; organisation: string | null }>(): Column<T>[] {
  return [
    {
      key: 'name',
      header: 'Service',
      render: (r) => (
        <Link className="govuk-link" to={`${MANAGE}/entries/${r.id}`}>
          {r.name}
        </Link>
      ),
    },
    { key: 'organisation', header: 'Organisation', render: (r) => r.organisation ?? '' },
  ];
}

export function ManagePage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { hasRole } = useAuth();
  const q = params.get('q') ?? '';
  const source = params.get('source') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const [text, setText] = useState(q);
  const { data, error, loading } = useApi<EntryList>(
    withQuery('/api/directory/entries', { q: q || undefined, source: source || undefined, page }),
    { keepPrevious: true },
  );
  const pending = useApi<SuggestionSummary[]>('/api/directory/suggestions?status=pending');
  const due = useApi<ReviewDue>('/api/directory/review-due');
  const editor = hasRole(...EDITOR_ROLES);
  return (
    <Page title="Community services directory" caption="Directory" width="full">
      <KeyFigures
        figures={[
          { key: 'entries', label: 'Entries', value: data?.total ?? null, href: MANAGE },
          {
            key: 'pending',
            label: 'Suggestions to review',
            value: pending.data?.length ?? null,
            href: `${MANAGE}/suggestions`,
          },
          {
            key: 'due',
            label: 'Past their review date',
            value: due.data?.entries.length ?? null,
            href: `${MANAGE}/review`,
          },
        ]}
      />
      <ul className="govuk-list">
        <li>
          <Link className="govuk-link" to="/community-services">
            Public search page
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to={`${MANAGE}/publish`}>
            Publish from the market register and contracts
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to={`${MANAGE}/duplicates`}>
            Possible duplicate organisations
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to={`${MANAGE}/exchange`}>
            Import and export (Open Referral UK)
          </Link>
        </li>
      </ul>
      {editor && (
        <Button href={`${MANAGE}/new`} variant="secondary">
          Add an entry
        </Button>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          navigate(withQuery(MANAGE, { q: text || undefined, source: source || undefined }));
        }}
      >
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <TextInput
              name="q"
              label="Search entries by name or organisation"
              type="search"
              value={text}
              onChange={setText}
            />
          </div>
          <div className="govuk-grid-column-one-quarter">
            <Select
              name="source"
              label="Source"
              placeholder="All"
              options={Object.entries(SOURCE_LABELS).map(([value, text]) => ({ value, text }))}
              value={source}
              onChange={(v) => navigate(withQuery(MANAGE, { q: q || undefined, source: v || undefined }))}
            />
          </div>
        </div>
        <Button variant="secondary">Search</Button>
      </form>
      {!data ? (
        <LoadingOrError loading={loading} error={error} what="entries" />
      ) : (
        <>
          <Table
            caption={`${data.total} entries`}
            rows={data.entries}
            rowKey={(r) => r.id}
            columns={[
              ...entryColumns(),
              { key: 'status', header: 'Status' },
              { key: 'source', header: 'Source', render: (r) => SOURCE_LABELS[r.source] ?? r.source },
              { key: 'reviewDate', header: 'Review by', render: (r) => formatDate(r.reviewDate) },
            ]}
          />
          <Pagination
            page={data.page}
            pageCount={data.pageCount}
            href={(n) => withQuery(MANAGE, { q: q || undefined, source: source || undefined, page: n })}
          />
        </>
      )}
    </Page>
  );
}

export function EntryPage() {
  const { id } = useParams();
  const { hasRole } = useAuth();
  const location = useLocation();
  const { data, error, loading, reload } = useApi<DirectoryEntry>(`/api/directory/entries/${id}`);
  const [message, setMessage] = useState<string | null>((location.state as { saved?: string } | null)?.saved ?? null);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  if (!data)
    return (
      <Page title="Entry" breadcrumbs={[...manageCrumbs, { text: 'Entry' }]}>
        <LoadingOrError loading={loading} error={error} what="this entry" />
      </Page>
    );
  const s = data.service;
  const reviewed = async () => {
    try {
      const r = await apiSend<{ reviewDate: string }>('POST', `/api/directory/entries/${id}/reviewed`);
      setMessage(`Marked as reviewed. Next review by ${formatDate(r.reviewDate)}.`);
      reload();
    } catch (err) {
      setErrors(failureToSummary(err));
    }
  };
  return (
    <Page title={s.name} caption={s.organization?.name} breadcrumbs={[...manageCrumbs, { text: s.name }]} width="full">
      <ErrorSummary errors={errors} />
      {message && (
        <NotificationBanner type="success" heading={message}>
          {null}
        </NotificationBanner>
      )}
      {hasRole(...EDITOR_ROLES) && (
        <ButtonGroup>
          <Button href={`${MANAGE}/entries/${id}/edit`}>Edit entry</Button>
          <Button type="button" variant="secondary" onClick={reviewed}>
            Mark as reviewed
          </Button>
          <Button href={`/community-services/services/${id}`} variant="secondary">
            View public page
          </Button>
        </ButtonGroup>
      )}
      <SummaryList
        rows={[
          { key: 'Status', value: s.status },
          { key: 'Description', value: s.description ?? '' },
          { key: 'Source', value: SOURCE_LABELS[data.curation.source] ?? data.curation.source },
          {
            key: 'Review by',
            value: (
              <>
                {formatDate(data.curation.reviewDate)}{' '}
                {data.curation.reviewDate <= londonToday() && <Tag colour="red">Overdue</Tag>}
              </>
            ),
          },
          {
            key: 'Last reviewed',
            value: data.curation.lastReviewedOn ? formatDate(data.curation.lastReviewedOn) : 'Never',
          },
          { key: 'Last modified', value: s.last_modified ? formatDateTime(s.last_modified) : '' },
          { key: 'Categories', value: (s.attributes ?? []).map((a) => a.taxonomy_term.name).join(', ') },
          {
            key: 'Organisation identifiers',
            value: (s.organization?.organization_identifiers ?? [])
              .map((i) => `${i.identifier_type} ${i.identifier}`)
              .join(', '),
          },
          {
            key: 'Taking referrals',
            value: s.steward_capacity
              ? `${s.steward_capacity.taking_referrals ? 'Yes' : 'No'}${s.steward_capacity.waiting_time_days !== undefined ? `, wait ${s.steward_capacity.waiting_time_days} days` : ''}`
              : 'Not reported',
          },
        ]}
      />
      <h2 className="govuk-heading-m">History</h2>
      <Table
        caption="Changes to this entry, newest first"
        captionHidden
        rows={data.history}
        rowKey={(h) => String(h.version)}
        columns={[
          { key: 'version', header: 'Version', numeric: true },
          { key: 'at', header: 'When', render: (h) => formatDateTime(h.at) },
          { key: 'action', header: 'What' },
          { key: 'actorLabel', header: 'Who' },
          {
            key: 'changes',
            header: 'Fields changed',
            render: (h) => h.changes.map((c) => c.field).join(', ') || '–',
          },
        ]}
      />
    </Page>
  );
}

export function EditEntryPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { data: options } = useApi<SearchOptions>('/api/directory/search-options');
  const entry = useApi<DirectoryEntry>(id ? `/api/directory/entries/${id}` : null);
  const [values, setValues] = useState<ServiceFormValues | null>(null);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [saving, setSaving] = useState(false);
  const base = id ? (entry.data?.service ?? null) : null;
  useEffect(() => {
    if (options && (!id || entry.data))
      setValues(
        (v) =>
          v ??
          formValuesOf(
            base,
            options.needs.map((n) => n.termId),
          ),
      );
  }, [options, entry.data, id]);
  const title = id ? `Edit ${base?.name ?? 'entry'}` : 'Add an entry';
  const crumbs = [
    ...manageCrumbs,
    ...(id && base ? [{ text: base.name, href: `${MANAGE}/entries/${id}` }] : []),
    { text: id ? 'Edit' : 'Add' },
  ];
  if (!values || !options)
    return (
      <Page title={title} breadcrumbs={crumbs}>
        <LoadingOrError loading={entry.loading || !options} error={entry.error} what="the entry" />
      </Page>
    );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = validateForm(values);
    setErrors(problems);
    if (problems.length) return;
    setSaving(true);
    try {
      const body = { service: applyForm(base, values, options.needs) };
      const saved = id
        ? await apiSend<{ id: string }>('PUT', `/api/directory/entries/${id}`, body)
        : await apiSend<{ id: string }>('POST', '/api/directory/entries', body);
      navigate(`${MANAGE}/entries/${saved.id}`, { state: { saved: 'Entry saved and marked as reviewed.' } });
    } catch (err) {
      setErrors(failureToSummary(err));
      setSaving(false);
    }
  };
  return (
    <Page title={title} caption="Directory" breadcrumbs={crumbs} hasErrors={errors.length > 0}>
      <ErrorSummary errors={errors} />
      <form onSubmit={submit} noValidate>
        <ServiceFields values={values} onChange={setValues} errors={errors} needs={options.needs} showStatus />
        <Button disabled={saving}>Save entry</Button>
      </form>
    </Page>
  );
}

export function ReviewDuePage() {
  const { data, error, loading } = useApi<ReviewDue>('/api/directory/review-due');
  return (
    <Page
      title="Entries past their review date"
      caption="Directory"
      breadcrumbs={[...manageCrumbs, { text: 'Review due' }]}
      width="full"
    >
      <p className="govuk-body">
        Every entry is checked at least once a year. Open an entry, check it with the organisation, then edit it or mark
        it as reviewed.
      </p>
      {!data ? (
        <LoadingOrError loading={loading} error={error} what="entries" />
      ) : (
        <Table
          caption={`${data.entries.length} entries past their review date on ${formatDate(data.today)}`}
          rows={data.entries}
          rowKey={(r) => r.id}
          emptyText="No entries are past their review date."
          columns={[
            ...entryColumns(),
            { key: 'reviewDate', header: 'Review was due', render: (r) => formatDate(r.reviewDate) },
            { key: 'daysOverdue', header: 'Days overdue', numeric: true },
            { key: 'source', header: 'Source', render: (r) => SOURCE_LABELS[r.source] ?? r.source },
          ]}
        />
      )}
    </Page>
  );
}
