import { useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { ApiError, apiSend, useApi } from '../api';
import { useAuth } from '../auth';
import { describeFindings, type ScreeningFinding } from '../../../src/domain/discharge/screening';
import { londonToday, parseDateTimeText } from '../../../src/domain/core/dates';
import {
  failureToSummary,
  Button,
  ButtonGroup,
  Checkboxes,
  DateInput,
  datePartsToIso,
  isoToDateParts,
  type DateParts,
  Details,
  ErrorSummary,
  LoadingOrError,
  NotificationBanner,
  Page,
  Radios,
  RatingTag,
  Select,
  SummaryList,
  Table,
  Tag,
  TextInput,
  WarningText,
  apiErrorsToSummary,
  formatDate,
  formatDateTime,
  formatPence,
  type SummaryError,
  formatCount,
  formatNumber,
} from '../components';
import {
  DELAY_REASONS,
  DELAY_REASON_LABELS,
  DESTINATIONS,
  DESTINATION_LABELS,
  FUNDING_ROUTE_LABELS,
  PATHWAY_LABELS,
  REFERRAL_STATUS_LABELS,
  SERVICE_NEED_LABELS,
  humanise,
} from './labels';
import type { Candidate, CandidateResult, ReferralDetail, ResponseView } from './types';

const RESPONSE_LABELS: Record<ResponseView['status'], string> = {
  sent: 'Awaiting answer',
  offered: 'Offer',
  declined: 'Declined',
  awarded: 'Awarded',
  not_selected: 'Not selected',
  withdrawn: 'Withdrawn',
};

function CandidateList({
  referralId,
  screening,
  onSent,
}: {
  referralId: string;
  screening: NonNullable<ReferralDetail['screening']>;
  onSent: (message: string) => void;
}) {
  const { data, loading, error } = useApi<CandidateResult>(`/api/discharge/referrals/${referralId}/candidates`);
  const [chosen, setChosen] = useState<string[]>([]);
  const [sendAnyway, setSendAnyway] = useState<string[]>([]);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [busy, setBusy] = useState(false);
  if (!data) return <LoadingOrError loading={loading} error={error} what="matching providers" />;
  const send = async (mode: 'chosen' | 'framework') => {
    setBusy(true);
    setErrors([]);
    try {
      const r = await apiSend<{ sent: number; alreadySent: number }>(
        'POST',
        `/api/discharge/referrals/${referralId}/requests`,
        { mode, locationIds: mode === 'chosen' ? chosen : [], sendAnyway: sendAnyway.includes('yes') },
      );
      setChosen([]);
      onSent(
        `Request sent to ${formatCount(r.sent, 'provider')}${r.alreadySent ? ` (${formatNumber(r.alreadySent)} already had it)` : ''}`,
      );
    } catch (err) {
      setErrors(failureToSummary(err));
    } finally {
      setBusy(false);
    }
  };
  const excluded = Object.entries(data.excluded)
    .filter(([, n]) => n > 0)
    .map(
      ([k, n]) =>
        `${n} without ${k === 'quality' ? 'an acceptable rating (Inadequate)' : k === 'capacity' ? 'capacity now' : `the ${k}`}`,
    );
  return (
    <>
      <h2 className="govuk-heading-l" id="candidates">
        Who can take them now
      </h2>
      <p className="govuk-body">
        {formatNumber(data.candidates.length)} of {formatCount(data.considered, 'provider')} nearby match the service
        and specialisms and have capacity now
        {excluded.length ? ` (left out: ${excluded.join('; ')})` : ''}.
      </p>
      <Details summary="How providers are ranked">
        Score out of 100: distance from the centre of the person’s postcode district (35), CQC rating (25), typical
        price against the usual rate
        {data.usualRatePence !== null ? ` of ${formatPence(data.usualRatePence)}` : ''} (25) and how recently capacity
        was updated (15); framework or DPS membership adds 5 and a preferred area 10. Homes named by the person or
        family are listed first.
      </Details>
      <ErrorSummary errors={errors} />
      {screening.length > 0 && (
        <>
          <WarningText>
            {describeFindings(screening as ScreeningFinding[])} Change the summary (record it again without them) before
            sending, or confirm below that it is right to send it as it is.
          </WarningText>
          <Checkboxes
            name="sendAnyway"
            legend="Send the summary as it is"
            small
            value={sendAnyway}
            onChange={setSendAnyway}
            items={[{ value: 'yes', text: 'I have checked the summary: it does not identify the person' }]}
            error={errors.find((e) => e.field === 'needsSummary')?.message}
          />
        </>
      )}
      {data.candidates.length > 0 && (
        <Checkboxes
          name="locationIds"
          legend="Choose providers to send the anonymised request to"
          hint="They will see the needs, age band and postcode district, never the name"
          value={chosen}
          onChange={setChosen}
          items={data.candidates.map((c: Candidate) => ({
            value: c.locationId,
            text: `${c.name} (${c.providerName}): score ${c.score}`,
            hint: (
              <ul className="govuk-list govuk-list--bullet govuk-!-font-size-16">
                {c.reasons.map((r, i) => (
                  <li key={i}>{r.tone === 'warning' ? <strong>{r.text}</strong> : r.text}</li>
                ))}
              </ul>
            ),
          }))}
          error={errors.find((e) => e.field === 'locationIds')?.message}
        />
      )}
      <ButtonGroup>
        <Button type="button" disabled={busy || chosen.length === 0} onClick={() => send('chosen')}>
          Send request to selected providers
        </Button>
        <Button type="button" variant="secondary" disabled={busy} onClick={() => send('framework')}>
          Send to every framework and DPS provider
        </Button>
      </ButtonGroup>
    </>
  );
}

function Offers({
  detail,
  canAct,
  onAwarded,
}: {
  detail: ReferralDetail;
  canAct: boolean;
  onAwarded: (message: string) => void;
}) {
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [busy, setBusy] = useState(false);
  const open = !detail.referral.awardedAt && !detail.referral.dischargedAt && !detail.referral.cancelledAt;
  const award = async (r: ResponseView) => {
    setBusy(true);
    setErrors([]);
    try {
      const res = await apiSend<{
        weeklyPricePence: number;
        vacancyAfter: { vacantAccepting?: number; hoursAvailable?: number; blockBedsFree?: number };
      }>('POST', `/api/discharge/offers/${r.id}/award`);
      const v = res.vacancyAfter;
      const left =
        v.vacantAccepting !== undefined
          ? `${formatCount(v.vacantAccepting, 'bed')} now free there`
          : v.hoursAvailable !== undefined
            ? `${v.hoursAvailable} new hours a week now available`
            : `${v.blockBedsFree} block beds now free`;
      onAwarded(
        `Awarded to ${r.locationName} at ${formatPence(res.weeklyPricePence)} a week: ${left}. The other providers have been told.`,
      );
    } catch (err) {
      setErrors(failureToSummary(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <ErrorSummary errors={errors} />
      <Table<ResponseView>
        caption="Requests and offers"
        rows={detail.responses}
        rowKey={(r) => r.id}
        firstCellIsHeader
        emptyText="No requests sent yet"
        columns={[
          {
            key: 'locationName',
            header: 'Provider',
            render: (r) => (
              <>
                {r.locationName}
                <br />
                <span className="govuk-hint govuk-!-font-size-16">
                  {r.providerName}, {r.postcodeDistrict}
                </span>
              </>
            ),
          },
          { key: 'cqcRating', header: 'CQC', render: (r) => <RatingTag rating={r.cqcRating as never} /> },
          {
            key: 'status',
            header: 'Answer',
            render: (r) => (
              <Tag
                colour={
                  r.status === 'awarded'
                    ? 'green'
                    : r.status === 'offered'
                      ? 'blue'
                      : r.status === 'declined'
                        ? 'red'
                        : 'grey'
                }
              >
                {RESPONSE_LABELS[r.status]}
              </Tag>
            ),
          },
          {
            key: 'pricePence',
            header: 'Price',
            numeric: true,
            render: (r) => (r.pricePence === null ? '' : formatPence(r.pricePence)),
          },
          {
            key: 'earliestStart',
            header: 'Earliest start',
            render: (r) => (r.earliestStart ? formatDate(r.earliestStart) : ''),
          },
          {
            key: 'canAssessBy',
            header: 'Can assess by',
            render: (r) => (r.canAssessBy ? formatDate(r.canAssessBy) : ''),
          },
          {
            key: 'declineReason',
            header: 'Reason or note',
            render: (r) => [r.declineReasonLabel, r.note].filter(Boolean).join(': '),
          },
          {
            key: 'action',
            header: <span className="govuk-visually-hidden">Action</span>,
            sortable: false,
            render: (r) =>
              canAct && open && r.status === 'offered' ? (
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                  disabled={busy}
                  onClick={() => award(r)}
                >
                  Award<span className="govuk-visually-hidden"> to {r.locationName}</span>
                </button>
              ) : null,
          },
        ]}
      />
    </>
  );
}

function StepForms({ detail, onDone }: { detail: ReferralDetail; onDone: (message: string) => void }) {
  const r = detail.referral;
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [destination, setDestination] = useState('');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  // The real time the person left (UK time), defaulting to now; checked, then confirmed before it is recorded.
  const [leftOn, setLeftOn] = useState<DateParts>(() => isoToDateParts(londonToday()));
  const [leftAt, setLeftAt] = useState(() => londonTimeNow());
  const [confirming, setConfirming] = useState<{ destination: string; at: string } | null>(null);
  const post = async (url: string, body: unknown, message: string) => {
    setErrors([]);
    try {
      await apiSend('POST', url, body);
      onDone(message);
    } catch (err) {
      setErrors(
        err instanceof ApiError
          ? apiErrorsToSummary(err).map((e) => (e.field === 'dischargedAt' ? { ...e, field: 'dischargedTime' } : e))
          : [{ message: String(err) }],
      );
    }
  };
  /** Every problem with the discharge at once; when there are none, asks for confirmation. */
  const check = () => {
    const found: SummaryError[] = [];
    const day = datePartsToIso(leftOn, 'Date they left hospital');
    if ('error' in day) found.push({ field: 'dischargedOn-day', message: day.error });
    const time = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/.exec(leftAt.trim());
    if (!time)
      found.push({
        field: 'dischargedTime',
        message: 'Enter the time they left as hours and minutes, for example 14:30',
      });
    let at: Date | null = null;
    if ('iso' in day && time) {
      at = parseDateTimeText(`${day.iso} ${time[1].padStart(2, '0')}:${time[2]}`, 'Europe/London');
      if (!at) found.push({ field: 'dischargedTime', message: 'Enter a real date and time' });
      else if (at.getTime() > Date.now() + 60_000)
        found.push({ field: 'dischargedTime', message: 'The time they left cannot be in the future' });
      else if (at.getTime() < Date.parse(r.medicallyOptimisedAt))
        found.push({
          field: 'dischargedTime',
          message: `The time they left must be after they were medically optimised (${formatDateTime(r.medicallyOptimisedAt)})`,
        });
    }
    setErrors(found);
    if (found.length === 0 && at) setConfirming({ destination: destination || suggested, at: at.toISOString() });
  };
  const suggested =
    r.pathway === 3
      ? r.serviceNeed === 'd2a_bed'
        ? 'd2a_bed'
        : 'care_home'
      : r.pathway === 2
        ? r.serviceNeed === 'd2a_bed'
          ? 'd2a_bed'
          : 'rehab_bed'
        : 'usual_residence';
  return (
    <>
      <ErrorSummary errors={errors} />
      <h2 className="govuk-heading-m">Record a delay</h2>
      <Select
        name="reason"
        label="Why is the person still waiting?"
        placeholder="Choose a reason"
        value={reason}
        onChange={setReason}
        options={DELAY_REASONS.map((d) => ({ value: d, text: DELAY_REASON_LABELS[d] }))}
        error={errors.find((e) => e.field === 'reason')?.message}
      />
      <TextInput name="note" label="Note (optional)" value={note} onChange={setNote} />
      <Button
        type="button"
        variant="secondary"
        onClick={() =>
          post(
            `/api/discharge/referrals/${r.id}/delays`,
            { reason: reason || undefined, note },
            'Delay reason recorded',
          )
        }
      >
        Record delay
      </Button>
      <h2 className="govuk-heading-m">Record the discharge</h2>
      {confirming ? (
        <>
          <WarningText>
            Recording the discharge takes the person off the board and closes the referral. It cannot be undone.
          </WarningText>
          <SummaryList
            rows={[
              { key: 'Person', value: r.personRef },
              { key: 'Left hospital', value: formatDateTime(confirming.at) },
              {
                key: 'Went to',
                value: DESTINATION_LABELS[confirming.destination as keyof typeof DESTINATION_LABELS],
              },
            ]}
          />
          <ButtonGroup>
            <Button
              type="button"
              onClick={() =>
                void post(
                  `/api/discharge/referrals/${r.id}/discharge`,
                  { destination: confirming.destination, dischargedAt: confirming.at },
                  `Discharge recorded: left hospital ${formatDateTime(confirming.at)}; the person has left the board`,
                ).then(() => setConfirming(null))
              }
            >
              Confirm discharge
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(null)}>
              Change
            </Button>
          </ButtonGroup>
        </>
      ) : (
        <>
          <Radios
            name="destination"
            legend="Where did the person go?"
            value={destination || suggested}
            onChange={setDestination}
            items={DESTINATIONS.map((d) => ({ value: d, text: DESTINATION_LABELS[d] }))}
            error={errors.find((e) => e.field === 'destination')?.message}
          />
          <DateInput
            name="dischargedOn"
            legend="Date they left hospital"
            hint="For example, 27 3 2026"
            value={leftOn}
            onChange={setLeftOn}
            error={errors.find((e) => e.field === 'dischargedOn-day')?.message}
          />
          <TextInput
            name="dischargedTime"
            label="Time they left hospital"
            hint="24-hour clock, UK time, for example 14:30"
            width={5}
            value={leftAt}
            onChange={setLeftAt}
            error={errors.find((e) => e.field === 'dischargedTime')?.message}
          />
          <Button type="button" onClick={check}>
            Record discharge
          </Button>
        </>
      )}
    </>
  );
}

/** The time now on the UK clock, "HH:MM". */
function londonTimeNow(): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' }).format(
    new Date(),
  );
}

export function ReferralPage() {
  const { id } = useParams();
  const location = useLocation();
  const { hasRole } = useAuth();
  const canAct = hasRole('broker', 'admin');
  const { data, loading, error, reload } = useApi<ReferralDetail>(`/api/discharge/referrals/${id}`);
  const [message, setMessage] = useState<string | null>(
    (location.state as { created?: boolean } | null)?.created ? 'Referral saved' : null,
  );
  const [candidatesKey, setCandidatesKey] = useState(0);
  const done = (m: string) => {
    setMessage(m);
    setCandidatesKey((k) => k + 1);
    reload();
    window.scrollTo(0, 0);
  };
  if (!data)
    return (
      <Page title="Referral">
        <LoadingOrError loading={loading} error={error} what="the referral" />
      </Page>
    );
  const r = data.referral;
  const open = !r.dischargedAt && !r.cancelledAt;
  const step = (t: string | null) => (t ? formatDateTime(t) : 'Not yet');
  return (
    <Page
      title={`Referral ${r.personRef}`}
      caption={PATHWAY_LABELS[r.pathway]}
      breadcrumbs={[{ text: 'Discharge hub', href: '/discharge' }, { text: r.personRef }]}
      width="full"
    >
      {message && <NotificationBanner type="success">{message}</NotificationBanner>}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <SummaryList
            rows={[
              ...(data.restricted
                ? [
                    { key: 'Name', value: data.restricted.name ?? 'Not recorded' },
                    { key: 'NHS number', value: data.restricted.nhsNumber ?? 'Not recorded' },
                  ]
                : []),
              { key: 'Stage', value: REFERRAL_STATUS_LABELS[r.status] },
              {
                key: 'Needs',
                value:
                  SERVICE_NEED_LABELS[r.serviceNeed] +
                  (r.homecareHoursPerWeek
                    ? `: ${r.homecareHoursPerWeek} hours a week, ${r.callsPerDay} calls a day${r.doubleHanded ? ', two carers' : ''}`
                    : ''),
              },
              { key: 'Specialist needs', value: r.specialisms.map(humanise).join(', ') || 'None' },
              { key: 'Equipment', value: r.equipment.map(humanise).join(', ') || 'None' },
              { key: 'Age band', value: r.ageBand },
              { key: 'Home area', value: r.postcodeDistrict },
              { key: 'Ward', value: `${r.ward}, ${r.hospital}` },
              {
                key: 'Funding',
                value: FUNDING_ROUTE_LABELS[r.fundingRoute as keyof typeof FUNDING_ROUTE_LABELS] ?? r.fundingRoute,
              },
              { key: 'Summary for providers', value: r.needsSummary || 'None' },
            ]}
          />
        </div>
        <div className="govuk-grid-column-one-half">
          <h2 className="govuk-heading-m">Steps</h2>
          <SummaryList
            rows={[
              { key: 'Referred', value: step(r.referredAt) },
              { key: 'Medically optimised', value: step(r.medicallyOptimisedAt) },
              { key: 'Request sent', value: step(r.requestSentAt) },
              { key: 'First offer', value: step(r.firstOfferAt) },
              { key: 'Awarded', value: step(r.awardedAt) },
              {
                key: 'Discharged',
                value: r.dischargedAt
                  ? `${step(r.dischargedAt)} to ${DESTINATION_LABELS[r.destination as keyof typeof DESTINATION_LABELS] ?? r.destination}`
                  : r.cancelledAt
                    ? `Cancelled ${step(r.cancelledAt)}`
                    : 'Not yet',
              },
            ]}
          />
          {r.delays.length > 0 && (
            <ul className="govuk-list govuk-list--bullet">
              {r.delays.map((d) => (
                <li key={d.id}>
                  {DELAY_REASON_LABELS[d.reason as keyof typeof DELAY_REASON_LABELS] ?? d.reason}: from{' '}
                  {formatDateTime(d.from)}
                  {d.to ? ` to ${formatDateTime(d.to)}` : ' (continuing)'}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <Offers detail={data} canAct={canAct} onAwarded={done} />
      {canAct && open && !r.awardedAt && r.pathway > 0 && (
        <CandidateList key={candidatesKey} referralId={r.id} screening={data.screening ?? []} onSent={done} />
      )}
      {canAct && open && <StepForms detail={data} onDone={done} />}
    </Page>
  );
}
