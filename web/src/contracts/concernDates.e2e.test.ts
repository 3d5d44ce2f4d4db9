// A concern's steps keep the day they happened (fresh-user check of issue 16, faults 10 and 14): a quality officer
// logs a concern raised three days ago, is refused a triage date before that (the message links to the Day box and
// writes the date out), triages it two days ago, and reads that day in the concern's history. axe on each page.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FEATURED_HOME_NAME, FEATURED_PROVIDER_NAME } from '../../../src/demo/marketGenerator';
import {
  DEMO_ACCOUNTS,
  choose,
  describeE2E,
  expectAccessible,
  newPage,
  settle,
  signIn,
  useSteward,
} from '../testing/e2e';
import { addDays, londonToday, longDateText } from '../../../src/domain/core/dates';

const today = londonToday();
const SUMMARY = 'Medication records incomplete on night shifts (e2e dates)';

async function fillDate(page: Page, name: string, iso: string) {
  const [y, m, d] = iso.split('-');
  await page.locator(`#${name}-day`).fill(String(Number(d)));
  await page.locator(`#${name}-month`).fill(String(Number(m)));
  await page.locator(`#${name}-year`).fill(y);
}

describeE2E('the days a concern’s steps happened', () => {
  const e2e = useSteward();

  it('refuses a step before the concern was raised, linked to the Day box, and shows each step’s day', async () => {
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
    await fillDate(page, 'raisedOn', addDays(today, -3));
    await page.getByLabel('Summary', { exact: true }).fill(SUMMARY);
    await page.getByRole('button', { name: 'Log concern' }).click();
    await page.getByRole('alert').getByText(`Concern logged against ${FEATURED_HOME_NAME}`).waitFor();
    await page.getByRole('link', { name: 'View the concern to triage it' }).click();
    await page.getByRole('heading', { level: 1, name: `${FEATURED_HOME_NAME}: provider concern` }).waitFor();

    await choose(page.getByRole('group', { name: 'What happens next?' }).getByLabel('Triage'));
    await fillDate(page, 'on', addDays(today, -5));
    await page.getByRole('button', { name: 'Save the step' }).click();
    const summary = page.locator('.govuk-error-summary');
    const refused = summary.getByRole('link', {
      name: `Date must be on or after the day the concern was raised (${longDateText(addDays(today, -3))})`,
    });
    await refused.waitFor();
    expect(await refused.getAttribute('href')).toBe('#on-day');
    await expectAccessible(page, 'concern step dated before the concern');

    await fillDate(page, 'on', addDays(today, -2));
    await page.getByRole('button', { name: 'Save the step' }).click();
    await page.getByRole('alert').getByText('Concern moved to triaged').waitFor();
    const rows = page.locator('table', { hasText: 'What happened to the concern' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    const firstCells = async (i: number) => (await rows.nth(i).locator('td').allTextContents()).slice(0, 2);
    const dmy = (iso: string) => longDateText(iso);
    expect((await firstCells(0))[0]).toBe(dmy(addDays(today, -3)));
    expect((await firstCells(1))[0]).toBe(dmy(addDays(today, -2)));
    await expectAccessible(page, 'concern history with the days steps happened');
    expect(errors).toEqual([]);
  });
});
