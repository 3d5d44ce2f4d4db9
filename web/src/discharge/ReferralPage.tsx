// One referral (`/discharge/referrals/:id`): its details, the providers it went to and their answers, and the
// hub’s next steps while it is open.
import { useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { useApi } from '../api';
import { useAuth } from '../auth';
import { LoadingOrError, NotificationBanner, Page, SummaryList, formatDateTime } from '../components';
import {
  DELAY_REASON_LABELS,
  DESTINATION_LABELS,
  FUNDING_ROUTE_LABELS,
  PATHWAY_LABELS,
  REFERRAL_STATUS_LABELS,
  needsRows,
} from './labels';
import type { ReferralDetail } from './types';
import { CandidateList, Offers } from './ReferralOffers';
import { StepForms } from './ReferralStepForms';

export function ReferralPage() {
  const { id } = useParams();
  const location = useLocation();
  const { hasRole } = useAuth();
  const canAct = hasRole('broker', 'admin');
  const { data, loading, error, reload } = useApi<ReferralDetail>(`/api/discharge/referrals/${id}`);
  const [message, setMessage] = useState<string | null>(
    (location.state as { created?: boolean } | null)?.created ? 'Referral saved' : null,
  );
  const [candidatesKey, setCandidatesKey] = useState(0);
  const done = (m: string) => {
    setMessage(m);
    setCandidatesKey((k) => k + 1);
    reload();
    window.scrollTo(0, 0);
  };
  if (!data)
    return (
      <Page title="Referral">
        <LoadingOrError loading={loading} error={error} what="the referral" />
      </Page>
    );
  const r = data.referral;
  const open = !r.dischargedAt && !r.cancelledAt;
  const step = (t: string | null) => (t ? formatDateTime(t) : 'Not yet');
  return (
    <Page
      title={`Referral ${r.personRef}`}
      caption={PATHWAY_LABELS[r.pathway]}
      breadcrumbs={[{ text: 'Discharge hub', href: '/discharge' }, { text: r.personRef }]}
      width="full"
    >
      {message && <NotificationBanner type="success">{message}</NotificationBanner>}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <SummaryList
            rows={[
              ...(data.restricted
                ? [
                    { key: 'Name', value: data.restricted.name ?? 'Not recorded' },
                    { key: 'NHS number', value: data.restricted.nhsNumber ?? 'Not recorded' },
                  ]
                : []),
              { key: 'Stage', value: REFERRAL_STATUS_LABELS[r.status] },
              ...needsRows(r),
              { key: 'Age band', value: r.ageBand },
              { key: 'Home area', value: r.postcodeDistrict },
              { key: 'Ward', value: `${r.ward}, ${r.hospital}` },
              {
                key: 'Funding',
                value: FUNDING_ROUTE_LABELS[r.fundingRoute as keyof typeof FUNDING_ROUTE_LABELS] ?? r.fundingRoute,
              },
              { key: 'Summary for providers', value: r.needsSummary || 'None' },
            ]}
          />
        </div>
        <div className="govuk-grid-column-one-half">
          <h2 className="govuk-heading-m">Steps</h2>
          <SummaryList
            rows={[
              { key: 'Referred', value: step(r.referredAt) },
              { key: 'Medically optimised', value: step(r.medicallyOptimisedAt) },
              { key: 'Request sent', value: step(r.requestSentAt) },
              { key: 'First offer', value: step(r.firstOfferAt) },
              { key: 'Awarded', value: step(r.awardedAt) },
              {
                key: 'Discharged',
                value: r.dischargedAt
                  ? `${step(r.dischargedAt)} to ${DESTINATION_LABELS[r.destination as keyof typeof DESTINATION_LABELS] ?? r.destination}`
                  : r.cancelledAt
                    ? `Cancelled ${step(r.cancelledAt)}`
                    : 'Not yet',
              },
            ]}
          />
          {r.delays.length > 0 && (
            <ul className="govuk-list govuk-list--bullet">
              {r.delays.map((d) => (
                <li key={d.id}>
                  {DELAY_REASON_LABELS[d.reason as keyof typeof DELAY_REASON_LABELS] ?? d.reason}: from{' '}
                  {formatDateTime(d.from)}
                  {d.to ? ` to ${formatDateTime(d.to)}` : ' (continuing)'}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <Offers detail={data} canAct={canAct} onAwarded={done} />
      {canAct && open && !r.awardedAt && r.pathway > 0 && (
        <CandidateList key={candidatesKey} referralId={r.id} screening={data.screening ?? []} onSent={done} />
      )}
      {canAct && open && <StepForms detail={data} onDone={done} />}
    </Page>
  );
}
