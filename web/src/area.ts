// An area of Steward in the web app: its URL segment, navigation title, who may use it and its pages.
import type { RouteObject } from 'react-router';
import type { Role } from './auth';

export interface Area {
  /** URL segment: the area's pages live under `/${path}`. Same name as the area everywhere else. */
  path: string;
  /** Service navigation label. */
  title: string;
  /**
   * Roles that may use the area. Others don't see it in the navigation and get "no access" on its URLs.
   * Leave out for every signed-in user. (The server still checks every request.)
   */
  roles?: readonly Role[];
  /** Routes relative to `/${path}`: `{ index: true, element: <Overview /> }`, `{ path: 'homes/:id', element: ... }`. */
  routes: RouteObject[];
  /** Leave the area out of the service navigation (still routed), e.g. for pages reached from elsewhere. */
  hideFromNavigation?: boolean;
  /**
   * Pages anyone may read without signing in, with ABSOLUTE paths of their own (e.g. `market-position-statement`),
   * outside `/${path}`. Frame them with `PublicPage` from '../components'. The server must answer their data without
   * a session, read only and rate limited, and list their paths in src/server/publicSite.ts.
   */
  publicRoutes?: RouteObject[];
}
