// One location's whole picture: register details, latest figures with their age, occupancy and workforce
// over time, council-funded placements (staff), and the fragility assessment.
import * as Plot from '@observablehq/plot';
import { useCallback } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useApi } from '../api';
import { useAuth } from '../auth';
import {
  Button,
  Chart,
  NotificationBanner,
  chartColours,
  DownloadLinks,
  formatDate,
  formatNumber,
  formatPence,
  formatRatio,
  LoadingOrError,
  Page,
  RatingTag,
  SummaryList,
  Table,
  Tag,
} from '../components';
import { FreshnessTag } from './FreshnessTag';
import { LocationQuality } from './LocationQuality';
import {
  BAND_LABELS,
  CONTRACT_LABELS,
  FRAGILITY_LABELS,
  FUNDING_LABELS,
  SERVICE_TYPE_LABELS,
  SPECIALISM_LABELS,
} from './labels';
import type { LocationPicture } from './types';
import { isCareHome, returnSourceLabel } from '../../../src/domain/market/types';
import { BED_CLOSED_REASON_LABELS } from '../../../src/domain/market/capacity';
import { londonToday } from '../../../src/domain/core/dates';

/** Why beds are closed, in words: the reason's label and any words the home gave. */
function closedReasonText(reason: string | null, note: string | null): string {
  const label = reason
    ? (BED_CLOSED_REASON_LABELS[reason as keyof typeof BED_CLOSED_REASON_LABELS] ?? reason)
    : 'no reason given';
  return note ? `${label} (${note})` : label;
}

export function LocationPage() {
  const { id } = useParams();
  const { user } = useAuth();
  const { data, error, loading } = useApi<LocationPicture>(`/api/market/locations/${id}`);
  const provider = user?.role === 'provider';
  const saved = (useLocation().state as { saved?: string } | null)?.saved;
  const occPlot = useCallback(
    () => ({
      y: { label: 'Beds', grid: true },
      x: { label: null, type: 'utc' as const },
      color: {
        legend: true,
        domain: ['Maximum capacity', 'Occupied', 'Vacant, accepting admissions'],
        range: [chartColours.darkGrey, chartColours.blue, chartColours.teal],
      },
      marks: [
        Plot.lineY(data?.history.careHome ?? [], {
          x: (d) => new Date(d.asAt),
          y: 'maxCapacity',
          stroke: chartColours.darkGrey,
          curve: 'step-after',
        }),
        Plot.lineY(data?.history.careHome ?? [], {
          x: (d) => new Date(d.asAt),
          y: 'occupied',
          stroke: chartColours.blue,
          strokeWidth: 2,
          curve: 'step-after',
        }),
        Plot.lineY(data?.history.careHome ?? [], {
          x: (d) => new Date(d.asAt),
          y: 'vacantAccepting',
          stroke: chartColours.teal,
          strokeWidth: 2,
          curve: 'step-after',
        }),
      ],
    }),
    [data],
  );
  const hcPlot = useCallback(
    () => ({
      y: { label: 'Hours a week', grid: true },
      x: { label: null, type: 'utc' as const },
      marks: [
        Plot.lineY(data?.history.homecare ?? [], {
          x: (d) => new Date(d.asAt),
          y: 'hoursPerWeek',
          stroke: chartColours.blue,
          strokeWidth: 2,
          z: 'area',
        }),
      ],
    }),
    [data],
  );
  const wfPlot = useCallback(
    () => ({
      y: { label: 'Agency and bank staff (%)', grid: true },
      x: { label: null, type: 'utc' as const },
      marks: [
        Plot.lineY(data?.history.workforce ?? [], {
          x: (d) => new Date(d.asAt),
          y: (d) => {
            const t = d.nurses + d.careStaff + d.nonCareStaff + d.agencyStaff;
            return t ? (d.agencyStaff / t) * 100 : 0;
          },
          stroke: chartColours.orange,
          strokeWidth: 2,
        }),
      ],
    }),
    [data],
  );

  const crumbs = provider
    ? [{ text: 'Your services', href: '/market' }, { text: data?.location.name ?? 'Location' }]
    : [
        { text: 'Market', href: '/market' },
        { text: 'Care homes', href: '/market/care-homes' },
        { text: data?.location.name ?? 'Location' },
      ];
  if (!data)
    return (
      <Page title="Location" breadcrumbs={crumbs}>
        <LoadingOrError loading={loading} error={error} what="the location" />
      </Page>
    );
  const { location: l, careHome: ch, workforce: wf, assessment: a } = data;
  const canEdit = user?.role !== 'viewer';
  const hist = data.history.careHome;
  const isCareHomeLocation = isCareHome(l.serviceTypes);
  return (
    <Page title={l.name} caption={data.provider?.name} breadcrumbs={crumbs}>
      {saved && (
        <NotificationBanner type="success" heading="Saved">
          {saved.endsWith('.') ? saved : `The ${saved} figures were saved.`}
        </NotificationBanner>
      )}
      {canEdit && <Button href={`/market/locations/${l.id}/update`}>Update figures</Button>}
      {(provider || user?.role === 'admin' || user?.role === 'commissioner') && isCareHomeLocation && (
        <Button href={`/market/locations/${l.id}/fees`} variant="secondary">
          Self-funder fees
        </Button>
      )}
      <SummaryList
        rows={[
          {
            key: 'Provider',
            value:
              provider || !data.provider ? (
                (data.provider?.name ?? '')
              ) : (
                <Link className="govuk-link" to={`/market/providers/${data.provider.id}`}>
                  {data.provider.name}
                </Link>
              ),
          },
          { key: 'Address', value: `${l.address}${l.postcode ? `, ${l.postcode}` : ''}` },
          {
            key: 'Local authority',
            value: `${l.localAuthorityName ?? 'Not known'}${l.inBorough ? ' (in the borough)' : ''}`,
          },
          {
            key: 'Services',
            value: l.serviceTypes
              .map((s) => SERVICE_TYPE_LABELS[s as keyof typeof SERVICE_TYPE_LABELS] ?? s)
              .join(', '),
          },
          {
            key: 'Specialisms',
            value:
              [...l.serviceUserBands, ...l.specialisms]
                .map((s) => SPECIALISM_LABELS[s as keyof typeof SPECIALISM_LABELS] ?? s)
                .join(', ') || 'None recorded',
          },
          { key: 'Registered beds', value: l.registeredBeds == null ? 'Not applicable' : String(l.registeredBeds) },
          {
            key: 'CQC rating',
            value: (
              <>
                <RatingTag rating={l.cqcRating as never} />{' '}
                {l.cqcRatingDate ? `since ${formatDate(l.cqcRatingDate)}` : ''}
              </>
            ),
          },
          {
            key: 'Council quality rating',
            value: l.councilQualityRating ? (
              <>
                <RatingTag rating={l.councilQualityRating as never} scheme="pamms" />{' '}
                {l.councilQualityRatingDate ? formatDate(l.councilQualityRatingDate) : ''}
              </>
            ) : (
              'Not assessed'
            ),
          },
          {
            key: 'Contracting',
            value:
              [l.onFramework ? 'On the framework' : null, l.onDps ? 'On the DPS' : null].filter(Boolean).join(', ') ||
              'Spot only',
          },
          {
            key: 'CQC location ID',
            value: l.cqcLocationId ? (
              l.locationUrl ? (
                <a className="govuk-link" href={l.locationUrl}>
                  {l.cqcLocationId}
                  <span className="govuk-visually-hidden"> on the CQC website</span>
                </a>
              ) : (
                l.cqcLocationId
              )
            ) : (
              'Not registered'
            ),
          },
        ]}
      />

      {ch && (
        <>
          <h2 className="govuk-heading-m">
            Capacity and vacancies <FreshnessTag freshness={ch.freshness} ageDays={ch.ageDays} />
          </h2>
          <SummaryList
            rows={[
              { key: 'Maximum capacity', value: String(ch.maxCapacity) },
              {
                key: 'Occupied',
                value: `${ch.occupied} (${formatRatio(ch.maxCapacity ? ch.occupied / ch.maxCapacity : null)})`,
              },
              { key: 'Vacant, accepting admissions', value: String(ch.vacantAccepting) },
              { key: 'Vacant, reserved', value: String(ch.vacantReserved) },
              {
                key: 'Vacant, closed to admissions',
                value: ch.vacantClosed
                  ? `${ch.vacantClosed}: ${closedReasonText(ch.closedReason, ch.closedNote)}`
                  : '0',
              },
              { key: 'Held for assessment', value: String(ch.heldForAssessment) },
              ...(['residential', 'nursing', 'dementia'] as const)
                .filter((g) => ch[`${g}Max`] != null)
                .map((g) => ({
                  key: `${g[0].toUpperCase()}${g.slice(1)} beds`,
                  value: `${ch[`${g}Occupied`]} occupied, ${ch[`${g}VacantAccepting`]} vacant of ${ch[`${g}Max`]}`,
                })),
              {
                key: 'Last return',
                value: `${formatDate(ch.asAt)}${ch.noChange ? ' (confirmed no change)' : ''}${ch.nilReturn ? ' (nil return: no vacancies to report)' : ''}${ch.source === 'staff' ? ', entered by council staff for the provider' : ''}`,
              },
            ]}
          />
          {hist.length > 1 && (
            <Chart
              title="Beds over time"
              height={280}
              plot={occPlot}
              description={`${hist.length} returns from ${formatDate(hist[0].asAt)} to ${formatDate(hist[hist.length - 1].asAt)}. Occupied beds went from ${hist[0].occupied} to ${hist[hist.length - 1].occupied}.`}
              dataTable={
                <Table
                  caption="Capacity returns"
                  captionSize="s"
                  rows={hist}
                  rowKey={(r) => r.asAt}
                  columns={[
                    { key: 'asAt', header: 'Date', render: (r) => formatDate(r.asAt) },
                    { key: 'maxCapacity', header: 'Capacity', numeric: true },
                    { key: 'occupied', header: 'Occupied', numeric: true },
                    { key: 'vacantAccepting', header: 'Vacant', numeric: true },
                    { key: 'vacantClosed', header: 'Closed to admissions', numeric: true },
                    { key: 'closedReasonText', header: 'Closed because', render: (r) => r.closedReasonText ?? '' },
                    { key: 'heldForAssessment', header: 'Held', numeric: true },
                    { key: 'nilReturn', header: 'Nil return', render: (r) => (r.nilReturn ? 'Yes' : 'No') },
                    { key: 'noChange', header: 'No change', render: (r) => (r.noChange ? 'Yes' : 'No') },
                    {
                      key: 'filedBy',
                      header: 'Filed by',
                      render: (r) => r.filedBy ?? returnSourceLabel(r.source),
                    },
                  ]}
                />
              }
            />
          )}
          <DownloadLinks
            filename={`capacity-returns-${l.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`}
            what="capacity returns"
            rows={hist}
            columns={[
              { key: 'asAt', header: 'Reported at' },
              { key: 'maxCapacity', header: 'Maximum capacity' },
              { key: 'occupied', header: 'Occupied' },
              { key: 'vacantReserved', header: 'Vacant reserved' },
              { key: 'vacantAccepting', header: 'Vacant accepting admissions' },
              { key: 'vacantClosed', header: 'Vacant closed to admissions' },
              { key: 'closedReasonText', header: 'Closed because' },
              { key: 'heldForAssessment', header: 'Held for assessment' },
              { key: 'nilReturn', header: 'Nil return' },
              { key: 'noChange', header: 'No change' },
              { key: 'source', header: 'Source', value: (r) => returnSourceLabel(r.source) },
              { key: 'filedBy', header: 'Filed by', value: (r) => r.filedBy ?? returnSourceLabel(r.source) },
            ]}
          />
        </>
      )}

      {data.homecare.length > 0 && (
        <>
          <h2 className="govuk-heading-m">Homecare capacity</h2>
          <Table
            caption="Latest homecare returns by area"
            captionSize="s"
            rows={data.homecare}
            rowKey={(r) => r.area}
            columns={[
              { key: 'area', header: 'Area', render: (r) => r.area || 'Whole area' },
              { key: 'peopleSupported', header: 'People supported', numeric: true },
              {
                key: 'hoursPerWeek',
                header: 'Hours a week',
                numeric: true,
                render: (r) => formatNumber(r.hoursPerWeek),
              },
              {
                key: 'newHoursAvailable',
                header: 'New hours available',
                numeric: true,
                render: (r) => formatNumber(r.newHoursAvailable),
              },
              {
                key: 'freshness',
                header: 'Updated',
                render: (r) => <FreshnessTag freshness={r.freshness} ageDays={r.ageDays} />,
              },
            ]}
          />
          {data.history.homecare.length > 1 && (
            <Chart
              title="Homecare hours delivered a week"
              height={240}
              plot={hcPlot}
              description={`From ${formatNumber(data.history.homecare[0].hoursPerWeek)} to ${formatNumber(data.history.homecare[data.history.homecare.length - 1].hoursPerWeek)} hours a week.`}
            />
          )}
        </>
      )}

      {wf && (
        <>
          <h2 className="govuk-heading-m">
            Workforce <FreshnessTag freshness={wf.freshness} ageDays={wf.ageDays} />
          </h2>
          <SummaryList
            rows={[
              { key: 'Nurses (directly employed)', value: String(wf.nurses) },
              { key: 'Care staff', value: String(wf.careStaff) },
              { key: 'Non-care staff', value: String(wf.nonCareStaff) },
              { key: 'Agency and bank staff', value: String(wf.agencyStaff) },
              { key: 'Vacancies', value: wf.vacancies === null ? 'Not given in this return' : String(wf.vacancies) },
              { key: 'Absences', value: String(wf.absences) },
            ]}
          />
          {data.history.workforce.length > 1 && (
            <Chart
              title="Agency and bank staff share"
              height={220}
              plot={wfPlot}
              description={`Agency and bank staff are ${formatRatio(wf.agencyStaff / Math.max(1, wf.nurses + wf.careStaff + wf.nonCareStaff + wf.agencyStaff))} of staff working in the latest return.`}
            />
          )}
        </>
      )}

      {a && (
        <>
          <h2 className="govuk-heading-m">Commissioning picture</h2>
          <SummaryList
            rows={[
              {
                key: 'Council-funded residents',
                value: `${a.councilFundedActive} (${formatRatio(a.councilFundedShare)} of occupied beds)`,
              },
              {
                key: 'Mean council price',
                value:
                  a.meanCouncilPricePence == null
                    ? 'No council placements'
                    : `${formatPence(Math.round(a.meanCouncilPricePence))} a week (usual rate ${formatPence(a.usualRatePence)}, cost of care ${formatPence(a.costOfCarePence)})`,
              },
              {
                key: 'Fragility',
                value: a.fragility.length ? (
                  <>
                    <Tag
                      colour={a.fragilityLevel === 'high' ? 'red' : a.fragilityLevel === 'watch' ? 'yellow' : 'grey'}
                    >
                      {a.fragilityLevel === 'high' ? 'High' : a.fragilityLevel === 'watch' ? 'Watch' : 'Shown only'}
                    </Tag>{' '}
                    {a.fragility.map((f) => FRAGILITY_LABELS[f]).join('; ')}
                  </>
                ) : (
                  'No warning signs'
                ),
              },
            ]}
          />
        </>
      )}

      {isCareHomeLocation && (
        <>
          <h2 className="govuk-heading-m">Self-funder fees</h2>
          <Table
            caption="Weekly fees for people who pay for their own care, beside the council’s usual rate"
            captionSize="s"
            rows={[...data.selfFunderFees, ...data.selfFunderFeesUpcoming]}
            rowKey={(r) => `${r.band} ${r.effectiveFrom}`}
            emptyText="The home has not given its self-funder fees."
            columns={[
              { key: 'band', header: 'Band', render: (r) => BAND_LABELS[r.band as keyof typeof BAND_LABELS] ?? r.band },
              {
                key: 'weeklyFeePence',
                header: 'Self-funder fee',
                numeric: true,
                render: (r) => formatPence(r.weeklyFeePence),
              },
              {
                key: 'usualRatePence',
                header: 'Usual rate',
                numeric: true,
                render: (r) => (r.usualRatePence == null ? 'Not set' : formatPence(r.usualRatePence)),
              },
              {
                key: 'aboveUsualRatePence',
                header: 'Difference',
                numeric: true,
                render: (r) =>
                  r.aboveUsualRatePence == null
                    ? '–'
                    : `${r.aboveUsualRatePence >= 0 ? '+' : '−'}${formatPence(Math.abs(r.aboveUsualRatePence))}`,
              },
              {
                key: 'effectiveFrom',
                header: 'In force',
                // Fees set ahead are shown with the day they start ("from 1 January 2030").
                render: (r) => `${r.effectiveFrom > londonToday() ? 'From' : 'Since'} ${formatDate(r.effectiveFrom)}`,
              },
            ]}
          />
        </>
      )}

      {!provider && <LocationQuality locationId={l.id} ratings={l} />}

      <h2 className="govuk-heading-m">Placements</h2>
      <p className="govuk-body">
        {data.placements.active} active placements or packages, {data.placements.councilFunded} funded by the council
        (alone or jointly).
      </p>
      {data.placements.list.length > 0 && (
        <>
          <Table
            caption="Active placements (pseudonymous)"
            captionSize="s"
            rows={data.placements.list}
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
            what="placements"
            rows={data.placements.list}
            columns={[
              { key: 'personRef', header: 'Person ref' },
              { key: 'band', header: 'Band' },
              { key: 'startDate', header: 'Start date' },
              {
                key: 'weeklyPricePence',
                header: 'Weekly price £',
                value: (r) => r.weeklyPricePence / 100,
                numFmt: '£#,##0.00',
              },
              { key: 'funding', header: 'Funding' },
              { key: 'contractType', header: 'Contract type' },
              { key: 'purpose', header: 'Purpose' },
            ]}
          />
        </>
      )}
    </Page>
  );
}
