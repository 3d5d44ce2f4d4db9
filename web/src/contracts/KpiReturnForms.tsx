// A KPI return's forms: submit the return for a period, and amend a submitted one with the reason.
import { useState, type FormEvent } from 'react';
import { ApiError, apiSend } from '../api';
import { amendmentReasonProblem, kpiValueProblem, nextReturnPeriod } from '../../../src/domain/contracts/kpi';
import {
  Button,
  ButtonGroup,
  InsetText,
  ErrorSummary,
  Select,
  TextInput,
  Textarea,
  apiErrorsToSummary,
  fieldError,
  formatDate,
  type SummaryError,
} from '../components';
import type { KpiView, ReturnStatus } from './types';
import { kpiFigureAffixes, kpiFigureFromInput, kpiFigureInput, kpiTargetText, kpiValueText } from './kpiReturnParts';

/** A figure in a sentence: money in pounds, any other measure as the bare number typed. */
function plainFigure(kpi: KpiView, value: number): string {
  return kpi.measure === 'pence' ? kpiValueText(kpi, value) : String(value);
}

/** The message for a figure that is not a number: money asks for pounds and pence. */
function notANumber(kpi: KpiView): string {
  return kpi.measure === 'pence'
    ? `Enter the ${kpi.name.toLowerCase()} in pounds and pence, like 450.00`
    : `Enter the ${kpi.name.toLowerCase()} as a number`;
}

/** Maps the server's field names onto this KPI's form fields (several KPIs' forms share a page). */
function summaryFor(err: unknown, prefix: string): SummaryError[] {
  return err instanceof ApiError
    ? apiErrorsToSummary(err).map((x) => ({
        ...x,
        field:
          x.field === 'value'
            ? `${prefix}-value`
            : x.field === 'periodStart'
              ? `${prefix}-period`
              : x.field === 'reason'
                ? `${prefix}-reason`
                : x.field,
      }))
    : [{ message: String(err) }];
}

/** Submits a KPI's return for an outstanding period (the next one due unless another is chosen): figure and comment. */
export function ReturnForm({
  kpi,
  onBehalf,
  onDone,
}: {
  kpi: KpiView;
  /** Council staff entering the return for the provider. */
  onBehalf: boolean;
  onDone: (message: string) => void;
}) {
  const open = kpi.returns.filter((r) => r.state === 'overdue' || r.state === 'awaited');
  const [chosen, setChosen] = useState('');
  const [value, setValue] = useState('');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  if (open.length === 0) return <p className="govuk-body">All returns for this KPI are in.</p>;
  // The period offered follows the outstanding list: after a submission it moves on to the next period due,
  // never staying on the one just submitted (which is no longer in the list).
  const period = open.some((r) => r.periodStart === chosen) ? chosen : nextReturnPeriod(kpi.returns)!.periodStart;
  const prefix = `kpi-${kpi.id.slice(0, 8)}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const n = kpiFigureFromInput(kpi.measure, value);
    const bad = n === null ? notANumber(kpi) : kpiValueProblem(kpi, n);
    if (n === null || bad) {
      setErrors([{ field: `${prefix}-value`, message: bad! }]);
      return;
    }
    try {
      await apiSend('POST', `/api/contracts/kpis/${kpi.id}/returns`, {
        periodStart: period,
        value: n,
        comment: comment.trim() || null,
      });
      setErrors([]);
      setValue('');
      setComment('');
      setChosen('');
      onDone(
        `Return for ${open.find((r) => r.periodStart === period)?.label} submitted${onBehalf ? ` for ${kpi.providerName ?? 'the provider'}, marked as entered by council staff` : ''}`,
      );
    } catch (err) {
      setErrors(summaryFor(err, prefix));
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} />
      {onBehalf && (
        <InsetText>
          You are entering this return on behalf of {kpi.providerName ?? 'the provider'}. It will show as entered by
          council staff.
        </InsetText>
      )}
      <Select
        name={`${prefix}-period`}
        label="Period"
        value={period}
        onChange={setChosen}
        options={open.map((r) => ({ value: r.periodStart, text: `${r.label} (due ${formatDate(r.dueDate)})` }))}
        error={fieldError(errors, `${prefix}-period`)}
      />
      <TextInput
        name={`${prefix}-value`}
        label={`${kpi.name} (${kpi.unit})`}
        hint={`Target: ${kpiTargetText(kpi)}`}
        {...kpiFigureAffixes(kpi.measure)}
        inputMode="decimal"
        width={5}
        value={value}
        onChange={setValue}
        error={fieldError(errors, `${prefix}-value`)}
      />
      <Textarea
        name={`${prefix}-comment`}
        label="Comment (optional)"
        hint="Explain any figure below target."
        value={comment}
        onChange={setComment}
        rows={2}
      />
      <Button>Submit return</Button>
    </form>
  );
}

/** Amends one submitted return: new figure, comment and the reason, kept in the return's history. */
export function AmendForm({
  kpi,
  row,
  onBehalf,
  onDone,
  onCancel,
}: {
  kpi: KpiView;
  row: ReturnStatus;
  onBehalf: boolean;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const prefix = `amend-${kpi.id.slice(0, 8)}`;
  const [value, setValue] = useState(row.value === null ? '' : kpiFigureInput(kpi.measure, row.value));
  const [comment, setComment] = useState(row.comment ?? '');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // Every problem at once, in the words the server would use.
    const n = kpiFigureFromInput(kpi.measure, value);
    const found: SummaryError[] = [];
    const bad = n === null ? notANumber(kpi) : kpiValueProblem(kpi, n);
    if (bad) found.push({ field: `${prefix}-value`, message: bad });
    const why = amendmentReasonProblem(reason);
    if (why) found.push({ field: `${prefix}-reason`, message: why });
    if (found.length || n === null) {
      setErrors(found);
      return;
    }
    try {
      await apiSend('PUT', `/api/contracts/kpis/${kpi.id}/returns/${row.periodStart}`, {
        value: n,
        comment: comment.trim() || null,
        reason: reason.trim(),
      });
      onDone(
        `Return for ${row.label} amended from ${row.value === null ? '–' : plainFigure(kpi, row.value)} to ${plainFigure(kpi, n)}; the earlier figure is kept in its history`,
      );
    } catch (err) {
      setErrors(summaryFor(err, prefix));
    }
  };
  return (
    <form onSubmit={submit} noValidate className="govuk-!-margin-bottom-6">
      <h3 className="govuk-heading-s">Amend the return for {row.label}</h3>
      <ErrorSummary errors={errors} />
      {onBehalf && (
        <InsetText>The amendment will show as made by council staff on behalf of {kpi.providerName}.</InsetText>
      )}
      <TextInput
        name={`${prefix}-value`}
        label={`${kpi.name} (${kpi.unit})`}
        hint={`Submitted: ${row.value === null ? '–' : kpiValueText(kpi, row.value)}. Target: ${kpiTargetText(kpi)}`}
        {...kpiFigureAffixes(kpi.measure)}
        inputMode="decimal"
        width={5}
        value={value}
        onChange={setValue}
        error={fieldError(errors, `${prefix}-value`)}
      />
      <Textarea name={`${prefix}-comment`} label="Comment (optional)" value={comment} onChange={setComment} rows={2} />
      <Textarea
        name={`${prefix}-reason`}
        label="Why are you amending it?"
        hint="For example, a figure counted twice or a late correction from the care records."
        value={reason}
        onChange={setReason}
        rows={2}
        error={fieldError(errors, `${prefix}-reason`)}
      />
      <ButtonGroup>
        <Button>Amend return</Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </ButtonGroup>
    </form>
  );
}
