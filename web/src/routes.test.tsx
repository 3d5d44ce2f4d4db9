import { describe, expect, it } from 'vitest';
import type { Area } from './area';
import { safeReturnPath, type User } from './auth';
import { areas, buildRoutes, navigationFor, routeAccess } from './routes';

const user = (role: User['role']): User => ({
  id: 'u',
  email: 'x@example.org',
  name: 'X',
  role,
  providerId: null,
  providerName: null,
  providerApprover: false,
  createdAt: '2026-01-05T09:00:00.000Z',
  lastSignInAt: null,
  disabled: false,
});

const testAreas: Area[] = [
  { path: 'market', title: 'Market', roles: ['admin', 'commissioner', 'viewer', 'provider'], routes: [] },
  { path: 'discharge', title: 'Discharge', roles: ['broker', 'commissioner'], routes: [] },
  { path: 'help', title: 'Help', routes: [] },
  { path: 'hidden', title: 'Hidden', routes: [], hideFromNavigation: true },
];

describe('navigation', () => {
  it('shows each role only the areas it may use, in registry order, after Home', () => {
    expect(navigationFor(user('commissioner'), testAreas).map((n) => n.text)).toEqual([
      'Home',
      'Market',
      'Discharge',
      'Help',
    ]);
    expect(navigationFor(user('broker'), testAreas).map((n) => n.href)).toEqual(['/', '/discharge', '/help']);
    expect(navigationFor(user('provider'), testAreas).map((n) => n.text)).toEqual(['Home', 'Market', 'Help']);
    expect(navigationFor(null, testAreas)).toEqual([]);
  });

  it('registers the admin area for administrators only', () => {
    expect(navigationFor(user('admin')).some((n) => n.href === '/admin')).toBe(true);
    expect(navigationFor(user('commissioner')).some((n) => n.href === '/admin')).toBe(false);
    expect(areas.filter((a) => a.path === 'admin')).toHaveLength(1);
  });
});

describe('buildRoutes', () => {
  it('nests every area under the layout with a 404 route inside each area', () => {
    const [root] = buildRoutes(testAreas);
    const paths = root.children!.map((r) => (r.index ? '(index)' : r.path));
    expect(paths).toEqual(['(index)', 'sign-in', 'sign-out', 'account', 'market', 'discharge', 'help', 'hidden', '*']);
    expect(root.children!.find((r) => r.path === 'market')!.children!.at(-1)!.path).toBe('*');
  });

  it('refuses two areas with the same path', () => {
    expect(() => buildRoutes([...testAreas, { path: 'market', title: 'Again', routes: [] }])).toThrow(
      'Two areas use the path /market',
    );
  });
});

describe('routeAccess', () => {
  it('knows the real pages and who may open them', () => {
    expect(routeAccess('/directory', 'viewer')).toBe('open');
    expect(routeAccess('/directory/suggestions?x=1', 'commissioner')).toBe('open');
    // Finding 2 of the review: the home cards linked here, which is no page.
    expect(routeAccess('/directory/manage', 'commissioner')).toBe('not-found');
    expect(routeAccess('/directory/manage/review', 'commissioner')).toBe('not-found');
    expect(routeAccess('/no-such-area', 'admin')).toBe('not-found');
    // Finding 9: the BCF lead may not open the discharge area; a route-level guard counts too.
    expect(routeAccess('/discharge', 'bcf_lead')).toBe('no-access');
    expect(routeAccess('/directory/new', 'viewer')).toBe('no-access');
    expect(routeAccess('/directory/new', 'commissioner')).toBe('open');
    expect(routeAccess('/admin', 'commissioner')).toBe('no-access');
    expect(routeAccess('/', 'provider')).toBe('open');
    // Review 13, finding 20: staff-only pages in areas a provider uses are refused in the web app too.
    for (const href of ['/contracts/risks', '/contracts/delivery-plan', '/market/care-homes', '/market/vacancies']) {
      expect(routeAccess(href, 'provider')).toBe('no-access');
      expect(routeAccess(href, 'viewer')).toBe('open');
    }
    for (const href of ['/contracts/kpis', '/contracts/concerns', '/contracts/assessments', '/market']) {
      expect(routeAccess(href, 'provider')).toBe('open');
    }
  });
});

describe('safeReturnPath', () => {
  it('only returns to paths on this site', () => {
    expect(safeReturnPath('/admin/audit?before=10')).toBe('/admin/audit?before=10');
    expect(safeReturnPath('//evil.example/x')).toBe('/');
    expect(safeReturnPath('/\\evil.example')).toBe('/');
    expect(safeReturnPath('https://evil.example')).toBe('/');
    expect(safeReturnPath('/sign-in')).toBe('/');
    expect(safeReturnPath(null)).toBe('/');
  });
});
