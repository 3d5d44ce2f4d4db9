import { RequireAuth, useAuth } from '../auth';
import { DISCHARGE_READERS } from '../../../src/domain/core/auth';
import type { Area } from '../area';
import { lazyPage } from '../components';

const D2aPage = lazyPage(() => import('./D2aPage'), 'D2aPage');
const HubBoardPage = lazyPage(() => import('./HubBoardPage'), 'HubBoardPage');
const MetricsPage = lazyPage(() => import('./MetricsPage'), 'MetricsPage');
const ProviderRequestPage = lazyPage(() => import('./ProviderPages'), 'ProviderRequestPage');
const ProviderRequestsPage = lazyPage(() => import('./ProviderPages'), 'ProviderRequestsPage');
const ReferralFormPage = lazyPage(() => import('./ReferralFormPage'), 'ReferralFormPage');
const ReferralPage = lazyPage(() => import('./ReferralPage'), 'ReferralPage');

/** Providers land on their own requests; hub and commissioning staff on the board. */
function DischargeHome() {
  const { user } = useAuth();
  return user?.role === 'provider' ? <ProviderRequestsPage /> : <HubBoardPage />;
}

export const dischargeArea: Area = {
  path: 'discharge',
  title: 'Discharge hub',
  roles: DISCHARGE_READERS,
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
