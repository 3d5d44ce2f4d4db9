// The area registry. To add an area: import its `Area` and add it to `areas` (order = navigation order).
import { isValidElement } from 'react';
import { matchRoutes, Outlet, type RouteObject } from 'react-router';
import type { Area } from './area';
import { RequireAuth, type Role, type User } from './auth';
import { Layout, type NavItem } from './App';
import { SignInPage } from './auth/SignInPage';
import { SignOutPage } from './auth/SignOutPage';
import { NotFoundPage } from './NotFoundPage';
import { adminArea } from './admin';
import { dataArea } from './data';
import { demandArea } from './demand';
import { dischargeArea } from './discharge';
import { plannerArea } from './discharge/planner';
import { contractsArea } from './contracts';
import { marketArea } from './market';
import { mpsArea } from './mps';
import { directoryArea } from './directory';
import { bcfArea } from './bcf';
import { lazyPage } from './components';

// The first page's own code only: home and account pages, like every area's pages, load when visited.
const HomePage = lazyPage(() => import('./dashboard/HomePage'), 'HomePage');
const AccountPage = lazyPage(() => import('./auth/AccountPage'), 'AccountPage');

export type { Area } from './area';
export type { NavItem } from './App';

export const areas: Area[] = [
  // Area registrations: one import above and one entry here.
  marketArea,
  demandArea,
  dischargeArea,
  plannerArea,
  contractsArea,
  mpsArea,
  directoryArea,
  dataArea,
  bcfArea,
  adminArea,
];

/** Navigation for a user: Home, then each area they may use. Nothing but sign-in when signed out. */
export function navigationFor(user: User | null, list: readonly Area[] = areas): NavItem[] {
  if (!user) return [];
  const visible = list.filter(
    (a) => !a.hideFromNavigation && (!a.roles || a.roles.length === 0 || a.roles.includes(user.role)),
  );
  return [{ href: '/', text: 'Home' }, ...visible.map((a) => ({ href: `/${a.path}`, text: a.title }))];
}

/** All routes: the layout, home, account pages, every area (guarded by its roles) and the 404 page. */
export function buildRoutes(list: readonly Area[] = areas): RouteObject[] {
  const seen = new Set<string>();
  for (const a of list) {
    if (seen.has(a.path)) throw new Error(`Two areas use the path /${a.path}`);
    seen.add(a.path);
  }
  return [
    {
      path: '/',
      element: <Layout navigation={(user) => navigationFor(user, list)} />,
      children: [
        {
          index: true,
          element: (
            <RequireAuth>
              <HomePage />
            </RequireAuth>
          ),
        },
        { path: 'sign-in', element: <SignInPage /> },
        { path: 'sign-out', element: <SignOutPage /> },
        {
          path: 'account',
          element: (
            <RequireAuth>
              <AccountPage />
            </RequireAuth>
          ),
        },
        // Public pages (no sign-in) that areas publish.
        ...list.flatMap((a) => a.publicRoutes ?? []),
        ...list.map((a): RouteObject => ({
          path: a.path,
          element: (
            <RequireAuth roles={a.roles}>
              <Outlet />
            </RequireAuth>
          ),
          children: [...a.routes, { path: '*', element: <NotFoundPage /> }],
        })),
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ];
}

/**
 * Whether a signed-in user with `role` can open the page at `href` (a path on this site, query string allowed):
 * 'open', 'not-found' (no route but the 404 page matches) or 'no-access' (a route on the way is guarded by
 * `RequireAuth` with roles that leave `role` out). Used by the tests that walk every link the server gives (home
 * cards) to check each is a real page its reader may open.
 */
export function routeAccess(
  href: string,
  role: Role,
  list: readonly Area[] = areas,
): 'open' | 'not-found' | 'no-access' {
  const pathname = new URL(href, 'https://steward.invalid').pathname;
  const matches = matchRoutes(buildRoutes(list), pathname);
  if (!matches || matches.at(-1)!.route.path === '*') return 'not-found';
  for (const m of matches) {
    const element = m.route.element;
    if (isValidElement<{ roles?: readonly Role[] }>(element) && element.type === RequireAuth) {
      const roles = element.props.roles;
      if (roles && roles.length > 0 && !roles.includes(role)) return 'no-access';
    }
  }
  return 'open';
}
