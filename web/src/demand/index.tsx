import type { Area } from '../area';
import { RequireAuth } from '../auth';
import { ComparePage } from './ComparePage';
import { DemandOverviewPage } from './DemandOverviewPage';
import { EditRatePage } from './EditRatePage';
import { ExplainPage } from './ExplainPage';
import { RatesPage } from './RatesPage';
import { ScenarioFormPage } from './ScenarioFormPage';
import { ScenariosPage } from './ScenariosPage';

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
