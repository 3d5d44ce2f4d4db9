import type { Area } from '../area';
import { RequireAuth } from '../auth';
import { lazyPage } from '../components';

const ComparePage = lazyPage(() => import('./ComparePage'), 'ComparePage');
const DemandOverviewPage = lazyPage(() => import('./DemandOverviewPage'), 'DemandOverviewPage');
const EditRatePage = lazyPage(() => import('./EditRatePage'), 'EditRatePage');
const ExplainPage = lazyPage(() => import('./ExplainPage'), 'ExplainPage');
const RatesPage = lazyPage(() => import('./RatesPage'), 'RatesPage');
const ScenarioFormPage = lazyPage(() => import('./ScenarioFormPage'), 'ScenarioFormPage');
const ScenariosPage = lazyPage(() => import('./ScenariosPage'), 'ScenariosPage');

export const demandArea: Area = {
  path: 'demand',
  title: 'Need and demand',
  roles: ['admin', 'commissioner', 'broker', 'quality_officer', 'viewer'],
  routes: [
    { index: true, element: <DemandOverviewPage /> },
    { path: 'explain', element: <ExplainPage /> },
    { path: 'rates', element: <RatesPage /> },
    {
      path: 'rates/:key',
      element: (
        <RequireAuth roles={['admin', 'commissioner']}>
          <EditRatePage />
        </RequireAuth>
      ),
    },
    { path: 'scenarios', element: <ScenariosPage /> },
    {
      path: 'scenarios/new',
      element: (
        <RequireAuth roles={['admin', 'commissioner']}>
          <ScenarioFormPage />
        </RequireAuth>
      ),
    },
    {
      path: 'scenarios/:id/edit',
      element: (
        <RequireAuth roles={['admin', 'commissioner']}>
          <ScenarioFormPage />
        </RequireAuth>
      ),
    },
    { path: 'compare', element: <ComparePage /> },
  ],
};
