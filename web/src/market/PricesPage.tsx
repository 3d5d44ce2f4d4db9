// Prices and placements: new care home placement prices by quarter against the usual rates and cost of
// care, the two-year change, share at or below the usual rate, contract mix, funding and out-of-borough.
import { Link } from 'react-router';
import { useApi } from '../api';
import {
  Chart,
  Details,
  DownloadLinks,
  formatDate,
  formatNumber,
  formatPence,
  formatRatio,
  KeyFigures,
  LoadingOrError,
  Table,
  formatCount,
} from '../components';
import { ACTIVE_PLACEMENTS_DEFINITION, activePlacementsTotal } from '../../../src/domain/market/placement';
import { countedHereText, describeFilters, filterQuery, useMarketFilters } from './Filters';
import { quarterCell, quarterText } from './occupancyMonths';
import { MarketPage } from './MarketPage';
import { BAND_LABELS, FUNDING_LABELS } from './labels';
import type { PriceSummary } from './types';
import { usePricePlots } from './pricePlots';
import { ChartWithData } from './ChartWithData';

/** The funding table's rows: each funding, then their total. */
const FUNDING_ROW_LABELS: Record<string, string> = { ...FUNDING_LABELS, total: 'Total' };

const poundsPerWeek = (pence: number | null | undefined) =>
  pence == null ? 'Not available' : `${formatPence(Math.round(pence))} a week`;

export function PricesPage() {
  const [filters] = useMarketFilters();
  const { data, error, loading } = useApi<PriceSummary>(`/api/market/prices${filterQuery(filters)}`);
  const { cocRes, trendPlot, histPlot, sharePlot, mixPlot } = usePricePlots(data);

  if (!data)
    return (
      <MarketPage title="Prices and placements" crumb="Prices and placements" current="/market/prices" loading>
        <LoadingOrError loading={loading} error={error} what="prices" />
      </MarketPage>
    );
  const c = data.change;
  // The current quarter holds the placements so far: "Oct–Dec 2026 to date", never a finished quarter.
  const quarterName = quarterText(data.asAt);
  // The funding rows and their total, which equals the home page's card when the filter is "Everywhere".
  const fundingRows = [...data.funding, { funding: 'total', count: activePlacementsTotal(data.funding) }];
  const firstMix = data.contractMix.slice(0, 4);
  const lastMix = data.contractMix.slice(-4);
  const spotShare = (qs: typeof firstMix) => {
    const t = qs.reduce((s, q) => s + q.spot + q.framework + q.block + q.dps, 0);
    return t ? qs.reduce((s, q) => s + q.spot, 0) / t : null;
  };

  return (
    <MarketPage title="Prices and placements" crumb="Prices and placements" current="/market/prices">
      <p className="govuk-body">
        New care home placements (standard and enhanced residential and nursing bands) at homes{' '}
        {describeFilters(filters)}.
      </p>
      <KeyFigures
        label="Prices at a glance"
        figures={[
          {
            key: 'mean',
            label: 'Mean new placement price, last 12 months',
            value: c.recentMean == null ? null : Math.round(c.recentMean),
            unit: 'pence_per_week',
            hint: formatCount(c.recentN, 'placement'),
          },
          {
            key: 'change',
            label: 'Change on two years before',
            value: c.change == null ? null : Math.round(c.change * 1000) / 10,
            unit: 'percent',
            hint: `from ${poundsPerWeek(c.earlierMean)} (${formatCount(c.earlierN, 'placement')}, ${formatDate(c.earlierFrom, { short: true })} to ${formatDate(c.earlierTo, { short: true })})`,
          },
          {
            key: 'usual',
            label: 'New placements at or below the usual rate',
            value: data.last12Months.share == null ? null : Math.round(data.last12Months.share * 1000) / 10,
            unit: 'percent',
            hint: `${data.last12Months.atOrBelowUsualRate} of ${data.last12Months.compared} in the last 12 months`,
          },
          {
            key: 'spot',
            label: 'Spot share of new placements',
            value: spotShare(lastMix) == null ? null : Math.round(spotShare(lastMix)! * 1000) / 10,
            unit: 'percent',
            hint: `last four quarters; ${formatRatio(spotShare(firstMix))} in the first four`,
          },
          {
            key: 'oob',
            label: 'Council-funded care home residents placed outside the borough',
            value: data.outOfBorough.outOfBorough,
            unit: 'count',
            hint: `${formatRatio(data.outOfBorough.share)} of ${formatNumber(data.outOfBorough.active)}`,
          },
          {
            key: 'homecare',
            label: 'Active homecare packages',
            value: data.homecare.activePackages,
            unit: 'count',
            hint: `${formatCount(Math.round(data.homecare.hoursPerWeek), 'hour')} a week; mean ${formatPence(data.homecare.meanHourlyRatePence == null ? null : Math.round(data.homecare.meanHourlyRatePence))} an hour; spot ${formatRatio(data.homecare.spotShareLast12Months)} of new packages`,
          },
        ]}
      />
      <Details summary="How these figures are calculated">
        <p className="govuk-body">
          The two-year change compares the mean weekly price of placements that started in the latest 12 months (
          {formatDate(c.recentFrom)} to {formatDate(c.recentTo)}, exclusive of the first day) with those that started in
          the 12 months to {formatDate(c.earlierTo)}. A placement is “at or below the usual rate” when its weekly price
          is no more than the usual rate for its band in force on its start date. Quartiles interpolate between ranks,
          like Excel’s QUARTILE.INC.
        </p>
      </Details>

      <ChartWithData
        title="New placement prices by quarter"
        height={340}
        plot={trendPlot}
        description={
          c.change == null
            ? 'Not enough placements to compare.'
            : `The mean weekly price of new placements rose ${formatRatio(c.change)} in two years, from ${poundsPerWeek(c.earlierMean)} to ${poundsPerWeek(c.recentMean)}.`
        }
        caption="Prices by quarter"
        rows={data.quarters}
        rowKey={(r) => r.quarter}
        columns={[
          { key: 'quarter', header: 'Quarter', render: (r) => quarterName(r.quarter) },
          { key: 'n', header: 'Placements', numeric: true },
          { key: 'q1', header: 'Lower quartile', numeric: true, render: (r) => formatPence(Math.round(r.q1)) },
          { key: 'median', header: 'Median', numeric: true, render: (r) => formatPence(Math.round(r.median)) },
          { key: 'mean', header: 'Mean', numeric: true, render: (r) => formatPence(Math.round(r.mean)) },
          { key: 'q3', header: 'Upper quartile', numeric: true, render: (r) => formatPence(Math.round(r.q3)) },
          { key: 'share', header: 'At or below usual rate', numeric: true, render: (r) => formatRatio(r.share) },
        ]}
        download={{
          filename: 'new-placement-prices-by-quarter',
          filter: describeFilters(filters),
          what: 'prices by quarter',
          columns: [
            { key: 'quarter', header: 'Quarter', value: (r) => quarterCell(r.quarter, data.asAt) },
            { key: 'n', header: 'Placements', numFmt: '#,##0' },
            { key: 'min', header: 'Min £/week', value: (r) => r.min / 100, numFmt: '£#,##0.00' },
            { key: 'q1', header: 'Lower quartile £/week', value: (r) => r.q1 / 100, numFmt: '£#,##0.00' },
            { key: 'median', header: 'Median £/week', value: (r) => r.median / 100, numFmt: '£#,##0.00' },
            { key: 'mean', header: 'Mean £/week', value: (r) => r.mean / 100, numFmt: '£#,##0.00' },
            { key: 'q3', header: 'Upper quartile £/week', value: (r) => r.q3 / 100, numFmt: '£#,##0.00' },
            { key: 'max', header: 'Max £/week', value: (r) => r.max / 100, numFmt: '£#,##0.00' },
            { key: 'compared', header: 'Compared with usual rate' },
            { key: 'atOrBelowUsualRate', header: 'At or below usual rate' },
            { key: 'share', header: 'Share at or below usual rate', numFmt: '0.0%' },
          ],
        }}
      />

      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <ChartWithData
            title="Price distribution, last 12 months"
            height={280}
            plot={histPlot}
            description={`${data.last12Months.n} new placements in £50 bands. Dashed green lines are today’s usual rates; the red line is the residential cost of care${cocRes ? ` (${formatPence(cocRes.amountPence)})` : ''}.`}
            caption="Price distribution"
            rows={data.histogram}
            rowKey={(r) => String(r.fromPence)}
            columns={[
              {
                key: 'fromPence',
                header: 'Weekly price',
                render: (r) => `${formatPence(r.fromPence)} to ${formatPence(r.toPence - 1)}`,
              },
              { key: 'count', header: 'Placements', numeric: true },
            ]}
            download={{
              filename: 'price-distribution-last-12-months',
              filter: describeFilters(filters),
              what: 'the price distribution',
              columns: [
                { key: 'fromPence', header: 'From £/week', value: (r) => r.fromPence / 100, numFmt: '£#,##0' },
                { key: 'toPence', header: 'To £/week (exclusive)', value: (r) => r.toPence / 100, numFmt: '£#,##0' },
                { key: 'count', header: 'Placements', numFmt: '#,##0' },
              ],
            }}
          />
        </div>
        <div className="govuk-grid-column-one-half">
          <Chart
            title="Share at or below the usual rate"
            height={280}
            plot={sharePlot}
            description={`In the last 12 months ${formatRatio(data.last12Months.share)} of new placements were at or below the usual rate in force when they started.`}
          />
        </div>
      </div>

      <ChartWithData
        title="Contract type of new placements by quarter"
        height={320}
        plot={mixPlot}
        description={`Spot placements were ${formatRatio(spotShare(firstMix))} of new placements in the first four quarters shown and ${formatRatio(spotShare(lastMix))} in the last four.`}
        caption="Contract mix by quarter"
        rows={data.contractMix}
        rowKey={(r) => r.quarter}
        columns={[
          { key: 'quarter', header: 'Quarter', render: (r) => quarterName(r.quarter) },
          { key: 'spot', header: 'Spot', numeric: true },
          { key: 'framework', header: 'Framework', numeric: true },
          { key: 'block', header: 'Block', numeric: true },
          { key: 'dps', header: 'DPS', numeric: true },
        ]}
        download={{
          filename: 'contract-mix-by-quarter',
          filter: describeFilters(filters),
          what: 'contract mix',
          columns: [
            { key: 'quarter', header: 'Quarter', value: (r) => quarterCell(r.quarter, data.asAt) },
            { key: 'spot', header: 'Spot' },
            { key: 'framework', header: 'Framework' },
            { key: 'block', header: 'Block' },
            { key: 'dps', header: 'DPS' },
          ],
        }}
      />

      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <Table
            caption="Usual rates in force"
            rows={data.usualRates}
            rowKey={(r) => r.band}
            columns={[
              { key: 'band', header: 'Band', render: (r) => BAND_LABELS[r.band as keyof typeof BAND_LABELS] ?? r.band },
              {
                key: 'amountPence',
                header: 'Rate',
                numeric: true,
                render: (r) => `${formatPence(r.amountPence)}${r.band === 'homecare_hourly' ? ' an hour' : ' a week'}`,
              },
              { key: 'effectiveFrom', header: 'From', render: (r) => formatDate(r.effectiveFrom, { short: true }) },
            ]}
          />
          <DownloadLinks
            filename="usual-rates"
            filter={describeFilters(filters)}
            what="usual rates"
            rows={data.usualRates}
            columns={[
              { key: 'band', header: 'Band', labels: BAND_LABELS },
              { key: 'amountPence', header: 'Rate £', value: (r) => r.amountPence / 100, numFmt: '£#,##0.00' },
              { key: 'effectiveFrom', header: 'Effective from' },
            ]}
          />
          <p className="govuk-body">
            <Link className="govuk-link" to="/market/rates">
              Usual rates and cost of care: all effective dates
            </Link>
          </p>
        </div>
        <div className="govuk-grid-column-one-half">
          <Table
            caption="Cost of care"
            rows={data.costOfCare}
            rowKey={(r) => r.service}
            columns={[
              { key: 'service', header: 'Service', render: (r) => r.service[0].toUpperCase() + r.service.slice(1) },
              {
                key: 'amountPence',
                header: 'Cost',
                numeric: true,
                render: (r) => `${formatPence(r.amountPence)}${r.service === 'homecare' ? ' an hour' : ' a week'}`,
              },
              { key: 'source', header: 'Source', render: (r) => r.source ?? '' },
            ]}
          />
          <Table
            caption={`Active placements by funding, ${describeFilters(filters)}`}
            rows={fundingRows}
            rowKey={(r) => r.funding}
            columns={[
              { key: 'funding', header: 'Funding', render: (r) => FUNDING_ROW_LABELS[r.funding] ?? r.funding },
              { key: 'count', header: 'Placements and packages', numeric: true, render: (r) => formatNumber(r.count) },
            ]}
            firstCellIsHeader
          />
          <p className="govuk-body-s" data-testid="active-placements-definition">
            {ACTIVE_PLACEMENTS_DEFINITION}, {countedHereText(filters)}
          </p>
          <DownloadLinks
            filename="active-placements-by-funding"
            filter={describeFilters(filters)}
            what="funding"
            rows={fundingRows}
            columns={[
              { key: 'funding', header: 'Funding', labels: FUNDING_ROW_LABELS },
              { key: 'count', header: 'Placements and packages', numFmt: '#,##0' },
            ]}
          />
        </div>
      </div>
    </MarketPage>
  );
}
