import { RequireAuth, useAuth } from '../auth';
import type { Area } from '../area';
import { D2aPage } from './D2aPage';
import { HubBoardPage } from './HubBoardPage';
import { MetricsPage } from './MetricsPage';
import { ProviderRequestPage, ProviderRequestsPage } from './ProviderPages';
import { ReferralFormPage } from './ReferralFormPage';
import { ReferralPage } from './ReferralPage';

/** Providers land on their own requests; hub and commissioning staff on the board. */
function DischargeHome() {
  const { user } = useAuth();
  return user?.role === 'provider' ? <ProviderRequestsPage /> : <HubBoardPage />;
}

export const dischargeArea: Area = {
  path: 'discharge',
  title: 'Discharge hub',
  roles: ['admin', 'commissioner', 'broker', 'quality_officer', 'viewer', 'provider'],
  routes: [
    { index: true, element: <DischargeHome /> },
    {
      path: 'referrals/new',
      element: (
        <RequireAuth roles={['broker', 'admin']}>
          <ReferralFormPage />
        </RequireAuth>
      ),
    },
    { path: 'referrals/:id', element: <ReferralPage /> },
    { path: 'metrics', element: <MetricsPage /> },
    { path: 'd2a', element: <D2aPage /> },
    { path: 'requests/:id', element: <ProviderRequestPage /> },
  ],
};
