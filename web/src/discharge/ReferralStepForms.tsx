// The hub's next step on an open referral: record a delay reason, a note, or the discharge itself.
import { useState } from 'react';
import { ApiError, apiSend } from '../api';
import { londonToday, parseDateTimeText } from '../../../src/domain/core/dates';
import { dischargeTimeProblem } from '../../../src/domain/discharge/dischargeTime';
import {
  Button,
  ButtonGroup,
  DateInput,
  datePartsToIso,
  isoToDateParts,
  type DateParts,
  ErrorSummary,
  Radios,
  Select,
  SummaryList,
  TextInput,
  WarningText,
  apiErrorsToSummary,
  formatDateTime,
  type SummaryError,
} from '../components';
import { DELAY_REASONS, DELAY_REASON_LABELS, DESTINATIONS, DESTINATION_LABELS } from './labels';
import type { ReferralDetail } from './types';

export function StepForms({ detail, onDone }: { detail: ReferralDetail; onDone: (message: string) => void }) {
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
      // The API's own check: not in the future, not before the referral nor before medically optimised.
      const problem = at
        ? dischargeTimeProblem(at, new Date(), {
            referredAt: new Date(r.referredAt),
            medicallyOptimisedAt: new Date(r.medicallyOptimisedAt),
          })
        : 'Enter a real date and time';
      if (problem) found.push({ field: 'dischargedTime', message: problem });
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
