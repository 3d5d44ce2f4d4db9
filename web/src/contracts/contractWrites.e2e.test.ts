// Writing the contract register in the browser, as issue 16 item 1 reads: a commissioner adds a contract (a
// refused save keeps everything typed), adds a KPI, starts a procurement from it and records a stage's actual
// dates, varies and ends the contract and reads its history; a viewer then sees the same records with no form and
// is told it has no access to the forms' pages. Every page is checked with axe-core.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_ACCOUNTS, describeE2E, expectAccessible, newPage, signIn, signOut, useSteward } from '../testing/e2e';
import { addDays, addMonths, londonToday, longDateText } from '../../../src/domain/core/dates';

const today = londonToday();

async function fillDate(page: Page, name: string, iso: string) {
  const [y, m, d] = iso.split('-');
  await page.locator(`#${name}-day`).fill(String(Number(d)));
  await page.locator(`#${name}-month`).fill(String(Number(m)));
  await page.locator(`#${name}-year`).fill(y);
}

describeE2E('writing the contract register', () => {
  const e2e = useSteward({ timeout: 900_000 });

  it('adds, extends, varies and ends a contract with its KPI and procurement; a viewer only reads', async () => {
    const { page, errors } = await newPage(e2e.browser);
    const base = e2e.steward.baseUrl;
    await signIn(page, base, DEMO_ACCOUNTS.commissioner.email, DEMO_ACCOUNTS.commissioner.password);
    await page.goto(`${base}/contracts/register`);
    await page.getByRole('link', { name: 'Add a contract' }).click();
    await page.getByRole('heading', { level: 1, name: 'Add a contract' }).waitFor();
    await expectAccessible(page, 'add contract');

    // Nothing filled in: the summary links each message to its field.
    await page.getByRole('button', { name: 'Continue' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.getByRole('link', { name: 'Enter the contract reference' }).waitFor();
    await summary.getByRole('link', { name: 'Enter the start date' }).waitFor();
    await expectAccessible(page, 'add contract with errors');

    // Wrong answers everywhere (fresh-user check of issue 16): every problem in one go, in page order, in the
    // form's labels and pounds, and no check-answers page showing a rounded huge amount.
    await page.getByLabel('Total value over the term').fill('99999999999999999999');
    await fillDate(page, 'startDate', addMonths(today, -12));
    await fillDate(page, 'initialEndDate', addMonths(today, -24));
    await page.getByLabel('Extensions already taken').fill('1');
    await page.getByLabel('Break clauses (optional)').fill('01/01/2020');
    await page.getByLabel('Notice period').fill('99');
    await page.getByRole('button', { name: 'Continue' }).click();
    await summary.getByRole('link', { name: 'Notice period must be 24 months or less' }).waitFor();
    const links = summary.getByRole('link');
    const texts = await links.allTextContents();
    expect(texts.slice(-6)).toEqual([
      'Total value over the term must be £1,000,000,000 or less',
      'Enter the annual value in pounds',
      'End date of the initial term must be on or after the start date',
      'Extensions already taken must be 0: the contract has no extension options',
      `Break clause 1 January 2020 must fall within the contract term (${longDateText(addMonths(today, -12))} to ${longDateText(addMonths(today, -24))})`,
      'Notice period must be 24 months or less',
    ]);
    expect(await summary.getByRole('link', { name: /^End date of the initial term/ }).getAttribute('href')).toBe(
      '#initialEndDate-day',
    );
    expect(await page.getByRole('heading', { level: 1, name: 'Check the contract before saving' }).count()).toBe(0);
    await expectAccessible(page, 'add contract with every problem at once');
    await page.getByLabel('Extensions already taken').fill('0');
    await page.getByLabel('Break clauses (optional)').fill('');

    // A reference already in the register: the server refuses it at the end and the form comes back filled in.
    await page.getByLabel('Reference').fill('EB-CAR-001');
    await page.getByLabel('Title', { exact: true }).fill('Homecare north zone (e2e)');
    await page.getByLabel('Provider').selectOption({ index: 1 });
    await page.getByLabel('Service area').selectOption('homecare');
    await page.getByLabel('Care group').selectOption('older_people');
    await page.getByLabel('Contract form').selectOption('framework_call_off');
    await page.getByLabel('Funding source').selectOption('general_fund');
    await page.getByLabel('Total value over the term').fill('3,000,000');
    await page.getByLabel('Annual value').fill('1000000');
    await fillDate(page, 'startDate', addMonths(today, -12));
    await fillDate(page, 'initialEndDate', addMonths(today, 24));
    await page.getByLabel('Extension options (optional)').fill('14');
    await page.getByLabel('Notice period').fill('6');
    await page.getByLabel('Lead officer (optional)').fill('Sam Patel');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check the contract before saving' }).waitFor();
    await page.getByText('£3,000,000').waitFor();
    await expectAccessible(page, 'check contract answers');
    await page.getByRole('button', { name: 'Add contract' }).click();
    await summary.getByRole('link', { name: 'A contract with reference EB-CAR-001 already exists' }).waitFor();
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('Homecare north zone (e2e)');
    expect(await page.getByLabel('Annual value').inputValue()).toBe('1000000');
    await page.getByLabel('Reference').fill('EB-E2E-101');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Add contract' }).click();
    await page.getByRole('heading', { level: 1, name: 'Homecare north zone (e2e)' }).waitFor();
    await page.getByText('Contract EB-E2E-101 added').waitFor();
    await expectAccessible(page, 'new contract');
    const contractUrl = page.url();

    // Edit: the check-answers page's "Change" link goes back to the field, with everything still filled in.
    await page.getByRole('link', { name: 'Edit the contract’s details' }).click();
    await page.getByRole('heading', { level: 1, name: 'Edit contract' }).waitFor();
    await expect.poll(() => page.getByLabel('Reference').inputValue()).toBe('EB-E2E-101');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check the contract before saving' }).waitFor();
    await page.getByRole('link', { name: 'Change lead officer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Edit contract' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('leadOfficer');
    await page.getByLabel('Lead officer (optional)').fill('Jo Adams');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('Jo Adams').waitFor();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Contract EB-E2E-101 updated').waitFor();
    await page.getByText('Lead officer: Sam Patel → Jo Adams').waitFor();

    // A KPI.
    await page.getByRole('link', { name: 'Add a KPI' }).click();
    await page.getByRole('heading', { level: 1, name: 'Add a KPI' }).waitFor();
    await page.getByRole('button', { name: 'Add KPI' }).click();
    await summary.getByRole('link', { name: 'Enter the KPI’s name' }).waitFor();
    await expectAccessible(page, 'add KPI with errors');
    await page.getByLabel('KPI', { exact: true }).fill('Visits on time');
    await page.getByLabel('Unit', { exact: true }).fill('%');
    await page.getByLabel('Target', { exact: true }).fill('95');
    await page.getByLabel('Higher is better (the target is a minimum)').check();
    await page.getByLabel('Monthly', { exact: true }).check();
    await page.getByLabel('Due day (optional)').fill('10');
    await fillDate(page, 'reportingFrom', addMonths(today, -3));
    await page.getByRole('button', { name: 'Add KPI' }).click();
    await page.getByText('KPI Visits on time added').waitFor();
    await page.getByRole('cell', { name: 'Visits on time', exact: true }).waitFor();

    // A procurement started from the contract, and its first stage done.
    await page.getByRole('link', { name: 'Start a procurement' }).click();
    await page.getByRole('heading', { level: 1, name: 'Start a procurement' }).waitFor();
    expect(await page.getByLabel('Title').inputValue()).toBe('Homecare north zone (e2e) recommissioning');
    await expectAccessible(page, 'start procurement');
    await page.getByRole('button', { name: 'Start the procurement' }).click();
    await page.getByText('Procurement Homecare north zone (e2e) recommissioning started').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Homecare north zone (e2e) recommissioning' }).waitFor();
    await expectAccessible(page, 'procurement started');
    expect(await page.getByLabel('Procurement', { exact: true }).count()).toBe(0);
    await page.getByLabel('Stage', { exact: true }).selectOption('options_appraisal');
    await fillDate(page, 'actualStart', addDays(today, 3));
    await page.getByRole('button', { name: 'Save stage dates' }).click();
    await summary.getByRole('link', { name: 'Actual start must be today or in the past' }).waitFor();
    await fillDate(page, 'actualStart', addDays(today, -14));
    await fillDate(page, 'actualEnd', addDays(today, -1));
    await page.getByRole('button', { name: 'Save stage dates' }).click();
    await page.getByText('Options appraisal updated for Homecare north zone (e2e) recommissioning').waitFor();
    // Only the latest action's banner (issue 13: "… started" stayed above "… updated").
    await expect
      .poll(() => page.getByText('Procurement Homecare north zone (e2e) recommissioning started').count())
      .toBe(0);
    expect(await page.getByRole('alert').count()).toBe(1);
    await page.getByRole('alert').getByRole('link', { name: 'See the procurement’s history' }).waitFor();
    const stageRow = page.getByRole('row').filter({ hasText: 'Options appraisal' }).first();
    await stageRow.getByText('Complete').waitFor();
    await page
      .getByRole('cell', {
        name: `Procurement stage Options appraisal: actual start ${longDateText(addDays(today, -14))}, actual end ${longDateText(addDays(today, -1))}`,
      })
      .waitFor();
    await expectAccessible(page, 'stage recorded');
    // Stages keep their order (issue 13), checked in the browser with the domain's words, on the field at fault.
    await page.getByLabel('Stage', { exact: true }).selectOption('evaluation');
    await fillDate(page, 'actualStart', addDays(today, -20));
    await page.getByRole('button', { name: 'Save stage dates' }).click();
    const outOfOrder = `Evaluation: the actual start (${longDateText(addDays(today, -20))}) is before Options appraisal actually started (${longDateText(addDays(today, -14))}): stages start in order`;
    expect(await summary.getByRole('link', { name: outOfOrder }).getAttribute('href')).toBe('#actualStart-day');
    await expectAccessible(page, 'stage out of order');

    // Extend, vary, then end.
    await page.goto(contractUrl);
    await page.getByRole('link', { name: 'Take an extension' }).click();
    await page.getByRole('heading', { level: 1, name: 'Extend the contract' }).waitFor();
    await expectAccessible(page, 'extend contract');
    await page.getByLabel('Reason (optional)').fill('Good value; re-tender under way');
    await page.getByRole('button', { name: 'Take the extension' }).click();
    await page.getByText('Contract EB-E2E-101 extended').waitFor();
    await expect.poll(() => page.getByRole('link', { name: 'Take an extension' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Vary the contract' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vary the contract' }).waitFor();
    // Every problem at once (issue 13): an impossible value is refused with the missing reason, not after it.
    await page.getByLabel('Annual value').fill('999,999,999,999');
    await page.getByRole('button', { name: 'Record the variation' }).click();
    await summary.getByRole('link', { name: 'Enter the reason for the variation' }).waitFor();
    await summary.getByRole('link', { name: 'Annual value must be £1,000,000,000 or less' }).waitFor();
    await expectAccessible(page, 'vary with errors');
    await page.getByLabel('Annual value').fill('1,100,000');
    await page.getByLabel('Reason for the variation').fill('National Living Wage uplift');
    await fillDate(page, 'effectiveFrom', today);
    await page.getByRole('button', { name: 'Record the variation' }).click();
    await page.getByText('Contract EB-E2E-101 varied').waitFor();
    await page.getByText('£1,100,000 a year').waitFor();

    await page.getByRole('link', { name: 'End the contract early' }).click();
    await page.getByRole('heading', { level: 1, name: 'End the contract early' }).waitFor();
    await expectAccessible(page, 'end contract');
    await fillDate(page, 'endedOn', addDays(today, 30));
    await page.getByLabel('Why is it ending?').fill('The provider handed the contract back');
    await page.getByRole('button', { name: 'End the contract' }).click();
    await page.getByText('Contract EB-E2E-101 ended').waitFor();
    await expect.poll(() => page.getByRole('link', { name: 'Vary the contract' }).count()).toBe(0);
    const history = page
      .getByRole('table', { name: 'Changes to this contract, its KPIs and procurements, newest first' })
      .locator('tbody tr');
    await expect
      .poll(() =>
        history.evaluateAll((rows) => rows.map((r) => (r as HTMLTableRowElement).cells[2]?.firstChild?.textContent)),
      )
      .toEqual([
        'Contract ended early',
        `Varied (variation 1), effective from ${longDateText(today)}`,
        'Extension option taken',
        `Procurement stage Options appraisal: actual start ${longDateText(addDays(today, -14))}, actual end ${longDateText(addDays(today, -1))}`,
        'Procurement started: Homecare north zone (e2e) recommissioning',
        'KPI added: Visits on time',
        'Details edited',
        'Contract added to the register',
      ]);
    await page.getByText('Annual value: £1,000,000 → £1,100,000').waitFor();
    await expectAccessible(page, 'ended contract with its history');
    await signOut(page);

    // A viewer reads the same records, with no form and no way to one.
    await signIn(page, base, DEMO_ACCOUNTS.viewer.email, DEMO_ACCOUNTS.viewer.password);
    await page.goto(contractUrl);
    await page.getByRole('heading', { level: 1, name: 'Homecare north zone (e2e)' }).waitFor();
    await page.getByText('You can see this contract but you do not have access to change it.').waitFor();
    await page.getByRole('cell', { name: 'Visits on time', exact: true }).waitFor();
    await page.getByRole('cell', { name: 'Contract ended early' }).waitFor();
    expect(await page.locator('form').count()).toBe(0);
    expect(await page.getByRole('link', { name: /Edit the contract|Add a KPI|Start a procurement/ }).count()).toBe(0);
    await expectAccessible(page, 'contract as a viewer');
    await page.goto(`${contractUrl}/edit`);
    await page.getByRole('heading', { level: 1, name: 'You do not have access to this page' }).waitFor();
    await expectAccessible(page, 'edit page as a viewer');
    await page.goto(`${base}/contracts/procurements`);
    await page.getByRole('link', { name: 'Homecare north zone (e2e) recommissioning' }).click();
    await page.getByRole('heading', { level: 1, name: 'Homecare north zone (e2e) recommissioning' }).waitFor();
    await page.getByText('You can see this procurement but you do not have access to change it.').waitFor();
    expect(await page.locator('form').count()).toBe(0);
    await expectAccessible(page, 'procurement as a viewer');
    await page.goto(`${base}/contracts/procurements/new?contract=${contractUrl.split('/').pop()}`);
    await page.getByRole('heading', { level: 1, name: 'You do not have access to this page' }).waitFor();
    await page.goto(`${base}/contracts/register`);
    await page.getByRole('heading', { level: 1, name: 'Contract register' }).waitFor();
    expect(await page.getByRole('link', { name: 'Add a contract' }).count()).toBe(0);
    await page.goto(`${base}/contracts/risks`);
    await page.getByRole('heading', { level: 1, name: 'Risk register' }).waitFor();
    expect(await page.getByRole('link', { name: 'Add a risk' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Record review' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('starts a procurement from a commissioning intention, and keeps the risk register: add, review and close, bands', async () => {
    const { page, errors } = await newPage(e2e.browser);
    const base = e2e.steward.baseUrl;
    await signIn(page, base, DEMO_ACCOUNTS.commissioner.email, DEMO_ACCOUNTS.commissioner.password);
    const { plans } = await (await page.request.get(`${base}/api/delivery-plans`)).json();
    await page.goto(`${base}/contracts/delivery-plans/${plans[0].id}`);
    await page.getByRole('link', { name: /^Start a procurement for intention 1\.1$/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Start a procurement' }).waitFor();
    const intention = await page.locator('.govuk-summary-list__value').nth(1).innerText();
    expect(await page.getByLabel('Title').inputValue()).toBe(intention);
    await page.getByRole('button', { name: 'Start the procurement' }).click();
    await page.locator('.govuk-error-summary').getByRole('link', { name: 'Enter the planned go-live date' }).waitFor();
    await expectAccessible(page, 'procurement from an intention, with errors');
    await page.getByLabel('Title').fill('Community equipment service (e2e)');
    await fillDate(page, 'goLive', addMonths(today, 15));
    await page.getByRole('button', { name: 'Start the procurement' }).click();
    await page.getByText('Procurement Community equipment service (e2e) started').waitFor();
    await page.getByText(intention, { exact: true }).waitFor();
    await page.getByRole('cell', { name: 'Procurement started: Community equipment service (e2e)' }).waitFor();

    // The risk register: add a risk, review it, close it, and change the bands.
    await page.goto(`${base}/contracts/risks`);
    await page.getByRole('link', { name: 'Add a risk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Add a risk' }).waitFor();
    await page.getByRole('button', { name: 'Add risk' }).click();
    await page.locator('.govuk-error-summary').getByRole('link', { name: 'Choose the likelihood' }).waitFor();
    await expectAccessible(page, 'add risk with errors');
    await page.getByLabel('Reference').fill('E2E-01');
    await page.getByLabel('Identified risk').fill('Homecare provider failure in the north zone');
    await page.getByLabel('Owner').fill('Head of Commissioning');
    await page
      .getByRole('group', { name: /Likelihood/ })
      .getByLabel('4')
      .check();
    await page
      .getByRole('group', { name: /Impact/ })
      .getByLabel('4')
      .check();
    await page.getByRole('button', { name: 'Add risk' }).click();
    await page.getByText('Risk E2E-01 added, scored 16').waitFor();
    await page.getByRole('cell', { name: /Homecare provider failure in the north zone/ }).waitFor();
    await expectAccessible(page, 'risk added');

    await page
      .getByLabel('Risk', { exact: true })
      .selectOption({ label: 'E2E-01 Homecare provider failure in the north zone' });
    await page
      .getByRole('group', { name: /Likelihood/ })
      .getByLabel('2')
      .check();
    await page.getByLabel('What changed (optional)').fill('Contingency provider on the framework');
    await page.getByLabel('Close this risk: it no longer needs managing').check();
    await page.getByRole('button', { name: 'Record review' }).click();
    await page.getByText('E2E-01 re-scored at 8 and closed').waitFor();
    const row = page.getByRole('row').filter({ hasText: 'E2E-01' });
    await row.getByText('Closed').waitFor();
    expect(await page.getByLabel('Risk', { exact: true }).locator('option', { hasText: 'E2E-01' }).count()).toBe(0);

    await page.getByRole('link', { name: 'Change the risk bands' }).click();
    await page.getByRole('heading', { level: 1, name: 'Risk bands' }).waitFor();
    await expectAccessible(page, 'risk bands');
    await page.locator('#bands-1-max').fill('14');
    await page.getByRole('button', { name: 'Save bands' }).click();
    await page
      .locator('.govuk-error-summary')
      .getByText(/should start at 15/)
      .waitFor();
    expect(await page.locator('#bands-1-max').inputValue()).toBe('14');
    await expectAccessible(page, 'risk bands with errors');
    await page.locator('#bands-2-min').fill('15');
    await page.getByRole('button', { name: 'Save bands' }).click();
    await page.getByText('Risk bands saved').waitFor();
    await page.getByText(/High 15–25/).waitFor();
    expect(errors).toEqual([]);
  });
});
