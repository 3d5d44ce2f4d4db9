// A referral's providers: who the matching would send it to (CandidateList) and what they answered (Offers).
import { useState } from 'react';
import { apiSend, useApi } from '../api';
import { describeFindings, type ScreeningFinding } from '../../../src/domain/discharge/screening';
import {
  failureToSummary,
  Button,
  ButtonGroup,
  Checkboxes,
  Details,
  ErrorSummary,
  LoadingOrError,
  RatingTag,
  Table,
  Tag,
  WarningText,
  formatDate,
  formatPence,
  type SummaryError,
  formatCount,
  formatNumber,
} from '../components';
import type { Candidate, CandidateResult, ReferralDetail, ResponseView } from './types';

const RESPONSE_LABELS: Record<ResponseView['status'], string> = {
  sent: 'Awaiting answer',
  offered: 'Offer',
  declined: 'Declined',
  awarded: 'Awarded',
  not_selected: 'Not selected',
  withdrawn: 'Withdrawn',
};

export function CandidateList({
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

export function Offers({
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
