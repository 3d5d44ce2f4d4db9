import type { Area } from '../../area';
import { lazyPage } from '../../components';

const CapacityPlannerPage = lazyPage(() => import('./CapacityPlannerPage'), 'CapacityPlannerPage');

/** Capacity planning by simulation: the discharge capacity planner. */
export const plannerArea: Area = {
  path: 'capacity-planner',
  title: 'Capacity planner',
  roles: ['admin', 'commissioner', 'broker', 'quality_officer', 'viewer'],
  routes: [{ index: true, element: <CapacityPlannerPage /> }],
};
