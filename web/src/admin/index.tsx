import type { Area } from '../area';
import { lazyPage } from '../components';

const AdminHomePage = lazyPage(() => import('./AdminHomePage'), 'AdminHomePage');
const UsersPage = lazyPage(() => import('./UsersPage'), 'UsersPage');
const AddUserPage = lazyPage(() => import('./AddUserPage'), 'AddUserPage');
const UserPage = lazyPage(() => import('./UserPage'), 'UserPage');
const AuditPage = lazyPage(() => import('./AuditPage'), 'AuditPage');
const CouncilPage = lazyPage(() => import('./CouncilPage'), 'CouncilPage');

export const adminArea: Area = {
  path: 'admin',
  title: 'Admin',
  roles: ['admin'],
  routes: [
    { index: true, element: <AdminHomePage /> },
    { path: 'users', element: <UsersPage /> },
    { path: 'users/new', element: <AddUserPage /> },
    { path: 'users/:id', element: <UserPage /> },
    { path: 'audit', element: <AuditPage /> },
    { path: 'council', element: <CouncilPage /> },
  ],
};
