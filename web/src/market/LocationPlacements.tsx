// A location's council-funded placements and packages, for staff.
import { DownloadLinks, formatDate, formatPence, Table } from '../components';
import { BAND_LABELS, CONTRACT_LABELS, FUNDING_LABELS } from './labels';
import type { LocationPicture } from './types';

/** The location's active placements or packages (pseudonymous), for staff, with a download. */
export function LocationPlacements({
  placements,
  name,
}: {
  placements: LocationPicture['placements'];
  /** The location's name: named in the download's file name. */
  name?: string;
}) {
  return (
    <>
      <h2 className="govuk-heading-m">Placements</h2>
      <p className="govuk-body">
        {placements.active} active placements or packages, {placements.councilFunded} funded by the council (alone or
        jointly).
      </p>
      {placements.list.length > 0 && (
        <>
          <Table
            caption="Active placements (pseudonymous)"
            captionSize="s"
            rows={placements.list}
            rowKey={(r) => r.id}
            sortable
            columns={[
              { key: 'personRef', header: 'Person' },
              { key: 'band', header: 'Band', render: (r) => BAND_LABELS[r.band as keyof typeof BAND_LABELS] ?? r.band },
              {
                key: 'startDate',
                header: 'Started',
                render: (r) => formatDate(r.startDate, { short: true }),
                sortValue: (r) => r.startDate,
              },
              {
                key: 'weeklyPricePence',
                header: 'Weekly price',
                numeric: true,
                render: (r) => formatPence(r.weeklyPricePence),
              },
              { key: 'funding', header: 'Funding', render: (r) => FUNDING_LABELS[r.funding] ?? r.funding },
              {
                key: 'contractType',
                header: 'Contract',
                render: (r) => CONTRACT_LABELS[r.contractType] ?? r.contractType,
              },
            ]}
          />
          <DownloadLinks
            filename="placements"
            filter={name}
            what="placements"
            rows={placements.list}
            columns={[
              { key: 'personRef', header: 'Person' },
              { key: 'band', header: 'Band', labels: BAND_LABELS },
              { key: 'startDate', header: 'Started' },
              {
                key: 'weeklyPricePence',
                header: 'Weekly price £',
                value: (r) => r.weeklyPricePence / 100,
                numFmt: '£#,##0.00',
              },
              { key: 'funding', header: 'Funding', labels: FUNDING_LABELS },
              { key: 'contractType', header: 'Contract', labels: CONTRACT_LABELS },
            ]}
          />
        </>
      )}
    </>
  );
}
