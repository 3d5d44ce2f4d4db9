import './data.scss';
import type { Area } from '../area';
import { lazyPage } from '../components';

const DataPage = lazyPage(() => import('./DataPage'), 'DataPage');

/** Administrators' data management: the datasets Steward holds and file uploads for every importer. */
export const dataArea: Area = {
  path: 'data',
  title: 'Data',
  roles: ['admin'],
  routes: [{ index: true, element: <DataPage /> }],
};
