// Administrator pages: list users, add a user (error summary for bad input, server-side checks), and the
// audit log shows who added whom. Every page is checked with axe-core.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { navigationFor } from '../routes';
import {
  DEMO_ACCOUNTS,
  E2E_ADMIN,
  describeE2E,
  expectAccessible,
  newPage,
  signIn,
  useSteward,
  choose,
} from '../testing/e2e';

describeE2E('admin: users and audit log', () => {
  const e2e = useSteward();

  it('lists users, adds one after correcting errors, and records it in the audit log', async () => {
    const { page, errors } = await newPage(e2e.browser);
    await signIn(page, e2e.steward.baseUrl, DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.admin.password);
    const nav = page.getByRole('navigation', { name: 'Menu' });
    await nav.getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    await expectAccessible(page, 'administration page');

    await page.getByRole('link', { name: 'Users' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await expectAccessible(page, 'users page');
    const table = page.locator('table.govuk-table');
    for (const account of Object.values(DEMO_ACCOUNTS)) {
      await expect.poll(() => table.getByRole('cell', { name: account.email, exact: true }).count()).toBe(1);
    }
    const before = await table.locator('tbody tr').count();

    await page.getByRole('button', { name: 'Add a user' }).click();
    await page.getByRole('heading', { level: 1, name: 'Add a user' }).waitFor();
    // Nothing filled in: every field is reported, in the summary and inline.
    await page.getByRole('button', { name: 'Add user' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    for (const message of [
      'Enter a name',
      'Enter an email address',
      'Choose a role',
      'Password must be at least 10 characters',
    ]) {
      await summary.getByRole('link', { name: message }).waitFor();
    }
    await expectAccessible(page, 'add user page with errors');

    // The server's checks: an email already in use is refused with the field named, in the same answer as the
    // missing name (every problem at once, not one after another).
    await page.getByLabel('Email address').fill(DEMO_ACCOUNTS.broker.email);
    await choose(page.getByLabel('Commissioner'));
    await page.getByLabel('Temporary password').fill('a-long-enough-password');
    await page.getByRole('button', { name: 'Add user' }).click();
    await summary.getByRole('link', { name: 'A user with this email address already exists' }).waitFor();
    await summary.getByRole('link', { name: 'Enter a name' }).waitFor();
    await page.getByLabel('Full name').fill('Priya Planner');
    await page.getByRole('button', { name: 'Add user' }).click();
    await expect.poll(() => summary.getByRole('link', { name: 'Enter a name' }).count()).toBe(0);
    await summary.getByRole('link', { name: 'A user with this email address already exists' }).waitFor();
    await expect
      .poll(() =>
        summary.getByRole('link', { name: 'A user with this email address already exists' }).getAttribute('href'),
      )
      .toBe('#email');

    await page.getByLabel('Email address').fill('priya.planner@eastbrook.example');
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.getByText('User priya.planner@eastbrook.example added').waitFor();
    await expectAccessible(page, 'users page after adding a user');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(before + 1);
    const row = table.locator('tbody tr', { hasText: 'priya.planner@eastbrook.example' });
    await expect.poll(() => row.getByRole('cell').nth(2).textContent()).toBe('Commissioner');

    // Downloads: the CSV and the Excel file hold the users on screen, the new one included.
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download users as CSV' }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe('steward-users.csv');
    const csvLines = readFileSync((await csv.path())!, 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(csvLines[0]).toBe('Name,Email address,Role,Provider,Added,Last signed in,Status');
    expect(csvLines).toContainEqual(
      expect.stringMatching(
        // Times as the page shows them: London local time, not UTC ISO (issue 13).
        /^Priya Planner,priya\.planner@eastbrook\.example,Commissioner,,\d{4}-\d\d-\d\d \d\d:\d\d,,Active$/,
      ),
    );
    expect(csvLines.length - 2).toBe(before + 1);
    // Filtering by role narrows the table (and what the download links export).
    await page.getByLabel('Show users with the role').selectOption('commissioner');
    await expect
      .poll(() => table.locator('tbody tr').allTextContents())
      .toEqual([
        expect.stringContaining(DEMO_ACCOUNTS.commissioner.email),
        expect.stringContaining('priya.planner@eastbrook.example'),
      ]);
    await page.getByLabel('Show users with the role').selectOption('');
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download users as Excel (XLSX)' }).click(),
    ]);
    const wb = new ExcelJS.Workbook();
    const bytes = readFileSync((await xlsx.path())!);
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = wb.getWorksheet('Users')!;
    expect(sheet.rowCount).toBe(before + 2);
    expect(sheet.getColumn(2).values).toContain('priya.planner@eastbrook.example');

    await page.goto(`${e2e.steward.baseUrl}/admin/audit`);
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await expectAccessible(page, 'audit log page');
    const created = page.locator('tbody tr', { hasText: 'role: Commissioner' }).first();
    // People and records by name, not ids (issue 13).
    await expect
      .poll(() => created.getByRole('cell').nth(1).textContent())
      .toBe(`${E2E_ADMIN.name} (${DEMO_ACCOUNTS.admin.email})`);
    // Actions and coded values in words (review finding 18): "Created", "role: Commissioner".
    await expect.poll(() => created.getByRole('cell').nth(2).textContent()).toBe('Created');
    await expect.poll(() => created.getByRole('cell').nth(3).textContent()).toBe('user: Priya Planner');
    expect(await created.textContent()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);

    // The new user can sign in with the password the admin set.
    const second = await newPage(e2e.browser);
    await signIn(second.page, e2e.steward.baseUrl, 'priya.planner@eastbrook.example', 'a-long-enough-password');
    await second.page.getByText('Welcome, Priya Planner.').waitFor();
    expect(errors).toEqual([]);
  });

  it('adds a provider user tied to one provider, who then sees the provider navigation only', async () => {
    const { page, errors } = await newPage(e2e.browser);
    await signIn(page, e2e.steward.baseUrl, DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.admin.password);
    await page.goto(`${e2e.steward.baseUrl}/admin/users/new`);
    await page.getByLabel('Full name').fill('Pat Provider');
    await page.getByLabel('Email address').fill('pat@provider.example');
    await choose(page.getByLabel('Provider', { exact: true }));
    await page.getByLabel('Temporary password').fill('a-long-enough-password');
    // No provider chosen yet: the error names the field.
    await page.getByRole('button', { name: 'Add user' }).click();
    await page
      .locator('.govuk-error-summary')
      .getByRole('link', { name: 'Choose the provider this user acts for' })
      .waitFor();
    const select = page.getByRole('combobox', { name: 'Provider' });
    const options = await select
      .locator('option')
      .evaluateAll((els) => els.map((e) => ({ value: (e as HTMLOptionElement).value, text: e.textContent ?? '' })));
    const provider = options.find((o) => o.value !== '');
    expect(provider, 'the demo borough has providers to choose from').toBeDefined();
    await select.selectOption(provider!.value);
    await expectAccessible(page, 'add user page, provider chosen');
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.getByText('User pat@provider.example added').waitFor();
    const row = page.locator('tbody tr', { hasText: 'pat@provider.example' });
    await expect.poll(() => row.getByRole('cell').nth(3).textContent()).toBe(provider!.text);

    const other = await newPage(e2e.browser);
    await signIn(other.page, e2e.steward.baseUrl, 'pat@provider.example', 'a-long-enough-password');
    await other.page.getByText(`Signed in as Pat Provider (${provider!.text})`).waitFor();
    await expectAccessible(other.page, 'home page for a provider user');
    const session = (await (await other.page.request.get(`${e2e.steward.baseUrl}/api/auth/session`)).json()) as {
      user: Parameters<typeof navigationFor>[0];
    };
    expect(session.user?.providerId).toBe(provider!.value);
    const expected = [...navigationFor(session.user).map((n) => n.text), 'Your account', 'Sign out'];
    const shown = await other.page.getByRole('navigation', { name: 'Menu' }).getByRole('link').allTextContents();
    expect(shown).toEqual(expected);
    expect(shown).not.toContain('Admin');
    await other.page.goto(`${e2e.steward.baseUrl}/admin/users`);
    await other.page.getByRole('heading', { level: 1, name: 'This page is for council staff' }).waitFor();
    // Staff-only pages in areas a provider uses say so too, rather than showing the staff page and a list of roles.
    for (const url of ['/contracts/risks', '/contracts/delivery-plan', '/market/care-homes']) {
      await other.page.goto(`${e2e.steward.baseUrl}${url}`);
      await other.page.getByRole('heading', { level: 1, name: 'This page is for council staff' }).waitFor();
    }
    const refused = await other.page.request.get(`${e2e.steward.baseUrl}/api/contracts/risks`);
    expect(refused.status()).toBe(403);
    const problem = (await refused.json()) as { detail: string };
    expect(problem.detail).toBe(
      'This is for council staff. Your provider account shows your own contracts, returns and concerns.',
    );
    expect((await other.page.request.get(`${e2e.steward.baseUrl}/api/admin/users`)).status()).toBe(403);
    expect([...errors, ...other.errors]).toEqual([]);
  });

  it('keeps a provider’s account out of staff roles and asks before a role change or disabling (review 13, finding 6)', async () => {
    const { page, errors } = await newPage(e2e.browser);
    const base = e2e.steward.baseUrl;
    await signIn(page, base, DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.admin.password);
    const { users } = (await (await page.request.get(`${base}/api/admin/users`)).json()) as {
      users: { id: string; email: string; role: string; name: string }[];
    };
    const provider = users.find((u) => u.role === 'provider');
    expect(provider, 'the demo has provider accounts').toBeDefined();
    await page.goto(`${base}/admin/users/${provider!.id}`);
    await page.getByText('This account belongs to a provider organisation').waitFor();
    expect(await page.getByLabel('New role').count()).toBe(0);

    const viewer = users.find((u) => u.email === DEMO_ACCOUNTS.viewer.email)!;
    await page.goto(`${base}/admin/users/${viewer.id}`);
    await page.getByLabel('New role').selectOption('commissioner');
    await page.getByRole('button', { name: 'Change role' }).click();
    const warning = page.getByRole('alert').filter({ hasText: 'role from Read-only viewer to Commissioner?' });
    await warning.waitFor();
    await expectAccessible(page, 'user page, confirming a role change');
    await warning.getByRole('button', { name: 'No, keep it as it is' }).click();
    await page.getByRole('button', { name: 'Disable account' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Disable' })
      .getByRole('button', { name: 'No, keep it as it is' })
      .click();
    // Neither went through: still a viewer, still active.
    const after = (await (await page.request.get(`${base}/api/admin/users`)).json()) as {
      users: { id: string; role: string; disabled: boolean }[];
    };
    expect(after.users.find((u) => u.id === viewer.id)).toMatchObject({ role: 'viewer', disabled: false });
    expect(errors).toEqual([]);
  });
});
