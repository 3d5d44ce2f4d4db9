// What a commissioner does to a contract after it is in the register, one page each: take an extension, vary it,
// end it early (its KPIs: KpiPages.tsx). Each page loads the contract, checks its answers in the browser where it
// can, sends them, and on success returns to the contract with a banner; a refusal keeps what was typed, with the
// server's messages linked to the fields.
import { useState, type FormEvent } from 'react';
import { apiSend } from '../api';
import {
  Button,
  DateInput,
  ErrorSummary,
  InsetText,
  SummaryList,
  TextInput,
  Textarea,
  emptyDate,
  fieldError,
  formatDate,
  formatWholePounds,
  type DateParts,
  type SummaryError,
} from '../components';
import { BOUNDS } from '../../../src/domain/core/bounds';
import { valueProblems } from '../../../src/domain/contracts/contract';
import { penceToText, readDate, readDateList, readMonthsList, readPounds } from './formHelpers';
import { ContractAction, useSubmit } from './contractActionParts';

/** A contract's value: what the API accepts (BOUNDS.contractValuePence, up to £1bn). */
const VALUE = BOUNDS.contractValuePence;

/** Take the next extension option (`/contracts/register/:id/extend`). */
export function ExtendContractPage() {
  const [note, setNote] = useState('');
  const { errors, saving, send } = useSubmit();
  return (
    <ContractAction title="Extend the contract" hasErrors={errors.length > 0}>
      {(c) => {
        const next = c.extensionsRemaining[0];
        const submit = (e: FormEvent) => {
          e.preventDefault();
          void send(
            [],
            () => apiSend('POST', `/api/contracts/contracts/${c.id}/extend`, { note: note.trim() || null }),
            c.id,
            `Contract ${c.reference} extended`,
          );
        };
        if (next === undefined)
          return (
            <InsetText>
              {c.endedOn
                ? `This contract was ended on ${formatDate(c.endedOn)}: it cannot be extended.`
                : 'No extension options remain on this contract.'}
            </InsetText>
          );
        return (
          <>
            <ErrorSummary errors={errors} />
            <SummaryList
              rows={[
                { key: 'Current end date', value: formatDate(c.currentEndDate) },
                { key: 'Next extension option', value: `${next} months` },
                {
                  key: 'Options left after this one',
                  value:
                    c.extensionsRemaining
                      .slice(1)
                      .map((m) => `${m} months`)
                      .join(' + ') || 'None',
                },
              ]}
            />
            <form onSubmit={submit} noValidate>
              <Textarea
                name="note"
                label="Reason (optional)"
                value={note}
                onChange={setNote}
                rows={3}
                error={fieldError(errors, 'note')}
              />
              <Button disabled={saving}>Take the extension</Button>
            </form>
          </>
        );
      }}
    </ContractAction>
  );
}

const VARY_DATES = ['initialEndDate', 'effectiveFrom'] as const;

/** Vary the contract: the terms that change, why and from when (`/contracts/register/:id/vary`). */
export function VaryContractPage() {
  const [v, setV] = useState<{
    annual: string;
    total: string;
    end: DateParts;
    options: string;
    notice: string;
    breaks: string;
    socialValue: string;
    title: string;
    reason: string;
    from: DateParts;
  } | null>(null);
  const { errors, saving, send } = useSubmit(VARY_DATES);
  return (
    <ContractAction title="Vary the contract" hasErrors={errors.length > 0}>
      {(c) => {
        if (c.endedOn)
          return <InsetText>This contract was ended on {formatDate(c.endedOn)}: it cannot be varied.</InsetText>;
        const values = v ?? {
          annual: penceToText(c.annualValuePence),
          total: penceToText(c.totalValuePence),
          end: { day: '', month: '', year: '' },
          options: c.extensionOptionsMonths.join(' + '),
          notice: String(c.noticePeriodMonths),
          breaks: c.breakClauseDates.map((d) => formatDate(d)).join(', '),
          socialValue: c.socialValue ?? '',
          title: c.title,
          reason: '',
          from: emptyDate,
        };
        const set = (k: keyof typeof values) => (x: string | DateParts) => setV({ ...values, [k]: x });
        const submit = (e: FormEvent) => {
          e.preventDefault();
          const problems: SummaryError[] = [];
          const annual = readPounds(values.annual, 'annualValuePence', 'annual value', problems, VALUE);
          const total = readPounds(values.total, 'totalValuePence', 'total value over the term', problems, VALUE);
          const end = readDate(values.end, 'initialEndDate', 'New end date', problems, false);
          const options = readMonthsList(values.options, 'extensionOptionsMonths', problems);
          if (!/^\d{1,2}$/.test(values.notice.trim()))
            problems.push({
              field: 'noticePeriodMonths',
              message: 'Notice period must be a whole number of months from 0 to 24',
            });
          const breaks = readDateList(values.breaks, 'breakClauseDates', problems);
          if (!values.title.trim()) problems.push({ field: 'title', message: 'Enter the contract title' });
          if (!values.reason.trim()) problems.push({ field: 'reason', message: 'Enter the reason for the variation' });
          const from = readDate(values.from, 'effectiveFrom', 'Date the variation takes effect', problems);
          // Varied figures must agree, checked as the API checks them when a value or the end date changes.
          const moneyOrTermChanged =
            annual !== c.annualValuePence || total !== c.totalValuePence || (end !== null && end !== c.initialEndDate);
          if (annual !== null && total !== null && moneyOrTermChanged)
            problems.push(
              ...valueProblems({
                totalValuePence: total,
                annualValuePence: annual,
                startDate: c.startDate,
                initialEndDate: end ?? c.initialEndDate,
              }),
            );
          const changes: Record<string, unknown> = {};
          if (annual !== null && annual !== c.annualValuePence) changes.annualValuePence = annual;
          if (total !== null && total !== c.totalValuePence) changes.totalValuePence = total;
          if (end && end !== c.initialEndDate) changes.initialEndDate = end;
          if (options.join() !== c.extensionOptionsMonths.join()) changes.extensionOptionsMonths = options;
          if (Number(values.notice) !== c.noticePeriodMonths) changes.noticePeriodMonths = Number(values.notice);
          // In date order, so typing the same dates in another order is no change.
          breaks.sort();
          if (breaks.join() !== [...c.breakClauseDates].sort().join()) changes.breakClauseDates = breaks;
          const socialValue = values.socialValue.trim() || null;
          if (socialValue !== c.socialValue) changes.socialValue = socialValue;
          if (values.title.trim() !== c.title) changes.title = values.title.trim();
          void send(
            problems,
            () =>
              apiSend('POST', `/api/contracts/contracts/${c.id}/variations`, {
                changes,
                reason: values.reason.trim(),
                effectiveFrom: from,
              }),
            c.id,
            `Contract ${c.reference} varied`,
          );
        };
        return (
          <>
            <ErrorSummary errors={errors} />
            <p className="govuk-body">
              Change the terms the variation changes and leave the rest as they are. The variation is numbered and kept
              in the contract’s history with its reason.
            </p>
            <form onSubmit={submit} noValidate>
              <TextInput
                name="annualValuePence"
                label="Annual value"
                prefix="£"
                inputMode="decimal"
                width={10}
                value={values.annual}
                onChange={set('annual')}
                error={fieldError(errors, 'annualValuePence')}
              />
              <TextInput
                name="totalValuePence"
                label="Total value over the term"
                prefix="£"
                inputMode="decimal"
                width={10}
                value={values.total}
                onChange={set('total')}
                error={fieldError(errors, 'totalValuePence')}
              />
              <DateInput
                name="initialEndDate"
                legend="New end date of the initial term (optional)"
                hint={`Now ${formatDate(c.initialEndDate)}. Leave blank to keep it.`}
                value={values.end}
                onChange={set('end')}
                error={fieldError(errors, 'initialEndDate-day')}
              />
              <TextInput
                name="extensionOptionsMonths"
                label="Extension options"
                hint="Months of each option in order, like 12 + 12"
                width={10}
                value={values.options}
                onChange={set('options')}
                error={fieldError(errors, 'extensionOptionsMonths')}
              />
              <TextInput
                name="noticePeriodMonths"
                label="Notice period"
                suffix="months"
                inputMode="numeric"
                width={2}
                value={values.notice}
                onChange={set('notice')}
                error={fieldError(errors, 'noticePeriodMonths')}
              />
              <TextInput
                name="breakClauseDates"
                label="Break clauses"
                hint="Dates the council may end the contract early, like 31/03/2028, separated by commas. Clear the box to remove them all."
                value={values.breaks}
                onChange={set('breaks')}
                error={fieldError(errors, 'breakClauseDates')}
              />
              <Textarea
                name="socialValue"
                label="Social value commitments"
                hint="What the provider commits to beyond the service itself, like local recruitment or apprenticeships"
                value={values.socialValue}
                onChange={set('socialValue')}
                rows={3}
                error={fieldError(errors, 'socialValue')}
              />
              <TextInput
                name="title"
                label="Title (the service contracted)"
                value={values.title}
                onChange={set('title')}
                error={fieldError(errors, 'title')}
              />
              <Textarea
                name="reason"
                label="Reason for the variation"
                value={values.reason}
                onChange={set('reason')}
                rows={3}
                error={fieldError(errors, 'reason')}
              />
              <DateInput
                name="effectiveFrom"
                legend="Date the variation takes effect"
                hint="For example, 1 4 2026"
                value={values.from}
                onChange={set('from')}
                error={fieldError(errors, 'effectiveFrom-day')}
              />
              <Button disabled={saving}>Record the variation</Button>
            </form>
          </>
        );
      }}
    </ContractAction>
  );
}

/** End the contract early: its last day and why (`/contracts/register/:id/end`). */
export function EndContractPage() {
  const [last, setLast] = useState<DateParts>(emptyDate);
  const [reason, setReason] = useState('');
  const { errors, saving, send } = useSubmit(['endedOn']);
  return (
    <ContractAction title="End the contract early" hasErrors={errors.length > 0}>
      {(c) => {
        if (c.endedOn)
          return (
            <InsetText>
              This contract was ended on {formatDate(c.endedOn)}
              {c.endReason ? `: ${c.endReason}` : ''}.
            </InsetText>
          );
        const submit = (e: FormEvent) => {
          e.preventDefault();
          const problems: SummaryError[] = [];
          const endedOn = readDate(last, 'endedOn', 'Last day of the contract', problems);
          if (!reason.trim()) problems.push({ field: 'reason', message: 'Enter why the contract is ending' });
          void send(
            problems,
            () => apiSend('POST', `/api/contracts/contracts/${c.id}/end`, { endedOn, reason: reason.trim() }),
            c.id,
            `Contract ${c.reference} ended`,
          );
        };
        return (
          <>
            <ErrorSummary errors={errors} />
            <p className="govuk-body">
              It now runs to {formatDate(c.currentEndDate)} ({formatWholePounds(c.annualValuePence)} a year). Once ended
              it cannot be extended or varied.
            </p>
            <form onSubmit={submit} noValidate>
              <DateInput
                name="endedOn"
                legend="Last day of the contract"
                hint={`Between ${formatDate(c.startDate)} and ${formatDate(c.currentEndDate)}`}
                value={last}
                onChange={setLast}
                error={fieldError(errors, 'endedOn-day')}
              />
              <Textarea
                name="reason"
                label="Why is it ending?"
                value={reason}
                onChange={setReason}
                rows={3}
                error={fieldError(errors, 'reason')}
              />
              <Button variant="warning" disabled={saving}>
                End the contract
              </Button>
            </form>
          </>
        );
      }}
    </ContractAction>
  );
}
