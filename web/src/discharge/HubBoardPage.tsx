import { Link } from 'react-router';
import { useApi } from '../api';
import { useAuth } from '../auth';
import { Button, ButtonGroup, KeyFigures, Table, Tag, formatCount, formatDateTime } from '../components';
import { DELAY_REASON_LABELS, PATHWAY_LABELS, REFERRAL_STATUS_LABELS, SERVICE_NEED_LABELS } from './labels';
import type { BoardEntry, BoardLane } from './types';
import { DischargeReportPage } from './DischargeReportPage';

const STATUS_COLOUR: Record<string, 'grey' | 'blue' | 'yellow' | 'green' | 'red'> = {
  waiting: 'red',
  requested: 'yellow',
  offered: 'blue',
  awarded: 'green',
  discharged: 'grey',
  cancelled: 'grey',
};

function Lane({ lane }: { lane: BoardLane }) {
  return (
    <Table<BoardEntry>
      caption={`${PATHWAY_LABELS[lane.pathway]} (${lane.waiting} waiting)`}
      rows={lane.entries}
      rowKey={(e) => e.referralId}
      firstCellIsHeader
      sortable
      emptyText="Nobody waiting on this pathway"
      columns={[
        {
          key: 'personRef',
          header: 'Person',
          render: (e) => (
            <Link className="govuk-link" to={`/discharge/referrals/${e.referralId}`}>
              {e.personRef}
            </Link>
          ),
        },
        { key: 'serviceNeed', header: 'Needs', render: (e) => SERVICE_NEED_LABELS[e.serviceNeed] },
        { key: 'ward', header: 'Ward', render: (e) => `${e.ward}, ${e.hospital}` },
        { key: 'postcodeDistrict', header: 'Area' },
        {
          key: 'medicallyOptimisedAt',
          header: 'Medically optimised',
          render: (e) => formatDateTime(e.medicallyOptimisedAt),
        },
        { key: 'daysWaited', header: 'Days waited', numeric: true },
        {
          key: 'status',
          header: 'Stage',
          render: (e) => <Tag colour={STATUS_COLOUR[e.status]}>{REFERRAL_STATUS_LABELS[e.status]}</Tag>,
        },
        { key: 'delayReason', header: 'Delay reason', render: (e) => DELAY_REASON_LABELS[e.delayReason] },
        { key: 'offers', header: 'Offers', numeric: true },
      ]}
    />
  );
}

/** Everyone medically optimised and still in hospital, by pathway, longest wait first. */
export function HubBoardPage() {
  const { hasRole } = useAuth();
  const board = useApi<{ asAt: string; lanes: BoardLane[] }>('/api/discharge/board');
  return (
    <DischargeReportPage title="Transfer of Care hub" what="the hub board" state={board}>
      {(data) => {
        const total = data.lanes.reduce((a, l) => a + l.waiting, 0);
        return (
          <>
            <p className="govuk-body">
              {formatCount(total, 'person')} {total === 1 ? 'is' : 'are'} medically optimised and waiting to leave
              hospital (as at {formatDateTime(data.asAt)}).
            </p>
            {hasRole('broker', 'admin') && (
              <ButtonGroup>
                <Button href="/discharge/referrals/new">Add a referral</Button>
              </ButtonGroup>
            )}
            <KeyFigures
              figures={data.lanes.map((l) => ({
                key: `p${l.pathway}`,
                label: `Pathway ${l.pathway} waiting`,
                value: l.waiting,
                hint:
                  l.waiting && l.medianDaysWaited !== null
                    ? `median ${formatCount(l.medianDaysWaited, 'day')}; ${l.waitingSevenDaysOrMore} for 7 days or more`
                    : 'nobody waiting',
              }))}
            />
            {[...data.lanes].reverse().map((lane) => (
              <Lane key={lane.pathway} lane={lane} />
            ))}
          </>
        );
      }}
    </DischargeReportPage>
  );
}
