// One procurement: what it recommissions or delivers, its stages with planned, actual and forecast dates, the
// form to move a stage on (commissioners), and its history of changes.
import { Link, useParams } from 'react-router';
import { useApi } from '../api';
import { useAuth } from '../auth';
import {
  LoadingOrError,
  NotificationBanner,
  Page,
  SummaryList,
  Table,
  Tag,
  formatDate,
  useNavigationState,
} from '../components';
import { HistoryTable } from './HistoryTable';
import { PROCUREMENT_STAGE_LABELS, label } from './labels';
import { StageUpdateForm } from './StageUpdateForm';
import type { HistoryEntry, Procurement, StageForecast } from './types';

const ROUTE_LABELS: Record<string, string> = {
  re_tender: 'Re-tender',
  direct_award: 'Direct award',
  bring_in_house: 'Bring in house',
  new_service: 'New service',
};
const STATUS: Record<string, { text: string; colour: 'green' | 'blue' | 'red' | 'grey' }> = {
  complete: { text: 'Complete', colour: 'green' },
  in_progress: { text: 'In progress', colour: 'blue' },
  overdue: { text: 'Overdue', colour: 'red' },
  not_started: { text: 'Not started', colour: 'grey' },
  not_applicable: { text: 'Not used', colour: 'grey' },
};

export function ProcurementPage() {
  const { id } = useParams();
  const { hasRole } = useAuth();
  const [saved, clearSaved] = useNavigationState<{ saved?: string; contractId?: string | null }>();
  const { data, loading, error, reload } = useApi<{ asAt: string; procurement: Procurement; history: HistoryEntry[] }>(
    `/api/contracts/procurements/${id}`,
  );
  const crumbs = [
    { text: 'Contracts and delivery', href: '/contracts' },
    { text: 'Procurement timeline', href: '/contracts/procurements' },
    { text: data?.procurement.title ?? 'Procurement' },
  ];
  if (!data)
    return (
      <Page title="Procurement" breadcrumbs={crumbs}>
        <LoadingOrError loading={loading} error={error} what="the procurement" />
      </Page>
    );
  const p = data.procurement;
  const f = p.forecast;
  return (
    <Page title={p.title} caption="Procurement" breadcrumbs={crumbs}>
      {saved?.saved && (
        <NotificationBanner type="success" heading={saved.saved}>
          <p className="govuk-body">
            Its stages are planned back from go-live: change them or record progress below.
            {p.contractId && (
              <>
                {' '}
                <Link className="govuk-notification-banner__link" to={`/contracts/register/${p.contractId}`}>
                  Back to contract {p.contractReference}
                </Link>
                .
              </>
            )}
          </p>
        </NotificationBanner>
      )}
      <SummaryList
        rows={[
          { key: 'Route', value: label(ROUTE_LABELS, p.route) },
          { key: 'Lead officer', value: p.leadOfficer ?? 'Not set' },
          {
            key: 'Contract it recommissions',
            value: p.contractId ? (
              <Link className="govuk-link" to={`/contracts/register/${p.contractId}`}>
                {p.contractReference}
              </Link>
            ) : (
              'None (a new service)'
            ),
          },
          ...(p.intentionTitle ? [{ key: 'Commissioning intention', value: p.intentionTitle }] : []),
          { key: 'Current stage', value: f.complete ? 'Complete' : label(PROCUREMENT_STAGE_LABELS, f.currentStage) },
          { key: 'Planned go-live', value: f.plannedGoLive ? formatDate(f.plannedGoLive) : 'Not planned' },
          {
            key: 'Forecast go-live',
            value: (
              <>
                {f.forecastGoLive ? formatDate(f.forecastGoLive) : 'Not planned'}
                {f.cannotFinishBeforeContractEnd && (
                  <>
                    {' '}
                    <Tag colour="red">{`Late: ${f.gapDays} days without cover`}</Tag>
                  </>
                )}
              </>
            ),
          },
        ]}
      />
      <h2 className="govuk-heading-m">Stages</h2>
      <Table<StageForecast>
        caption="Stages with planned, actual and forecast dates"
        captionHidden
        rows={f.stages}
        rowKey={(s) => s.stage}
        columns={[
          { key: 'stage', header: 'Stage', render: (s) => label(PROCUREMENT_STAGE_LABELS, s.stage) },
          {
            key: 'planned',
            header: 'Planned',
            render: (s) => `${formatDate(s.plannedStart)} to ${formatDate(s.plannedEnd)}`,
          },
          {
            key: 'actual',
            header: 'Actual',
            render: (s) =>
              s.actualStart ? `${formatDate(s.actualStart)} to ${s.actualEnd ? formatDate(s.actualEnd) : '…'}` : '–',
          },
          {
            key: 'status',
            header: 'Status',
            render: (s) => <Tag colour={STATUS[s.status].colour}>{STATUS[s.status].text}</Tag>,
          },
        ]}
      />
      {hasRole('commissioner', 'admin') ? (
        <StageUpdateForm
          procurements={[p]}
          initialProcurementId={p.id}
          onDone={() => {
            clearSaved();
            reload();
          }}
        />
      ) : (
        <p className="govuk-body">You can see this procurement but you do not have access to change it.</p>
      )}
      <h2 className="govuk-heading-m govuk-!-margin-top-6" id="history">
        History
      </h2>
      <HistoryTable caption="Changes to this procurement, newest first" rows={data.history} />
    </Page>
  );
}
