import { useState, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError, apiSend, useApi } from '../api';
import { useAuth } from '../auth';
import {
  Button,
  ErrorSummary,
  LoadingOrError,
  SuccessBanner,
  Page,
  Radios,
  SummaryList,
  Table,
  Textarea,
  apiErrorsToSummary,
  fieldError,
  InsetText,
  formatDate,
  formatPence,
  type SummaryError,
} from '../components';
import {
  CARE_GROUP_LABELS,
  CONTRACT_FORM_LABELS,
  DECISION_LABELS,
  FUNDING_SOURCE_LABELS,
  KPI_FREQUENCY_LABELS,
  PROCUREMENT_STAGE_LABELS,
  SERVICE_AREA_LABELS,
  label,
} from './labels';
import type { ContractDetail } from './types';
import { ReturnStateTag, kpiTargetText } from './kpiReturnParts';
import { HistoryTable } from './HistoryTable';
import { londonToday as today } from '../../../src/domain/core/dates';

export function ContractPage() {
  const { id } = useParams();
  const { hasRole } = useAuth();
  const { data, loading, error, reload } = useApi<ContractDetail>(`/api/contracts/contracts/${id}`);
  const saved = (useLocation().state as { saved?: string } | null)?.saved ?? null;
  const [decision, setDecision] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [done, setDone] = useState<string | null>(null);
  if (!data)
    return (
      <Page
        title="Contract"
        breadcrumbs={[
          { text: 'Contracts and delivery', href: '/contracts' },
          { text: 'Contract register', href: '/contracts/register' },
          { text: 'Contract' },
        ]}
      >
        <LoadingOrError loading={loading} error={error} what="the contract" />
      </Page>
    );
  const c = data.contract;
  const canDecide = hasRole('commissioner', 'admin');
  const options = ['extend', 're_tender', 'direct_award', 'decommission', 'bring_in_house'].filter(
    (d) => d !== 'extend' || c.extensionsRemaining.length > 0,
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!decision) {
      setErrors([{ field: 'decision', message: 'Choose a decision' }]);
      return;
    }
    try {
      await apiSend('POST', `/api/contracts/contracts/${c.id}/decision`, { decision, note: note.trim() || null });
      setErrors([]);
      setDone(
        decision === 'extend'
          ? 'Extension taken: the end date has moved.'
          : `Decision recorded: ${label(DECISION_LABELS, decision)}.`,
      );
      setDecision('');
      reload();
    } catch (err) {
      setErrors(err instanceof ApiError ? apiErrorsToSummary(err) : [{ message: String(err) }]);
    }
  };

  return (
    <Page
      title={c.title}
      caption={c.reference}
      hasErrors={errors.length > 0}
      breadcrumbs={[
        { text: 'Contracts and delivery', href: '/contracts' },
        { text: 'Contract register', href: '/contracts/register' },
        { text: c.reference },
      ]}
    >
      <ErrorSummary errors={errors} />
      <SuccessBanner
        heading={done ?? saved}
        href="#history"
        before="The change is in "
        linkText="this contract’s history"
        after="."
      />
      {c.endedOn && (
        <InsetText>
          Ended early: its last day {c.endedOn < today() ? 'was' : 'is'} {formatDate(c.endedOn)}
          {c.endReason ? `. ${c.endReason}` : ''}.
        </InsetText>
      )}
      {canDecide ? (
        <ul className="govuk-list app-actions">
          <li>
            <Link className="govuk-link" to={`/contracts/register/${c.id}/edit`}>
              Edit the contract’s details
            </Link>
          </li>
          {!c.endedOn && c.extensionsRemaining.length > 0 && (
            <li>
              <Link className="govuk-link" to={`/contracts/register/${c.id}/extend`}>
                Take an extension
              </Link>
            </li>
          )}
          {!c.endedOn && (
            <li>
              <Link className="govuk-link" to={`/contracts/register/${c.id}/vary`}>
                Vary the contract
              </Link>
            </li>
          )}
          {!c.endedOn && (
            <li>
              <Link className="govuk-link" to={`/contracts/register/${c.id}/end`}>
                End the contract early
              </Link>
            </li>
          )}
          <li>
            <Link className="govuk-link" to={`/contracts/register/${c.id}/kpis/new`}>
              Add a KPI
            </Link>
          </li>
          <li>
            <Link className="govuk-link" to={`/contracts/procurements/new?contract=${c.id}`}>
              Start a procurement
            </Link>
          </li>
        </ul>
      ) : (
        !hasRole('provider') && (
          <p className="govuk-body">You can see this contract but you do not have access to change it.</p>
        )
      )}
      <SummaryList
        rows={[
          { key: 'Provider', value: c.providerName ?? 'In-house service' },
          ...(c.locationName ? [{ key: 'Location', value: c.locationName }] : []),
          { key: 'Service area', value: label(SERVICE_AREA_LABELS, c.serviceArea) },
          { key: 'Care group', value: label(CARE_GROUP_LABELS, c.careGroup) },
          { key: 'Contract form', value: label(CONTRACT_FORM_LABELS, c.contractForm) },
          { key: 'Funding source', value: label(FUNDING_SOURCE_LABELS, c.fundingSource) },
          {
            key: 'Value',
            value: `${formatPence(c.annualValuePence)} a year (${formatPence(c.totalValuePence)} in total)`,
          },
          {
            key: 'Term',
            value: `${formatDate(c.startDate)} to ${formatDate(c.currentEndDate)}${c.extensionsTaken ? ` (${c.extensionsTaken} extension${c.extensionsTaken > 1 ? 's' : ''} taken)` : ''}`,
          },
          {
            key: 'Extension options left',
            value: c.extensionsRemaining.length
              ? `${c.extensionsRemaining.map((m) => `${m} months`).join(' + ')}, to ${formatDate(c.maximumEndDate)} at the longest`
              : 'None',
          },
          { key: 'Notice', value: `${c.noticePeriodMonths} months: serve notice by ${formatDate(c.noticeDeadline)}` },
          ...(c.breakClauseDates.length
            ? [{ key: 'Break clauses', value: c.breakClauseDates.map((d) => formatDate(d)).join(', ') }]
            : []),
          { key: 'Social value commitments', value: c.socialValue ?? 'None recorded' },
          { key: 'Lead officer', value: c.leadOfficer ?? 'Not set' },
          {
            key: 'Recommissioning decision',
            value: c.decision
              ? `${label(DECISION_LABELS, c.decision)}${c.decisionNote ? `: ${c.decisionNote}` : ''}`
              : 'Not decided',
          },
        ]}
      />
      {data.procurements.map((p) => (
        <p key={p.id} className="govuk-body">
          Procurement:{' '}
          <Link className="govuk-link" to={`/contracts/procurements/${p.id}`}>
            <strong>{p.title}</strong>
          </Link>
          , {p.forecast.complete ? 'complete' : `now at ${label(PROCUREMENT_STAGE_LABELS, p.forecast.currentStage)}`},
          forecast go-live {p.forecast.forecastGoLive ? formatDate(p.forecast.forecastGoLive) : 'not planned'}
          {p.forecast.cannotFinishBeforeContractEnd ? ` – ${p.forecast.gapDays} days after this contract ends` : ''}.
        </p>
      ))}
      <h2 className="govuk-heading-m">Key performance indicators</h2>
      <Table
        caption="KPIs and latest returns"
        captionHidden
        rows={data.kpis}
        rowKey={(k) => k.id}
        emptyText="No KPIs on this contract."
        columns={[
          {
            key: 'name',
            header: 'KPI',
            render: (k) => (
              <>
                {k.name}
                {k.retiredOn && (
                  <>
                    <br />
                    <strong className="govuk-tag govuk-tag--grey">Retired {formatDate(k.retiredOn)}</strong>
                    {k.retireReason && <span className="govuk-hint govuk-!-font-size-16"> {k.retireReason}</span>}
                  </>
                )}
              </>
            ),
          },
          { key: 'target', header: 'Target', render: (k) => kpiTargetText(k) },
          { key: 'frequency', header: 'Frequency', render: (k) => label(KPI_FREQUENCY_LABELS, k.frequency) },
          {
            key: 'latest',
            header: 'Latest return',
            render: (k) => {
              const r = k.returns[k.returns.length - 1];
              return r ? (
                <>
                  {r.label}: {r.value ?? '–'} <ReturnStateTag state={r.state} />
                </>
              ) : (
                'None due yet'
              );
            },
          },
          ...(canDecide
            ? [
                {
                  key: 'actions',
                  header: 'Actions',
                  render: (k: (typeof data.kpis)[number]) =>
                    k.retiredOn ? (
                      'None: retired'
                    ) : (
                      <ul className="govuk-list govuk-!-margin-bottom-0">
                        <li>
                          <Link className="govuk-link" to={`/contracts/register/${c.id}/kpis/${k.id}/edit`}>
                            Change<span className="govuk-visually-hidden"> {k.name}</span>
                          </Link>
                        </li>
                        <li>
                          <Link className="govuk-link" to={`/contracts/register/${c.id}/kpis/${k.id}/remove`}>
                            Remove<span className="govuk-visually-hidden"> {k.name}</span>
                          </Link>
                        </li>
                      </ul>
                    ),
                },
              ]
            : []),
        ]}
      />
      {canDecide && c.status !== 'ended' && (
        <form onSubmit={submit} noValidate>
          <Radios
            name="decision"
            legend="Recommissioning decision"
            hint="Extend takes the next extension option now."
            value={decision}
            onChange={setDecision}
            items={options.map((d) => ({ value: d, text: label(DECISION_LABELS, d) }))}
            error={fieldError(errors, 'decision')}
          />
          <Textarea name="note" label="Reason (optional)" value={note} onChange={setNote} rows={3} />
          <Button>Record decision</Button>
        </form>
      )}
      {!hasRole('provider') && (
        <>
          <h2 className="govuk-heading-m" id="history">
            History
          </h2>
          <HistoryTable
            caption="Changes to this contract, its KPIs and procurements, newest first"
            rows={data.history}
          />
        </>
      )}
    </Page>
  );
}
