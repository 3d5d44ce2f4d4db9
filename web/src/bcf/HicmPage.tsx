import { useState, type FormEvent } from 'react';
import { apiSend, useApi } from '../api';
import { londonToday } from '../../../src/domain/core/dates';
import { assessedOnProblem } from '../../../src/domain/bcf/hicm';
import {
  failureToSummary,
  Button,
  DateInput,
  Details,
  DownloadLinks,
  LoadingOrError,
  Page,
  Select,
  Table,
  Tag,
  Textarea,
  datePartsToIso,
  emptyDate,
  fieldError,
  formatDate,
  type DateParts,
  type SummaryError,
  type TagColour,
} from '../components';
import { BcfPage, bcfCrumbs, usePlanId } from './common';
import { hicmColumns } from './downloads';
import type { Assessment, HicmView } from './types';

const LEVEL_COLOUR: Record<string, TagColour> = {
  not_yet_established: 'red',
  plans_in_place: 'orange',
  established: 'yellow',
  mature: 'green',
  exemplary: 'blue',
};

export function HicmPage() {
  const { planId, planName, error: listError, loading: listLoading } = usePlanId();
  const { data, error, loading, reload } = useApi<HicmView>(planId ? `/api/bcf/plans/${planId}/hicm` : null);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [form, setForm] = useState({ placeId: '', change: '', level: '', evidence: '', plannedLevel: '' });
  const [assessedOn, setAssessedOn] = useState<DateParts>(emptyDate);
  const crumbs = bcfCrumbs(planId, 'High Impact Change Model');
  if (!data)
    return (
      <Page title="High Impact Change Model" breadcrumbs={crumbs}>
        <LoadingOrError loading={loading || listLoading} error={error ?? listError} what="the HICM assessments" />
      </Page>
    );
  const levelLabel = (k: string | null) => data.levels.find((l) => l.key === k)?.label ?? '';
  const placeName = (id: string) => data.places.find((p) => p.id === id)?.name ?? '';
  const changeName = (n: number) => data.changes.find((c) => c.number === n)?.name ?? '';
  const cell = (placeId: string, change: number) =>
    data.latest.find((a) => a.placeId === placeId && a.change === change);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: SummaryError[] = [];
    if (!form.placeId) problems.push({ field: 'placeId', message: 'Choose the place' });
    if (!form.change) problems.push({ field: 'change', message: 'Choose the change' });
    if (!form.level) problems.push({ field: 'level', message: 'Choose the maturity level' });
    if (!form.evidence.trim()) problems.push({ field: 'evidence', message: 'Give the evidence for this level' });
    const date = datePartsToIso(assessedOn, 'Date assessed');
    if ('error' in date) problems.push({ field: 'assessedOn-day', message: date.error });
    else {
      const dated = assessedOnProblem(date.iso, londonToday());
      if (dated) problems.push({ field: 'assessedOn-day', message: dated });
    }
    setErrors(problems);
    setDone(null);
    if (problems.length || 'error' in date) return;
    try {
      await apiSend('POST', `/api/bcf/plans/${planId}/hicm`, {
        placeId: form.placeId,
        change: Number(form.change),
        level: form.level,
        evidence: form.evidence,
        assessedOn: date.iso,
        plannedLevel: form.plannedLevel || null,
      });
      setDone(
        `Assessment of change ${form.change}, ${changeName(Number(form.change))}, for ${placeName(form.placeId)} recorded`,
      );
      setForm({ placeId: '', change: '', level: '', evidence: '', plannedLevel: '' });
      setAssessedOn(emptyDate);
      reload();
    } catch (err) {
      setErrors(failureToSummary(err));
    }
  };
  const grid = data.changes.map((c) => ({ ...c }));
  return (
    <BcfPage title="High Impact Change Model" crumbs={crumbs} planId={planId} errors={errors} done={done}>
      <p className="govuk-body">
        The latest maturity of each place against the nine changes for managing transfers of care, with the date
        assessed and the level planned next. Earlier assessments are kept below.
      </p>
      <Table
        caption="Maturity by change and place"
        captionSize="m"
        firstCellIsHeader
        rows={grid}
        rowKey={(c) => String(c.number)}
        columns={[
          { key: 'name', header: 'Change', render: (c) => `${c.number}. ${c.name}` },
          ...data.places.map((p) => ({
            key: p.id,
            header: p.name,
            render: (c: { number: number }) => {
              const a = cell(p.id, c.number);
              if (!a) return 'Not assessed';
              return (
                <>
                  <Tag colour={LEVEL_COLOUR[a.level]}>{levelLabel(a.level)}</Tag>
                  <br />
                  <span className="govuk-body-s">
                    {formatDate(a.assessedOn)}
                    {a.plannedLevel
                      ? `; next: ${levelLabel(a.plannedLevel)}${a.plannedBy ? ` by ${formatDate(a.plannedBy)}` : ''}`
                      : ''}
                  </span>
                </>
              );
            },
          })),
        ]}
      />
      <Details summary="Evidence for the latest assessments">
        <ul className="govuk-list govuk-list--bullet">
          {data.latest.map((a) => (
            <li key={a.id}>
              {placeName(a.placeId)}, change {a.change}: {a.evidence}
            </li>
          ))}
        </ul>
      </Details>
      <Table<Assessment>
        caption="History of assessments"
        captionSize="m"
        rows={data.history}
        rowKey={(a) => a.id}
        columns={[
          { key: 'assessedOn', header: 'Date', render: (a) => formatDate(a.assessedOn) },
          { key: 'place', header: 'Place', render: (a) => placeName(a.placeId) },
          { key: 'change', header: 'Change', numeric: true },
          { key: 'level', header: 'Level', render: (a) => levelLabel(a.level) },
          { key: 'plannedLevel', header: 'Planned next', render: (a) => levelLabel(a.plannedLevel) },
        ]}
      />
      <DownloadLinks
        filename="bcf-hicm"
        filter={planName}
        what="the assessments"
        rows={data.history}
        columns={hicmColumns(data)}
      />
      {data.canEdit && (
        <>
          <h2 className="govuk-heading-m">Record an assessment</h2>
          <form onSubmit={submit} noValidate>
            <Select
              name="placeId"
              label="Place"
              placeholder="Choose a place"
              options={data.places.map((p) => ({ value: p.id, text: p.name }))}
              value={form.placeId}
              onChange={(v) => setForm((f) => ({ ...f, placeId: v }))}
              error={fieldError(errors, 'placeId')}
            />
            <Select
              name="change"
              label="Change"
              placeholder="Choose a change"
              options={data.changes.map((c) => ({ value: String(c.number), text: `${c.number}. ${c.name}` }))}
              value={form.change}
              onChange={(v) => setForm((f) => ({ ...f, change: v }))}
              error={fieldError(errors, 'change')}
            />
            <Select
              name="level"
              label="Maturity level"
              placeholder="Choose a level"
              options={data.levels.map((l) => ({ value: l.key, text: l.label }))}
              value={form.level}
              onChange={(v) => setForm((f) => ({ ...f, level: v }))}
              error={fieldError(errors, 'level')}
            />
            <Textarea
              name="evidence"
              label="Evidence"
              value={form.evidence}
              onChange={(v) => setForm((f) => ({ ...f, evidence: v }))}
              error={fieldError(errors, 'evidence')}
            />
            <DateInput
              name="assessedOn"
              legend="Date assessed"
              value={assessedOn}
              onChange={setAssessedOn}
              error={fieldError(errors, 'assessedOn-day') ?? fieldError(errors, 'assessedOn')}
            />
            <Select
              name="plannedLevel"
              label="Planned next level (optional)"
              placeholder="None"
              options={data.levels.map((l) => ({ value: l.key, text: l.label }))}
              value={form.plannedLevel}
              onChange={(v) => setForm((f) => ({ ...f, plannedLevel: v }))}
              error={fieldError(errors, 'plannedLevel')}
            />
            <Button>Record assessment</Button>
          </form>
        </>
      )}
    </BcfPage>
  );
}
