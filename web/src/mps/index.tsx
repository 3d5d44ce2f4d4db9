// The Market Position Statement area: commissioners' pages under /mps (staff), and the public pages anyone can read
// without signing in: /market-position-statement (and its sections, editions and print page) and /opportunities.
import type { Area } from '../area';
import { STAFF_ROLES } from '../auth';
import { RequireAuth } from '../auth';
import './mps.scss';
import { lazyPage } from '../components';

const PublicEditionsPage = lazyPage(() => import('./PublicPages'), 'PublicEditionsPage');
const PublicOpportunitiesPage = lazyPage(() => import('./PublicPages'), 'PublicOpportunitiesPage');
const PublicSectionPage = lazyPage(() => import('./PublicPages'), 'PublicSectionPage');
const PublicStatementPage = lazyPage(() => import('./PublicPages'), 'PublicStatementPage');
const PublicWholePage = lazyPage(() => import('./PublicPages'), 'PublicWholePage');
const ComparePage = lazyPage(() => import('./ComparePage'), 'ComparePage');
const DraftPage = lazyPage(() => import('./StaffPages'), 'DraftPage');
const DraftPreviewPage = lazyPage(() => import('./StaffPages'), 'DraftPreviewPage');
const PublishPage = lazyPage(() => import('./PublishPage'), 'PublishPage');
const SectionEditPage = lazyPage(() => import('./SectionEditPage'), 'SectionEditPage');

export const mpsArea: Area = {
  path: 'mps',
  title: 'Market Position Statement',
  roles: STAFF_ROLES,
  routes: [
    { index: true, element: <DraftPage /> },
    { path: 'sections/:key', element: <SectionEditPage /> },
    { path: 'preview', element: <DraftPreviewPage /> },
    {
      path: 'publish',
      element: (
        <RequireAuth roles={['admin', 'commissioner']}>
          <PublishPage />
        </RequireAuth>
      ),
    },
    { path: 'compare', element: <ComparePage /> },
  ],
  publicRoutes: [
    { path: 'market-position-statement', element: <PublicStatementPage /> },
    { path: 'market-position-statement/print', element: <PublicWholePage print /> },
    { path: 'market-position-statement/all', element: <PublicWholePage /> },
    { path: 'market-position-statement/editions', element: <PublicEditionsPage /> },
    { path: 'market-position-statement/editions/:number', element: <PublicStatementPage /> },
    { path: 'market-position-statement/editions/:number/all', element: <PublicWholePage /> },
    { path: 'market-position-statement/editions/:number/:section', element: <PublicSectionPage /> },
    { path: 'market-position-statement/:section', element: <PublicSectionPage /> },
    { path: 'opportunities', element: <PublicOpportunitiesPage /> },
  ],
};
