// Your account (change password, sign out everywhere) and an administrator's page for one user (reset,
// disable), each checked with axe-core.
import { expect, it } from 'vitest';
import { DEMO_ACCOUNTS, describeE2E, expectAccessible, newPage, signIn, useSteward } from '../testing/e2e';

describeE2E('accounts: your account and managing a user', () => {
  const e2e = useSteward();

  it('changes your own password after a wrong current one, then an administrator disables the account', async () => {
    const { page, errors } = await newPage(e2e.browser);
    await signIn(page, e2e.steward.baseUrl, DEMO_ACCOUNTS.viewer.email, DEMO_ACCOUNTS.viewer.password);
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Your account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    await expectAccessible(page, 'your account page');

    await page.getByLabel('Current password').fill('not my password');
    await page.getByLabel('New password').fill('1234567890');
    await page.getByRole('button', { name: 'Change password' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.getByRole('link', { name: 'Your current password is not right' }).waitFor();
    await expectAccessible(page, 'your account page with errors');

    await page.getByLabel('Current password').fill(DEMO_ACCOUNTS.viewer.password);
    await page.getByRole('button', { name: 'Change password' }).click();
    await summary.getByRole('link', { name: /run of keys/ }).waitFor();
    await page.getByLabel('New password').fill('lighthouse bramble teapot');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your password has been changed').waitFor();

    const admin = await newPage(e2e.browser);
    await signIn(admin.page, e2e.steward.baseUrl, DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.admin.password);
    await admin.page.goto(`${e2e.steward.baseUrl}/admin/users`);
    const row = admin.page.locator('tbody tr', { hasText: DEMO_ACCOUNTS.viewer.email });
    await row.getByRole('link').first().click();
    await admin.page.getByRole('heading', { level: 2, name: 'Reset the password' }).waitFor();
    await expectAccessible(admin.page, 'user page');
    await admin.page.getByRole('button', { name: 'Disable account' }).click();
    await admin.page.getByRole('button', { name: 'Yes, disable the account' }).click();
    await admin.page.getByText(/is disabled and signed out/).waitFor();
    await expectAccessible(admin.page, 'user page after disabling');

    // The viewer's session has ended.
    const ended = await page.request.get(`${e2e.steward.baseUrl}/api/auth/session`);
    expect(ended.status()).toBe(200);
    expect((await ended.json()).signedIn).toBe(false);
    expect((await page.request.get(`${e2e.steward.baseUrl}/api/market/summary`)).status()).toBe(401);
    expect([...errors, ...admin.errors].filter((e) => !/401|Unauthorized|Sign in required/i.test(e))).toEqual([]);
  });
});
