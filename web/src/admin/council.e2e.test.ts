// "Your council" on an empty Steward (no demo): an administrator sets Plymouth up after a typo is refused with the
// closest matches; on the demo borough the page explains how to set up a real council. Each state checked with axe.
import { expect, it } from 'vitest';
import { DEMO_ACCOUNTS, describeE2E, expectAccessible, newPage, signIn, useSteward } from '../testing/e2e';

describeE2E('admin: your council (empty database)', () => {
  const e2e = useSteward({ demo: false });

  it('refuses an unknown council with the closest matches, then sets up Plymouth', async () => {
    const { page, errors } = await newPage(e2e.browser);
    await signIn(page, e2e.steward.baseUrl, DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.admin.password);
    await page.goto(`${e2e.steward.baseUrl}/admin`);
    await page.getByRole('link', { name: 'Your council' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your council' }).waitFor();
    await page.getByText('No council is set up yet').waitFor();
    const bannerText = page.getByTestId('phase-banner-text');
    await expect.poll(() => bannerText.textContent()).toBe('This is a new service.');
    await expectAccessible(page, 'your council, none set up');

    await page.getByRole('button', { name: 'Save council' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.getByRole('link', { name: 'Enter the council’s GSS code or name' }).waitFor();

    await page.getByLabel('Council').fill('Plymuoth');
    await page.getByRole('button', { name: 'Save council' }).click();
    const refusal = summary.getByRole('link', { name: /"Plymuoth" is not an English council/ });
    await refusal.waitFor();
    await expect.poll(() => refusal.textContent()).toContain('Closest matches: E06000026 Plymouth (unitary authority)');
    await expect.poll(() => refusal.getAttribute('href')).toBe('#council');
    await expectAccessible(page, 'your council with an error');

    await page.getByLabel('Council').fill('E06000026');
    await page.getByRole('button', { name: 'Save council' }).click();
    await page.getByText('Steward now serves Plymouth City Council').waitFor();
    const list = page.locator('dl.govuk-summary-list');
    await expect.poll(() => list.textContent()).toContain('Plymouth City Council');
    await expect.poll(() => list.textContent()).toContain('E06000026');
    await expect.poll(() => list.textContent()).toContain('Unitary authority');
    await expect.poll(() => list.textContent()).toContain('South West');
    await expectAccessible(page, 'your council set up');
    // The banner names the real council and no longer calls its figures synthetic, signed in or out.
    await page.reload();
    await expect
      .poll(() => bannerText.textContent())
      .toBe('This is a new service, set up for Plymouth City Council (E06000026).');
    expect(await page.locator('footer').textContent()).not.toContain('synthetic');
    const anonymous = await newPage(e2e.browser);
    await anonymous.page.goto(`${e2e.steward.baseUrl}/sign-in`);
    await expect
      .poll(() => anonymous.page.getByTestId('phase-banner-text').textContent())
      .toContain('set up for Plymouth City Council (E06000026)');
    await expectAccessible(anonymous.page, 'sign-in page for Plymouth');
    expect(anonymous.errors).toEqual([]);

    // A county lists its districts, whose population files are added up to it.
    await page.getByLabel('Change the council').fill('Devon');
    await page.getByRole('button', { name: 'Save council' }).click();
    await page.getByText('Steward now serves Devon County Council').waitFor();
    await expect.poll(() => list.textContent()).toContain('Exeter (E07000041)');
    await page.getByText('A county council commissions care for its districts').waitFor();
    await expectAccessible(page, 'your council, a county');
    expect(errors).toEqual([]);
  });
});

describeE2E('admin: your council (demo borough)', () => {
  const e2e = useSteward();

  it('shows the demo borough and how to set up a real council', async () => {
    const { page, errors } = await newPage(e2e.browser);
    await signIn(page, e2e.steward.baseUrl, DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.admin.password);
    await page.goto(`${e2e.steward.baseUrl}/admin/council`);
    await page.getByRole('heading', { level: 1, name: 'Your council' }).waitFor();
    await page.getByText('This is the synthetic demo borough').waitFor();
    await expect.poll(() => page.locator('dl.govuk-summary-list').textContent()).toContain('Eastbrook (demo borough)');
    expect(await page.getByRole('button', { name: 'Save council' }).count()).toBe(0);
    await expect
      .poll(() => page.getByTestId('phase-banner-text').textContent())
      .toBe('This is a new service. Figures in Eastbrook (demo borough) are synthetic: do not quote them.');
    await expectAccessible(page, 'your council on the demo');
    expect(errors).toEqual([]);
  });
});
