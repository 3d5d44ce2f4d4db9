import type { Area } from '../area';
import { RequireAuth, STAFF_ROLES } from '../auth';
import { CareHomesPage } from './CareHomesPage';
import { LocationPage } from './LocationPage';
import { MarketDashboardPage } from './MarketDashboardPage';
import { PricesPage } from './PricesPage';
import { ProviderPage } from './ProviderPage';
import { RatesPage } from './RatesPage';
import { UpdateReturnPage } from './UpdateReturnPage';
import { VacanciesPage } from './VacanciesPage';

// Providers use the same area: /market shows them their own services (the server limits them to their own data).
export const marketArea: Area = {
  path: 'market',
  title: 'Market',
  routes: [
    { index: true, element: <MarketDashboardPage /> },
    { path: 'prices', element: <PricesPage /> },
    // Staff read the rates; the page offers the forms to admins and commissioners only (the server checks too).
    {
      path: 'rates',
      element: (
        <RequireAuth roles={STAFF_ROLES}>
          <RatesPage />
        </RequireAuth>
      ),
    },
    { path: 'care-homes', element: <CareHomesPage /> },
    { path: 'vacancies', element: <VacanciesPage /> },
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
  ],
};
