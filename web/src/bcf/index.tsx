import type { Area } from '../area';
import { PlanPage } from './PlanPage';
import { SchemePage } from './SchemePage';
import { MetricsPage } from './MetricsPage';
import { DemandCapacityPage } from './DemandCapacityPage';
import { HicmPage } from './HicmPage';
import { ReturnsPage } from './ReturnsPage';

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
