import type { Area } from '../area';
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
    { path: 'rates/:key', element: <EditRatePage /> },
    { path: 'scenarios', element: <ScenariosPage /> },
    { path: 'scenarios/new', element: <ScenarioFormPage /> },
    { path: 'scenarios/:id/edit', element: <ScenarioFormPage /> },
    { path: 'compare', element: <ComparePage /> },
  ],
};
