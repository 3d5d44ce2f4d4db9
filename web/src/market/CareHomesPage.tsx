// Every care home with its latest figures, council-funded share of beds, prices and fragility.
import * as Plot from '@observablehq/plot';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { useApi } from '../api';
import {
  Chart,
  chartColours,
  Details,
  DownloadLinks,
  formatPence,
  formatRatio,
  LoadingOrError,
  Pagination,
  RatingTag,
  Table,
  Tag,
  type Column,
  type DownloadColumn,
  formatCount,
  formatNumber,
} from '../components';
import { describeFilters, filterQuery, useMarketFilters } from './Filters';
import { FreshnessTag } from './FreshnessTag';
import { careHomeColumn } from './columns';
import { MarketPage } from './MarketPage';
import {
  FRAGILITY_LABELS,
  FRAGILITY_THRESHOLDS,
  SERVICE_TYPE_LABELS,
  SPECIALISM_LABELS,
  STALE_AFTER_DAYS,
} from './labels';
import type { CareHomesPage as CareHomesResponse, HomeRow } from './types';

/** Homes per page: a borough's whole market fits on one; a national register is paged. */
const PAGE_SIZE = 500;

const homeColumns: Column<HomeRow>[] = [
  careHomeColumn<HomeRow>(),
  { key: 'providerName', header: 'Provider' },
  { key: 'registeredBeds', header: 'Beds', numeric: true },
  { key: 'occupancy', header: 'Occupancy', numeric: true, render: (r) => formatRatio(r.occupancy) },
  {
    key: 'vacantAccepting',
    header: 'Vacant',
    numeric: true,
    render: (r) => (r.vacantAccepting == null ? 'Not reported' : String(r.vacantAccepting)),
  },
  {
    key: 'councilFundedShare',
    header: 'Council-funded share',
    numeric: true,
    render: (r) => formatRatio(r.councilFundedShare),
  },
  { key: 'cqcRating', header: 'CQC rating', render: (r) => <RatingTag rating={r.cqcRating as never} /> },
  {
    key: 'freshness',
    header: 'Data',
    render: (r) => <FreshnessTag freshness={r.freshness} ageDays={r.ageDays} />,
    sortValue: (r) => r.ageDays ?? 9999,
  },
];

export const homeDownloadColumns: DownloadColumn<HomeRow>[] = [
  { key: 'name', header: 'Care home' },
  { key: 'providerName', header: 'Provider' },
  { key: 'postcodeDistrict', header: 'Postcode district' },
  { key: 'localAuthorityName', header: 'Local authority' },
  { key: 'inBorough', header: 'In borough' },
  {
    key: 'serviceTypes',
    header: 'Service types',
    value: (r) => r.serviceTypes.map((t) => SERVICE_TYPE_LABELS[t as keyof typeof SERVICE_TYPE_LABELS] ?? t).join('; '),
  },
  {
    key: 'specialisms',
    header: 'Specialisms',
    value: (r) => r.specialisms.map((t) => SPECIALISM_LABELS[t as keyof typeof SPECIALISM_LABELS] ?? t).join('; '),
  },
  { key: 'registeredBeds', header: 'Registered beds' },
  { key: 'maxCapacity', header: 'Maximum capacity' },
  { key: 'occupied', header: 'Occupied' },
  { key: 'vacantAccepting', header: 'Vacant accepting admissions' },
  { key: 'occupancy', header: 'Occupancy', numFmt: '0.0%' },
  { key: 'lastReturnAt', header: 'Last return' },
  { key: 'ageDays', header: 'Age of return (days)' },
  { key: 'cqcRating', header: 'CQC rating' },
  { key: 'cqcRatingDate', header: 'CQC rating date' },
  { key: 'councilQualityRating', header: 'Council quality rating' },
  { key: 'onFramework', header: 'On framework' },
  { key: 'councilFundedActive', header: 'Council-funded residents' },
  { key: 'councilFundedShare', header: 'Council-funded share of occupied beds', numFmt: '0.0%' },
  {
    key: 'meanCouncilPricePence',
    header: 'Mean council price £/week',
    value: (r) => (r.meanCouncilPricePence == null ? null : Math.round(r.meanCouncilPricePence) / 100),
    numFmt: '£#,##0.00',
  },
  {
    key: 'usualRatePence',
    header: 'Standard usual rate £/week',
    value: (r) => (r.usualRatePence == null ? null : r.usualRatePence / 100),
    numFmt: '£#,##0.00',
  },
  {
    key: 'costOfCarePence',
    header: 'Cost of care £/week',
    value: (r) => (r.costOfCarePence == null ? null : r.costOfCarePence / 100),
    numFmt: '£#,##0.00',
  },
  { key: 'agencyShare', header: 'Agency staff share', numFmt: '0.0%' },
  {
    key: 'fragilityLevel',
    header: 'Fragility',
    value: (r) => (r.fragilityLevel === 'high' ? 'High' : r.fragilityLevel === 'watch' ? 'Watch' : r.fragilityLevel),
  },
  {
    key: 'fragility',
    header: 'Fragility reasons',
    value: (r) => r.fragility.map((f) => FRAGILITY_LABELS[f]).join('; '),
  },
];

export function CareHomesPage() {
  const [filters] = useMarketFilters();
  const [params] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const {
    data: response,
    error,
    loading,
  } = useApi<CareHomesResponse>(
    `/api/market/care-homes${filterQuery(filters, { page: String(page), pageSize: String(PAGE_SIZE) })}`,
  );
  const data = response?.rows;
  // The server ranks every home: high risk first, then more warning signs, then name.
  const fragile = response?.watch ?? [];
  const sharePlot = useCallback(
    () => ({
      x: { label: 'Council-funded share of occupied beds (%)', domain: [0, 100], grid: true },
      y: { label: null, axis: null },
      marks: [
        Plot.ruleX([50], { stroke: chartColours.darkGrey, strokeDasharray: '3,3' }),
        Plot.dot(
          (data ?? []).filter((h) => h.councilFundedShare != null),
          {
            x: (d) => d.councilFundedShare! * 100,
            y: (d) => d.name,
            r: (d) => Math.sqrt(d.registeredBeds ?? 1),
            fill: (d) => (d.fragilityLevel === 'high' ? chartColours.red : chartColours.blue),
            sort: { y: 'x' },
          },
        ),
      ],
      marginLeft: 20,
    }),
    [data],
  );
  if (!response || !data)
    return (
      <MarketPage title="Care homes and fragility" crumb="Care homes" current="/market/care-homes" loading>
        <LoadingOrError loading={loading} error={error} what="care homes" />
      </MarketPage>
    );
  const pageCount = Math.max(1, Math.ceil(response.total / response.pageSize));
  const first = (response.page - 1) * response.pageSize + 1;
  const paged = pageCount > 1;
  const pageHref = (n: number) => `/market/care-homes${filterQuery(filters, n > 1 ? { page: String(n) } : {})}`;
  const toWatch = response.levels.high + response.levels.watch;
  const reliant = data.filter((h) => (h.councilFundedShare ?? 0) > 0.5).length;
  return (
    <MarketPage title="Care homes and fragility" crumb="Care homes" current="/market/care-homes">
      <p className="govuk-body">
        {formatCount(response.total, 'care home')}, {describeFilters(filters)}:{' '}
        {response.levels.high.toLocaleString('en-GB')} high risk, {response.levels.watch.toLocaleString('en-GB')} to
        watch.
      </p>

      <h2 className="govuk-heading-m">Homes to watch</h2>
      <Details summary="How a home is flagged">
        <ul className="govuk-list govuk-list--bullet">
          <li>Occupancy below {formatRatio(FRAGILITY_THRESHOLDS.lowOccupancy, 0)} in the latest return.</li>
          <li>
            CQC rating Inadequate (on its own makes a home high risk) or Requires improvement; a poor council quality
            rating.
          </li>
          <li>
            Mean weekly price of the home’s council-funded residents below today’s standard usual rate, or below the
            cost of care (shown, but not enough on its own to list a home).
          </li>
          <li>
            Agency and bank staff more than {formatRatio(FRAGILITY_THRESHOLDS.highAgencyShare, 0)} of staff working.
          </li>
          <li>No capacity return for more than {STALE_AFTER_DAYS} days.</li>
        </ul>
        <p className="govuk-body">
          Two or more signs (other than price below cost of care and stale data) make a home high risk.
        </p>
      </Details>
      <Table
        caption={
          fragile.length < toWatch
            ? `The ${formatNumber(fragile.length)} most fragile of ${formatCount(toWatch, 'home')} to watch`
            : `${formatCount(toWatch, 'home')} to watch`
        }
        captionSize="s"
        rows={fragile}
        rowKey={(r) => r.locationId}
        emptyText="No home shows a warning sign."
        columns={[
          careHomeColumn<HomeRow>(),
          {
            key: 'fragilityLevel',
            header: 'Level',
            render: (r) => (
              <Tag colour={r.fragilityLevel === 'high' ? 'red' : 'yellow'}>
                {r.fragilityLevel === 'high' ? 'High' : 'Watch'}
              </Tag>
            ),
          },
          { key: 'fragility', header: 'Why', render: (r) => r.fragility.map((f) => FRAGILITY_LABELS[f]).join('; ') },
          { key: 'occupancy', header: 'Occupancy', numeric: true, render: (r) => formatRatio(r.occupancy) },
          {
            key: 'meanCouncilPricePence',
            header: 'Mean council price',
            numeric: true,
            render: (r) =>
              r.meanCouncilPricePence == null ? 'None' : formatPence(Math.round(r.meanCouncilPricePence)),
          },
          { key: 'agencyShare', header: 'Agency staff', numeric: true, render: (r) => formatRatio(r.agencyShare) },
        ]}
      />
      <DownloadLinks
        filename="care-homes-to-watch"
        filter={describeFilters(filters)}
        what="homes to watch"
        rows={fragile}
        columns={homeDownloadColumns}
      />

      <Chart
        title="Council-funded share of each home’s occupied beds"
        height={Math.max(260, data.length * 9)}
        plot={sharePlot}
        description={`${formatNumber(reliant)} of ${formatCount(data.length, 'home')}${paged ? ' on this page' : ''} have more than half of their occupied beds funded by the council (or jointly with the NHS). Dot size shows beds; red dots are high-risk homes.`}
      />

      <Table
        caption={
          paged
            ? `All care homes: ${first.toLocaleString('en-GB')} to ${(first + data.length - 1).toLocaleString('en-GB')} of ${response.total.toLocaleString('en-GB')}, by name`
            : 'All care homes'
        }
        rows={data}
        rowKey={(r) => r.locationId}
        columns={homeColumns}
        sortable
        initialSort={{ key: 'name', direction: 'ascending' }}
      />
      <Pagination page={response.page} pageCount={pageCount} href={pageHref} label="Pages of care homes" />
      <DownloadLinks
        filename="care-homes"
        filter={describeFilters(filters)}
        what={paged ? 'this page of care homes' : 'all care homes'}
        rows={data}
        columns={homeDownloadColumns}
      />
    </MarketPage>
  );
}
