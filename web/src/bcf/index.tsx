import type { Area } from '../area';
import { lazyPage } from '../components';

const PlanPage = lazyPage(() => import('./PlanPage'), 'PlanPage');
const SchemePage = lazyPage(() => import('./SchemePage'), 'SchemePage');
const MetricsPage = lazyPage(() => import('./MetricsPage'), 'MetricsPage');
const DemandCapacityPage = lazyPage(() => import('./DemandCapacityPage'), 'DemandCapacityPage');
const HicmPage = lazyPage(() => import('./HicmPage'), 'HicmPage');
const ReturnsPage = lazyPage(() => import('./ReturnsPage'), 'ReturnsPage');

export const bcfArea: Area = {
  path: 'bcf',
  title: 'Better Care Fund',
  // Every staff role reads; the BCF lead, commissioners and admins change (the server checks every request).
  roles: ['admin', 'commissioner', 'bcf_lead', 'broker', 'quality_officer', 'viewer'],
  routes: [
    { index: true, element: <PlanPage /> },
    { path: 'schemes/:id', element: <SchemePage /> },
    { path: 'metrics', element: <MetricsPage /> },
    { path: 'demand-capacity', element: <DemandCapacityPage /> },
    { path: 'hicm', element: <HicmPage /> },
    { path: 'returns', element: <ReturnsPage /> },
  ],
};
