// A contract's KPIs, one page each: add a KPI, edit one, remove one (deleted, or retired when it has returns). Each
// page loads the contract, checks its answers in the browser where it can, sends them, and on success returns to
// the contract with a banner; a refusal keeps what was typed, with the server's messages linked to the fields.
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { apiSend } from '../api';
import {
  Button,
  DateInput,
  ErrorSummary,
  InsetText,
  Radios,
  SummaryList,
  TextInput,
  Textarea,
  emptyDate,
  fieldError,
  formatDate,
  type DateParts,
  type SummaryError,
} from '../components';
import {
  DEFAULT_DUE_DAYS,
  KPI_FREQUENCIES,
  KPI_MEASURE_LABELS,
  KPI_MEASURES,
  kpiFigureProblem,
  kpiMeasureFromUnit,
  type KpiFrequency,
  type KpiMeasure,
} from '../../../src/domain/contracts/kpi';
import { KPI_FREQUENCY_LABELS } from './labels';
import { kpiFigureAffixes, kpiFigureFromInput, kpiFigureInput, kpiTargetText } from './kpiReturnParts';
import { readDate } from './formHelpers';
import { BOUNDS } from '../../../src/domain/core/bounds';
import type { Contract, ContractDetail, KpiView } from './types';
import { ContractAction, useSubmit } from './contractActionParts';

/** The latest a return may be due, in days after its period ends: what the API takes (kpiRoutes). */
const MAX_DUE_DAYS = 120;

/** A KPI's fields as typed in the add and edit forms. */
export interface KpiFormValues {
  name: string;
  /** A KPI_MEASURES value, or '' until chosen (the measure the unit implies is then used). */
  measure: string;
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
export function readKpi(v: KpiFormValues, problems: SummaryError[]) {
  const measure = measureOf(v);
  if (!v.name.trim()) problems.push({ field: 'name', message: 'Enter the KPI’s name' });
  if (!v.unit.trim()) problems.push({ field: 'unit', message: 'Enter the unit, like % or hours' });
  /**
   * A number within [min, max] (BOUNDS.kpiValue, as the API takes it) and of the KPI's measure (money typed in pounds
   * becomes pence), or a problem in the form's label.
   */
  const number = (text: string, field: 'target' | 'tolerance', label: string, min: number) => {
    const typed = kpiFigureFromInput(measure, text);
    const n = typed ?? Number.NaN;
    if (typed === null)
      problems.push({
        field,
        message:
          measure === 'pence'
            ? `Enter the ${label} in pounds and pence, like 450.00`
            : `Enter the ${label} as a number`,
      });
    else if (n < min)
      problems.push({
        field,
        message: `${label[0].toUpperCase()}${label.slice(1)} must be ${min.toLocaleString('en-GB')} or more`,
      });
    else if (measure !== 'pence' && n > BOUNDS.kpiValue.max)
      problems.push({
        field,
        message: `${label[0].toUpperCase()}${label.slice(1)} must be ${BOUNDS.kpiValue.max.toLocaleString('en-GB')} or less`,
      });
    // Then against the KPI's measure (a percentage 0–100, a whole count, whole pence), as the API checks it.
    else {
      const wrong = kpiFigureProblem({ measure, unit: v.unit.trim() || 'units' }, n, field);
      if (wrong) problems.push({ field, message: wrong });
    }
    return n;
  };
  const target = number(v.target, 'target', 'target', BOUNDS.kpiValue.min);
  if (!v.direction) problems.push({ field: 'direction', message: 'Choose whether higher or lower is better' });
  const tolerance = number(v.tolerance || '0', 'tolerance', 'tolerance before it is red', 0);
  if (!v.frequency) problems.push({ field: 'frequency', message: 'Choose how often it is reported' });
  const due = v.dueDays.trim();
  if (due && (!/^\d{1,3}$/.test(due) || Number(due) > MAX_DUE_DAYS))
    problems.push({
      field: 'dueDays',
      message: /^\d{1,3}$/.test(due)
        ? `Due day must be ${MAX_DUE_DAYS} days or less`
        : `Due day must be a whole number of days from 0 to ${MAX_DUE_DAYS}`,
    });
  return {
    name: v.name.trim(),
    measure,
    unit: v.unit.trim(),
    target,
    direction: v.direction,
    frequency: v.frequency,
    tolerance,
    dueDays: v.dueDays.trim() ? Number(v.dueDays) : null,
  };
}

/** The measure chosen, or the one the unit typed implies ('%' → percentage, 'people' → count). */
function measureOf(v: KpiFormValues): KpiMeasure {
  return (KPI_MEASURES as readonly string[]).includes(v.measure)
    ? (v.measure as KpiMeasure)
    : kpiMeasureFromUnit(v.unit);
}

/**
 * The KPI's fields; `fixed` shows the frequency and measure as facts instead of choices (a KPI with returns: its
 * periods and figures must keep fitting).
 */
function KpiFields({
  v,
  set,
  errors,
  fixed = false,
}: {
  v: KpiFormValues;
  set: (k: keyof KpiFormValues) => (x: string) => void;
  errors: SummaryError[];
  fixed?: boolean;
}) {
  const err = (f: string) => fieldError(errors, f);
  const measure = measureOf(v);
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
      {fixed ? (
        <InsetText>Measured as: {KPI_MEASURE_LABELS[measure]}. This cannot change now that returns are in.</InsetText>
      ) : (
        <Radios
          name="measure"
          legend="How is it measured?"
          hint="Sets what each figure must be: a percentage from 0 to 100, a whole number, or money in pounds and pence. Until you choose, it follows the unit."
          value={v.measure || (v.unit.trim() ? measure : '')}
          onChange={set('measure')}
          items={KPI_MEASURES.map((m) => ({ value: m, text: KPI_MEASURE_LABELS[m] }))}
          error={err('measure')}
        />
      )}
      <TextInput
        name="target"
        label="Target"
        inputMode="decimal"
        {...kpiFigureAffixes(measure)}
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
        {...kpiFigureAffixes(measure)}
        width={5}
        value={v.tolerance}
        onChange={set('tolerance')}
        error={err('tolerance')}
      />
      {fixed ? (
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
    measure: '',
    unit: '',
    target: '',
    direction: '',
    frequency: '',
    tolerance: '0',
    dueDays: '',
  });
  const [reportingFrom, setReportingFrom] = useState<DateParts>(emptyDate);
  const set = (k: keyof KpiFormValues) => (x: string) => setV((s) => ({ ...s, [k]: x }));
  const { errors, saving, send } = useSubmit(['reportingFrom']);
  return (
    <ContractAction title="Add a KPI" hasErrors={errors.length > 0}>
      {(c) => {
        const submit = (e: FormEvent) => {
          e.preventDefault();
          const problems: SummaryError[] = [];
          const body = readKpi(v, problems);
          const from = readDate(reportingFrom, 'reportingFrom', 'Date reporting starts', problems);
          void send(
            problems,
            () => apiSend('POST', '/api/contracts/kpis', { contractId: c.id, ...body, reportingFrom: from }),
            c.id,
            `KPI ${body.name} added`,
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
    measure: kpi.measure,
    unit: kpi.unit,
    target: kpiFigureInput(kpi.measure, kpi.target),
    direction: kpi.direction,
    frequency: kpi.frequency,
    tolerance: kpiFigureInput(kpi.measure, kpi.tolerance),
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
        <KpiFields v={values} set={set} errors={errors} fixed={hasReturns(kpi)} />
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
