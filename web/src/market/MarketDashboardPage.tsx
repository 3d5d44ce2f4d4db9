// The commissioner's market dashboard: capacity, occupancy now and over time, vacancies, ratings,
// homecare and workforce, and concentration. Providers are sent to their own page.
import { Link } from 'react-router';
import { useApi } from '../api';
import { useAuth } from '../auth';
import {
  Details,
  formatNumber,
  formatRatio,
  KeyFigures,
  LoadingOrError,
  Page,
  formatCount,
  formatMonth,
} from '../components';
import { describeFilters, filterQuery, FiltersForm, useMarketFilters } from './Filters';
import { bedsByType } from '../../../src/domain/mps/marketSections';
import { occupancyMonthCell, occupancyMonthText } from './occupancyMonths';
import { BED_TYPE_LABELS, FRAGILITY_THRESHOLDS, SERVICE_TYPE_LABELS, STALE_AFTER_DAYS } from './labels';
import { ProviderHomePage } from './ProviderPage';
import type { MarketSummary } from './types';
import { useDashboardPlots } from './dashboardPlots';
import { ChartWithData } from './ChartWithData';

export const MARKET_PAGES = [
  { href: '/market', text: 'Capacity and occupancy' },
  { href: '/market/prices', text: 'Prices and placements' },
  { href: '/market/rates', text: 'Usual rates and cost of care' },
  { href: '/market/care-homes', text: 'Care homes and fragility' },
  { href: '/market/vacancies', text: 'Vacancies now' },
] as const;

export function MarketNav({ current }: { current: string }) {
  return (
    <nav className="app-subnav govuk-!-margin-bottom-6" aria-label="Market pages">
      <ul className="govuk-list app-inline-list">
        {MARKET_PAGES.map((p) => (
          <li key={p.href}>
            {p.href === current ? (
              <strong aria-current="page">{p.text}</strong>
            ) : (
              <Link className="govuk-link" to={p.href}>
                {p.text}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function MarketDashboardPage() {
  const { user } = useAuth();
  if (user?.role === 'provider') return <ProviderHomePage />;
  return <MarketDashboard />;
}

function MarketDashboard() {
  const [filters] = useMarketFilters();
  const { data, error, loading } = useApi<MarketSummary>(`/api/market/summary${filterQuery(filters)}`);
  const scope = describeFilters(filters);

  const { occupancyPlot, capacityPlot, groupsPlot, ratingsPlot, concentrationPlot } = useDashboardPlots(data);

  if (!data)
    return (
      <Page title="Care market" breadcrumbs={[{ text: 'Market' }]}>
        <LoadingOrError loading={loading} error={error} what="the market" />
      </Page>
    );
  const trend = data.occupancyTrend;
  // Beds by type in rows that add up to the headline beds and vacancies, as the statement's chart shows them.
  const beds = bedsByType(data);
  const first = trend[0];
  const last = trend[trend.length - 1];
  // The current month is the latest returns so far: "December 2026 to date", never a finished month.
  const monthText = occupancyMonthText(data.asAt);
  const ratedGood = data.ratings
    .filter((r) => r.rating === 'Good' || r.rating === 'Outstanding')
    .reduce((s, r) => s + r.count, 0);
  const rated = data.ratings.filter((r) => r.rating !== 'Not rated').reduce((s, r) => s + r.count, 0);
  const top = data.concentration.providers[0];

  return (
    <Page title="Care market" caption="Market" breadcrumbs={[{ text: 'Market' }]}>
      <MarketNav current="/market" />
      <FiltersForm districts={data.districts} />
      <p className="govuk-body">
        Showing {scope}. Figures are from each location’s latest return; returns older than {STALE_AFTER_DAYS} days are
        counted as stale.
      </p>
      <KeyFigures
        label="Market at a glance"
        figures={[
          {
            key: 'homes',
            label: 'Care homes',
            value: data.careHomes,
            unit: 'count',
            hint: `${formatNumber(data.registeredBeds)} registered beds`,
          },
          {
            key: 'occupancy',
            label: 'Occupancy',
            value: data.occupancy == null ? null : Math.round(data.occupancy * 1000) / 10,
            unit: 'percent',
            hint: `${formatNumber(data.occupied)} of ${formatCount(data.maxCapacity, 'bed')} occupied`,
          },
          {
            key: 'vacant',
            label: 'Beds vacant and accepting admissions',
            value: data.vacantAccepting,
            unit: 'count',
            hint: `${data.vacantReserved} more vacant but reserved`,
            href: '/market/vacancies',
          },
          {
            key: 'stale',
            label: 'Care homes with stale data',
            value: data.staleHomes,
            unit: 'count',
            hint: `${formatNumber(data.reportingHomes)} of ${formatCount(data.careHomes, 'home')} have reported`,
            href: '/market/care-homes',
          },
          {
            key: 'homecare',
            label: 'Homecare hours a week',
            value: Math.round(data.homecare.hoursPerWeek),
            unit: 'count',
            hint: `${formatCount(data.homecare.agencies, 'agency')}, ${formatCount(data.homecare.peopleSupported, 'person')}; ${formatCount(data.homecare.newHoursAvailable, 'new hour')} available`,
          },
          {
            key: 'agency',
            label: 'Agency and bank staff',
            value: data.workforce.agencyShare == null ? null : Math.round(data.workforce.agencyShare * 1000) / 10,
            unit: 'percent',
            hint: `${formatNumber(data.workforce.agencyStaff)} of ${formatNumber(data.workforce.staff)} staff; ${formatNumber(data.workforce.vacancies)} vacancies`,
          },
        ]}
      />

      <ChartWithData
        title="Care home occupancy by month"
        height={300}
        description={
          first && last
            ? `Occupancy was ${formatRatio(first.occupancy)} in ${formatMonth(first.month)} and ${formatRatio(last.occupancy)} in ${monthText(last.month)}. The dashed line marks ${formatRatio(FRAGILITY_THRESHOLDS.lowOccupancy, 0)}, below which a home is flagged as fragile.`
            : 'No capacity returns yet.'
        }
        plot={occupancyPlot}
        source={
          <p className="govuk-body-s">
            Each home’s last return in the month, summed: occupied beds ÷ maximum capacity (bed-weighted).
          </p>
        }
        caption="Occupancy by month"
        rows={trend}
        rowKey={(r) => r.month}
        columns={[
          { key: 'month', header: 'Month', render: (r) => monthText(r.month) },
          { key: 'homes', header: 'Homes reporting', numeric: true },
          { key: 'maxCapacity', header: 'Maximum capacity', numeric: true },
          { key: 'occupied', header: 'Occupied', numeric: true },
          { key: 'vacantAccepting', header: 'Vacant, accepting', numeric: true },
          { key: 'occupancy', header: 'Occupancy', numeric: true, render: (r) => formatRatio(r.occupancy) },
        ]}
        download={{
          filename: 'occupancy-by-month',
          filter: describeFilters(filters),
          what: 'occupancy by month',
          columns: [
            { key: 'month', header: 'Month', value: (r) => occupancyMonthCell(r.month, data.asAt) },
            { key: 'homes', header: 'Homes reporting', numFmt: '#,##0' },
            { key: 'maxCapacity', header: 'Maximum capacity', numFmt: '#,##0' },
            { key: 'occupied', header: 'Occupied', numFmt: '#,##0' },
            { key: 'vacantAccepting', header: 'Vacant accepting admissions', numFmt: '#,##0' },
            { key: 'occupancy', header: 'Occupancy', numFmt: '0.0%' },
          ],
        }}
      />

      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <ChartWithData
            title="Locations by service type"
            height={240}
            plot={capacityPlot}
            description={`${data.byServiceType.map((s) => `${SERVICE_TYPE_LABELS[s.serviceType as keyof typeof SERVICE_TYPE_LABELS] ?? s.serviceType}: ${s.locations}`).join('; ')}. A location offering two services is counted under both.`}
            caption="Locations by service type"
            rows={data.byServiceType}
            rowKey={(r) => r.serviceType}
            columns={[
              {
                key: 'serviceType',
                header: 'Service type',
                render: (r) => SERVICE_TYPE_LABELS[r.serviceType as keyof typeof SERVICE_TYPE_LABELS] ?? r.serviceType,
              },
              { key: 'locations', header: 'Locations', numeric: true },
              { key: 'registeredBeds', header: 'Registered beds', numeric: true },
            ]}
            download={{
              filename: 'locations-by-service-type',
              filter: describeFilters(filters),
              what: 'locations by service type',
              columns: [
                { key: 'serviceType', header: 'Service type', labels: SERVICE_TYPE_LABELS },
                { key: 'locations', header: 'Locations', numFmt: '#,##0' },
                { key: 'registeredBeds', header: 'Registered beds', numFmt: '#,##0' },
              ],
            }}
          />
        </div>
        <div className="govuk-grid-column-one-half">
          <ChartWithData
            title="Beds by type: occupied and vacant"
            height={240}
            plot={groupsPlot}
            description={
              beds
                .map((g) => `${BED_TYPE_LABELS[g.group]}: ${g.vacantAccepting} vacant of ${g.maxCapacity}`)
                .join('; ') +
              `. Beds a return gives only as totals (or in types that don’t add up to its totals) are not split by type, so the rows add up to the ${formatNumber(data.maxCapacity)} beds and ${formatNumber(data.vacantAccepting)} vacancies accepting admissions in the latest returns.`
            }
            caption="Beds by type"
            rows={beds}
            rowKey={(r) => r.group}
            columns={[
              { key: 'group', header: 'Bed type', render: (r) => BED_TYPE_LABELS[r.group] },
              { key: 'maxCapacity', header: 'Beds', numeric: true },
              { key: 'occupied', header: 'Occupied', numeric: true },
              { key: 'vacantAccepting', header: 'Vacant, accepting', numeric: true },
            ]}
            download={{
              filename: 'beds-by-type',
              filter: describeFilters(filters),
              what: 'beds by type',
              columns: [
                { key: 'group', header: 'Bed type', labels: BED_TYPE_LABELS },
                { key: 'maxCapacity', header: 'Beds', numFmt: '#,##0' },
                { key: 'occupied', header: 'Occupied', numFmt: '#,##0' },
                { key: 'vacantAccepting', header: 'Vacant accepting admissions', numFmt: '#,##0' },
              ],
            }}
          />
        </div>
      </div>

      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <ChartWithData
            title="CQC ratings"
            height={240}
            plot={ratingsPlot}
            description={`${ratedGood} of ${rated} rated locations (${formatRatio(rated ? ratedGood / rated : null)}) are rated Good or Outstanding.`}
            caption="CQC ratings"
            rows={data.ratings}
            rowKey={(r) => r.rating}
            columns={[
              { key: 'rating', header: 'Rating' },
              { key: 'count', header: 'Locations', numeric: true },
            ]}
            download={{
              filename: 'cqc-ratings',
              filter: describeFilters(filters),
              what: 'CQC ratings',
              columns: [
                { key: 'rating', header: 'Rating' },
                { key: 'count', header: 'Locations' },
              ],
            }}
          />
        </div>
        <div className="govuk-grid-column-one-half">
          <ChartWithData
            title="Largest care home providers"
            height={300}
            plot={concentrationPlot}
            description={
              top
                ? `The largest provider, ${top.name}, holds ${formatRatio(top.share)} of beds; the five largest hold ${formatRatio(data.concentration.top5Share)}. HHI ${formatNumber(Math.round(data.concentration.hhi))} (${data.concentration.level}) across ${formatCount(data.concentration.providerCount, 'provider')}.`
                : 'No care homes.'
            }
            caption="Largest providers"
            rows={data.concentration.providers}
            rowKey={(r) => r.providerId}
            columns={[
              { key: 'name', header: 'Provider' },
              { key: 'units', header: 'Beds', numeric: true },
              { key: 'share', header: 'Share', numeric: true, render: (r) => formatRatio(r.share) },
            ]}
            download={{
              filename: 'provider-concentration',
              filter: describeFilters(filters),
              what: 'provider shares',
              columns: [
                { key: 'name', header: 'Provider' },
                { key: 'units', header: 'Registered beds', numFmt: '#,##0' },
                { key: 'share', header: 'Share of beds', numFmt: '0.0%' },
              ],
            }}
          />
          <Details summary="How concentration is measured">
            <p className="govuk-body">
              Each provider’s share of registered care home beds. The Herfindahl–Hirschman Index (HHI) adds up the
              squares of the percentage shares: under 1,000 is unconcentrated, 1,000 to 1,800 moderately and over 1,800
              highly concentrated.
            </p>
          </Details>
        </div>
      </div>
    </Page>
  );
}
