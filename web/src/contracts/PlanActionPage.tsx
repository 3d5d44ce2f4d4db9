// A delivery plan's action added or changed: its text, owner, service areas, a status per year, RAG, and the
// contracts and procurements that deliver it.
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { apiSend, useApi } from '../api';
import {
  Button,
  Checkboxes,
  ErrorSummary,
  LoadingOrError,
  Page,
  Radios,
  TextInput,
  Textarea,
  UnsavedChangesGuard,
  fieldError,
  type SummaryError,
} from '../components';
import { crumbs, errorsOf, type PlanView } from './deliveryPlanParts';

/** Add or change an action: text, owner, service areas, a status per year, RAG, the contracts and procurements that deliver it. */
export function PlanActionPage() {
  const { id: planId, actionId } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { data, error, loading } = useApi<PlanView>(`/api/delivery-plans/${planId}`);
  const { data: register } = useApi<{ contracts: { id: string; reference: string; title: string }[] }>(
    '/api/contracts/contracts',
  );
  const { data: procs } = useApi<{ procurements: { id: string; title: string }[] }>('/api/contracts/procurements');
  const existing = data?.priorities
    .flatMap((p) => p.intentions.flatMap((i) => i.actions.map((a) => ({ a, i }))))
    .find((x) => x.a.id === actionId);
  const intentionId = existing?.i.id ?? params.get('intention') ?? '';
  const [form, setForm] = useState<{
    text: string;
    owner: string;
    areas: string;
    statuses: string[];
    rag: string;
    contractIds: string[];
    procurementIds: string[];
  } | null>(null);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  if (!data)
    return (
      <Page title="Action" breadcrumbs={crumbs([{ text: 'Action' }])}>
        <LoadingOrError loading={loading} error={error} what="the plan" />
      </Page>
    );
  const intention = data.priorities.flatMap((p) => p.intentions).find((i) => i.id === intentionId);
  const f = form ?? {
    text: existing?.a.text ?? '',
    owner: existing?.a.owner ?? '',
    areas: existing?.a.responsibleServiceAreas.join('\n') ?? '',
    statuses: data.plan.years.map((_, k) => existing?.a.yearStatuses[k] ?? ''),
    rag: existing?.a.ragOverride ?? '',
    contractIds: existing?.a.contracts.map((c) => c.id) ?? [],
    procurementIds: existing?.a.procurements.map((c) => c.id) ?? [],
  };
  const set = (patch: Partial<typeof f>) => setForm({ ...f, ...patch });
  const title = existing ? 'Change the action' : 'Add an action';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = {
      text: f.text,
      owner: f.owner || null,
      responsibleServiceAreas: f.areas
        .split('\n')
        .map((x) => x.trim())
        .filter(Boolean),
      yearStatuses: f.statuses,
      ragOverride: f.rag || null,
      contractIds: f.contractIds,
      procurementIds: f.procurementIds,
    };
    try {
      if (existing) await apiSend('PUT', `/api/delivery-plans/actions/${existing.a.id}`, body);
      else await apiSend('POST', `/api/delivery-plans/intentions/${intentionId}/actions`, body);
      navigate(`/contracts/delivery-plans/${planId}?saved=1`, { state: { saved: true } });
    } catch (err) {
      setErrors(
        errorsOf(err).map((x) => ({
          ...x,
          field: x.field?.startsWith('contractIds')
            ? 'contractIds'
            : x.field?.startsWith('procurementIds')
              ? 'procurementIds'
              : x.field === 'yearStatuses'
                ? 'yearStatuses.0'
                : x.field,
        })),
      );
    }
  };
  return (
    <Page
      title={title}
      caption={intention ? `Intention: ${intention.text.slice(0, 120)}` : data.plan.title}
      breadcrumbs={crumbs([{ text: data.plan.title, href: `/contracts/delivery-plans/${planId}` }, { text: title }])}
      hasErrors={errors.length > 0}
    >
      <UnsavedChangesGuard when={form !== null} />
      {!data.canEdit || !intention ? (
        <p className="govuk-body">
          {!data.canEdit ? 'You can read this plan but not change it.' : 'There is no such intention in this plan.'}
        </p>
      ) : (
        <>
          <ErrorSummary errors={errors} />
          <form onSubmit={submit} noValidate>
            <Textarea
              name="text"
              label="Action to be undertaken"
              value={f.text}
              onChange={(v) => set({ text: v })}
              error={fieldError(errors, 'text')}
              rows={3}
            />
            <TextInput
              name="owner"
              label="Owner"
              hint="The officer responsible, for example Commissioning Manager – Age Well"
              value={f.owner}
              onChange={(v) => set({ owner: v })}
              error={fieldError(errors, 'owner')}
            />
            <Textarea
              name="responsibleServiceAreas"
              label="Responsible service areas"
              hint="One a line"
              value={f.areas}
              onChange={(v) => set({ areas: v })}
              error={fieldError(errors, 'responsibleServiceAreas')}
              rows={2}
            />
            {data.plan.years.map((y, k) => (
              <TextInput
                key={y}
                name={`yearStatuses.${k}`}
                label={`Status in year ${k + 1} (${y})`}
                hint={k === 0 ? 'For example Develop & Implement, Re-Tender, Ongoing Monitoring' : undefined}
                value={f.statuses[k]}
                onChange={(v) => set({ statuses: f.statuses.map((s, j) => (j === k ? v : s)) })}
                error={fieldError(errors, `yearStatuses.${k}`)}
              />
            ))}
            <Radios
              name="ragOverride"
              legend="RAG"
              hint="Leave it to the milestones, or set it"
              small
              value={f.rag}
              onChange={(v) => set({ rag: v })}
              items={[
                { value: '', text: 'From the milestones' },
                { value: 'green', text: 'Green' },
                { value: 'amber', text: 'Amber' },
                { value: 'red', text: 'Red' },
                { value: 'complete', text: 'Complete' },
              ]}
              error={fieldError(errors, 'ragOverride')}
            />
            <Checkboxes
              name="procurementIds"
              legend="Procurements that deliver it"
              small
              value={f.procurementIds}
              onChange={(v) => set({ procurementIds: v })}
              items={(procs?.procurements ?? []).map((p) => ({ value: p.id, text: p.title }))}
              error={fieldError(errors, 'procurementIds')}
            />
            <details className="govuk-details">
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">
                  Contracts that deliver it ({f.contractIds.length} chosen)
                </span>
              </summary>
              <div className="govuk-details__text">
                <Checkboxes
                  name="contractIds"
                  legend="Contracts"
                  small
                  value={f.contractIds}
                  onChange={(v) => set({ contractIds: v })}
                  items={(register?.contracts ?? []).map((c) => ({ value: c.id, text: `${c.reference} ${c.title}` }))}
                  error={fieldError(errors, 'contractIds')}
                />
              </div>
            </details>
            <Button>Save action</Button>
          </form>
        </>
      )}
    </Page>
  );
}
