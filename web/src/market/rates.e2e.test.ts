// Usual rates end to end: a commissioner sets a new standard residential rate (after an amount the form
// refuses) and sees it in force; a viewer sees the same tables without the forms. Every page is checked with axe-core.
import { expect, it } from 'vitest';
import { formatDate } from '../components/format';
import { DEMO_ACCOUNTS, describeE2E, expectAccessible, newPage, signIn, useSteward } from '../testing/e2e';
import { todayInEngland } from './rates';

const TITLE = 'Usual rates and cost of care';

describeE2E('market: usual rates and cost of care', () => {
  const e2e = useSteward();

  it('lets a commissioner set a usual rate from a date, refusing a bad amount first', async () => {
    const { page, errors } = await newPage(e2e.browser);
    await signIn(page, e2e.steward.baseUrl, DEMO_ACCOUNTS.commissioner.email, DEMO_ACCOUNTS.commissioner.password);
    await page.goto(`${e2e.steward.baseUrl}/market`);
    await page.getByRole('navigation', { name: 'Market pages' }).getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const inForce = page.getByRole('table', { name: 'Usual rates in force today' });
    await inForce.waitFor();
    await expectAccessible(page, 'usual rates page');
    // The demo's rates are on screen, as the API has them.
    const api = (await (await page.request.get(`${e2e.steward.baseUrl}/api/market/rates`)).json()) as {
      usualRates: { band: string }[];
      costOfCare: unknown[];
    };
    await expect
      .poll(() => page.getByRole('table', { name: 'All usual rates by band' }).locator('tbody tr').count())
      .toBe(api.usualRates.length);
    await expect
      .poll(() => page.getByRole('table', { name: 'All cost of care figures by service' }).locator('tbody tr').count())
      .toBe(api.costOfCare.length);
    await expect
      .poll(() => page.getByRole('table', { name: 'Cost of care in force today' }).innerText())
      .toContain('Fair Cost of Care');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download all usual rates as CSV' }).click();
    expect((await download).suggestedFilename()).toBe(`usual-rates-${todayInEngland()}.csv`);

    // An amount with fractions of a penny is refused: the error summary names the amount field and links to it.
    const form = page.getByRole('form', { name: 'Set a usual rate' });
    const today = todayInEngland();
    const [year, month, day] = today.split('-');
    await form.getByLabel('Band').selectOption({ label: 'Standard residential' });
    await form.getByLabel('Day', { exact: true }).fill(String(Number(day)));
    await form.getByLabel('Month', { exact: true }).fill(String(Number(month)));
    await form.getByLabel('Year', { exact: true }).fill(year);
    await form.getByLabel('Amount', { exact: true }).fill('987.655');
    await form.getByRole('button', { name: 'Set usual rate' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    const link = summary.getByRole('link', { name: 'Amount must have no more than 2 decimal places' });
    await expect.poll(() => link.getAttribute('href')).toBe('#rate-amount');
    await expect
      .poll(() => form.locator('#rate-amount-error').innerText())
      .toContain('Amount must have no more than 2 decimal places');
    await expect.poll(() => page.title()).toMatch(/^Error: /);
    await expectAccessible(page, 'usual rates page with errors');
    await link.click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('rate-amount');

    // Corrected, the rate is saved: a success banner, and the refreshed tables show it in force from today.
    await form.getByLabel('Amount', { exact: true }).fill('987.65');
    await form.getByRole('button', { name: 'Set usual rate' }).click();
    await page
      .getByText(`Usual rate for standard residential set to £987.65 a week from ${formatDate(today)}`)
      .waitFor();
    await expect.poll(() => summary.count()).toBe(0);
    await inForce.locator('tr', { hasText: '£987.65 a week' }).waitFor(); // the tables reload after the banner shows
    await expect
      .poll(() => inForce.locator('tr', { hasText: 'Standard residential' }).innerText())
      .toContain('£987.65 a week');
    const historyRow = page
      .getByRole('table', { name: 'All usual rates by band' })
      .locator('tr', { hasText: '£987.65 a week' });
    await historyRow.waitFor();
    await expect
      .poll(() => historyRow.innerText())
      .toMatch(new RegExp(`Standard residential\\s+${formatDate(today)}\\s+£987.65 a week\\s+In force`));
    await expect.poll(() => form.getByLabel('Amount', { exact: true }).inputValue()).toBe('');
    await expectAccessible(page, 'usual rates page after saving');
    const saved = (await (await page.request.get(`${e2e.steward.baseUrl}/api/market/rates`)).json()) as {
      usualRates: { band: string; effectiveFrom: string; amountPence: number }[];
    };
    expect(
      saved.usualRates.find((r) => r.band === 'standard_residential' && r.effectiveFrom === today)?.amountPence,
    ).toBe(98_765);
    expect(errors).toEqual([]);
  });

  it('shows a viewer the rates without the forms', async () => {
    const { page, errors } = await newPage(e2e.browser);
    await signIn(page, e2e.steward.baseUrl, DEMO_ACCOUNTS.viewer.email, DEMO_ACCOUNTS.viewer.password);
    await page.goto(`${e2e.steward.baseUrl}/market/rates`);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByRole('table', { name: 'Usual rates in force today' }).waitFor();
    await expectAccessible(page, 'usual rates page for a viewer');
    await expect
      .poll(() =>
        page
          .getByRole('table', { name: 'Usual rates in force today' })
          .locator('tr', { hasText: 'Standard residential' })
          .innerText(),
      )
      .toMatch(/£[\d,]+(\.\d\d)? a week/);
    await expect.poll(() => page.locator('form').count()).toBe(0);
    await expect.poll(() => page.getByRole('heading', { name: 'Set a usual rate' }).count()).toBe(0);
    await expect.poll(() => page.getByRole('button', { name: /^Set / }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
