// Need and demand: a commissioner opens the demo borough's projections, follows a figure to its working,
// changes a rate and adds a scenario, and sees the care home gap and budget pressure move. Every page is
// checked with axe-core.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { runImport, textSource } from '../../../src/importers/framework';
import { populationImporter } from '../../../src/importers/population';
import {
  DEMO_ACCOUNTS,
  describeE2E,
  expectAccessible,
  newPage,
  settle,
  signIn,
  useSteward,
  choose,
} from '../testing/e2e';

interface GapView {
  service: string;
  clients: number[];
  gap: { crossingYear: number | null; rows: { year: number; gap: number }[] } | null;
}
interface Projection {
  years: number[];
  services: GapView[];
  budget: { rows: { year: number; pressurePence: number }[] };
  measures: { key: string; label: string; totals: number[] }[];
}

async function projection(page: Page, baseUrl: string, scenario = 'default'): Promise<Projection> {
  const res = await page.request.get(`${baseUrl}/api/demand/projection?scenario=${scenario}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as Projection;
}

const residential = (p: Projection) => p.services.find((s) => s.service === 'care_home_residential')!;
const gap2035 = (p: Projection) => residential(p).gap!.rows.find((r) => r.year === 2035)!.gap;

describeE2E('need and demand pages', () => {
  const e2e = useSteward({ timeout: 900_000 });

  it('shows projections with their working, and moves the gap when a rate changes or a scenario is added', async () => {
    const { page, errors } = await newPage(e2e.browser);
    await signIn(page, e2e.steward.baseUrl, DEMO_ACCOUNTS.commissioner.email, DEMO_ACCOUNTS.commissioner.password);
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Need and demand' }).click();
    await page.getByRole('heading', { level: 1, name: 'Need and demand' }).waitFor();
    await expectAccessible(page, 'need and demand overview');

    // The page shows what the API computes: the residential crossing year and population chart.
    const before = await projection(page, e2e.steward.baseUrl);
    const crossing = residential(before).gap!.crossingYear;
    expect(crossing).not.toBeNull();
    await page.getByText(`Residential care home: capacity runs out in ${crossing}`).first().waitFor();
    await page.getByRole('heading', { level: 2, name: 'Population by age' }).waitFor();
    // Charts draw after the page's text (Plot loads on demand), so wait for them.
    await expect.poll(() => page.locator('figure svg').count()).toBeGreaterThanOrEqual(5);
    await page.getByText('This is a synthetic demo borough').waitFor();

    // Follow a figure to its working: population × rate × share.
    const dementia = before.measures.find((m) => m.key === 'dementia_65plus')!;
    const i2035 = before.years.indexOf(2035);
    await page.getByRole('link', { name: /how Dementia \(people aged 65\+\) in 2035 is calculated/ }).click();
    await page.getByRole('heading', { level: 1, name: /Dementia \(people aged 65\+\), 2035/ }).waitFor();
    await expectAccessible(page, 'working for a figure');
    const total = await page.getByText(/^Total: [\d,.]+ people$/).textContent();
    expect(Number(total!.replace(/[^\d.]/g, ''))).toBeCloseTo(dementia.totals[i2035], 0);
    expect(await page.locator('table tbody tr').count()).toBe(12);

    // Change a rate: the care home age profile weighted more heavily to the over-90s → faster growth.
    await page.goto(`${e2e.steward.baseUrl}/demand/rates`);
    await page.getByRole('heading', { level: 1, name: 'Rates and their sources' }).waitFor();
    await expectAccessible(page, 'rates page');
    await page.getByRole('link', { name: 'Older people in residential care homes (council-supported)' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Older people in residential care homes (council-supported)' })
      .waitFor();
    await expectAccessible(page, 'rate editor');
    const over90 = page.getByLabel('People aged 90 and over');
    await over90.fill('150');
    await page.getByRole('button', { name: 'Save rate' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.getByRole('link', { name: 'Rate for people aged 90+ must be a percentage from 0 to 100' }).waitFor();
    await expectAccessible(page, 'rate editor with errors');
    await over90.fill('25');
    await page.getByRole('button', { name: 'Save rate' }).click();
    await page.getByRole('heading', { level: 1, name: 'Need and demand' }).waitFor();
    await page
      .getByRole('alert')
      .getByText(/^Rate saved: Older people in residential care homes/)
      .waitFor();
    await settle(page);
    const afterRate = await projection(page, e2e.steward.baseUrl);
    expect(residential(afterRate).clients[0]).toBeCloseTo(residential(before).clients[0], 6); // still calibrated to today
    expect(gap2035(afterRate)).toBeGreaterThan(gap2035(before));
    const rates = await (await page.request.get(`${e2e.steward.baseUrl}/api/demand/rates`)).json();
    expect(rates.rates.find((r: { key: string }) => r.key === 'care_home_residential_65plus').isDefault).toBe(false);

    // Add a scenario with a policy lever: half of new residential admissions supported at home.
    await page.goto(`${e2e.steward.baseUrl}/demand/scenarios/new`);
    await page.getByRole('heading', { level: 1, name: 'Add a scenario' }).waitFor();
    await expectAccessible(page, 'add scenario page');
    await page.getByLabel('Name', { exact: true }).fill('Half of new residential admissions at home');
    await choose(page.getByRole('group', { name: /Policy lever/ }).getByLabel('Yes'));
    await page.getByLabel('Share of new admissions moved').fill('50');
    await page.getByLabel('From year').fill('2027');
    // This scenario ends five years before the default one: the comparison quotes each at its own last year.
    await page.getByLabel('Project to').fill('2040');
    await page.getByRole('button', { name: 'Save scenario' }).click();
    await page.waitForURL(/\/demand\?scenario=/);
    await page.getByRole('heading', { level: 1, name: 'Need and demand' }).waitFor();
    await page.getByRole('alert').getByText('Scenario saved: Half of new residential admissions at home').waitFor();
    await settle(page);
    const scenarioId = new URL(page.url()).searchParams.get('scenario')!;
    const lever = await projection(page, e2e.steward.baseUrl, scenarioId);
    expect(gap2035(lever)).toBeLessThan(gap2035(afterRate));
    const leverCrossing = residential(lever).gap!.crossingYear;
    await page
      .getByText(
        leverCrossing
          ? `Residential care home: capacity runs out in ${leverCrossing}`
          : 'Residential care home: capacity lasts to',
      )
      .first()
      .waitFor();
    await page.locator('.govuk-inset-text').getByText('Half of new residential admissions at home').waitFor();
    await expectAccessible(page, 'overview with a scenario');

    // Compare the default and the new scenario side by side.
    await page.goto(`${e2e.steward.baseUrl}/demand/scenarios`);
    await page.getByRole('heading', { level: 1, name: 'Scenarios' }).waitFor();
    await choose(page.getByLabel('Half of new residential admissions at home'));
    await page.getByRole('button', { name: 'Compare scenarios' }).click();
    await page.getByRole('heading', { level: 1, name: 'Compare scenarios' }).waitFor();
    await expectAccessible(page, 'compare scenarios');
    const table = page.locator('table').first();
    await table.getByRole('rowheader', { name: 'Default (constant rates, no uplift)' }).waitFor();
    await table.getByRole('rowheader', { name: 'Half of new residential admissions at home' }).waitFor();
    await page.getByRole('button', { name: 'Download the comparison as CSV' }).waitFor();
    const prose = await page.locator('figure').allInnerTexts();
    expect(prose.join(' ')).toMatch(/Half of new residential admissions at home: £[\d,.]+ a year by 2040/);
    expect(prose.join(' ')).not.toMatch(/Half of new residential admissions at home: [^.]*2045/);

    // Deleting a scenario asks first, and says it is done.
    await page.goto(`${e2e.steward.baseUrl}/demand/scenarios/${scenarioId}/edit`);
    await page.getByRole('button', { name: 'Delete scenario' }).click();
    await page.getByText('Are you sure you want to delete “Half of new residential admissions at home”?').waitFor();
    await expectAccessible(page, 'delete scenario confirmation');
    await page.getByRole('button', { name: 'No, keep it' }).click();
    expect(await page.getByRole('button', { name: 'Delete scenario' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Delete scenario' }).click();
    await page.getByRole('button', { name: 'Yes, delete the scenario' }).click();
    await page.getByRole('heading', { level: 1, name: 'Scenarios' }).waitFor();
    await page.getByRole('alert').getByText('Scenario deleted: Half of new residential admissions at home').waitFor();

    expect(errors).toEqual([]);
  });

  it('shows an imported ONS area (Darlington, 2022-based SNPP) when chosen', async () => {
    const source = textSource(
      'snpp-2022-darlington.csv',
      readFileSync(new URL('../../../src/importers/fixtures/ons/snpp-2022-darlington.csv', import.meta.url)),
    );
    await runImport(e2e.steward.database.db, populationImporter, source, { actor: { system: 'e2e' }, options: {} });
    const { page, errors } = await newPage(e2e.browser);
    await signIn(page, e2e.steward.baseUrl, DEMO_ACCOUNTS.commissioner.email, DEMO_ACCOUNTS.commissioner.password);
    await page.goto(`${e2e.steward.baseUrl}/demand`);
    await page.getByRole('heading', { level: 1, name: 'Need and demand' }).waitFor();
    await settle(page);
    await page.getByLabel('Area', { exact: true }).selectOption('E06000005');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.waitForURL(/area=E06000005/);
    await page.getByText('Darlington', { exact: true }).first().waitFor();
    await page
      .getByText('2022–2047 projections (2022-based SNPP)', { exact: false })
      .first()
      .waitFor({ state: 'attached' });
    await expectAccessible(page, 'imported area');
    const api = await (await page.request.get(`${e2e.steward.baseUrl}/api/demand/population?area=E06000005`)).json();
    const total2030 = api.rows.find((r: { year: number; band: string }) => r.year === 2030 && r.band === '0+').people;
    expect(total2030).toBeGreaterThan(100_000);
    expect(total2030).toBeLessThan(120_000);
    expect(errors).toEqual([]);
  });

  it('lets a viewer read projections but not edit rates', async () => {
    const { page, errors } = await newPage(e2e.browser);
    await signIn(page, e2e.steward.baseUrl, DEMO_ACCOUNTS.viewer.email, DEMO_ACCOUNTS.viewer.password);
    await page.goto(`${e2e.steward.baseUrl}/demand/rates`);
    await page.getByRole('heading', { level: 1, name: 'Rates and their sources' }).waitFor();
    expect(await page.getByRole('link', { name: 'Dementia (people aged 65+)' }).count()).toBe(0);
    const put = await page.request.put(`${e2e.steward.baseUrl}/api/demand/rates/dementia_65plus`, { data: {} });
    expect(put.status()).toBe(403);
    expect(errors).toEqual([]);
  });
});
