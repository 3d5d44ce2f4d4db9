// Delivery plans and workplans, end to end as issue 16 item 2 reads: a commissioner starts a care group's
// workplan, writes a priority, a commissioning intention and an action linked to a procurement, exports the plan
// to XLSX and re-imports it; a viewer then reads it with no form in sight. Every page is checked with axe-core.
import { expect, it } from 'vitest';
import { DEMO_ACCOUNTS, describeE2E, expectAccessible, newPage, signIn, signOut, useSteward } from '../testing/e2e';

const PROCUREMENT = 'Short stay residential respite service (new)';

describeE2E('delivery plans and workplans', () => {
  const e2e = useSteward({ timeout: 900_000 });

  it('writes a workplan with an action delivered by a procurement, exports and re-imports it', async () => {
    const { page, errors } = await newPage(e2e.browser);
    const base = e2e.steward.baseUrl;
    await signIn(page, base, DEMO_ACCOUNTS.commissioner.email, DEMO_ACCOUNTS.commissioner.password);
    await page.goto(`${base}/contracts/delivery-plans`);
    await page.getByRole('heading', { level: 1, name: 'Delivery plans and workplans' }).waitFor();
    await expectAccessible(page, 'plans list');

    // Start a workplan; the server's messages come back in the error summary linked to the fields.
    await page.getByRole('link', { name: 'Start a plan or workplan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Start a plan or workplan' }).waitFor();
    await page.getByLabel('A care group’s or portfolio’s workplan').check();
    await page.getByRole('button', { name: 'Start the plan' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.getByRole('link', { name: 'Enter the plan’s title' }).waitFor();
    await summary.getByRole('link', { name: 'Enter the care group or portfolio, for example Age Well' }).waitFor();
    await expectAccessible(page, 'new plan with errors');
    await page.getByLabel('Title').fill('Age Well workplan');
    await page.getByLabel('Care group or portfolio').fill('Age Well');
    await page.getByRole('button', { name: 'Start the plan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Age Well workplan' }).waitFor();
    await page.getByText('Plan started: add its priorities below').waitFor();
    const planUrl = page.url();

    await page.getByLabel('New priority').fill('Carers');
    await page.getByRole('button', { name: 'Add priority' }).click();
    await page.getByRole('heading', { level: 2, name: 'Priority 1 – Carers' }).waitFor();
    await page
      .getByLabel('New commissioning intention for priority 1')
      .fill('Recommission respite so carers get planned breaks close to home.');
    await page.getByRole('button', { name: 'Add intention' }).click();
    await page.getByText('Intention added').waitFor();
    await expectAccessible(page, 'plan with a priority and intention');

    await page.getByRole('link', { name: /Add an action/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Add an action' }).waitFor();
    await page.getByRole('button', { name: 'Save action' }).click();
    await summary.getByRole('link', { name: 'Enter the action to be undertaken' }).waitFor();
    await page.getByLabel('Action to be undertaken').fill('Commission a short stay residential respite service.');
    await page.getByLabel('Owner').fill('Commissioning Manager – Age Well');
    await page.getByLabel('Responsible service areas').fill('Commissioning & Development Team');
    const statuses = page.getByLabel(/^Status in year/);
    const n = await statuses.count();
    for (let i = 0; i < n; i++) await statuses.nth(i).fill(i === 0 ? 'Tender & Award Contract' : 'Ongoing Monitoring');
    await page.getByLabel(PROCUREMENT).check();
    await expectAccessible(page, 'action form');
    await page.getByRole('button', { name: 'Save action' }).click();
    await page.getByText('Action saved').waitFor();
    const actions = page.locator('table', { hasText: 'Action to be undertaken' });
    await actions.getByText(PROCUREMENT).waitFor();
    await actions.getByText('Commissioning Manager – Age Well').waitFor();
    // One priority, one intention, one action: each can be retired, none moved (fresh-user check, fault 19).
    expect(await page.getByRole('button', { name: /^Retire/ }).count()).toBe(3);
    expect(await page.getByRole('button', { name: /^Move (up|down)/ }).count()).toBe(0);

    // Export, then import the same workbook as a new plan: the same priority, intention and action come back.
    const href = await page.getByRole('link', { name: /Download this plan/ }).getAttribute('href');
    const xlsx = await page.request.get(`${base}${href}`);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    await page.goto(`${base}/contracts/delivery-plans`);
    await page.getByLabel('A care group’s or portfolio’s workplan').check();
    await page.getByLabel('Care group or portfolio').fill('Age Well');
    await page.getByLabel('Plan workbook (Excel XLSX)').setInputFiles({
      name: 'age-well.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await xlsx.body(),
    });
    await page.getByRole('button', { name: 'Import plan' }).click();
    await page.getByText('age-well.xlsx imported as a new plan').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Priority 1 – Carers' }).waitFor();
    await page.locator('table', { hasText: 'Action to be undertaken' }).getByText(PROCUREMENT).waitFor();
    await expectAccessible(page, 'imported plan');
    const importedUrl = page.url().split('?')[0];
    expect(importedUrl).not.toBe(planUrl.split('?')[0]);
    const again = await page.request.get(`${base}/api/delivery-plans/${importedUrl.split('/').pop()}/export.xlsx`);
    expect((await again.body()).length).toBeGreaterThan(0);

    // A viewer reads the plan and sees no form.
    await signOut(page);
    await signIn(page, base, DEMO_ACCOUNTS.viewer.email, DEMO_ACCOUNTS.viewer.password);
    await page.goto(planUrl.split('?')[0]);
    await page.getByRole('heading', { level: 1, name: 'Age Well workplan' }).waitFor();
    await page.getByText('Commission a short stay residential respite service.').waitFor();
    expect(await page.locator('main form').count()).toBe(0);
    expect(await page.getByRole('button', { name: /Retire|Move up/ }).count()).toBe(0);
    await expectAccessible(page, 'plan as a viewer');
    expect(errors).toEqual([]);
  }, 600_000);
});
