// A real council from public files alone, as a person sets it up: on an empty database an administrator chooses
// Plymouth (E06000026) on the "Your council" page, uploads Plymouth's published files on the Data page
// (data/examples/plymouth/: 97 CQC location records from the CQC API, Plymouth's rows of the ONS 2022-based SNPP,
// the RK9 trust's published discharge series) and adds a commissioner on the Users page; the commissioner then
// reads Plymouth's own figures on the market, need and demand, and discharge flow pages. The figures asserted can
// be checked by hand against those files (data/examples/plymouth/README.md).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../src/db/client';
import { DEMO_ACCOUNTS, choose, describeE2E, expectAccessible, newPage, signIn, useSteward } from '../testing/e2e';

const FILES = path.join(PROJECT_ROOT, 'data/examples/plymouth');
const COMMISSIONER = { email: 'commissioner@plymouth.example', password: 'plymouth-commissioner' };

/** People aged 65 and over in a year, added up by hand from the SNPP file's rows (65…89 and "90 and over"). */
function snpp65plus(year: number): number {
  const rows = parse(readFileSync(path.join(FILES, 'snpp-2022-plymouth.csv')), { columns: true }) as Record<
    string,
    string
  >[];
  return rows
    .filter((r) => r.AGE_GROUP === '90 and over' || (/^\d+$/.test(r.AGE_GROUP) && Number(r.AGE_GROUP) >= 65))
    .reduce((s, r) => s + Number(r[String(year)]), 0);
}

/** People of ages from…to (90 for "90 and over") in a year, from the SNPP file. */
function snppAges(year: number, from: number, to: number): number {
  const rows = parse(readFileSync(path.join(FILES, 'snpp-2022-plymouth.csv')), { columns: true }) as Record<
    string,
    string
  >[];
  return rows
    .filter((r) => {
      const age = r.AGE_GROUP === '90 and over' ? 90 : /^\d+$/.test(r.AGE_GROUP) ? Number(r.AGE_GROUP) : -1;
      return age >= from && age <= to;
    })
    .reduce((s, r) => s + Number(r[String(year)]), 0);
}

/** Homes and beds, added up by hand from the CQC records. */
function cqcHomes(): { homes: number; beds: number } {
  const records = JSON.parse(readFileSync(path.join(FILES, 'cqc-locations-plymouth-2021.json'), 'utf8')) as {
    numberOfBeds: number;
    careHome: string;
  }[];
  return {
    homes: records.filter((r) => r.careHome === 'Y').length,
    beds: records.reduce((s, r) => s + r.numberOfBeds, 0),
  };
}

/** The last day of a trust's published daily series, read from the file as published (column → value). */
function lastRow(file: string): Record<string, string> {
  const rows = parse(readFileSync(path.join(FILES, file)), { columns: true }) as Record<string, string>[];
  return rows[rows.length - 1];
}

/** Uploads one file on the Data page as the given dataset and waits for the import's confirmation. */
async function upload(page: Page, kind: string, file: string, confirms: RegExp): Promise<void> {
  await page.getByLabel('What the file is').selectOption(kind);
  await page.getByLabel('File', { exact: true }).setInputFiles(path.join(FILES, file));
  await page.getByRole('button', { name: 'Upload and import' }).click();
  const banner = page.locator('.govuk-notification-banner--success');
  await banner.getByText(`${file} imported`).waitFor({ timeout: 120_000 });
  await banner.getByText(confirms).first().waitFor();
}

describeE2E('a real council: Plymouth from public files', () => {
  const e2e = useSteward({ demo: false });

  it('sets up Plymouth, uploads its CQC records, SNPP and trust discharge series on the Data page, and shows homes, beds, population, need and delays', async () => {
    // Set-up: an administrator chooses the council.
    const { page, errors } = await newPage(e2e.browser);
    await signIn(page, e2e.steward.baseUrl, DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.admin.password);
    await page.goto(`${e2e.steward.baseUrl}/admin/council`);
    await page.getByLabel('Council').fill('Plymouth');
    await page.getByRole('button', { name: 'Save council' }).click();
    await page.getByText('Steward now serves Plymouth City Council').waitFor();

    // Plymouth's files, uploaded on the Data page one after another.
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Data' }).click();
    await page.getByRole('heading', { level: 1, name: 'Data' }).waitFor();
    await upload(page, 'cqc-locations', 'cqc-locations-plymouth-2021.json', /97 adult social care locations read/);
    await upload(page, 'population', 'snpp-2022-plymouth.csv', /./);
    await upload(page, 'discharge-delays', 'trust-RK9-criteria-to-reside.csv', /published figures for 1 organisation/);
    await upload(page, 'discharge-delays', 'trust-RK9-discharged-patients.csv', /published figures for 1 organisation/);
    const datasets = page.getByRole('table', { name: 'Datasets' });
    await expect
      .poll(() => datasets.getByRole('row', { name: /^CQC location records/ }).innerText())
      .toMatch(/cqc-locations-plymouth-2021\.json[\s\S]*admin@e2e\.steward\.test[\s\S]*\b97\b/);
    // The SNPP file's 91 single years of age (0…89 and 90 and over) for 26 years, 2022–2047.
    await expect
      .poll(() => datasets.getByRole('row', { name: /^Population estimates and projections/ }).innerText())
      .toMatch(/snpp-2022-plymouth\.csv[\s\S]*2,366/);
    await expectAccessible(page, 'Plymouth data page after the uploads');

    // A commissioner for Plymouth, added on the Users page.
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('link', { name: 'Users' }).first().click();
    await page.getByRole('button', { name: 'Add a user' }).click();
    await page.getByLabel('Full name').fill('Plymouth Commissioner');
    await page.getByLabel('Email address').fill(COMMISSIONER.email);
    await choose(page.getByLabel('Commissioner'));
    await page.getByLabel('Temporary password').fill(COMMISSIONER.password);
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.getByText(`User ${COMMISSIONER.email} added`).waitFor();

    const { page: cp, errors: cpErrors } = await newPage(e2e.browser);
    await signIn(cp, e2e.steward.baseUrl, COMMISSIONER.email, COMMISSIONER.password);

    // Market: 97 care homes with 2,449 registered beds, all in Plymouth's area.
    const byHand = cqcHomes();
    expect(byHand).toEqual({ homes: 97, beds: 2449 });
    await cp.goto(`${e2e.steward.baseUrl}/market`);
    await cp.getByRole('heading', { level: 1 }).first().waitFor();
    await cp.getByText('2,449 registered beds').first().waitFor();
    // The banner names the council, and says nothing of synthetic figures.
    await expect
      .poll(() => cp.getByTestId('phase-banner-text').textContent())
      .toBe('This is a new service, set up for Plymouth City Council (E06000026).');
    const summary = await (await cp.request.get(`${e2e.steward.baseUrl}/api/market/summary`)).json();
    expect(summary.careHomes).toBe(97);
    expect(summary.registeredBeds).toBe(2449);
    // Counts written with their noun: no home has sent a capacity return yet.
    await cp.getByText('0 of 97 homes have reported').first().waitFor();
    // Beds by type: every group's figures are 0 until returns arrive, so the chart says so instead of drawing zeros.
    const groups = summary.byGroup as { occupied: number; vacantAccepting: number }[];
    expect(groups.length).toBeGreaterThan(0);
    expect(groups.every((g) => g.occupied === 0 && g.vacantAccepting === 0)).toBe(true);
    const bedsChart = cp.locator('figure.app-chart').filter({ hasText: 'Beds by type: occupied and vacant' });
    await bedsChart.locator('.app-chart__empty').waitFor();
    expect(await bedsChart.locator('svg').count()).toBe(0);
    await expectAccessible(cp, 'Plymouth market');

    // Population: people aged 65+ in mid-2030, as the SNPP file gives them (57,496.427).
    const expected65 = snpp65plus(2030);
    expect(expected65).toBeCloseTo(57496.427, 3);
    const population = await (await cp.request.get(`${e2e.steward.baseUrl}/api/demand/population`)).json();
    const older = population.rows
      .filter((r: { year: number; band: string }) => r.year === 2030 && ['65-74', '75-84', '85+'].includes(r.band))
      .reduce((s: number, r: { people: number }) => s + r.people, 0);
    // The API gives whole people per band: three bands, each within half a person.
    expect(Math.abs(older - expected65)).toBeLessThanOrEqual(1.5);
    expect(older).toBe(57496);

    // Need: dementia among people aged 65+ in 2030, followed to its working (population × rate, line by line).
    await cp.goto(`${e2e.steward.baseUrl}/demand`);
    await cp.getByRole('heading', { level: 1, name: 'Need and demand' }).waitFor();
    await cp.getByText('Plymouth', { exact: false }).first().waitFor();
    await expectAccessible(cp, 'Plymouth need and demand');
    await cp.getByRole('link', { name: /how Dementia \(people aged 65\+\) in 2030 is calculated/ }).click();
    await cp.getByRole('heading', { level: 1, name: /Dementia \(people aged 65\+\), 2030/ }).waitFor();
    const total = Number((await cp.getByText(/^Total: [\d,.]+ people$/).textContent())!.replace(/[^\d.]/g, ''));
    const rows = await cp
      .locator('table tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td, th')].map((c) => c.textContent ?? '')));
    // Each line: people of those ages in 2030 from the SNPP file, × the prevalence shown (persons: the mean of the
    // male and female rates, the file having no sex split). By hand: 15,913 × 1.65% + 13,300 × 3.05% + 10,666 × 5.85%
    // + 9,573 × 10.95% + 5,198 × 18.45% + 2,846 × 30.3% = 4,161.9, shown as 4,162 people (a count is whole).
    expect(rows.map((r) => r[1])).toEqual(['65-69', '70-74', '75-79', '80-84', '85-89', '90+']);
    let byHandTotal = 0;
    for (const [, ages, people, rate] of rows) {
      const [from, to] = ages === '90+' ? [90, 90] : ages.split('-').map(Number);
      const fromFile = snppAges(2030, from, to);
      expect(Number(people.replace(/,/g, ''))).toBe(Math.round(fromFile));
      byHandTotal += (fromFile * Number(rate.replace('%', ''))) / 100;
    }
    expect(byHandTotal).toBeCloseTo(4161.86, 2);
    expect(total).toBe(4162);
    await expectAccessible(cp, 'Plymouth working for a figure');

    // Its acute trust, University Hospitals Plymouth (RK9), as NHS England published it, on the hub's flow page:
    // the latest published day, 31 August 2025, is the files' last row (186 not meeting the criteria to reside, 69
    // discharged).
    const nctrLast = lastRow('trust-RK9-criteria-to-reside.csv');
    const dischargedLast = lastRow('trust-RK9-discharged-patients.csv');
    expect([nctrLast.date, nctrLast.do_not_meet_criteria_to_reside]).toEqual(['2025-08-31', '186']);
    expect([dischargedLast.date, dischargedLast.discharged_total]).toEqual(['2025-08-31', '69']);
    await cp.goto(`${e2e.steward.baseUrl}/discharge/metrics`);
    await cp.getByRole('heading', { level: 1, name: 'Flow and delay metrics' }).waitFor();
    // Named from the NHS trusts reference list: the daily files give the trust's code only.
    await cp
      .getByRole('heading', {
        level: 2,
        name: 'Published figures for the acute trust: University Hospitals Plymouth NHS Trust (RK9)',
      })
      .waitFor();
    await cp
      .locator('figcaption')
      .filter({ hasText: 'University Hospitals Plymouth NHS Trust (RK9): published daily figures' })
      .waitFor();
    const figure = (label: string) => cp.locator('li.app-key-figure').filter({ hasText: `${label}, 31 August 2025` });
    await expect.poll(() => figure('No longer meet the criteria to reside').innerText()).toMatch(/\b186\b/);
    await expect.poll(() => figure('Discharged').innerText()).toMatch(/\b69\b/);
    await expectAccessible(cp, 'Plymouth discharge flow page');
    // Further back, as the API gives the series: on 15 January 2024, 220 patients no longer met the criteria to
    // reside and 116 were discharged (the files' rows for that day).
    const published = await (await cp.request.get(`${e2e.steward.baseUrl}/api/discharge/published?days=1500`)).json();
    expect(published.org.code).toBe('RK9');
    expect(published.series.find((p: { date: string }) => p.date === '2024-01-15')).toEqual({
      date: '2024-01-15',
      nctr: 220,
      dischargedTotal: 116,
    });
    expect(errors).toEqual([]);
    expect(cpErrors).toEqual([]);
  });
});
