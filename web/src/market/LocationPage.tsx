// One location's whole picture: register details, latest figures with their age, occupancy and workforce
// over time, council-funded placements (staff), and the fragility assessment. Sections: LocationCapacity.tsx,
// LocationPlacements.tsx.
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
  formatDate,
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
import { BAND_LABELS, FRAGILITY_LABELS, SERVICE_TYPE_LABELS, SPECIALISM_LABELS } from './labels';
import type { LocationPicture } from './types';
import { isCareHome } from '../../../src/domain/market/types';
import { londonToday } from '../../../src/domain/core/dates';
import { CareHomeCapacity, HomecareCapacity } from './LocationCapacity';
import { LocationPlacements } from './LocationPlacements';

export function LocationPage() {
  const { id } = useParams();
  const { user } = useAuth();
  const { data, error, loading } = useApi<LocationPicture>(`/api/market/locations/${id}`);
  const provider = user?.role === 'provider';
  const saved = (useLocation().state as { saved?: string } | null)?.saved;
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

      {ch && <CareHomeCapacity name={l.name} current={ch} history={hist} />}

      {data.homecare.length > 0 && <HomecareCapacity latest={data.homecare} history={data.history.homecare} />}

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

      <LocationPlacements placements={data.placements} name={l.name} />
    </Page>
  );
}
