// Market end to end: a provider updates its vacancies (after an error it must correct) and a commissioner
// sees the change on the market dashboard and the vacancies page. Every page is checked with axe-core.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FEATURED_HOME_NAME, FEATURED_PROVIDER_NAME } from '../../../src/demo/marketGenerator';
import { demoProviderSignIn } from '../../../src/demo/market';
import { DEMO_PASSWORD } from '../../../src/demo/users';
import {
  DEMO_ACCOUNTS,
  describeE2E,
  expectAccessible,
  expectFitsPhone,
  newPage,
  settle,
  signIn,
  useSteward,
} from '../testing/e2e';

async function vacantFigure(page: Page): Promise<number> {
  const card = page.locator('.app-key-figure', { hasText: 'Beds vacant and accepting admissions' }).first();
  await card.waitFor();
  const text = await card.locator('.app-key-figure__value').innerText();
  return Number(text.replace(/[^0-9]/g, ''));
}
const num = async (page: Page, label: string) => Number(await page.getByLabel(label, { exact: true }).inputValue());

describeE2E('market: providers keep vacancies current, commissioners see them', () => {
  const e2e = useSteward();

  it('a provider’s vacancy update reaches the commissioner’s dashboard', async () => {
    // The commissioner's view before.
    const com = await newPage(e2e.browser);
    await signIn(com.page, e2e.steward.baseUrl, DEMO_ACCOUNTS.commissioner.email, DEMO_ACCOUNTS.commissioner.password);
    await com.page.goto(`${e2e.steward.baseUrl}/market`);
    await com.page.getByRole('heading', { level: 1, name: 'Care market' }).waitFor();
    await expectAccessible(com.page, 'market dashboard');
    const before = await vacantFigure(com.page);
    expect(before).toBeGreaterThan(0);

    // The provider updates Rosewood Lodge.
    const prov = await newPage(e2e.browser);
    await signIn(prov.page, e2e.steward.baseUrl, demoProviderSignIn(FEATURED_PROVIDER_NAME), DEMO_PASSWORD);
    await prov.page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Market' }).click();
    await prov.page.getByRole('heading', { level: 1, name: 'Your services' }).waitFor();
    await expectAccessible(prov.page, 'provider services page');
    await prov.page.getByRole('link', { name: `Update figures for ${FEATURED_HOME_NAME}` }).click();
    await prov.page.getByRole('heading', { level: 1, name: `Update figures for ${FEATURED_HOME_NAME}` }).waitFor();
    await expectAccessible(prov.page, 'update figures page');

    const max = await num(prov.page, 'Maximum capacity (beds you can use)');
    const occupied = await num(prov.page, 'Occupied beds');
    const vacant = await num(prov.page, 'Vacant beds accepting admissions');
    // An impossible figure is refused with the error summary, naming the field.
    await prov.page.getByLabel('Vacant beds accepting admissions', { exact: true }).fill(String(max + 1));
    await prov.page.getByRole('button', { name: 'Save figures' }).click();
    const summary = prov.page.locator('.govuk-error-summary');
    await summary.waitFor();
    await expect.poll(() => summary.getByRole('link').first().getAttribute('href')).toBe('#occupied');
    await expectAccessible(prov.page, 'update figures page with errors');

    // Two residents have left: two more beds are free (also in the residential split, when the home keeps one).
    await prov.page.getByLabel('Occupied beds', { exact: true }).fill(String(occupied - 2));
    await prov.page.getByLabel('Vacant beds accepting admissions', { exact: true }).fill(String(vacant + 2));
    const split = prov.page.getByLabel('Residential beds occupied', { exact: true });
    if (await split.count()) {
      await split.fill(String((await num(prov.page, 'Residential beds occupied')) - 2));
      await prov.page
        .getByLabel('Residential beds vacant and accepting', { exact: true })
        .fill(String((await num(prov.page, 'Residential beds vacant and accepting')) + 2));
    }
    // A workforce change on the same page is saved with the beds, not lost.
    const locationPath = new URL(prov.page.url()).pathname.replace(/\/update$/, '');
    const agency = await num(prov.page, 'Agency and bank staff');
    await prov.page.getByLabel('Agency and bank staff', { exact: true }).fill(String(agency + 1));
    await prov.page.getByRole('button', { name: 'Save figures' }).click();
    await prov.page.getByRole('heading', { level: 1, name: 'Your services' }).waitFor();
    const picture = await (await prov.page.request.get(`${e2e.steward.baseUrl}/api${locationPath}`)).json();
    expect(picture.workforce.agencyStaff).toBe(agency + 1);
    // One save for the whole page, confirmed (issue 13: saving the beds discarded workforce edits).
    await prov.page.getByText(`Figures saved for ${FEATURED_HOME_NAME}: beds and vacancies`).waitFor();
    const row = prov.page.locator('tr', { hasText: FEATURED_HOME_NAME });
    await expect.poll(() => row.innerText()).toContain(`${vacant + 2} vacant of ${max}`);
    await expect.poll(() => row.innerText()).toContain('Current, today');

    // The provider cannot see the commissioner's market pages.
    await prov.page.goto(`${e2e.steward.baseUrl}/market/care-homes`);
    await prov.page.getByText('This page is for council staff').first().waitFor();
    expect(prov.errors).toEqual([]);

    // The commissioner sees it: dashboard figure up by two, and the vacancies page shows today's figure.
    await com.page.reload();
    await com.page.getByRole('heading', { level: 1, name: 'Care market' }).waitFor();
    await expect.poll(() => vacantFigure(com.page)).toBe(before + 2);
    await com.page.getByRole('link', { name: 'Vacancies now' }).click();
    await com.page.getByRole('heading', { level: 1, name: 'Vacancies now' }).waitFor();
    const vrow = com.page.locator('tr', { hasText: FEATURED_HOME_NAME });
    await expect.poll(() => vrow.innerText()).toContain('Current, today');
    await expect.poll(() => vrow.locator('td').nth(2).innerText()).toBe(String(vacant + 2));
    await expectAccessible(com.page, 'vacancies page');
    expect(com.errors).toEqual([]);
  });

  it('shows prices, care homes and a location’s whole picture to the commissioner, with downloads', async () => {
    const { page, errors } = await newPage(e2e.browser);
    await signIn(page, e2e.steward.baseUrl, DEMO_ACCOUNTS.commissioner.email, DEMO_ACCOUNTS.commissioner.password);
    await page.goto(`${e2e.steward.baseUrl}/market/prices`);
    await page.getByRole('heading', { level: 1, name: 'Prices and placements' }).waitFor();
    await page.getByText(/The mean weekly price of new placements rose \d/).waitFor();
    await expectAccessible(page, 'prices page');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download prices by quarter as CSV' }).click();
    const file = await download;
    // The file name names the filter in words (issue 13: downloads ignored the filters).
    expect(file.suggestedFilename()).toMatch(/^new-placement-prices-by-quarter-in-the-borough.*\.csv$/);

    await page.getByRole('link', { name: 'Care homes and fragility' }).click();
    await page.getByRole('heading', { level: 1, name: 'Care homes and fragility' }).waitFor();
    await page.getByRole('table', { name: /homes to watch/ }).waitFor();
    await expectAccessible(page, 'care homes page');
    // Filter to nursing homes rated Inadequate: the fragile demo home.
    await page.getByLabel('CQC rating').selectOption('Inadequate');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/rating=Inadequate/);
    await page.getByText(/^1 care homes?,/).waitFor();
    // The download names the filter and carries what the page shows (issue 13).
    const filtered = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download all care homes as CSV' }).click();
    const named = await filtered;
    expect(named.suggestedFilename()).toMatch(/^care-homes-.*rated-inadequate.*\.csv$/);
    const text = readFileSync((await named.path())!, 'utf8');
    expect(text).not.toMatch(/care_home_|,true,|,false,|,high,|,none,|\d{2}:\d{2}:\d{2}\.\d{3}Z/);
    expect(text).toContain('Care home with nursing');
    // Shares as the page shows them: a percentage column headed "(%)" with 0 to 100 values, one decimal place.
    const [header, first] = text.replace(/^\uFEFF/, '').split('\r\n');
    const cols = header.split(',');
    const occupancy = cols.indexOf('Occupancy (%)');
    expect(occupancy).toBeGreaterThan(-1);
    const cell = first.split(',')[occupancy];
    expect(cell).toMatch(/^\d+(\.\d)?$/);
    expect(Number(cell)).toBeGreaterThan(1);

    await page.getByRole('table', { name: 'All care homes' }).getByRole('link').first().click();
    await page.getByRole('heading', { level: 2, name: /Capacity and vacancies/ }).waitFor();
    await page.getByText('CQC rated Inadequate').first().waitFor();
    await expectAccessible(page, 'location page');
    expect(errors).toEqual([]);
  });

  it('fits a phone: the pages that scrolled sideways at 390 px (issue 13) now fit', async () => {
    const { page, errors } = await newPage(e2e.browser);
    await signIn(page, e2e.steward.baseUrl, DEMO_ACCOUNTS.broker.email, DEMO_ACCOUNTS.broker.password);
    const board = await (await page.request.get(`${e2e.steward.baseUrl}/api/discharge/board`)).json();
    const referralId = board.lanes.flatMap((l: { entries: { referralId: string }[] }) => l.entries)[0].referralId;
    const homes = await (await page.request.get(`${e2e.steward.baseUrl}/api/market/care-homes`)).json();
    const providerId = (homes.homes ?? homes.rows ?? homes.careHomes)[0].providerId;
    for (const path of ['/market/vacancies', `/discharge/referrals/${referralId}`, `/market/providers/${providerId}`]) {
      await page.goto(`${e2e.steward.baseUrl}${path}`);
      await settle(page);
      await expectFitsPhone(page, path);
    }
    // Staff read a provider's page in their own words, not the provider's ("Your locations").
    await page.getByRole('table', { name: /: locations$/ }).waitFor();
    expect(await page.getByText('Your locations').count()).toBe(0);
    const prov = await newPage(e2e.browser);
    await signIn(prov.page, e2e.steward.baseUrl, demoProviderSignIn(FEATURED_PROVIDER_NAME), DEMO_PASSWORD);
    await prov.page.getByRole('heading', { level: 1 }).waitFor();
    await prov.page.goto(`${e2e.steward.baseUrl}/market`);
    await settle(prov.page);
    await expectFitsPhone(prov.page, 'provider services page');
    expect(errors).toEqual([]);
  });
});
