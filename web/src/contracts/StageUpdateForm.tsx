import { useState } from 'react';
import { Link } from 'react-router';
import { apiSend } from '../api';
import {
  Button,
  DateInput,
  ErrorSummary,
  NotificationBanner,
  Select,
  datePartsToIso,
  emptyDate,
  isoToDateParts,
  useForm,
  type DateParts,
  type SummaryError,
} from '../components';
import { londonToday } from '../../../src/domain/core/dates';
import { stageProblems } from '../../../src/domain/contracts/procurement';
import { PROCUREMENT_STAGE_LABELS, label } from './labels';
import type { Procurement } from './types';

const filled = (d: DateParts) => !!(d.day || d.month || d.year);
const DATE_FIELDS = ['actualEnd', 'actualStart', 'plannedEnd', 'plannedStart'];

/**
 * Move a stage on: when it actually started or finished, or re-plan it; the forecast and the late flag follow.
 * `initialProcurementId` chooses the procurement up front (one just started).
 */
export function StageUpdateForm({
  procurements,
  onDone,
  initialProcurementId = '',
}: {
  procurements: Procurement[];
  onDone: () => void;
  initialProcurementId?: string;
}) {
  const [procurementId, setProcurementId] = useState(initialProcurementId);
  const [stage, setStage] = useState('');
  const [plannedStart, setPlannedStart] = useState<DateParts>(emptyDate);
  const [plannedEnd, setPlannedEnd] = useState<DateParts>(emptyDate);
  const [start, setStart] = useState<DateParts>(emptyDate);
  const [end, setEnd] = useState<DateParts>(emptyDate);
  const form = useForm(null, { dateFields: DATE_FIELDS });
  const { errors, done } = form;
  const p = procurements.find((x) => x.id === procurementId);
  const stages = p ? p.forecast.stages.filter((s) => s.status !== 'not_applicable') : [];
  const chooseStage = (value: string) => {
    setStage(value);
    const s = stages.find((x) => x.stage === value);
    setPlannedStart(isoToDateParts(s?.plannedStart ?? null));
    setPlannedEnd(isoToDateParts(s?.plannedEnd ?? null));
    setStart(isoToDateParts(s?.actualStart ?? null));
    setEnd(isoToDateParts(s?.actualEnd ?? null));
  };
  const submit = form.onSubmit(() => {
    const problems: SummaryError[] = [];
    if (!procurementId) problems.push({ field: 'procurementId', message: 'Choose the procurement' });
    if (!stage) problems.push({ field: 'stage', message: 'Choose the stage' });
    const ps = datePartsToIso(plannedStart, 'Planned start');
    const pe = datePartsToIso(plannedEnd, 'Planned end');
    if (stage && 'error' in ps) problems.push({ field: 'plannedStart-day', message: ps.error });
    if (stage && 'error' in pe) problems.push({ field: 'plannedEnd-day', message: pe.error });
    const s = filled(start) ? datePartsToIso(start, 'Actual start') : null;
    const f = filled(end) ? datePartsToIso(end, 'Actual end') : null;
    if (s && 'error' in s) problems.push({ field: 'actualStart-day', message: s.error });
    if (f && 'error' in f) problems.push({ field: 'actualEnd-day', message: f.error });
    // The whole plan as it would be saved, checked as the API checks it (order of stages, go-live, no actual date
    // in the future): a problem with this stage goes on its field, one with another stage in the summary.
    if (p && stage && !problems.length) {
      const iso = (d: typeof ps | typeof s) => (d && 'iso' in d ? d.iso : null);
      const next = p.forecast.stages.map((x) =>
        x.stage === stage
          ? {
              ...x,
              plannedStart: iso(ps) ?? x.plannedStart,
              plannedEnd: iso(pe) ?? x.plannedEnd,
              actualStart: iso(s),
              actualEnd: iso(f),
            }
          : x,
      );
      for (const problem of stageProblems(next, londonToday())) {
        const [, about, key] = problem.field.split('.');
        problems.push(
          about === stage && key && DATE_FIELDS.includes(key)
            ? { field: `${key}-day`, message: problem.message }
            : { message: problem.message },
        );
      }
    }
    return form.run(problems, async () => {
      await apiSend('PATCH', `/api/contracts/procurements/${procurementId}/stages/${stage}`, {
        plannedStart: 'iso' in ps ? ps.iso : undefined,
        plannedEnd: 'iso' in pe ? pe.iso : undefined,
        actualStart: s && 'iso' in s ? s.iso : null,
        actualEnd: f && 'iso' in f ? f.iso : null,
      });
      onDone();
      return `${label(PROCUREMENT_STAGE_LABELS, stage)} updated for ${p?.title}`;
    });
  });
  return (
    <form onSubmit={submit} noValidate className="govuk-!-margin-top-6">
      <h2 className="govuk-heading-m">Record progress on a stage</h2>
      <p className="govuk-body">Choose a stage to see its dates, then change the plan or record what happened.</p>
      <ErrorSummary errors={errors} />
      {done && (
        <NotificationBanner type="success" heading={done}>
          <p className="govuk-body">
            {initialProcurementId ? (
              <a className="govuk-notification-banner__link" href="#history">
                See the procurement’s history
              </a>
            ) : (
              <Link className="govuk-notification-banner__link" to={`/contracts/procurements/${procurementId}#history`}>
                Open the procurement and its history
              </Link>
            )}
          </p>
        </NotificationBanner>
      )}
      {!(procurements.length === 1 && initialProcurementId) && (
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
          error={form.error('procurementId')}
        />
      )}
      <Select
        name="stage"
        label="Stage"
        value={stage}
        onChange={chooseStage}
        placeholder="Choose a stage"
        options={stages.map((s) => ({ value: s.stage, text: label(PROCUREMENT_STAGE_LABELS, s.stage) }))}
        error={form.error('stage')}
      />
      <DateInput
        name="plannedStart"
        legend="Planned start"
        value={plannedStart}
        onChange={setPlannedStart}
        error={form.error('plannedStart-day')}
      />
      <DateInput
        name="plannedEnd"
        legend="Planned end"
        value={plannedEnd}
        onChange={setPlannedEnd}
        error={form.error('plannedEnd-day')}
      />
      <DateInput
        name="actualStart"
        legend="Actual start"
        hint="Leave blank if the stage has not started."
        value={start}
        onChange={setStart}
        error={form.error('actualStart-day')}
      />
      <DateInput
        name="actualEnd"
        legend="Actual end"
        hint="Leave blank if the stage is still under way."
        value={end}
        onChange={setEnd}
        error={form.error('actualEnd-day')}
      />
      <Button>Save stage dates</Button>
    </form>
  );
}
