import type { Area } from '../area';
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
    { path: 'rates/:key', element: <EditRatePage /> },
    { path: 'scenarios', element: <ScenariosPage /> },
    { path: 'scenarios/new', element: <ScenarioFormPage /> },
    { path: 'scenarios/:id/edit', element: <ScenarioFormPage /> },
    { path: 'compare', element: <ComparePage /> },
  ],
};
