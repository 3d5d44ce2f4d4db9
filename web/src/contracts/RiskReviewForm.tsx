import { useState, type FormEvent } from 'react';
import { ApiError, apiSend } from '../api';
import {
  Button,
  Checkboxes,
  ErrorSummary,
  NotificationBanner,
  Radios,
  Select,
  Textarea,
  apiErrorsToSummary,
  fieldError,
  type SummaryError,
} from '../components';
import type { Risk } from './types';

const SCALE = ['1', '2', '3', '4', '5'].map((v) => ({ value: v, text: v }));

/** Re-score a risk at its review: the new score is added to the risk's history. */
export function RiskReviewForm({ risks, onDone }: { risks: Risk[]; onDone: () => void }) {
  const [riskId, setRiskId] = useState('');
  const [likelihood, setLikelihood] = useState('');
  const [impact, setImpact] = useState('');
  const [note, setNote] = useState('');
  const [mitigation, setMitigation] = useState('');
  const [close, setClose] = useState<string[]>([]);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const choose = (id: string) => {
    setRiskId(id);
    const r = risks.find((x) => x.id === id);
    setLikelihood(r ? String(r.likelihood) : '');
    setImpact(r ? String(r.impact) : '');
    setMitigation(r?.mitigation ?? '');
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: SummaryError[] = [];
    if (!riskId) problems.push({ field: 'riskId', message: 'Choose the risk you reviewed' });
    if (!likelihood) problems.push({ field: 'likelihood', message: 'Choose the likelihood' });
    if (!impact) problems.push({ field: 'impact', message: 'Choose the impact' });
    setErrors(problems);
    if (problems.length) return;
    try {
      await apiSend('POST', `/api/contracts/risks/${riskId}/review`, {
        likelihood: Number(likelihood),
        impact: Number(impact),
        note: note.trim() || null,
        mitigation,
        ...(close.length ? { status: 'closed' } : {}),
      });
      const r = risks.find((x) => x.id === riskId)!;
      setDone(`${r.reference} re-scored at ${Number(likelihood) * Number(impact)}${close.length ? ' and closed' : ''}`);
      setNote('');
      setClose([]);
      setRiskId('');
      onDone();
    } catch (err) {
      setErrors(err instanceof ApiError ? apiErrorsToSummary(err) : [{ message: String(err) }]);
    }
  };
  return (
    <form onSubmit={submit} noValidate className="govuk-!-margin-top-6">
      <h2 className="govuk-heading-m">Review a risk</h2>
      <ErrorSummary errors={errors} />
      {done && <NotificationBanner type="success" heading={done} />}
      <Select
        name="riskId"
        label="Risk"
        value={riskId}
        onChange={choose}
        placeholder="Choose a risk"
        options={risks
          .filter((r) => r.status === 'open')
          .map((r) => ({ value: r.id, text: `${r.reference} ${r.title}` }))}
        error={fieldError(errors, 'riskId')}
      />
      <Radios
        name="likelihood"
        legend="Likelihood (1 rare – 5 almost certain)"
        inline
        small
        value={likelihood}
        onChange={setLikelihood}
        items={SCALE}
        error={fieldError(errors, 'likelihood')}
      />
      <Radios
        name="impact"
        legend="Impact (1 negligible – 5 severe)"
        inline
        small
        value={impact}
        onChange={setImpact}
        items={SCALE}
        error={fieldError(errors, 'impact')}
      />
      <Textarea name="mitigation" label="Risk mitigation" value={mitigation} onChange={setMitigation} rows={3} />
      <Textarea name="note" label="What changed (optional)" value={note} onChange={setNote} rows={2} />
      <Checkboxes
        name="close"
        legend="Close the risk?"
        small
        value={close}
        onChange={setClose}
        items={[{ value: 'closed', text: 'Close this risk: it no longer needs managing' }]}
      />
      <Button>Record review</Button>
    </form>
  );
}
