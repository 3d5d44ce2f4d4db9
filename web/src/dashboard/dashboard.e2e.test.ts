// Sign in, see the demo borough's headline figures on the home dashboard, sign out; a wrong password shows
// the error summary; unknown pages show the 404 page. Every page is checked with axe-core.
import { expect, it } from 'vitest';
import {
  DEMO_ACCOUNTS,
  describeE2E,
  expectAccessible,
  expectFiguresWhole,
  expectFitsPhone,
  newPage,
  signIn,
  signOut,
  useSteward,
} from '../testing/e2e';
import { formatFigure, formatNumber } from '../components/format';
import type { Dashboard } from './HomePage';

describeE2E('home dashboard and sign-in', () => {
  const e2e = useSteward();

  it('sends a signed-out visitor to sign-in, then shows the dashboard figures from the database, then signs out', async () => {
    const { page, errors } = await newPage(e2e.browser);
    await page.goto(`${e2e.steward.baseUrl}/`);
    await page.waitForURL(/\/sign-in$/);
    await expect.poll(() => page.title()).toBe('Sign in – Steward');
    await expectAccessible(page, 'sign-in page');

    const { email, password } = DEMO_ACCOUNTS.commissioner;
    await signIn(page, e2e.steward.baseUrl, email, password);
    expect(new URL(page.url()).pathname).toBe('/');
    await expectAccessible(page, 'home dashboard');
    await expect.poll(() => page.title()).toBe('Home – Steward');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Eastbrook (demo borough)');
    await expect.poll(() => page.getByText('This is a synthetic demo borough').isVisible()).toBe(true);

    // What the page shows must be what the API computed from the database, figure by figure.
    const dashboard = (await (await page.request.get(`${e2e.steward.baseUrl}/api/dashboard`)).json()) as Dashboard;
    expect(dashboard.borough?.gssCode).toBe('E09000099');
    const summary = await page.getByTestId('borough-summary').textContent();
    expect(summary).toContain('E09000099');
    if (dashboard.borough?.population != null) expect(summary).toContain(formatNumber(dashboard.borough.population));
    // The demo borough has figures in every area a commissioner reads: an empty answer must fail here, not pass the
    // figure-by-figure loop below with nothing to check.
    expect(dashboard.sections.map((section) => section.area)).toEqual(
      expect.arrayContaining(['market', 'contracts', 'discharge']),
    );
    for (const section of dashboard.sections) expect(section.figures.length, section.area).toBeGreaterThan(0);
    // The page shows exactly those sections and figures, no more.
    await expect.poll(() => page.locator('section[data-area]').count()).toBe(dashboard.sections.length);
    await expect
      .poll(() => page.locator('section[data-area] [data-figure]').count())
      .toBe(dashboard.sections.reduce((n, section) => n + section.figures.length, 0));
    for (const section of dashboard.sections) {
      const region = page.locator(`section[data-area="${section.area}"]`);
      await expect.poll(() => region.getByRole('heading', { level: 2 }).textContent()).toBe(section.title);
      for (const f of section.figures) {
        const card = region.locator(`[data-figure="${f.key}"]`);
        await expect.poll(() => card.locator('.app-key-figure__label').textContent()).toBe(f.label);
        await expect
          .poll(() => card.locator('.app-key-figure__value').textContent())
          .toBe(formatFigure(f.value, f.unit));
        if (f.href)
          await expect.poll(() => card.getByRole('link', { name: f.label }).getAttribute('href')).toBe(f.href);
      }
    }

    // Issue 13: at 1280 px a card's figure broke mid-number ("£1,23" / "4"). The longest figures a card shows (a
    // contract worth up to £1bn, a weekly price in pence) stay whole at the desktop width and on a phone.
    const longest = ['£1,000,000,000', '£12,345.67', '£1,030.92', '100.0%', '1,234,567'];
    const replaced = await page.evaluate((texts) => {
      const numbers = [...document.querySelectorAll('.app-key-figure__number')];
      numbers.forEach((el, i) => (el.textContent = texts[i % texts.length]));
      return numbers.length;
    }, longest);
    expect(replaced).toBe(dashboard.sections.reduce((n, section) => n + section.figures.length, 0));
    await expectFiguresWhole(page, 'home dashboard with the longest figures');
    await expectFitsPhone(page, 'home dashboard with the longest figures');

    // Commissioners don't see the admin area in the navigation, and get "no access" if they go there.
    const nav = page.getByRole('navigation', { name: 'Menu' });
    await expect.poll(() => nav.getByRole('link', { name: 'Home' }).getAttribute('aria-current')).toBe('page');
    await expect.poll(() => nav.getByRole('link', { name: 'Admin' }).count()).toBe(0);
    await page.goto(`${e2e.steward.baseUrl}/admin/users`);
    await page.getByRole('heading', { level: 1, name: 'You do not have access to this page' }).waitFor();
    await expectAccessible(page, 'no access page');

    await signOut(page);
    await expectAccessible(page, 'signed out page');
    await expect.poll(() => page.title()).toBe('You have signed out – Steward');
    // The session is gone on the server, not just in the browser.
    expect((await page.request.get(`${e2e.steward.baseUrl}/api/auth/session`)).status()).toBe(401);
    await page.goto(`${e2e.steward.baseUrl}/`);
    await page.waitForURL(/\/sign-in$/);
    expect(errors).toEqual([]);
  });

  it('shows the error summary, linked to the fields, for a missing email and for a wrong password', async () => {
    const { page } = await newPage(e2e.browser);
    await page.goto(`${e2e.steward.baseUrl}/sign-in`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    await expect
      .poll(() => summary.getByRole('link', { name: 'Enter your email address' }).getAttribute('href'))
      .toBe('#email');
    await expect
      .poll(() => summary.getByRole('link', { name: 'Enter your password' }).getAttribute('href'))
      .toBe('#password');
    await expect.poll(() => page.title()).toBe('Error: Sign in – Steward');
    // The summary takes focus so screen readers announce it.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary')))
      .toBe(true);
    await expectAccessible(page, 'sign-in page with missing fields');

    await page.getByLabel('Email address').fill(DEMO_ACCOUNTS.commissioner.email);
    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await summary.getByText('Check your password').waitFor();
    await expect.poll(() => page.locator('.govuk-form-group--error #password').count()).toBe(1);
    await expect.poll(() => page.locator('#password-error').textContent()).toContain('Check your password');
    await expect.poll(() => page.getByLabel('Password', { exact: true }).inputValue()).toBe('');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await expectAccessible(page, 'sign-in page with a wrong password');

    // Clicking the summary link moves focus to the field.
    await summary.getByRole('link', { name: 'Check your password' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('password');
  });

  it('returns to the page asked for after sign-in, and shows a 404 page for unknown addresses', async () => {
    const { page } = await newPage(e2e.browser);
    await page.goto(`${e2e.steward.baseUrl}/admin/audit`);
    await page.waitForURL(/\/sign-in\?returnTo=%2Fadmin%2Faudit$/);
    await page.getByLabel('Email address').fill(DEMO_ACCOUNTS.admin.email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_ACCOUNTS.admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/audit');

    // In-app navigation to an unknown address, and a direct visit to one inside an area.
    await page.evaluate(() => {
      window.history.pushState({}, '', '/no-such-page');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await page.goto(`${e2e.steward.baseUrl}/admin/no-such-page`);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await expect.poll(() => page.title()).toBe('Page not found – Steward');
    await expectAccessible(page, '404 page');

    // On a phone the navigation folds behind a "Menu" button that says whether it is open.
    await page.setViewportSize({ width: 375, height: 800 });
    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.waitFor();
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => page.locator('#navigation').isHidden()).toBe(true);
    await menu.click();
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    // Navigating closes the menu again, and focus moves to the new page's content.
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main-content');
    await expectAccessible(page, 'administration page on a phone');
  });
});
