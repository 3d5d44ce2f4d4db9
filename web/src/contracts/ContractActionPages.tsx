// What a commissioner does to a contract after it is in the register, one page each: take an extension, vary it,
// end it early, add a KPI. Each page loads the contract, checks its answers in the browser where it can, sends
// them, and on success returns to the contract with a banner; a refusal keeps what was typed, with the server's
// messages linked to the fields.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import { apiSend, useApi } from '../api';
import {
  Button,
  DateInput,
  ErrorSummary,
  InsetText,
  LoadingOrError,
  Page,
  Radios,
  SummaryList,
  TextInput,
  Textarea,
  emptyDate,
  fieldError,
  formatDate,
  formatPence,
  type DateParts,
  type SummaryError,
} from '../components';
import { DEFAULT_DUE_DAYS, KPI_FREQUENCIES, type KpiFrequency } from '../../../src/domain/contracts/kpi';
import { KPI_FREQUENCY_LABELS } from './labels';
import { apiErrorsForForm, penceToText, readDate, readMonthsList, readPounds } from './formHelpers';
import type { Contract } from './types';

/** Loads the contract and frames the page; `children` gets the contract once it is there. */
function ContractAction({
  title,
  hasErrors,
  children,
}: {
  title: string;
  hasErrors: boolean;
  children: (c: Contract) => ReactNode;
}) {
  const { id } = useParams();
  const { data, loading, error } = useApi<{ contract: Contract }>(`/api/contracts/contracts/${id}`);
  const c = data?.contract;
  const crumbs = [
    { text: 'Contracts and delivery', href: '/contracts' },
    { text: 'Contract register', href: '/contracts/register' },
    ...(c ? [{ text: c.reference, href: `/contracts/register/${c.id}` }] : []),
    { text: title },
  ];
  return (
    <Page
      title={title}
      caption={c ? `${c.reference} ${c.title}` : undefined}
      breadcrumbs={crumbs}
      hasErrors={hasErrors}
      width="two-thirds"
    >
      {c ? children(c) : <LoadingOrError loading={loading} error={error} what="the contract" />}
    </Page>
  );
}

function useSubmit() {
  const navigate = useNavigate();
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [saving, setSaving] = useState(false);
  /** Sends the request; on success goes back to the contract with `saved` as its banner. */
  const send = async (
    problems: SummaryError[],
    request: () => Promise<unknown>,
    contractId: string,
    saved: string,
    dateFields: readonly string[] = [],
  ) => {
    setErrors(problems);
    if (problems.length) return;
    setSaving(true);
    try {
      await request();
      navigate(`/contracts/register/${contractId}`, { state: { saved } });
    } catch (err) {
      setErrors(apiErrorsForForm(err, dateFields));
    } finally {
      setSaving(false);
    }
  };
  return { errors, saving, send };
}

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
    title: string;
    reason: string;
    from: DateParts;
  } | null>(null);
  const { errors, saving, send } = useSubmit();
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
          title: c.title,
          reason: '',
          from: emptyDate,
        };
        const set = (k: keyof typeof values) => (x: string | DateParts) => setV({ ...values, [k]: x });
        const submit = (e: FormEvent) => {
          e.preventDefault();
          const problems: SummaryError[] = [];
          const annual = readPounds(values.annual, 'annualValuePence', 'annual value', problems);
          const total = readPounds(values.total, 'totalValuePence', 'total value', problems);
          const end = readDate(values.end, 'initialEndDate', 'New end date', problems, false);
          const options = readMonthsList(values.options, 'extensionOptionsMonths', problems);
          if (!/^\d{1,2}$/.test(values.notice.trim()))
            problems.push({
              field: 'noticePeriodMonths',
              message: 'Notice period must be a whole number of months from 0 to 24',
            });
          if (!values.title.trim()) problems.push({ field: 'title', message: 'Enter the contract title' });
          if (!values.reason.trim()) problems.push({ field: 'reason', message: 'Enter the reason for the variation' });
          const from = readDate(values.from, 'effectiveFrom', 'Date the variation takes effect', problems);
          const changes: Record<string, unknown> = {};
          if (annual !== null && annual !== c.annualValuePence) changes.annualValuePence = annual;
          if (total !== null && total !== c.totalValuePence) changes.totalValuePence = total;
          if (end && end !== c.initialEndDate) changes.initialEndDate = end;
          if (options.join() !== c.extensionOptionsMonths.join()) changes.extensionOptionsMonths = options;
          if (Number(values.notice) !== c.noticePeriodMonths) changes.noticePeriodMonths = Number(values.notice);
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
            VARY_DATES,
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
  const { errors, saving, send } = useSubmit();
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
          const endedOn = readDate(last, 'endedOn', 'Last day', problems);
          if (!reason.trim()) problems.push({ field: 'reason', message: 'Enter why the contract is ending' });
          void send(
            problems,
            () => apiSend('POST', `/api/contracts/contracts/${c.id}/end`, { endedOn, reason: reason.trim() }),
            c.id,
            `Contract ${c.reference} ended`,
            ['endedOn'],
          );
        };
        return (
          <>
            <ErrorSummary errors={errors} />
            <p className="govuk-body">
              It now runs to {formatDate(c.currentEndDate)} ({formatPence(c.annualValuePence)} a year). Once ended it
              cannot be extended or varied.
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

/** Add a KPI to the contract (`/contracts/register/:id/kpis/new`). */
export function AddKpiPage() {
  const [v, setV] = useState({
    name: '',
    unit: '',
    target: '',
    direction: '',
    frequency: '',
    tolerance: '0',
    dueDays: '',
    reportingFrom: emptyDate as DateParts,
  });
  const set = (k: keyof typeof v) => (x: string | DateParts) => setV((s) => ({ ...s, [k]: x }));
  const { errors, saving, send } = useSubmit();
  const err = (f: string) => fieldError(errors, f);
  return (
    <ContractAction title="Add a KPI" hasErrors={errors.length > 0}>
      {(c) => {
        const submit = (e: FormEvent) => {
          e.preventDefault();
          const problems: SummaryError[] = [];
          if (!v.name.trim()) problems.push({ field: 'name', message: 'Enter the KPI’s name' });
          if (!v.unit.trim()) problems.push({ field: 'unit', message: 'Enter the unit, like % or hours' });
          const number = (text: string, field: string, what: string) => {
            const n = Number(text.trim());
            if (!text.trim() || !Number.isFinite(n)) problems.push({ field, message: `Enter the ${what} as a number` });
            return n;
          };
          const target = number(v.target, 'target', 'target');
          const tolerance = number(v.tolerance || '0', 'tolerance', 'tolerance');
          if (!v.direction) problems.push({ field: 'direction', message: 'Choose whether higher or lower is better' });
          if (!v.frequency) problems.push({ field: 'frequency', message: 'Choose how often it is reported' });
          if (v.dueDays.trim() && !/^\d{1,3}$/.test(v.dueDays.trim()))
            problems.push({ field: 'dueDays', message: 'Due day must be a whole number of days from 0 to 120' });
          const reportingFrom = readDate(v.reportingFrom, 'reportingFrom', 'Reporting from', problems);
          void send(
            problems,
            () =>
              apiSend('POST', '/api/contracts/kpis', {
                contractId: c.id,
                name: v.name.trim(),
                unit: v.unit.trim(),
                target,
                direction: v.direction,
                frequency: v.frequency,
                tolerance,
                dueDays: v.dueDays.trim() ? Number(v.dueDays) : null,
                reportingFrom,
              }),
            c.id,
            `KPI ${v.name.trim()} added`,
            ['reportingFrom'],
          );
        };
        return (
          <>
            <ErrorSummary errors={errors} />
            <form onSubmit={submit} noValidate>
              <TextInput
                name="name"
                label="KPI"
                hint="For example, Visits delivered within 15 minutes of the planned time"
                value={v.name}
                onChange={set('name')}
                error={err('name')}
              />
              <TextInput
                name="unit"
                label="Unit"
                hint="%, hours, days or a count"
                width={10}
                value={v.unit}
                onChange={set('unit')}
                error={err('unit')}
              />
              <TextInput
                name="target"
                label="Target"
                inputMode="decimal"
                width={5}
                value={v.target}
                onChange={set('target')}
                error={err('target')}
              />
              <Radios
                name="direction"
                legend="Is higher or lower better?"
                value={v.direction}
                onChange={set('direction')}
                items={[
                  { value: 'higher_is_better', text: 'Higher is better (the target is a minimum)' },
                  { value: 'lower_is_better', text: 'Lower is better (the target is a maximum)' },
                ]}
                error={err('direction')}
              />
              <TextInput
                name="tolerance"
                label="Tolerance before it is red"
                hint="Amber within this much of the target, red beyond it"
                inputMode="decimal"
                width={5}
                value={v.tolerance}
                onChange={set('tolerance')}
                error={err('tolerance')}
              />
              <Radios
                name="frequency"
                legend="How often is it reported?"
                value={v.frequency}
                onChange={set('frequency')}
                items={KPI_FREQUENCIES.map((f) => ({ value: f, text: KPI_FREQUENCY_LABELS[f] }))}
                error={err('frequency')}
              />
              <TextInput
                name="dueDays"
                label="Due day (optional)"
                hint={`Days after the end of each period the return is due${v.frequency ? `; leave blank for ${DEFAULT_DUE_DAYS[v.frequency as KpiFrequency]} days` : ''}`}
                suffix="days"
                inputMode="numeric"
                width={3}
                value={v.dueDays}
                onChange={set('dueDays')}
                error={err('dueDays')}
              />
              <DateInput
                name="reportingFrom"
                legend="Reporting from"
                hint={`The first period’s start. The contract started on ${formatDate(c.startDate)}.`}
                value={v.reportingFrom}
                onChange={set('reportingFrom')}
                error={err('reportingFrom-day')}
              />
              <Button disabled={saving}>Add KPI</Button>
            </form>
          </>
        );
      }}
    </ContractAction>
  );
}
