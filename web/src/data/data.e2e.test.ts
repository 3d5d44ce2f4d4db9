// The administrator's Data page: an upload refused with its line-and-field problems (nothing saved), then a good
// file imported, listed with its file, who imported it and its rows. Each state is checked with axe-core.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { DEMO_ACCOUNTS, describeE2E, expectAccessible, newPage, signIn, useSteward } from '../testing/e2e';

const fixture = readFileSync(
  path.join(
    import.meta.dirname,
    '..',
    '..',
    '..',
    'src',
    'importers',
    'fixtures',
    'cqc-api',
    'torbay-6-locations.ndjson',
  ),
  'utf8',
);

describeE2E('data: datasets and uploads', () => {
  const e2e = useSteward();

  it('refuses a bad file with its problems, then imports a good one and lists it', async () => {
    const { page, errors } = await newPage(e2e.browser);
    await signIn(page, e2e.steward.baseUrl, DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.admin.password);
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Data' }).click();
    await page.getByRole('heading', { level: 1, name: 'Data' }).waitFor();
    await expectAccessible(page, 'data page');
    const datasets = page.getByRole('table', { name: 'Datasets' });
    await datasets.getByRole('cell', { name: /^CQC location records/ }).waitFor();
    // Each dataset by its plain name (issue 13: the list showed "bcf-activity: Hospital activity … gss_code, …").
    expect(await page.getByLabel('What the file is').locator('option').allTextContents()).toContain(
      'Hospital activity for the Better Care Fund metrics',
    );
    await datasets.getByRole('columnheader', { name: 'Source' }).waitFor();
    await datasets.getByRole('cell', { name: 'Office for National Statistics (ONS) via NOMIS' }).waitFor();

    // Nothing chosen: both fields reported.
    await page.getByRole('button', { name: 'Upload and import' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.getByRole('link', { name: 'Choose what the file is' }).waitFor();
    await summary.getByRole('link', { name: 'Choose a file to upload' }).waitFor();

    // A file with one bad record: refused, the problem listed with its line and field.
    const lines = fixture.trimEnd().split('\n');
    lines[3] = lines[3].replace(/"numberOfBeds": \d+/, '"numberOfBeds": "many"');
    await page.getByLabel('What the file is').selectOption('cqc-locations');
    // The file it takes, by the dataset's plain name (as `steward import --help` lists it).
    await page.locator('#file-hint').getByText('CQC location records: a JSON file', { exact: true }).waitFor();
    await page.getByLabel('File', { exact: true }).setInputFiles({
      name: 'torbay-broken.ndjson',
      mimeType: 'application/json',
      buffer: Buffer.from(lines.join('\n')),
    });
    await page.getByRole('button', { name: 'Upload and import' }).click();
    await summary
      .getByRole('link', {
        name: 'torbay-broken.ndjson was not imported: 1 problem found in torbay-broken.ndjson; nothing was saved',
      })
      .waitFor();
    const problems = page.getByRole('table', { name: 'Problems in torbay-broken.ndjson' });
    await expect
      .poll(() => problems.locator('tbody tr').allInnerTexts())
      .toEqual([expect.stringMatching(/^4\s+numberOfBeds\s+"many" is not a number of beds$/)]);
    await expectAccessible(page, 'data page with a refused file');
    const before = await page.request.get(`${e2e.steward.baseUrl}/api/data/datasets`);
    const cqcBefore = ((await before.json()) as { datasets: { kind: string; imports: number }[] }).datasets.find(
      (d) => d.kind === 'cqc-locations',
    );
    expect(cqcBefore?.imports).toBe(0);

    // The good file.
    await page.getByLabel('File', { exact: true }).setInputFiles({
      name: 'torbay.ndjson',
      mimeType: 'application/json',
      buffer: Buffer.from(fixture),
    });
    await page.getByRole('button', { name: 'Upload and import' }).click();
    const banner = page
      .getByRole('region', { name: 'Success' })
      .or(page.locator('.govuk-notification-banner--success'));
    await banner.getByText('torbay.ndjson imported').waitFor();
    await banner.getByText(/6 adult social care locations read/).waitFor();
    const row = datasets.getByRole('row', { name: /CQC location records/ });
    await expect.poll(() => row.innerText()).toMatch(/torbay\.ndjson[\s\S]*admin@e2e\.steward\.test[\s\S]*\b6\b/);
    await expectAccessible(page, 'data page after an import');
    expect(errors).toEqual([]);
  });

  it('passes an importer option (the discharge trust), refusing a wrong one on its field', async () => {
    const { page, errors } = await newPage(e2e.browser);
    await signIn(page, e2e.steward.baseUrl, DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.admin.password);
    await page.goto(`${e2e.steward.baseUrl}/data`);
    await page.getByRole('heading', { level: 1, name: 'Data' }).waitFor();
    await page.getByLabel('What the file is').selectOption('discharge-delays');
    const trust = page.getByLabel('Local acute trust’s ODS code (optional)');
    await trust.fill('Plymouth');
    await page.getByLabel('File', { exact: true }).setInputFiles({
      name: 'RK9_criteria_to_reside.csv',
      mimeType: 'text/csv',
      buffer: readFileSync(
        path.join(import.meta.dirname, '../../../src/importers/fixtures/discharge/RK9_criteria_to_reside.csv'),
      ),
    });
    await page.getByRole('button', { name: 'Upload and import' }).click();
    const wrong = '"Plymouth" is not an NHS trust’s ODS code: use its three letters or digits, like RK9';
    const link = page.locator('.govuk-error-summary').getByRole('link', { name: wrong });
    await link.waitFor();
    await expect.poll(() => link.getAttribute('href')).toBe('#trust');
    await expect.poll(() => page.locator('#trust-error').textContent()).toContain(wrong);
    await expectAccessible(page, 'data page with a wrong option');

    await trust.fill('rk9');
    await page.getByRole('button', { name: 'Upload and import' }).click();
    const banner = page.locator('.govuk-notification-banner--success');
    await banner.getByText('the flow page shows University Hospitals Plymouth NHS Trust (RK9)').waitFor();
    expect(errors).toEqual([]);
  });
});
