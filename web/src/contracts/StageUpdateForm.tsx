import { useState, type FormEvent } from 'react';
import { ApiError, apiSend } from '../api';
import {
  Button,
  DateInput,
  ErrorSummary,
  NotificationBanner,
  Select,
  apiErrorsToSummary,
  datePartsToIso,
  emptyDate,
  fieldError,
  isoToDateParts,
  type DateParts,
  type SummaryError,
} from '../components';
import { PROCUREMENT_STAGE_LABELS, label } from './labels';
import type { Procurement } from './types';

const filled = (d: DateParts) => !!(d.day || d.month || d.year);

/** Record when a stage actually started or finished; the forecast and the late flag follow from it. */
export function StageUpdateForm({ procurements, onDone }: { procurements: Procurement[]; onDone: () => void }) {
  const [procurementId, setProcurementId] = useState('');
  const [stage, setStage] = useState('');
  const [start, setStart] = useState<DateParts>(emptyDate);
  const [end, setEnd] = useState<DateParts>(emptyDate);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const p = procurements.find((x) => x.id === procurementId);
  const stages = p ? p.forecast.stages.filter((s) => s.status !== 'not_applicable') : [];
  const chooseStage = (value: string) => {
    setStage(value);
    const s = stages.find((x) => x.stage === value);
    setStart(isoToDateParts(s?.actualStart ?? null));
    setEnd(isoToDateParts(s?.actualEnd ?? null));
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: SummaryError[] = [];
    if (!procurementId) problems.push({ field: 'procurementId', message: 'Choose the procurement' });
    if (!stage) problems.push({ field: 'stage', message: 'Choose the stage' });
    const s = filled(start) ? datePartsToIso(start, 'Actual start') : null;
    const f = filled(end) ? datePartsToIso(end, 'Actual end') : null;
    if (s && 'error' in s) problems.push({ field: 'actualStart-day', message: s.error });
    if (f && 'error' in f) problems.push({ field: 'actualEnd-day', message: f.error });
    setErrors(problems);
    if (problems.length) return;
    try {
      await apiSend('PATCH', `/api/contracts/procurements/${procurementId}/stages/${stage}`, {
        actualStart: s && 'iso' in s ? s.iso : null,
        actualEnd: f && 'iso' in f ? f.iso : null,
      });
      setDone(`${label(PROCUREMENT_STAGE_LABELS, stage)} updated for ${p?.title}`);
      onDone();
    } catch (err) {
      setErrors(
        err instanceof ApiError
          ? apiErrorsToSummary(err).map((x) => ({
              ...x,
              field: x.field?.endsWith('actualEnd')
                ? 'actualEnd-day'
                : x.field?.endsWith('actualStart')
                  ? 'actualStart-day'
                  : x.field,
            }))
          : [{ message: String(err) }],
      );
    }
  };
  return (
    <form onSubmit={submit} noValidate className="govuk-!-margin-top-6">
      <h2 className="govuk-heading-m">Record progress on a stage</h2>
      <ErrorSummary errors={errors} />
      {done && <NotificationBanner type="success" heading={done} />}
      <Select
        name="procurementId"
        label="Procurement"
        value={procurementId}
        onChange={(v) => {
          setProcurementId(v);
          setStage('');
        }}
        placeholder="Choose a procurement"
        options={procurements.map((x) => ({ value: x.id, text: x.title }))}
        error={fieldError(errors, 'procurementId')}
      />
      <Select
        name="stage"
        label="Stage"
        value={stage}
        onChange={chooseStage}
        placeholder="Choose a stage"
        options={stages.map((s) => ({ value: s.stage, text: label(PROCUREMENT_STAGE_LABELS, s.stage) }))}
        error={fieldError(errors, 'stage')}
      />
      <DateInput
        name="actualStart"
        legend="Actual start"
        hint="Leave blank if the stage has not started."
        value={start}
        onChange={setStart}
        error={fieldError(errors, 'actualStart-day')}
      />
      <DateInput
        name="actualEnd"
        legend="Actual end"
        hint="Leave blank if the stage is still under way."
        value={end}
        onChange={setEnd}
        error={fieldError(errors, 'actualEnd-day')}
      />
      <Button>Save stage dates</Button>
    </form>
  );
}
