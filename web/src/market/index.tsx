import type { Area } from '../area';
import { RequireAuth, STAFF_ROLES } from '../auth';
import { lazyPage } from '../components';

const CareHomesPage = lazyPage(() => import('./CareHomesPage'), 'CareHomesPage');
const LocationPage = lazyPage(() => import('./LocationPage'), 'LocationPage');
const MarketDashboardPage = lazyPage(() => import('./MarketDashboardPage'), 'MarketDashboardPage');
const PricesPage = lazyPage(() => import('./PricesPage'), 'PricesPage');
const ProviderPage = lazyPage(() => import('./ProviderPage'), 'ProviderPage');
const RatesPage = lazyPage(() => import('./RatesPage'), 'RatesPage');
const UpdateReturnPage = lazyPage(() => import('./UpdateReturnPage'), 'UpdateReturnPage');
const VacanciesPage = lazyPage(() => import('./VacanciesPage'), 'VacanciesPage');
const OrganisationAccountsPage = lazyPage(() => import('./OrganisationAccountsPage'), 'OrganisationAccountsPage');
const RemoveAccessPage = lazyPage(() => import('./RemoveAccessPage'), 'RemoveAccessPage');
const SelfFunderFeesPage = lazyPage(() => import('./SelfFunderFeesPage'), 'SelfFunderFeesPage');

// Providers use the same area: /market shows them their own services (the server limits them to their own data);
// the market-wide pages (prices, care homes, vacancies, rates) are for council staff, and a provider is told so.
export const marketArea: Area = {
  path: 'market',
  title: 'Market',
  routes: [
    { index: true, element: <MarketDashboardPage /> },
    {
      path: 'prices',
      element: (
        <RequireAuth roles={STAFF_ROLES}>
          <PricesPage />
        </RequireAuth>
      ),
    },
    // Staff read the rates; the page offers the forms to admins and commissioners only (the server checks too).
    {
      path: 'rates',
      element: (
        <RequireAuth roles={STAFF_ROLES}>
          <RatesPage />
        </RequireAuth>
      ),
    },
    {
      path: 'care-homes',
      element: (
        <RequireAuth roles={STAFF_ROLES}>
          <CareHomesPage />
        </RequireAuth>
      ),
    },
    {
      path: 'vacancies',
      element: (
        <RequireAuth roles={STAFF_ROLES}>
          <VacanciesPage />
        </RequireAuth>
      ),
    },
    { path: 'providers/:id', element: <ProviderPage /> },
    { path: 'locations/:id', element: <LocationPage /> },
    {
      path: 'locations/:id/update',
      element: (
        <RequireAuth roles={['admin', 'commissioner', 'broker', 'quality_officer', 'bcf_lead', 'provider']}>
          <UpdateReturnPage />
        </RequireAuth>
      ),
    },
    {
      path: 'locations/:id/fees',
      element: (
        <RequireAuth roles={['admin', 'commissioner', 'provider']}>
          <SelfFunderFeesPage />
        </RequireAuth>
      ),
    },
    // A provider approver manages its own organisation's accounts (the server checks the approver flag).
    {
      path: 'accounts',
      element: (
        <RequireAuth roles={['provider']}>
          <OrganisationAccountsPage />
        </RequireAuth>
      ),
    },
    {
      path: 'accounts/:id/remove',
      element: (
        <RequireAuth roles={['provider']}>
          <RemoveAccessPage />
        </RequireAuth>
      ),
    },
  ],
};
