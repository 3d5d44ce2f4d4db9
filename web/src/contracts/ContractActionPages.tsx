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
import { kpiTargetText } from './KpiReturnsPage';
import { apiErrorsForForm, penceToText, readDate, readDateList, readMonthsList, readPounds } from './formHelpers';
import type { Contract, ContractDetail, KpiView } from './types';

/** Loads the contract and frames the page; `children` gets the contract once it is there. */
function ContractAction({
  title,
  hasErrors,
  children,
}: {
  title: string;
  hasErrors: boolean;
  children: (c: Contract, detail: ContractDetail) => ReactNode;
}) {
  const { id } = useParams();
  const { data, loading, error } = useApi<ContractDetail>(`/api/contracts/contracts/${id}`);
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
      {c && data ? children(c, data) : <LoadingOrError loading={loading} error={error} what="the contract" />}
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
    breaks: string;
    socialValue: string;
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
          const annual = readPounds(values.annual, 'annualValuePence', 'annual value', problems);
          const total = readPounds(values.total, 'totalValuePence', 'total value', problems);
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

/** A KPI's fields as typed in the add and edit forms. */
interface KpiFormValues {
  name: string;
  unit: string;
  target: string;
  direction: string;
  frequency: string;
  tolerance: string;
  dueDays: string;
}

/**
 * The KPI form's answers checked in the browser, in the API's own words; `problems` gets one entry per field at
 * fault, and the body is what the API takes for the KPI's fields (add and edit share it).
 */
function readKpi(v: KpiFormValues, problems: SummaryError[]) {
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
  return {
    name: v.name.trim(),
    unit: v.unit.trim(),
    target,
    direction: v.direction,
    frequency: v.frequency,
    tolerance,
    dueDays: v.dueDays.trim() ? Number(v.dueDays) : null,
  };
}

/** The KPI's fields; `frequencyFixed` shows the frequency as a fact instead of a choice (a KPI with returns). */
function KpiFields({
  v,
  set,
  errors,
  frequencyFixed = false,
}: {
  v: KpiFormValues;
  set: (k: keyof KpiFormValues) => (x: string) => void;
  errors: SummaryError[];
  frequencyFixed?: boolean;
}) {
  const err = (f: string) => fieldError(errors, f);
  return (
    <>
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
      {frequencyFixed ? (
        <InsetText>
          How often it is reported: {KPI_FREQUENCY_LABELS[v.frequency as KpiFrequency]}. This cannot change now that
          returns are in: to report it differently, remove this KPI (it is retired with its returns) and add a new one.
        </InsetText>
      ) : (
        <Radios
          name="frequency"
          legend="How often is it reported?"
          value={v.frequency}
          onChange={set('frequency')}
          items={KPI_FREQUENCIES.map((f) => ({ value: f, text: KPI_FREQUENCY_LABELS[f] }))}
          error={err('frequency')}
        />
      )}
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
    </>
  );
}

/** Add a KPI to the contract (`/contracts/register/:id/kpis/new`). */
export function AddKpiPage() {
  const [v, setV] = useState<KpiFormValues>({
    name: '',
    unit: '',
    target: '',
    direction: '',
    frequency: '',
    tolerance: '0',
    dueDays: '',
  });
  const [reportingFrom, setReportingFrom] = useState<DateParts>(emptyDate);
  const set = (k: keyof KpiFormValues) => (x: string) => setV((s) => ({ ...s, [k]: x }));
  const { errors, saving, send } = useSubmit();
  return (
    <ContractAction title="Add a KPI" hasErrors={errors.length > 0}>
      {(c) => {
        const submit = (e: FormEvent) => {
          e.preventDefault();
          const problems: SummaryError[] = [];
          const body = readKpi(v, problems);
          const from = readDate(reportingFrom, 'reportingFrom', 'Reporting from', problems);
          void send(
            problems,
            () => apiSend('POST', '/api/contracts/kpis', { contractId: c.id, ...body, reportingFrom: from }),
            c.id,
            `KPI ${body.name} added`,
            ['reportingFrom'],
          );
        };
        return (
          <>
            <ErrorSummary errors={errors} />
            <form onSubmit={submit} noValidate>
              <KpiFields v={v} set={set} errors={errors} />
              <DateInput
                name="reportingFrom"
                legend="Reporting from"
                hint={`The first period’s start. The contract started on ${formatDate(c.startDate)}.`}
                value={reportingFrom}
                onChange={setReportingFrom}
                error={fieldError(errors, 'reportingFrom-day')}
              />
              <Button disabled={saving}>Add KPI</Button>
            </form>
          </>
        );
      }}
    </ContractAction>
  );
}

/** Whether any return has come in for the KPI (its frequency is then fixed, and removing it retires it). */
const hasReturns = (k: KpiView) => k.returns.some((r) => r.value !== null);

/** The KPI named in the address, or a note that there is none (or that it was retired and cannot change). */
function useKpi(detail: ContractDetail): { kpi: KpiView | null; why: string | null } {
  const { kpiId } = useParams();
  const kpi = detail.kpis.find((k) => k.id === kpiId) ?? null;
  if (!kpi) return { kpi: null, why: 'This contract has no such KPI: it may have been removed.' };
  if (kpi.retiredOn)
    return { kpi: null, why: `${kpi.name} was retired on ${formatDate(kpi.retiredOn)}: it cannot be changed.` };
  return { kpi, why: null };
}

/** Edit a KPI's target, unit, direction, frequency, tolerance or due day (`/contracts/register/:id/kpis/:kpiId/edit`). */
export function EditKpiPage() {
  const [v, setV] = useState<KpiFormValues | null>(null);
  const { errors, saving, send } = useSubmit();
  return (
    <ContractAction title="Change a KPI" hasErrors={errors.length > 0}>
      {(c, detail) => (
        <EditKpiForm c={c} detail={detail} v={v} setV={setV} errors={errors} saving={saving} send={send} />
      )}
    </ContractAction>
  );
}

function EditKpiForm({
  c,
  detail,
  v,
  setV,
  errors,
  saving,
  send,
}: {
  c: Contract;
  detail: ContractDetail;
  v: KpiFormValues | null;
  setV: (v: KpiFormValues) => void;
  errors: SummaryError[];
  saving: boolean;
  send: ReturnType<typeof useSubmit>['send'];
}) {
  const { kpi, why } = useKpi(detail);
  if (!kpi) return <InsetText>{why}</InsetText>;
  const values = v ?? {
    name: kpi.name,
    unit: kpi.unit,
    target: String(kpi.target),
    direction: kpi.direction,
    frequency: kpi.frequency,
    tolerance: String(kpi.tolerance),
    dueDays: kpi.dueDays === null ? '' : String(kpi.dueDays),
  };
  const set = (k: keyof KpiFormValues) => (x: string) => setV({ ...values, [k]: x });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: SummaryError[] = [];
    const body = readKpi(values, problems);
    void send(problems, () => apiSend('PUT', `/api/contracts/kpis/${kpi.id}`, body), c.id, `KPI ${body.name} changed`);
  };
  return (
    <>
      <ErrorSummary errors={errors} />
      <p className="govuk-body">
        Reporting started {formatDate(kpi.reportingFrom)}. Returns already in are judged against the new target; the
        change is kept in the contract’s history.
      </p>
      <form onSubmit={submit} noValidate>
        <KpiFields v={values} set={set} errors={errors} frequencyFixed={hasReturns(kpi)} />
        <Button disabled={saving}>Save the KPI</Button>
      </form>
    </>
  );
}

/**
 * Remove a KPI (`/contracts/register/:id/kpis/:kpiId/remove`): one without returns is deleted; one with returns is
 * retired, its returns and their history kept.
 */
export function RemoveKpiPage() {
  const [reason, setReason] = useState('');
  const { errors, saving, send } = useSubmit();
  return (
    <ContractAction title="Remove a KPI" hasErrors={errors.length > 0}>
      {(c, detail) => (
        <RemoveKpiForm
          c={c}
          detail={detail}
          reason={reason}
          setReason={setReason}
          errors={errors}
          saving={saving}
          send={send}
        />
      )}
    </ContractAction>
  );
}

function RemoveKpiForm({
  c,
  detail,
  reason,
  setReason,
  errors,
  saving,
  send,
}: {
  c: Contract;
  detail: ContractDetail;
  reason: string;
  setReason: (r: string) => void;
  errors: SummaryError[];
  saving: boolean;
  send: ReturnType<typeof useSubmit>['send'];
}) {
  const { kpi, why } = useKpi(detail);
  if (!kpi) return <InsetText>{why}</InsetText>;
  const returns = kpi.returns.filter((r) => r.value !== null).length;
  const retire = returns > 0;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: SummaryError[] = [];
    if (!reason.trim()) problems.push({ field: 'reason', message: 'Enter why the KPI is being removed' });
    void send(
      problems,
      () => apiSend('POST', `/api/contracts/kpis/${kpi.id}/remove`, { reason: reason.trim() }),
      c.id,
      retire ? `KPI ${kpi.name} retired: its returns are kept` : `KPI ${kpi.name} removed`,
    );
  };
  return (
    <>
      <ErrorSummary errors={errors} />
      <SummaryList
        rows={[
          { key: 'KPI', value: kpi.name },
          { key: 'Target', value: kpiTargetText(kpi) },
          { key: 'Reported', value: KPI_FREQUENCY_LABELS[kpi.frequency] },
          { key: 'Returns in', value: String(returns) },
        ]}
      />
      <InsetText>
        {retire
          ? `This KPI has ${returns === 1 ? 'a return' : `${returns} returns`}, so it will be retired, not deleted: it stays on the contract marked as retired, with its returns and their history, and no period ending from today is due.`
          : 'No return has come in for this KPI, so it will be removed from the contract. The removal stays in the contract’s history.'}
      </InsetText>
      <form onSubmit={submit} noValidate>
        <Textarea
          name="reason"
          label={retire ? 'Why is it being retired?' : 'Why is it being removed?'}
          value={reason}
          onChange={setReason}
          rows={3}
          error={fieldError(errors, 'reason')}
        />
        <Button variant="warning" disabled={saving}>
          {retire ? 'Retire the KPI' : 'Remove the KPI'}
        </Button>
      </form>
    </>
  );
}
