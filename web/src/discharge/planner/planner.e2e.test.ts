// Capacity planner, end to end: a commissioner opens the planner for the demo borough, sees the model fitted
// to the hub's history, runs the baseline and the winter scenario, gets a recommended capacity per service
// with the waiting it would give, and exports the results. Every state is checked with axe-core.
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { DEMO_ACCOUNTS, describeE2E, expectAccessible, newPage, signIn, useSteward } from '../../testing/e2e';

describeE2E('capacity planner: baseline, winter, recommended capacity, export', () => {
  const e2e = useSteward({ timeout: 600_000 }); // loading the demo borough takes minutes on a busy machine

  it('lets a commissioner plan winter capacity from the hub history', async () => {
    const { page, errors } = await newPage(e2e.browser);
    await signIn(page, e2e.steward.baseUrl, DEMO_ACCOUNTS.commissioner.email, DEMO_ACCOUNTS.commissioner.password);
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Capacity planner' }).click();
    await page.getByRole('heading', { level: 1, name: 'Capacity planner' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Assumptions' }).waitFor();
    await expectAccessible(page, 'capacity planner');

    // The fit is shown and prefilled: D2A beds come from the hub's block contracts.
    await page.getByText('How the model was fitted from the hub’s records').click();
    await page.getByRole('table', { name: /Fitted from history/ }).waitFor();
    const d2aBeds = page.getByLabel('Beds').nth(1);
    expect(Number(await d2aBeds.inputValue())).toBeGreaterThan(0);

    // A wrong value is reported in the error summary, naming the field.
    const reablementSlots = page.getByLabel('Slots');
    const slots = await reablementSlots.inputValue();
    await reablementSlots.fill('lots');
    await page.getByRole('button', { name: 'Run simulation' }).click();
    await page
      .locator('.govuk-error-summary')
      .getByRole('link', { name: /places as a number/ })
      .waitFor();
    await expectAccessible(page, 'planner with an error');
    await reablementSlots.fill(slots);

    // Baseline: the simulated waits sit beside today's recorded waits.
    await page.getByRole('button', { name: 'Run simulation' }).click();
    await page.getByRole('heading', { level: 2, name: /^Results: Baseline/ }).waitFor({ timeout: 60_000 });
    await page.getByRole('table', { name: 'Today’s waits from the hub’s records, beside the baseline' }).waitFor();
    await page.getByRole('table', { name: 'Waiting and occupancy by service' }).waitFor();
    await page.getByRole('figure').filter({ hasText: 'How long people wait' }).locator('svg').first().waitFor();
    await expectAccessible(page, 'baseline results');

    // Winter.
    await page
      .getByLabel('Scenario', { exact: true })
      .selectOption({ label: 'Winter: 15% more referrals December to February, 4 extra step-down beds' });
    await page.getByRole('button', { name: 'Run simulation' }).click();
    await page.getByRole('heading', { level: 2, name: /^Results: Winter/ }).waitFor({ timeout: 60_000 });

    // Recommended capacity for each service, with the waits it would give.
    await page.getByRole('button', { name: 'Recommend capacity' }).click();
    const recommendation = page.getByRole('table', {
      name: /Least places for 95% of people to get a place within 2 days/,
    });
    await recommendation.waitFor({ timeout: 120_000 });
    const rows = recommendation.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    const d2aRow = rows.filter({ hasText: 'D2A care home beds' });
    const recommended = Number((await d2aRow.locator('td').nth(1).textContent())?.trim());
    expect(recommended).toBeGreaterThan(0);
    expect((await d2aRow.locator('td').nth(2).textContent())?.trim()).toMatch(/^[\d.]+ days$/);
    await expectAccessible(page, 'recommended capacity');

    // The named scenarios side by side.
    await page.getByRole('button', { name: 'Compare scenarios side by side' }).click();
    const compared = page.getByRole('table', { name: /Scenarios side by side/ });
    await compared.waitFor({ timeout: 120_000 });
    const headers = await compared.locator('thead th').allTextContents();
    expect(headers.slice(1)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Winter/),
        expect.stringMatching(/^Baseline/),
        expect.stringMatching(/^Fewer D2A beds/),
        expect.stringMatching(/^More reablement/),
      ]),
    );
    await expectAccessible(page, 'scenarios compared');

    // Export the results.
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the results as CSV' }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/^capacity-plan-winter.*\.csv$/);
    const text = await readFile((await csv.path())!, 'utf8');
    expect(text).toContain('Mean wait (days)');
    expect(text).toContain('D2A care home beds (pathway 3)');
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the capacity trade-off as Excel (XLSX)' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe('capacity-recommendation.xlsx');
    expect((await readFile((await xlsx.path())!)).subarray(0, 2).toString()).toBe('PK');

    expect(errors).toEqual([]);
  }, 300_000);
});
