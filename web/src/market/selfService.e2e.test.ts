// Issue 16 items 3 and 4 end to end, as people would in the browser: a quality officer takes a provider concern
// from logged to closed (with a safeguarding referral) and a commissioner sees it in the location's history; a
// provider approver adds a colleague, who signs in, files a nil return and a "no change" return and marks a bed
// closed to admissions with a reason, and a commissioner sees that status. axe runs on every page.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FEATURED_HOME_NAME, FEATURED_PROVIDER_NAME } from '../../../src/demo/marketGenerator';
import { demoProviderSignIn } from '../../../src/demo/market';
import { DEMO_PASSWORD } from '../../../src/demo/users';
import { addDays, londonToday } from '../../../src/domain/core/dates';
import {
  DEMO_ACCOUNTS,
  choose,
  describeE2E,
  expectAccessible,
  newPage,
  settle,
  signIn,
  signOut,
  useSteward,
} from '../testing/e2e';

const SUMMARY = 'Weekend staffing below assessed levels (e2e)';

/** "1 January 2030" for 2030-01-01, as the pages write dates. */
const longDate = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

async function featuredHomeId(page: Page, baseUrl: string): Promise<string> {
  const rows = (await (await page.request.get(`${baseUrl}/api/contracts/assessable-locations`)).json()).locations;
  return rows.find((l: { name: string }) => l.name === FEATURED_HOME_NAME).id;
}

async function step(page: Page, choice: string, fill: Record<string, string>, banner: string | RegExp) {
  await choose(page.getByRole('group', { name: 'What happens next?' }).getByLabel(choice));
  for (const [label, value] of Object.entries(fill)) await page.getByLabel(label).fill(value);
  await page.getByRole('button', { name: 'Save the step' }).click();
  await page.getByRole('alert').getByText(banner).waitFor();
}

describeE2E('quality and providers’ self-service (issue 16)', () => {
  const e2e = useSteward();

  it('a quality officer logs, triages, investigates, refers, agrees action on and closes a concern the provider answered; a commissioner sees it', async () => {
    const base = e2e.steward.baseUrl;
    const { page, errors } = await newPage(e2e.browser);
    await signIn(page, base, DEMO_ACCOUNTS.quality_officer.email, DEMO_ACCOUNTS.quality_officer.password);
    await page.goto(`${base}/contracts/concerns`);
    await page.getByRole('heading', { level: 1, name: 'Provider concerns and safeguarding referrals' }).waitFor();
    await settle(page);
    await page
      .getByLabel('Service', { exact: true })
      .selectOption({ label: `${FEATURED_HOME_NAME} (${FEATURED_PROVIDER_NAME})` });
    await choose(page.getByRole('group', { name: 'Kind of concern' }).getByLabel('Provider concern'));
    await page.getByLabel('Summary', { exact: true }).fill(SUMMARY);
    await page.getByRole('button', { name: 'Log concern' }).click();
    await page.getByRole('alert').getByText(`Concern logged against ${FEATURED_HOME_NAME}`).waitFor();
    // Saved: the form is empty again for the next concern (today's date stays as the default).
    expect(await page.getByLabel('Service', { exact: true }).inputValue()).toBe('');
    expect(await page.getByLabel('Summary', { exact: true }).inputValue()).toBe('');
    expect(
      await page.getByRole('group', { name: 'Kind of concern' }).getByRole('radio', { checked: true }).count(),
    ).toBe(0);
    await expectAccessible(page, 'concerns page after logging');
    await page.getByRole('link', { name: 'View the concern to triage it' }).click();
    await page.getByRole('heading', { level: 1, name: `${FEATURED_HOME_NAME}: provider concern` }).waitFor();
    await expectAccessible(page, 'new concern');

    // Nothing chosen: the server's message in the error summary, linked to the question.
    await page.getByRole('button', { name: 'Save the step' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.getByRole('link', { name: 'Choose what happens next' }).waitFor();
    await expectAccessible(page, 'concern step with errors');

    await step(
      page,
      'Triage',
      { 'Note (optional unless closing early)': 'Quality concern' },
      'Concern moved to triaged',
    );
    await step(page, 'Start investigating', {}, 'Concern moved to investigating');
    await page.getByLabel('Safeguarding reference').fill('ASG/2026/0142');
    await page.getByRole('button', { name: 'Record the referral' }).click();
    await page.getByRole('alert').getByText('Safeguarding referral ASG/2026/0142 recorded').waitFor();
    // The provider answers from its own login: it sees that a referral was made, not its reference.
    const prov = await newPage(e2e.browser);
    await signIn(prov.page, base, demoProviderSignIn(FEATURED_PROVIDER_NAME), DEMO_PASSWORD);
    await prov.page.goto(page.url());
    await prov.page.getByRole('heading', { level: 1, name: `${FEATURED_HOME_NAME}: provider concern` }).waitFor();
    await prov.page.getByText('Made to the adult safeguarding team').waitFor();
    expect(await prov.page.getByText('ASG/2026/0142').count()).toBe(0);
    await prov.page.getByLabel('Your response to the concern').fill('Two senior carers added to the weekend rota.');
    await prov.page.getByRole('button', { name: 'Send your response' }).click();
    await prov.page.getByRole('alert').getByText('Your response has been saved').waitFor();
    await expectAccessible(prov.page, 'concern answered by the provider');
    expect(prov.errors).toEqual([]);
    await prov.page.context().close();
    await page.reload();
    await page.getByText(/^Two senior carers added to the weekend rota\. \(/).waitFor();

    // Closing an investigation without a reason is refused, naming the note.
    await choose(page.getByRole('group', { name: 'What happens next?' }).getByLabel('Close the concern'));
    await page.getByRole('button', { name: 'Save the step' }).click();
    await summary.getByRole('link', { name: 'Say why the concern is closed before an action was agreed' }).waitFor();
    await step(
      page,
      'Record the action agreed',
      { 'Action agreed with the provider': 'Weekend rota reviewed weekly for 8 weeks' },
      'Concern moved to action agreed',
    );
    await step(page, 'Close the concern', { 'Note (optional unless closing early)': 'Rota held' }, 'Concern closed');
    await expectAccessible(page, 'closed concern');
    const history = page.locator('table', { hasText: 'What happened to the concern' }).locator('tbody tr');
    await expect.poll(() => history.count()).toBe(7);
    expect(errors).toEqual([]);
    await signOut(page);

    // The commissioner sees it in the location's history, with its referral and its steps.
    await signIn(page, base, DEMO_ACCOUNTS.commissioner.email, DEMO_ACCOUNTS.commissioner.password);
    const homeId = await featuredHomeId(page, base);
    await page.goto(`${base}/market/locations/${homeId}`);
    await page.getByRole('heading', { level: 1, name: FEATURED_HOME_NAME }).waitFor();
    await page.getByRole('heading', { name: 'Quality assessments' }).waitFor();
    await settle(page);
    await expectAccessible(page, 'location page with its quality history');
    await page.getByRole('link', { name: SUMMARY }).click();
    await page.getByRole('heading', { level: 1, name: `${FEATURED_HOME_NAME}: provider concern` }).waitFor();
    await page.getByText(/^Made .*, reference ASG\/2026\/0142$/).waitFor();
    await expect.poll(() => history.count()).toBe(7);
    await expectAccessible(page, 'concern seen by a commissioner');
    // A commissioner reads but does not move concerns on.
    expect(await page.getByRole('button', { name: 'Save the step' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('a provider approver adds a colleague and sets self-funder fees; the colleague files a nil and a no-change return and closes a bed; a commissioner sees it', async () => {
    const base = e2e.steward.baseUrl;
    const { page, errors } = await newPage(e2e.browser);
    await signIn(page, base, demoProviderSignIn(FEATURED_PROVIDER_NAME), DEMO_PASSWORD);
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Market' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your services' }).waitFor();
    await page.getByRole('link', { name: 'Manage your organisation’s accounts' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your organisation’s accounts' }).waitFor();
    await settle(page);
    await expectAccessible(page, 'organisation accounts');

    // Every problem at once, from the server, in the summary and at the fields.
    await page.getByRole('button', { name: 'Add account' }).click();
    const summary = page.locator('.govuk-error-summary');
    for (const message of ['Enter a name', 'Enter an email address', 'Password must be at least 10 characters'])
      await summary.getByRole('link', { name: message }).waitFor();
    await expectAccessible(page, 'organisation accounts with errors');
    await page.getByLabel('Full name').fill('Sam Senior');
    await page.getByLabel('Email address').fill('sam.senior@rosewood.example');
    await page.getByLabel('Their first password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Add account' }).click();
    await page.getByRole('alert').getByText('Account added for Sam Senior (sam.senior@rosewood.example)').waitFor();
    await page.locator('#accounts').getByRole('cell', { name: 'sam.senior@rosewood.example' }).waitFor();
    await expectAccessible(page, 'organisation accounts after adding');

    // A council officer's email: refused without saying whose it is, linked to the email box.
    await page.getByLabel('Full name').fill('Pat Temp');
    await page.getByLabel('Email address').fill(DEMO_ACCOUNTS.commissioner.email);
    await page.getByLabel('Their first password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Add account' }).click();
    const inUse = summary.getByRole('link', { name: /^This email address cannot be used for a new account/ });
    await inUse.waitFor();
    expect(await inUse.getAttribute('href')).toBe('#email');
    expect(await page.getByText(/already exists/).count()).toBe(0);
    await page.getByLabel('Email address').fill('pat.temp@rosewood.example');
    await page.getByRole('button', { name: 'Add account' }).click();
    await page.getByRole('alert').getByText('Account added for Pat Temp (pat.temp@rosewood.example)').waitFor();

    // Removing access is confirmed on its own page first; cancelling changes nothing.
    await page.getByRole('link', { name: 'Remove access for Pat Temp' }).click();
    await page.getByRole('heading', { level: 1, name: 'Are you sure you want to remove Pat Temp’s access?' }).waitFor();
    await expectAccessible(page, 'remove access: confirmation');
    await page.getByRole('link', { name: 'Cancel' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your organisation’s accounts' }).waitFor();
    await page.getByRole('link', { name: 'Remove access for Pat Temp' }).click();
    await page.getByRole('button', { name: 'Remove access' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your organisation’s accounts' }).waitFor();
    await page.getByRole('alert').getByText('Pat Temp’s access removed').waitFor();
    await page.getByRole('button', { name: 'Give back access for Pat Temp' }).waitFor();
    // Each change is in the accounts' history, with who made it.
    const changes = page.locator('table', { hasText: 'Changes to your organisation’s accounts' }).locator('tbody tr');
    const approverName = (await (await page.request.get(`${base}/api/auth/session`)).json()).user.name;
    await expect
      .poll(async () =>
        (await changes.filter({ hasText: 'Pat Temp' }).allTextContents()).map((t) => t.replace(/^.*?Pat Temp/, '')),
      )
      .toEqual([`Access removed${approverName}`, `Account added${approverName}`]);
    await expectAccessible(page, 'organisation accounts with history');

    // The home keeps its self-funder fees (a bad amount is refused first, the form keeping what was typed).
    await page.getByRole('link', { name: 'Your services' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your services' }).waitFor();
    await page.getByRole('link', { name: `Self-funder fees for ${FEATURED_HOME_NAME}` }).click();
    await page.getByRole('heading', { level: 1, name: `Self-funder fees at ${FEATURED_HOME_NAME}` }).waitFor();
    const fee = page.getByLabel('Standard residential (a week)');
    await fee.fill('11.58.00');
    await page.getByRole('button', { name: 'Save fees' }).click();
    await summary.getByRole('link', { name: /Standard residential: Weekly fee must be in pounds and pence/ }).waitFor();
    await expectAccessible(page, 'self-funder fees with errors');
    expect(await fee.inputValue()).toBe('11.58.00');
    await fee.fill('1158.00');
    await page.getByRole('button', { name: 'Save fees' }).click();
    await page.getByRole('alert').getByText('Self-funder fees saved').waitFor();
    await expectAccessible(page, 'self-funder fees saved');
    // An enhanced residential fee announced ahead: years ahead is refused; within the year it is kept and shown
    // "From" its start date (issue 16: 01/01/2030 was saved and then nowhere to be seen).
    const soon = addDays(londonToday(), 60);
    const setFrom = async (iso: string) => {
      const [y, m, d] = iso.split('-');
      await page.getByLabel('Day').fill(String(Number(d)));
      await page.getByLabel('Month').fill(String(Number(m)));
      await page.getByLabel('Year').fill(y);
    };
    await fee.fill('');
    await page.getByLabel('Enhanced residential (a week)').fill('1295.00');
    await setFrom(addDays(londonToday(), 400));
    await page.getByRole('button', { name: 'Save fees' }).click();
    await summary.getByRole('link', { name: /^The date the fees apply from must be on or before / }).waitFor();
    await setFrom(soon);
    await page.getByRole('button', { name: 'Save fees' }).click();
    await page
      .getByRole('alert')
      .getByText(`Self-funder fees saved: they apply from ${longDate(soon)}`)
      .waitFor();
    const later = page.locator('table', { hasText: 'Fees set to apply later' });
    await later
      .locator('tbody tr', { hasText: 'Enhanced residential' })
      .getByRole('cell', { name: `From ${longDate(soon)}` })
      .waitFor();
    const feeHistory = page.locator('table', { hasText: 'Every fee recorded for this home' }).locator('tbody tr');
    await feeHistory.filter({ hasText: 'Enhanced residential' }).filter({ hasText: approverName }).first().waitFor();
    await expectAccessible(page, 'self-funder fees set ahead, with history');
    await signOut(page);

    // The colleague signs in and sees every home of the group.
    await signIn(page, base, 'sam.senior@rosewood.example', 'correct horse battery');
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Market' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your services' }).waitFor();
    await settle(page);
    expect(await page.getByRole('link', { name: 'Manage your organisation’s accounts' }).count()).toBe(0);
    // A nil return says there are no vacancies: the occupied beds stay as reported (issue 16: they became full).
    const homeRow = page
      .locator('tbody tr')
      .filter({ has: page.getByRole('button', { name: `Nil return for ${FEATURED_HOME_NAME}` }) });
    const occupiedNow = async () => /\((\d+) occupied\)/.exec((await homeRow.textContent()) ?? '')?.[1];
    const occupiedBefore = await occupiedNow();
    expect(occupiedBefore).toMatch(/^\d+$/);
    await page.getByRole('button', { name: `Nil return for ${FEATURED_HOME_NAME}` }).click();
    const banner = page.getByRole('alert');
    await banner.getByText(`Nil return filed for ${FEATURED_HOME_NAME}: no vacancies to report today.`).waitFor();
    expect(await banner.getByRole('link', { name: `See the figures for ${FEATURED_HOME_NAME}` }).count()).toBe(1);
    await expect.poll(() => homeRow.textContent()).toContain('nil return');
    expect(await occupiedNow()).toBe(occupiedBefore);
    await page.getByRole('button', { name: `No change for ${FEATURED_HOME_NAME}` }).click();
    await page
      .getByRole('alert')
      .getByText(`Figures for ${FEATURED_HOME_NAME} confirmed as unchanged today.`)
      .waitFor();
    await banner.getByRole('link', { name: `See the figures for ${FEATURED_HOME_NAME}` }).waitFor();
    await expectAccessible(page, 'your services after a nil and a no-change return');

    // Mark one bed closed to admissions, with a reason: a bed comes out of "occupied" (the nil return kept them).
    await page.getByRole('link', { name: `Update figures for ${FEATURED_HOME_NAME}` }).click();
    await page.getByRole('heading', { level: 1, name: `Update figures for ${FEATURED_HOME_NAME}` }).waitFor();
    const occupied = page.getByLabel('Occupied beds', { exact: true });
    await occupied.fill(String(Number(await occupied.inputValue()) - 1));
    for (const group of ['Residential', 'Nursing', 'Dementia']) {
      const field = page.getByLabel(`${group} beds occupied`, { exact: true });
      if ((await field.count()) === 0) continue;
      await field.fill(String(Number(await field.inputValue()) - 1));
      break;
    }
    await page.getByLabel('Vacant beds closed to admissions', { exact: true }).fill('1');
    await page.getByRole('button', { name: 'Save figures' }).click();
    await summary.getByRole('link', { name: 'Choose why beds are closed to admissions' }).waitFor();
    await expectAccessible(page, 'update figures asking why beds are closed');
    await choose(
      page.getByRole('group', { name: 'Why are beds closed to admissions?' }).getByLabel('Infection outbreak'),
    );
    await page.getByRole('button', { name: 'Save figures' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your services' }).waitFor();
    await page.getByRole('alert').getByText(`Figures saved for ${FEATURED_HOME_NAME}`).waitFor();
    expect(errors).toEqual([]);
    await signOut(page);

    // The commissioner sees the closed bed and its reason on the vacancies page and the location page.
    await signIn(page, base, DEMO_ACCOUNTS.commissioner.email, DEMO_ACCOUNTS.commissioner.password);
    await page.goto(`${base}/market/vacancies`);
    await page.getByRole('heading', { level: 1, name: 'Vacancies now' }).waitFor();
    await settle(page);
    const closed = page.locator('table', { hasText: 'Care homes with empty beds they are not filling now' });
    const row = closed.locator('tbody tr', { hasText: FEATURED_HOME_NAME });
    await expect.poll(() => row.getByRole('cell').nth(3).textContent()).toBe('Infection outbreak');
    await expectAccessible(page, 'vacancies with closed beds');
    await row.getByRole('link', { name: FEATURED_HOME_NAME }).click();
    await page.getByRole('heading', { level: 1, name: FEATURED_HOME_NAME }).waitFor();
    await page.getByText('1: Infection outbreak').waitFor();
    const fees = page.locator('table', { hasText: 'Weekly fees for people who pay for their own care' });
    await fees.locator('tbody tr', { hasText: 'Standard residential' }).getByRole('cell', { name: '£1,158' }).waitFor();
    await fees
      .locator('tbody tr', { hasText: 'Enhanced residential' })
      .getByRole('cell', { name: `From ${longDate(soon)}` })
      .waitFor();
    // "Show the data" under the beds chart: who filed each return, nil return, no change, closed beds and why.
    await page.locator('figure.app-chart', { hasText: 'Beds over time' }).getByText('Show the data').click();
    const returns = page.locator('table', { hasText: 'Capacity returns' });
    for (const header of ['Filed by', 'Nil return', 'No change', 'Closed to admissions', 'Closed because'])
      await returns.getByRole('columnheader', { name: header, exact: true }).waitFor();
    const byColleague = returns.locator('tbody tr', { hasText: 'Sam Senior' });
    await expect.poll(() => byColleague.count()).toBe(3);
    await byColleague.filter({ hasText: 'Infection outbreak' }).waitFor();
    await settle(page);
    await expectAccessible(page, 'location page with bed status');
    expect(errors).toEqual([]);
  });
});
