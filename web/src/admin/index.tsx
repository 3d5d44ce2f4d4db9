import type { Area } from '../area';
import { AdminHomePage } from './AdminHomePage';
import { UsersPage } from './UsersPage';
import { AddUserPage } from './AddUserPage';
import { AuditPage } from './AuditPage';
import { CouncilPage } from './CouncilPage';

export const adminArea: Area = {
  path: 'admin',
  title: 'Admin',
  roles: ['admin'],
  routes: [
    { index: true, element: <AdminHomePage /> },
    { path: 'users', element: <UsersPage /> },
    { path: 'users/new', element: <AddUserPage /> },
    { path: 'audit', element: <AuditPage /> },
    { path: 'council', element: <CouncilPage /> },
  ],
};
