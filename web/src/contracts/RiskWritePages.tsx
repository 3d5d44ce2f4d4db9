// The risk register's forms: add a risk (`/contracts/risks/new`) and set the RAG bands its scores fall in
// (`/contracts/risks/bands`). Reviews and closing are on the register page (RiskReviewForm).
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { apiSend, useApi } from '../api';
import {
  Button,
  DateInput,
  ErrorSummary,
  LoadingOrError,
  Page,
  Radios,
  Select,
  TextInput,
  Textarea,
  emptyDate,
  fieldError,
  type DateParts,
  type SummaryError,
} from '../components';
import { apiErrorsForForm, notInThePast, readDate } from './formHelpers';
import { BOUNDS } from '../../../src/domain/core/bounds';
import type { Risk } from './types';

const SCALE = ['1', '2', '3', '4', '5'].map((v) => ({ value: v, text: v }));
const crumbs = (last: string) => [
  { text: 'Contracts and delivery', href: '/contracts' },
  { text: 'Risk register', href: '/contracts/risks' },
  { text: last },
];

export function AddRiskPage() {
  const navigate = useNavigate();
  const { data: register } = useApi<{ contracts: { id: string; reference: string; title: string }[] }>(
    '/api/contracts/contracts',
  );
  const [v, setV] = useState({
    reference: '',
    title: '',
    owner: '',
    mitigation: '',
    likelihood: '',
    impact: '',
    contractId: '',
    reviewDate: emptyDate as DateParts,
  });
  const set = (k: keyof typeof v) => (x: string | DateParts) => setV((s) => ({ ...s, [k]: x }));
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [saving, setSaving] = useState(false);
  const err = (f: string) => fieldError(errors, f);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: SummaryError[] = [];
    if (!v.reference.trim()) problems.push({ field: 'reference', message: 'Enter the risk reference' });
    if (!v.title.trim()) problems.push({ field: 'title', message: 'Describe the risk' });
    if (!v.owner.trim()) problems.push({ field: 'owner', message: 'Enter who owns the risk' });
    if (!v.likelihood) problems.push({ field: 'likelihood', message: 'Choose the likelihood' });
    if (!v.impact) problems.push({ field: 'impact', message: 'Choose the impact' });
    const reviewDate = notInThePast(
      readDate(v.reviewDate, 'reviewDate', 'Next review date', problems, false),
      'reviewDate',
      'Next review date',
      problems,
    );
    setErrors(problems);
    if (problems.length) return;
    setSaving(true);
    try {
      await apiSend('POST', '/api/contracts/risks', {
        reference: v.reference.trim(),
        title: v.title.trim(),
        owner: v.owner.trim(),
        mitigation: v.mitigation.trim(),
        likelihood: Number(v.likelihood),
        impact: Number(v.impact),
        reviewDate,
        contractId: v.contractId || null,
      });
      navigate('/contracts/risks', {
        state: { saved: `Risk ${v.reference.trim()} added, scored ${Number(v.likelihood) * Number(v.impact)}` },
      });
    } catch (e2) {
      setErrors(apiErrorsForForm(e2, ['reviewDate']));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Page title="Add a risk" breadcrumbs={crumbs('Add a risk')} hasErrors={errors.length > 0} width="two-thirds">
      <ErrorSummary errors={errors} />
      <form onSubmit={submit} noValidate>
        <TextInput
          name="reference"
          label="Reference"
          width={10}
          value={v.reference}
          onChange={set('reference')}
          error={err('reference')}
        />
        <Textarea
          name="title"
          label="Identified risk"
          value={v.title}
          onChange={set('title')}
          rows={2}
          error={err('title')}
        />
        <TextInput
          name="owner"
          label="Owner"
          hint="The role accountable for the risk"
          value={v.owner}
          onChange={set('owner')}
          error={err('owner')}
        />
        <Textarea
          name="mitigation"
          label="Risk mitigation (optional)"
          value={v.mitigation}
          onChange={set('mitigation')}
          rows={3}
          error={err('mitigation')}
        />
        <Radios
          name="likelihood"
          legend="Likelihood (1 rare – 5 almost certain)"
          inline
          small
          value={v.likelihood}
          onChange={set('likelihood')}
          items={SCALE}
          error={err('likelihood')}
        />
        <Radios
          name="impact"
          legend="Impact (1 negligible – 5 severe)"
          inline
          small
          value={v.impact}
          onChange={set('impact')}
          items={SCALE}
          error={err('impact')}
        />
        <Select
          name="contractId"
          label="Contract (optional)"
          value={v.contractId}
          onChange={set('contractId')}
          placeholder="Not about one contract"
          options={(register?.contracts ?? []).map((c) => ({ value: c.id, text: `${c.reference} ${c.title}` }))}
          error={err('contractId')}
        />
        <DateInput
          name="reviewDate"
          legend="Next review date (optional)"
          value={v.reviewDate}
          onChange={set('reviewDate')}
          error={err('reviewDate-day')}
        />
        <Button disabled={saving}>Add risk</Button>
      </form>
    </Page>
  );
}

type Band = Risk['band'];
const RAGS = [
  { value: 'green', text: 'Green' },
  { value: 'amber', text: 'Amber' },
  { value: 'red', text: 'Red' },
];

export function RiskBandsPage() {
  const navigate = useNavigate();
  const { data, loading, error } = useApi<{ bands: Band[] }>('/api/contracts/risks');
  const [rows, setRows] = useState<{ min: string; max: string; rag: string; label: string }[] | null>(null);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [saving, setSaving] = useState(false);
  if (!data)
    return (
      <Page title="Risk bands" breadcrumbs={crumbs('Risk bands')}>
        <LoadingOrError loading={loading} error={error} what="the risk bands" />
      </Page>
    );
  const bands = rows ?? data.bands.map((b) => ({ min: String(b.min), max: String(b.max), rag: b.rag, label: b.label }));
  const set = (i: number, k: 'min' | 'max' | 'rag' | 'label') => (x: string) =>
    setRows(bands.map((b, j) => (j === i ? { ...b, [k]: x } : b)));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: SummaryError[] = [];
    bands.forEach((b, i) => {
      // A score is likelihood × impact, 1 to 25 (BOUNDS.riskScore): say the range, whatever was typed.
      const { min, max } = BOUNDS.riskScore;
      const score = (text: string) => /^-?\d+$/.test(text.trim()) && Number(text) >= min && Number(text) <= max;
      if (!score(b.min))
        problems.push({
          field: `bands.${i}.min`,
          message: `Band ${i + 1}: the lowest score must be a whole number from ${min} to ${max}`,
        });
      if (!score(b.max))
        problems.push({
          field: `bands.${i}.max`,
          message: `Band ${i + 1}: the highest score must be a whole number from ${min} to ${max}`,
        });
      if (!b.label.trim()) problems.push({ field: `bands.${i}.label`, message: `Band ${i + 1}: enter its name` });
    });
    setErrors(problems);
    if (problems.length) return;
    setSaving(true);
    try {
      await apiSend('PUT', '/api/contracts/risk-bands', {
        bands: bands.map((b) => ({ min: Number(b.min), max: Number(b.max), rag: b.rag, label: b.label.trim() })),
      });
      navigate('/contracts/risks', { state: { saved: 'Risk bands saved' } });
    } catch (e2) {
      setErrors(apiErrorsForForm(e2));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Page title="Risk bands" breadcrumbs={crumbs('Risk bands')} hasErrors={errors.length > 0} width="two-thirds">
      <ErrorSummary errors={errors} />
      <p className="govuk-body">
        A risk’s score is its likelihood (1–5) times its impact (1–5). The bands must cover every score from 1 to 25
        once, in order, without gaps or overlaps.
      </p>
      <form onSubmit={submit} noValidate>
        {bands.map((b, i) => (
          <fieldset className="govuk-fieldset govuk-!-margin-bottom-6" key={i}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Band {i + 1}</legend>
            <TextInput
              name={`bands.${i}.label`}
              label="Name"
              width={10}
              value={b.label}
              onChange={set(i, 'label')}
              error={fieldError(errors, `bands.${i}.label`)}
            />
            <TextInput
              name={`bands.${i}.min`}
              label="Lowest score"
              inputMode="numeric"
              width={2}
              value={b.min}
              onChange={set(i, 'min')}
              error={fieldError(errors, `bands.${i}.min`)}
            />
            <TextInput
              name={`bands.${i}.max`}
              label="Highest score"
              inputMode="numeric"
              width={2}
              value={b.max}
              onChange={set(i, 'max')}
              error={fieldError(errors, `bands.${i}.max`)}
            />
            <Radios
              name={`bands.${i}.rag`}
              legend="RAG"
              inline
              small
              value={b.rag}
              onChange={set(i, 'rag')}
              items={RAGS}
              error={fieldError(errors, `bands.${i}.rag`)}
            />
          </fieldset>
        ))}
        <Button disabled={saving}>Save bands</Button>
      </form>
    </Page>
  );
}
