import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { MAX_OFFER_PENCE } from '../../../src/domain/discharge/brokerage';
import { parsePoundsInput } from '../../../src/domain/core/money';
import { apiSend, useApi } from '../api';
import {
  failureToSummary,
  Button,
  ButtonGroup,
  DateInput,
  ErrorSummary,
  KeyFigures,
  LoadingOrError,
  NotificationBanner,
  Page,
  Radios,
  Select,
  SummaryList,
  Table,
  Tag,
  TextInput,
  Textarea,
  datePartsToIso,
  emptyDate,
  fieldError,
  formatDate,
  formatDateTime,
  formatPence,
  type DateParts,
  type SummaryError,
} from '../components';
import { DECLINE_REASONS, DECLINE_REASON_LABELS, FUNDING_ROUTE_LABELS, SERVICE_NEED_LABELS, needsRows } from './labels';
import type { ProviderRecord, ProviderRequest } from './types';

const STATUS: Record<
  ProviderRequest['status'],
  { text: string; colour: 'red' | 'blue' | 'grey' | 'green' | 'yellow' }
> = {
  sent: { text: 'Needs your answer', colour: 'red' },
  offered: { text: 'You offered', colour: 'blue' },
  declined: { text: 'You declined', colour: 'grey' },
  awarded: { text: 'Awarded to you', colour: 'green' },
  not_selected: { text: 'Placed elsewhere', colour: 'grey' },
  withdrawn: { text: 'Withdrawn', colour: 'grey' },
};

/** A provider's requests from the hub, its answers and its acceptance record. Nothing about other providers. */
export function ProviderRequestsPage() {
  const requests = useApi<{ requests: ProviderRequest[] }>('/api/discharge/provider/requests');
  const record = useApi<ProviderRecord>('/api/discharge/provider/record');
  // The confirmation carried from the answer just sent.
  const answered = useLocation().state as { answered?: string; offered?: boolean } | null;
  if (!requests.data)
    return (
      <Page title="Requests from the discharge hub">
        <LoadingOrError loading={requests.loading} error={requests.error} what="your requests" />
      </Page>
    );
  const waiting = requests.data.requests.filter((r) => r.status === 'sent').length;
  const rec = record.data?.record ?? null;
  return (
    <Page
      title="Requests from the discharge hub"
      caption="Discharge"
      breadcrumbs={[{ text: 'Discharge requests' }]}
      width="full"
    >
      {answered?.answered && (
        <NotificationBanner
          type="success"
          heading={
            answered.offered
              ? `Offer sent for request ${answered.answered}`
              : `Answer sent for request ${answered.answered}: you declined`
          }
        >
          The discharge hub can see your answer now.
        </NotificationBanner>
      )}
      <p className="govuk-body">
        People ready to leave hospital whom the Transfer of Care hub thinks you could support. You see their needs and
        home area only.
      </p>
      <KeyFigures
        figures={[
          { key: 'waiting', label: 'Requests needing an answer', value: waiting },
          { key: 'received', label: 'Requests in the last year', value: rec?.received ?? 0 },
          {
            key: 'acceptance',
            label: 'You offered on',
            value: rec?.acceptanceRate === null || rec === null ? null : Math.round(rec.acceptanceRate * 1000) / 10,
            unit: 'percent',
            hint: rec ? `${rec.offers} offers, ${rec.declines} declines, ${rec.noResponse} unanswered` : undefined,
          },
          {
            key: 'awarded',
            label: 'Placements awarded to you',
            value: rec?.awarded ?? 0,
            hint: rec?.medianResponseHours != null ? `median answer in ${rec.medianResponseHours} hours` : undefined,
          },
        ]}
      />
      <Table<ProviderRequest>
        caption="Requests sent to you"
        rows={requests.data.requests}
        rowKey={(r) => r.id}
        firstCellIsHeader
        emptyText="No requests yet"
        columns={[
          {
            key: 'requestRef',
            header: 'Request',
            render: (r) => (
              <Link className="govuk-link" to={`/discharge/requests/${r.id}`}>
                {r.requestRef}
              </Link>
            ),
          },
          { key: 'serviceNeed', header: 'Needs', render: (r) => SERVICE_NEED_LABELS[r.serviceNeed] },
          { key: 'locationName', header: 'For your location' },
          { key: 'postcodeDistrict', header: 'Home area' },
          { key: 'ageBand', header: 'Age band' },
          { key: 'sentAt', header: 'Sent', render: (r) => formatDateTime(r.sentAt) },
          {
            key: 'status',
            header: 'Status',
            render: (r) => <Tag colour={STATUS[r.status].colour}>{STATUS[r.status].text}</Tag>,
          },
        ]}
      />
      {record.data && record.data.notifications.length > 0 && (
        <>
          <h2 className="govuk-heading-m">Messages</h2>
          <ul className="govuk-list">
            {record.data.notifications.slice(0, 10).map((n) => (
              <li key={n.id}>
                {formatDateTime(n.createdAt)}: {n.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}

export function ProviderRequestPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { data, loading, error } = useApi<{ request: ProviderRequest }>(`/api/discharge/provider/requests/${id}`);
  const [response, setResponse] = useState('');
  const [price, setPrice] = useState('');
  const [earliest, setEarliest] = useState<DateParts>({ ...emptyDate });
  const [assess, setAssess] = useState<DateParts>({ ...emptyDate });
  const [declineReason, setDeclineReason] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [busy, setBusy] = useState(false);
  if (!data)
    return (
      <Page title="Request">
        <LoadingOrError loading={loading} error={error} what="the request" />
      </Page>
    );
  const r = data.request;
  const answerable = r.status === 'sent' || r.status === 'offered' || r.status === 'declined';
  const homeBased = r.serviceNeed === 'reablement' || r.serviceNeed === 'homecare';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local: SummaryError[] = [];
    if (!response) local.push({ field: 'response', message: 'Choose whether to offer or decline' });
    let body: Record<string, unknown> = { response, note };
    if (response === 'offer') {
      // Pounds as typed, read digit by digit into the integer pence the API takes.
      const p = parsePoundsInput(price, MAX_OFFER_PENCE / 100);
      if ('error' in p)
        local.push({
          field: 'price',
          message: price.trim()
            ? p.error.replace('Amount', 'Price')
            : `Enter the price ${homeBased ? 'an hour' : 'a week'} in pounds, like ${homeBased ? '24.26' : '750'}`,
        });
      const a = datePartsToIso(assess, 'Date you can assess by');
      if ('error' in a) local.push({ field: 'canAssessBy-day', message: a.error });
      const s = datePartsToIso(earliest, 'Earliest start date');
      if ('error' in s) local.push({ field: 'earliestStart-day', message: s.error });
      body = {
        ...body,
        pricePence: 'pence' in p ? p.pence : undefined,
        earliestStart: 'iso' in s ? s.iso : undefined,
        canAssessBy: 'iso' in a ? a.iso : undefined,
      };
    } else if (response === 'decline') {
      if (!declineReason) local.push({ field: 'declineReason', message: 'Select a reason for declining' });
      body = { ...body, declineReason };
    }
    setErrors(local);
    if (local.length) return;
    setBusy(true);
    try {
      await apiSend('POST', `/api/discharge/provider/requests/${r.id}/response`, body);
      navigate('/discharge', { state: { answered: r.requestRef, offered: response === 'offer' } });
    } catch (err) {
      const list = failureToSummary(err);
      setErrors(
        list.map((x) =>
          x.field === 'earliestStart' || x.field === 'canAssessBy'
            ? { ...x, field: `${x.field}-day` }
            : x.field === 'pricePence'
              ? { ...x, field: 'price' }
              : x,
        ),
      );
      setBusy(false);
    }
  };

  return (
    <Page
      title={`Request ${r.requestRef}`}
      caption="Discharge"
      hasErrors={errors.length > 0}
      width="two-thirds"
      breadcrumbs={[{ text: 'Discharge requests', href: '/discharge' }, { text: r.requestRef }]}
    >
      <ErrorSummary errors={errors} />
      <SummaryList
        rows={[
          ...needsRows(r),
          { key: 'Summary', value: r.needsSummary || 'None' },
          { key: 'Age band', value: r.ageBand },
          { key: 'Home area', value: r.postcodeDistrict },
          {
            key: 'Funding',
            value: FUNDING_ROUTE_LABELS[r.fundingRoute as keyof typeof FUNDING_ROUTE_LABELS] ?? r.fundingRoute,
          },
          { key: 'Ready to leave hospital since', value: formatDateTime(r.medicallyOptimisedAt) },
          { key: 'For your location', value: r.locationName },
          {
            key: 'Your answer',
            value:
              STATUS[r.status].text +
              (r.pricePence
                ? `: ${formatPence(r.pricePence)}${homeBased ? ' an hour' : ' a week'}, start ${formatDate(r.earliestStart)}`
                : ''),
          },
        ]}
      />
      {!answerable && <NotificationBanner>This request has closed.</NotificationBanner>}
      {answerable && (
        <form onSubmit={submit} noValidate>
          <Radios
            name="response"
            legend="Can you take this person?"
            value={response}
            onChange={setResponse}
            items={[
              { value: 'offer', text: 'Yes, make an offer' },
              { value: 'decline', text: 'No, decline' },
            ]}
            error={fieldError(errors, 'response')}
          />
          {response === 'offer' && (
            <>
              <TextInput
                name="price"
                label={homeBased ? 'Price an hour' : 'Price a week'}
                prefix="£"
                width={5}
                inputMode="decimal"
                value={price}
                onChange={setPrice}
                error={fieldError(errors, 'price')}
              />
              <DateInput
                name="canAssessBy"
                legend="Date you can assess the person by"
                hint="For example, 24 11 2026"
                value={assess}
                onChange={setAssess}
                error={fieldError(errors, 'canAssessBy-day')}
              />
              <DateInput
                name="earliestStart"
                legend="Earliest start date"
                hint="On or after the assessment date"
                value={earliest}
                onChange={setEarliest}
                error={fieldError(errors, 'earliestStart-day')}
              />
            </>
          )}
          {response === 'decline' && (
            <Select
              name="declineReason"
              label="Reason for declining"
              placeholder="Choose a reason"
              value={declineReason}
              onChange={setDeclineReason}
              options={DECLINE_REASONS.map((d) => ({ value: d, text: DECLINE_REASON_LABELS[d] }))}
              error={fieldError(errors, 'declineReason')}
            />
          )}
          <Textarea
            name="note"
            label="Note for the hub (optional)"
            rows={2}
            value={note}
            onChange={setNote}
            error={fieldError(errors, 'note')}
          />
          <ButtonGroup>
            <Button disabled={busy}>Send answer</Button>
            <Button href="/discharge" variant="secondary">
              Back to requests
            </Button>
          </ButtonGroup>
        </form>
      )}
    </Page>
  );
}
