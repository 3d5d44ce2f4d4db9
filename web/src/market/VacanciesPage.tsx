// Care homes with beds vacant and accepting admissions now, with how old each figure is.
import { useApi } from '../api';
import { DownloadLinks, formatDateTime, LoadingOrError, RatingTag, Table, formatCount } from '../components';
import { FreshnessTag } from './FreshnessTag';
import { careHomeColumn } from './columns';
import { describeFilters, filterQuery, useMarketFilters } from './Filters';
import { MarketPage } from './MarketPage';
import type { VacancyRow } from './types';
import type { Wire } from '../../../src/server/schemas';
import type { bedStatusRowSchema } from '../../../src/server/market/schemas/dashboard';
import { BED_CLOSED_REASON_LABELS } from '../../../src/domain/market/capacity';

type BedStatusRow = Wire<typeof bedStatusRowSchema>;

export function VacanciesPage() {
  const [filters] = useMarketFilters();
  const { data, error, loading } = useApi<VacancyRow[]>(`/api/market/vacancies${filterQuery(filters)}`);
  const status = useApi<BedStatusRow[]>(`/api/market/bed-status${filterQuery(filters)}`);
  if (!data)
    return (
      <MarketPage title="Vacancies now" crumb="Vacancies" current="/market/vacancies" loading>
        <LoadingOrError loading={loading} error={error} what="vacancies" />
      </MarketPage>
    );
  const total = data.reduce((s, r) => s + r.vacantAccepting, 0);
  return (
    <MarketPage title="Vacancies now" crumb="Vacancies" current="/market/vacancies">
      <p className="govuk-body">
        {formatCount(total, 'bed')} vacant and accepting admissions in {formatCount(data.length, 'care home')},{' '}
        {describeFilters(filters)}. Check the age of each figure before offering a bed.
      </p>
      <Table
        caption="Care homes with vacancies"
        rows={data}
        rowKey={(r) => r.locationId}
        sortable
        initialSort={{ key: 'vacantAccepting', direction: 'descending' }}
        columns={[
          careHomeColumn<VacancyRow>(),
          { key: 'postcodeDistrict', header: 'District' },
          { key: 'vacantAccepting', header: 'Vacant', numeric: true },
          {
            key: 'residentialVacantAccepting',
            header: 'Residential',
            numeric: true,
            render: (r) => (r.residentialVacantAccepting == null ? '–' : String(r.residentialVacantAccepting)),
          },
          {
            key: 'nursingVacantAccepting',
            header: 'Nursing',
            numeric: true,
            render: (r) => (r.nursingVacantAccepting == null ? '–' : String(r.nursingVacantAccepting)),
          },
          {
            key: 'dementiaVacantAccepting',
            header: 'Dementia',
            numeric: true,
            render: (r) => (r.dementiaVacantAccepting == null ? '–' : String(r.dementiaVacantAccepting)),
          },
          { key: 'cqcRating', header: 'CQC rating', render: (r) => <RatingTag rating={r.cqcRating as never} /> },
          {
            key: 'asAt',
            header: 'Reported',
            render: (r) => (
              <>
                <FreshnessTag freshness={r.freshness} ageDays={r.ageDays} />
                <span className="govuk-visually-hidden"> {formatDateTime(r.asAt)}</span>
              </>
            ),
            sortValue: (r) => r.ageDays,
          },
        ]}
      />
      <DownloadLinks
        filename="vacancies"
        filter={describeFilters(filters)}
        what="vacancies"
        rows={data}
        columns={[
          { key: 'name', header: 'Care home' },
          { key: 'providerName', header: 'Provider' },
          { key: 'postcodeDistrict', header: 'Postcode district' },
          { key: 'maxCapacity', header: 'Maximum capacity' },
          { key: 'occupied', header: 'Occupied' },
          { key: 'vacantAccepting', header: 'Vacant accepting admissions' },
          { key: 'residentialVacantAccepting', header: 'Residential vacant' },
          { key: 'nursingVacantAccepting', header: 'Nursing vacant' },
          { key: 'dementiaVacantAccepting', header: 'Dementia vacant' },
          { key: 'cqcRating', header: 'CQC rating' },
          { key: 'asAt', header: 'Reported at (UK time)' },
          { key: 'ageDays', header: 'Age (days)' },
        ]}
      />
      <h2 className="govuk-heading-m" id="closed-beds">
        Beds closed to admissions or held for assessment
      </h2>
      {!status.data ? (
        <LoadingOrError loading={status.loading} error={status.error} what="bed status" />
      ) : (
        <Table
          caption="Care homes with empty beds they are not filling now"
          captionSize="s"
          rows={status.data}
          rowKey={(r) => r.locationId}
          emptyText="No care home reports beds closed to admissions or held for assessment."
          columns={[
            careHomeColumn<BedStatusRow>(),
            { key: 'vacantAccepting', header: 'Vacant, accepting', numeric: true },
            { key: 'vacantClosed', header: 'Closed to admissions', numeric: true },
            {
              key: 'closedReason',
              header: 'Why closed',
              render: (r) =>
                r.closedReason
                  ? `${BED_CLOSED_REASON_LABELS[r.closedReason as keyof typeof BED_CLOSED_REASON_LABELS] ?? r.closedReason}${r.closedNote ? ` (${r.closedNote})` : ''}`
                  : '–',
            },
            { key: 'heldForAssessment', header: 'Held for assessment', numeric: true },
            {
              key: 'asAt',
              header: 'Reported',
              render: (r) => (
                <>
                  <FreshnessTag freshness={r.freshness} ageDays={r.ageDays} />
                  <span className="govuk-visually-hidden"> {formatDateTime(r.asAt)}</span>
                </>
              ),
            },
          ]}
        />
      )}
    </MarketPage>
  );
}
