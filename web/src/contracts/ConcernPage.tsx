import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { apiSend, useApi } from '../api';
import { useAuth } from '../auth';
import {
  Button,
  DateInput,
  ErrorSummary,
  InsetText,
  LoadingOrError,
  Page,
  Radios,
  SummaryList,
  Table,
  Tag,
  TextInput,
  Textarea,
  UnsavedChangesGuard,
  datePartsToIso,
  fieldError,
  formatDate,
  formatDateTime,
  isoToDateParts,
  type Column,
  type DateParts,
  type SummaryError,
  type TagColour,
} from '../components';
import type { Wire } from '../../../src/server/schemas';
import type { concernDetailSchema } from '../../../src/server/contracts/concernSchemas';
import {
  CONCERN_STATUS_LABELS,
  CONCERN_STEP_LABELS,
  nextConcernStatuses,
  type ConcernStatus,
} from '../../../src/domain/contracts/concern';
import { londonToday } from '../../../src/domain/core/dates';
import { CONCERN_KIND_LABELS, label } from './labels';
import { apiErrorsForForm } from './formHelpers';
import { SavedBanner } from './SavedBanner';

type ConcernDetail = Wire<typeof concernDetailSchema>;

const STATUS_COLOURS: Record<ConcernStatus, TagColour> = {
  logged: 'blue',
  triaged: 'light-blue',
  investigating: 'orange',
  action_agreed: 'yellow',
  closed: 'grey',
};

/** A concern's stage as a GOV.UK tag ("Closed 3 March 2026" once closed). */
export function ConcernStatusTag({ concern: c }: { concern: { status: ConcernStatus; closedOn: string | null } }) {
  return (
    <Tag colour={STATUS_COLOURS[c.status]}>
      {c.status === 'closed' && c.closedOn ? `Closed ${formatDate(c.closedOn)}` : CONCERN_STATUS_LABELS[c.status]}
    </Tag>
  );
}

/** The "Summary" column of a list of concerns: each summary links to its concern's page (sorted by the text). */
export function concernSummaryColumn<T extends { id: string; summary: string }>(): Column<T> {
  return {
    key: 'summary',
    header: 'Summary',
    render: (c) => (
      <Link className="govuk-link" to={`/contracts/concerns/${c.id}`}>
        {c.summary}
      </Link>
    ),
    sortValue: (c) => c.summary,
  };
}

const EVENT_LABELS: Record<string, string> = {
  log: 'Logged',
  safeguarding_referral: 'Safeguarding referral recorded',
  provider_response: 'Provider responded',
};

/**
 * One provider concern: its details and history; the quality officer moves it on (triage, investigate, agree
 * the action, close) and records a safeguarding referral; the provider writes its response.
 */
export function ConcernPage() {
  const { id } = useParams();
  const { user, hasRole } = useAuth();
  const { data: c, loading, error, reload } = useApi<ConcernDetail>(`/api/contracts/concerns/${id}`);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const crumbs = [
    { text: 'Contracts and delivery', href: '/contracts' },
    {
      text: user?.role === 'provider' ? 'Concerns about your services' : 'Provider concerns',
      href: '/contracts/concerns',
    },
    { text: 'Concern' },
  ];
  if (!c)
    return (
      <Page title={user?.role === 'provider' ? 'Concern about your service' : 'Provider concern'} breadcrumbs={crumbs}>
        <LoadingOrError loading={loading} error={error} what="the concern" />
      </Page>
    );
  const officer = hasRole('admin', 'quality_officer');
  const isProvider = user?.role === 'provider';
  const open = c.status !== 'closed';
  const send = async (method: 'POST' | 'PUT', path: string, body: unknown, message: string) => {
    try {
      await apiSend(method, `/api/contracts/concerns/${c.id}/${path}`, body);
      setErrors([]);
      setDone(message);
      reload();
      return true;
    } catch (err) {
      // A date's error links to its Day box, as the browser's own checks do.
      setErrors(apiErrorsForForm(err, ['on', 'referralOn']));
      setDone(null);
      return false;
    }
  };

  return (
    <Page
      title={`${c.locationName}: ${label(CONCERN_KIND_LABELS, c.kind).toLowerCase()}`}
      caption={c.providerName}
      hasErrors={errors.length > 0}
      breadcrumbs={crumbs}
    >
      <ErrorSummary errors={errors} />
      <SavedBanner heading={done} what="concern" />
      <SummaryList
        rows={[
          { key: 'Status', value: <ConcernStatusTag concern={c} /> },
          {
            key: 'Service',
            value: isProvider ? (
              c.locationName
            ) : (
              <Link className="govuk-link" to={`/market/locations/${c.locationId}`}>
                {c.locationName}
              </Link>
            ),
          },
          { key: 'Kind', value: label(CONCERN_KIND_LABELS, c.kind) },
          { key: 'Raised', value: formatDate(c.raisedOn) },
          { key: 'Summary', value: c.summary },
          {
            key: 'Safeguarding referral',
            value: c.safeguardingReferralOn
              ? `Made ${formatDate(c.safeguardingReferralOn)}, reference ${c.safeguardingReference}`
              : c.safeguardingReferred
                ? 'Made to the adult safeguarding team'
                : 'None recorded',
          },
          ...(c.agreedAction ? [{ key: 'Action agreed', value: c.agreedAction }] : []),
          {
            key: 'Provider’s response',
            value: c.providerResponse
              ? `${c.providerResponse} (${formatDate(c.providerRespondedOn!)})`
              : 'No response yet',
          },
        ]}
      />

      {officer && open && (
        <StepForm
          concern={c}
          errors={errors}
          onSubmit={(body, message) => send('POST', 'steps', body, message)}
          onErrors={setErrors}
        />
      )}
      {officer && open && (
        <ReferralForm
          concern={c}
          errors={errors}
          onSubmit={(body) =>
            send('PUT', 'safeguarding-referral', body, `Safeguarding referral ${body.reference} recorded`)
          }
          onErrors={setErrors}
        />
      )}
      {isProvider && open && (
        <ResponseForm
          concern={c}
          errors={errors}
          onSubmit={(response) => send('PUT', 'provider-response', { response }, 'Your response has been saved')}
        />
      )}
      {!open && <InsetText>This concern is closed.</InsetText>}

      <h2 className="govuk-heading-m" id="history">
        History
      </h2>
      <Table
        caption="What happened to the concern, oldest first"
        captionHidden
        rows={c.history}
        rowKey={(h) => `${h.at}-${h.kind}-${h.toStatus}`}
        columns={[
          { key: 'on', header: 'Date', render: (h) => (h.on ? formatDate(h.on) : '') },
          { key: 'at', header: 'Recorded', render: (h) => formatDateTime(h.at) },
          {
            key: 'what',
            header: 'What',
            render: (h) =>
              h.kind === 'transition'
                ? `${CONCERN_STATUS_LABELS[h.fromStatus as ConcernStatus] ?? h.fromStatus} → ${CONCERN_STATUS_LABELS[h.toStatus as ConcernStatus] ?? h.toStatus}`
                : (EVENT_LABELS[h.kind] ?? h.kind),
          },
          { key: 'by', header: 'By' },
          ...(isProvider
            ? []
            : [{ key: 'note', header: 'Note', render: (h: (typeof c.history)[number]) => h.note ?? '' }]),
        ]}
      />
    </Page>
  );
}

/** What each form on the concern page is given: the concern, the errors to show, how to save and report errors. */
interface ConcernFormProps<Submit> {
  concern: ConcernDetail;
  errors: SummaryError[];
  onSubmit: Submit;
  onErrors: (errors: SummaryError[]) => void;
}

function StepForm({
  concern: c,
  errors,
  onSubmit,
  onErrors,
}: ConcernFormProps<(body: unknown, message: string) => Promise<boolean>>) {
  const next = nextConcernStatuses(c.status);
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const [agreedAction, setAgreedAction] = useState('');
  const [on, setOn] = useState<DateParts>(isoToDateParts(londonToday()));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const date = datePartsToIso(on, 'Date');
    if ('error' in date) {
      onErrors([{ field: 'on-day', message: date.error }]);
      return;
    }
    const ok = await onSubmit(
      { to: to || undefined, note: note.trim() || null, agreedAction: agreedAction.trim() || null, on: date.iso },
      `Concern ${to === 'closed' ? 'closed' : `moved to ${CONCERN_STATUS_LABELS[to as ConcernStatus]?.toLowerCase()}`}`,
    );
    if (ok) {
      setTo('');
      setNote('');
      setAgreedAction('');
    }
  };
  return (
    <form onSubmit={submit} noValidate className="govuk-!-margin-top-6">
      <UnsavedChangesGuard when={!!(note.trim() || agreedAction.trim())} />
      <h2 className="govuk-heading-m">Move the concern on</h2>
      <Radios
        name="to"
        legend="What happens next?"
        value={to}
        onChange={setTo}
        error={fieldError(errors, 'to')}
        items={next.map((s) => ({
          value: s,
          text: CONCERN_STEP_LABELS[s as Exclude<ConcernStatus, 'logged'>],
          hint:
            s === 'closed' && c.status !== 'action_agreed'
              ? 'Closing before an action is agreed needs a note saying why.'
              : undefined,
        }))}
      />
      {to === 'action_agreed' && (
        <Textarea
          name="agreedAction"
          label="Action agreed with the provider"
          value={agreedAction}
          onChange={setAgreedAction}
          rows={3}
          error={fieldError(errors, 'agreedAction')}
        />
      )}
      <Textarea
        name="note"
        label="Note (optional unless closing early)"
        hint="Do not record names or other details that identify a person."
        value={note}
        onChange={setNote}
        rows={3}
        error={fieldError(errors, 'note')}
      />
      <DateInput name="on" legend="Date" value={on} onChange={setOn} error={fieldError(errors, 'on-day')} />
      <Button>Save the step</Button>
    </form>
  );
}

function ReferralForm({
  concern: c,
  errors,
  onSubmit,
  onErrors,
}: ConcernFormProps<(body: { referralOn: string; reference: string }) => Promise<boolean>>) {
  const [referralOn, setReferralOn] = useState<DateParts>(isoToDateParts(c.safeguardingReferralOn ?? londonToday()));
  const [reference, setReference] = useState(c.safeguardingReference ?? '');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const date = datePartsToIso(referralOn, 'Date of the referral');
    if ('error' in date) {
      onErrors([{ field: 'referralOn-day', message: date.error }]);
      return;
    }
    await onSubmit({ referralOn: date.iso, reference });
  };
  return (
    <form onSubmit={submit} noValidate className="govuk-!-margin-top-6">
      <h2 className="govuk-heading-m">Safeguarding referral</h2>
      <p className="govuk-body">
        Record a referral made to the adult safeguarding team about this concern. The safeguarding case holds the
        person’s details: record only its reference.
      </p>
      <DateInput
        name="referralOn"
        legend="Date of the referral"
        value={referralOn}
        onChange={setReferralOn}
        error={fieldError(errors, 'referralOn-day')}
      />
      <TextInput
        name="reference"
        label="Safeguarding reference"
        value={reference}
        onChange={setReference}
        width={20}
        spellCheck={false}
        error={fieldError(errors, 'reference')}
      />
      <Button variant="secondary">{c.safeguardingReferralOn ? 'Correct the referral' : 'Record the referral'}</Button>
    </form>
  );
}

function ResponseForm({
  concern: c,
  errors,
  onSubmit,
}: Omit<ConcernFormProps<(response: string) => Promise<boolean>>, 'onErrors'>) {
  const [response, setResponse] = useState(c.providerResponse ?? '');
  return (
    <form
      noValidate
      className="govuk-!-margin-top-6"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void onSubmit(response);
      }}
    >
      <UnsavedChangesGuard when={response !== (c.providerResponse ?? '')} />
      <h2 className="govuk-heading-m">Your response</h2>
      <Textarea
        name="response"
        label="Your response to the concern"
        hint="What you found and what you have done or will do. Do not name anyone."
        value={response}
        onChange={setResponse}
        rows={5}
        error={fieldError(errors, 'response')}
      />
      <Button>{c.providerResponse ? 'Update your response' : 'Send your response'}</Button>
    </form>
  );
}
