// The BCF risk log, read from the contracts risk register: risks linked to the plan or a scheme, and risks on the
// contracts the schemes name. Editors link a register risk to the plan or a scheme and remove links; the scores
// and mitigations are kept in the register (Contracts › Risks), so there is one risk register, not two.
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { apiSend, useApi } from '../api';
import {
  ConfirmBanner,
  failureToSummary,
  Button,
  ErrorSummary,
  LoadingOrError,
  NotificationBanner,
  RagTag,
  Select,
  Table,
  fieldError,
  type SummaryError,
} from '../components';
import type { PlanRisks, RiskLink, Scheme } from './types';

export function linkText(l: RiskLink): string {
  if (l.kind === 'plan') return 'Plan';
  if (l.kind === 'scheme') return `Scheme ${l.schemeRef}`;
  return `Contract ${l.contractRef} (${l.schemeRef})`;
}

/**
 * The log for a plan, or for one scheme (its own risks and its contracts' risks) when `scheme` is given.
 * The link form appears only when the API says the user can edit.
 */
export function RiskLog({ planId, schemes, scheme }: { planId: string; schemes: Scheme[]; scheme?: Scheme }) {
  const { data, error, loading, reload } = useApi<PlanRisks>(`/api/bcf/plans/${planId}/risks`);
  const [riskId, setRiskId] = useState('');
  const [schemeId, setSchemeId] = useState(scheme?.id ?? '');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [saved, setSaved] = useState<{ text: string; riskId: string } | null>(null);
  // The risk whose link the user asked to remove, until they confirm or keep it.
  const [removing, setRemoving] = useState<{ id: string; reference: string } | null>(null);
  if (!data) return <LoadingOrError loading={loading} error={error} what="the risk log" />;
  const risks = scheme
    ? data.risks.filter((r) => r.links.some((l) => l.kind !== 'plan' && l.schemeId === scheme.id))
    : data.risks;
  const send = async (method: 'POST' | 'DELETE', body?: unknown, riskPath = '') => {
    await apiSend<PlanRisks>(method, `/api/bcf/plans/${planId}/risks${riskPath}`, body);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    if (!riskId) {
      setErrors([{ field: 'riskId', message: 'Choose a risk from the register' }]);
      return;
    }
    try {
      await send('POST', { riskId, schemeId: schemeId || null });
      const r = data.available.find((x) => x.id === riskId);
      const to = schemeId ? `scheme ${schemes.find((s) => s.id === schemeId)?.ref}` : 'the plan';
      setSaved({ text: `Risk ${r?.reference ?? ''} linked to ${to}`, riskId });
      setErrors([]);
      setRiskId('');
      reload();
    } catch (err) {
      setErrors(failureToSummary(err));
    }
  };
  const unlink = async (id: string, reference: string) => {
    setSaved(null);
    setRemoving(null);
    try {
      await send('DELETE', undefined, `/${id}`);
      setSaved({
        text: `Risk ${reference} is no longer linked to this plan (it stays in the risk register)`,
        riskId: '',
      });
      setErrors([]);
      reload();
    } catch (err) {
      setErrors(failureToSummary(err));
    }
  };
  return (
    <>
      <p className="govuk-body">
        Risks are kept in the <Link to="/contracts/risks">risk register</Link>, where they are scored and reviewed.
        {scheme
          ? ' This scheme’s risks are the ones linked to it and the risks on the contracts it names.'
          : ' The plan’s log is every risk linked to the plan or a scheme, and the risks on the contracts the schemes name.'}
      </p>
      <ErrorSummary errors={errors} />
      {removing && (
        <ConfirmBanner
          id="confirm-risk-unlink"
          title="Remove this risk link?"
          text={`Are you sure risk ${removing.reference} is no longer linked to this plan? It stays in the risk register; you can link it again.`}
          yes="Yes, remove the link"
          no="No, keep it"
          onYes={() => void unlink(removing.id, removing.reference)}
          onNo={() => setRemoving(null)}
        />
      )}
      {saved && (
        <NotificationBanner type="success" heading={saved.text}>
          <p className="govuk-body">
            <Link className="govuk-notification-banner__link" to="/contracts/risks">
              See the risk register
            </Link>
          </p>
        </NotificationBanner>
      )}
      <Table
        caption={scheme ? `Risks of ${scheme.ref}` : 'Risk log'}
        captionHidden
        rows={risks}
        rowKey={(r) => r.id}
        emptyText={scheme ? 'No risks are linked to this scheme or its contracts' : 'No risks are linked to this plan'}
        columns={[
          { key: 'reference', header: 'Risk', render: (r) => `${r.reference} ${r.title}` },
          { key: 'links', header: 'Linked to', render: (r) => r.links.map(linkText).join('; ') },
          { key: 'owner', header: 'Owner' },
          { key: 'score', header: 'Score', numeric: true },
          { key: 'band', header: 'Rating', render: (r) => <RagTag status={r.band.rag}>{r.band.label}</RagTag> },
          { key: 'status', header: 'Status', render: (r) => (r.status === 'open' ? 'Open' : 'Closed') },
          ...(data.canEdit
            ? [
                {
                  key: 'action',
                  header: 'Action',
                  render: (r: PlanRisks['risks'][number]) =>
                    r.linked ? (
                      <button
                        type="button"
                        className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                        data-module="govuk-button"
                        onClick={() => {
                          setSaved(null);
                          setRemoving({ id: r.id, reference: r.reference });
                        }}
                      >
                        Remove link<span className="govuk-visually-hidden"> for {r.reference}</span>
                      </button>
                    ) : (
                      'Through a contract'
                    ),
                },
              ]
            : []),
        ]}
      />
      {data.canEdit && (
        <form onSubmit={submit} noValidate>
          <h3 className="govuk-heading-s">Link a risk from the register</h3>
          <Select
            name="riskId"
            label="Risk"
            placeholder="Choose a risk"
            options={data.available.map((r) => ({ value: r.id, text: `${r.reference} ${r.title}` }))}
            value={riskId}
            onChange={setRiskId}
            error={fieldError(errors, 'riskId')}
          />
          <Select
            name="schemeId"
            label="Link it to"
            options={[
              { value: '', text: 'The plan as a whole' },
              ...schemes.map((s) => ({ value: s.id, text: `${s.ref} ${s.name}` })),
            ]}
            value={schemeId}
            onChange={setSchemeId}
            error={fieldError(errors, 'schemeId')}
          />
          <Button variant="secondary">Link risk</Button>
        </form>
      )}
    </>
  );
}
