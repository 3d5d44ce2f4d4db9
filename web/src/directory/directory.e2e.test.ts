// The community services directory as people use it: an anonymous resident finds a service by need and postcode,
// opens its page, prints the list and suggests a change; a curator reviews the suggestion and approves it, and the
// public ORUK feed shows the change. Every page is checked with axe-core.
import { expect, it } from 'vitest';
import { DEMO_ACCOUNTS, choose, describeE2E, expectAccessible, newPage, signIn, useSteward } from '../testing/e2e';

describeE2E('directory: public search and curation', () => {
  const e2e = useSteward();

  it('lets an anonymous user find a service by postcode and need, and a curator approve their suggested change', async () => {
    const base = e2e.steward.baseUrl;
    const { page, errors } = await newPage(e2e.browser);

    // Anonymous: no sign-in needed.
    await page.goto(`${base}/community-services`);
    await page.getByRole('heading', { level: 1, name: /Find community services/ }).waitFor();
    await page.getByText('is not a real place').waitFor();
    await expectAccessible(page, 'directory search page');
    await page.getByLabel('What do you need help with?').selectOption({ label: 'Support for carers' });
    await page.getByLabel('Your postcode (optional)').fill('eb4 2qt');
    await page.getByRole('button', { name: 'Search' }).click();
    const heading = page.getByRole('heading', { level: 2, name: /services? found, nearest to EB4 first/ });
    await heading.waitFor();
    await expectAccessible(page, 'directory search results');

    // Results are carers' services, nearest first, as the API says.
    const api = await (await page.request.get(`${base}/api/directory/search?need=carers&postcode=EB4%202QT`)).json();
    expect(api.total).toBeGreaterThan(3);
    const distances = api.results.map((r: { distanceMetres: number | null }) => r.distanceMetres ?? Infinity);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    const first = api.results[0];
    const results = page.locator('.app-directory-results > li');
    await expect.poll(() => results.count()).toBe(Math.min(20, api.total));
    await expect.poll(() => results.first().getByRole('heading').textContent()).toBe(first.name);

    // The printable list.
    await page.getByRole('link', { name: 'Printable list of these services' }).click();
    await page.getByRole('heading', { level: 1, name: 'Community services: printable list' }).waitFor();
    await expect.poll(() => page.locator('.app-directory-print-list > li').count()).toBe(Math.min(200, api.total));
    await expectAccessible(page, 'printable list');
    await page.goBack();

    // A page per service.
    await heading.waitFor();
    await results.first().getByRole('link', { name: first.name }).click();
    await page.getByRole('heading', { level: 1, name: first.name }).waitFor();
    await page.getByText('Support for carers').first().waitFor();
    await expectAccessible(page, 'service page');

    // Suggest a change, anonymously.
    await page.getByRole('link', { name: 'Suggest a change to this entry' }).click();
    await page.getByRole('heading', { level: 1, name: 'Suggest a change to this entry' }).waitFor();
    await expect.poll(() => page.getByLabel('Name of the service').inputValue()).toBe(first.name);
    await page.getByRole('button', { name: 'Send suggestion' }).click();
    await page.locator('.govuk-error-summary').getByRole('link', { name: 'Enter your name' }).waitFor();
    await expectAccessible(page, 'suggestion form with errors');
    const newDescription = 'Now also on Saturday mornings, with a crèche for grandchildren.';
    await page.getByLabel('What the service does').fill(newDescription);
    await choose(page.getByLabel('Saturday'));
    await page.getByLabel('Your name').fill('Sam Organiser');
    await page.getByLabel('Your email address').fill('sam@carers.example.org');
    await page.getByRole('button', { name: 'Send suggestion' }).click();
    await page.getByRole('heading', { name: 'Thank you: your suggestion has been sent' }).waitFor();
    await expectAccessible(page, 'suggestion sent');
    // Not published until a curator approves it.
    const before = await (await page.request.get(`${base}/oruk/services/${first.id}`)).json();
    expect(before.description).not.toBe(newDescription);

    // The curator.
    await signIn(page, base, DEMO_ACCOUNTS.commissioner.email, DEMO_ACCOUNTS.commissioner.password);
    await page.goto(`${base}/directory`);
    await page.getByRole('heading', { level: 1, name: 'Community services directory' }).waitFor();
    await expectAccessible(page, 'directory management');
    await page.getByRole('link', { name: /Suggestions to review/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Suggestions' }).waitFor();
    await expectAccessible(page, 'suggestions queue');
    const row = page.locator('tbody tr', { hasText: 'Sam Organiser' });
    await row.getByRole('link', { name: first.name }).click();
    await page.getByRole('heading', { level: 1, name: `Change: ${first.name}` }).waitFor();
    await page.getByRole('cell', { name: newDescription }).waitFor();
    await page.getByRole('cell', { name: 'Opening times' }).waitFor();
    await expectAccessible(page, 'suggestion review');
    await choose(page.getByLabel('Approve and publish'));
    await page.getByRole('button', { name: 'Save decision' }).click();
    await page.getByText('Suggestion approved').waitFor();

    // Published: the public feed and the search page show it, and the history names the curator.
    await expect
      .poll(async () => (await (await page.request.get(`${base}/oruk/services/${first.id}`)).json()).description)
      .toBe(newDescription);
    const after = await (await page.request.get(`${base}/oruk/services/${first.id}`)).json();
    expect(after.schedules[0].byday).toContain('SA');
    await page.goto(`${base}/directory/entries/${first.id}`);
    await page.getByRole('cell', { name: 'suggestion approved' }).waitFor();
    await page.getByRole('cell', { name: DEMO_ACCOUNTS.commissioner.email }).first().waitFor();
    await expectAccessible(page, 'entry with history');

    // The other curator pages.
    for (const [path, title] of [
      ['/directory/review', 'Entries past their review date'],
      ['/directory/publish', 'Publish from the market register and contracts'],
      ['/directory/duplicates', 'Possible duplicate organisations'],
      ['/directory/exchange', 'Import and export'],
      [`/directory/entries/${first.id}/edit`, `Edit ${first.name}`],
    ] as const) {
      await page.goto(`${base}${path}`);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await expectAccessible(page, title);
    }
    await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThanOrEqual(0);
    expect(errors).toEqual([]);
  });

  it('shows entries past their review date and possible duplicates to the curator', async () => {
    const base = e2e.steward.baseUrl;
    const { page, errors } = await newPage(e2e.browser);
    await signIn(page, base, DEMO_ACCOUNTS.quality_officer.email, DEMO_ACCOUNTS.quality_officer.password);
    await page.goto(`${base}/directory/review`);
    await page.getByRole('heading', { level: 1, name: 'Entries past their review date' }).waitFor();
    const due = await (await page.request.get(`${base}/api/directory/review-due`)).json();
    expect(due.entries.length).toBeGreaterThan(10);
    await expect.poll(() => page.locator('tbody tr').count()).toBe(due.entries.length);
    await page.goto(`${base}/directory/duplicates`);
    await page
      .getByRole('heading', { name: /^Charity number/ })
      .first()
      .waitFor();
    expect(errors).toEqual([]);
  });
});
