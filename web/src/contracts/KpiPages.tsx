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
  SummaryList,
  Textarea,
  emptyDate,
  fieldError,
  formatDate,
  type DateParts,
  type SummaryError,
} from '../components';
import { KPI_FREQUENCY_LABELS } from './labels';
import { kpiFigureInput, kpiTargetText } from './kpiReturnParts';
import { readDate } from './formHelpers';
import type { Contract, ContractDetail, KpiView } from './types';
import { ContractAction, useSubmit } from './contractActionParts';
import { KpiFields, readKpi, type KpiFormValues } from './kpiFormFields';

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
