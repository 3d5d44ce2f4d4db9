import './data.scss';
import type { Area } from '../area';
import { DataPage } from './DataPage';

/** Administrators' data management: the datasets Steward holds and file uploads for every importer. */
export const dataArea: Area = {
  path: 'data',
  title: 'Data',
  roles: ['admin'],
  routes: [{ index: true, element: <DataPage /> }],
};
