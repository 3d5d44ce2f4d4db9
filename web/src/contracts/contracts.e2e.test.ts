// Contracts and delivery, end to end: a commissioner sees the contracts ending in the next 12 months and the
// state of each recommissioning, the procurement timeline, the delivery plan (exported in Halton's layout)
// and the risks; a provider submits a KPI return and answers a draft quality assessment from its own login.
// Every page is checked with axe-core.
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { DEMO_ACCOUNTS, describeE2E, expectAccessible, newPage, signIn, useSteward, choose } from '../testing/e2e';
import { DEMO_PASSWORD, demoProviderEmail, slugify } from '../../../src/demo/users';
import { FEATURED_PROVIDER_NAME } from '../../../src/demo/marketGenerator';

describeE2E('contracts and delivery', () => {
  const e2e = useSteward({ timeout: 900_000 });

  it('shows a commissioner the contracts ending in the next 12 months and how each recommissioning stands', async () => {
    const { page, errors } = await newPage(e2e.browser);
    await signIn(page, e2e.steward.baseUrl, DEMO_ACCOUNTS.commissioner.email, DEMO_ACCOUNTS.commissioner.password);
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Contracts and delivery' }).click();
    await page.getByRole('heading', { level: 1, name: 'Contracts and delivery' }).waitFor();
    await expectAccessible(page, 'contracts overview');

    const api = await (
      await page.request.get(`${e2e.steward.baseUrl}/api/contracts/recommissioning?horizon=12`)
    ).json();
    expect(api.entries.length).toBeGreaterThanOrEqual(8);
    await page.getByRole('link', { name: 'Contracts ending within 12 months' }).click();
    await page.getByRole('heading', { level: 1, name: 'Recommissioning' }).waitFor();
    await expectAccessible(page, 'recommissioning list');
    const rows = page.locator('table.govuk-table tbody tr');
    await expect.poll(() => rows.count()).toBe(api.entries.length);
    const hub = rows.filter({ hasText: 'EB-CAR-001' });
    await expect
      .poll(() =>
        hub.getByText(/Procurement cannot finish before the contract ends \(\d+ days without cover\)/).count(),
      )
      .toBe(1);
    await expect.poll(() => hub.getByText('Re-tender').count()).toBe(1);
    // Six months is a subset.
    await choose(page.getByLabel('6 months'));
    await page.waitForURL(/horizon=6/);
    const six = await (await page.request.get(`${e2e.steward.baseUrl}/api/contracts/recommissioning?horizon=6`)).json();
    await expect.poll(() => rows.count()).toBe(six.entries.length);

    await page.goto(`${e2e.steward.baseUrl}/contracts/procurements`);
    await page.getByRole('heading', { level: 1, name: 'Procurement timeline' }).waitFor();
    await page.locator('figure svg').first().waitFor();
    await expect
      .poll(() => page.getByText(/Carers' Hub re-tender cannot go live before the current contract ends/).count())
      .toBe(1);
    await expectAccessible(page, 'procurement timeline');

    await page.goto(`${e2e.steward.baseUrl}/contracts/register`);
    await page.getByRole('heading', { level: 1, name: 'Contract register' }).waitFor();
    const carers = (
      await (
        await page.request.get(`${e2e.steward.baseUrl}/api/contracts/contracts?serviceArea=carers&status=live`)
      ).json()
    ).contracts;
    expect(carers.map((c: { reference: string }) => c.reference).sort()).toEqual([
      'EB-CAR-001',
      'EB-CAR-002',
      'EB-CAR-003',
    ]);
    await page.getByLabel('Service area').selectOption('carers');
    await expect.poll(() => page.locator('table.govuk-table tbody tr').count()).toBe(3);
    await expectAccessible(page, 'contract register');

    await page.goto(`${e2e.steward.baseUrl}/contracts/delivery-plan`);
    await page.getByRole('heading', { level: 2, name: 'Priority 1 – Universal Prevention & Wellbeing' }).waitFor();
    await expectAccessible(page, 'delivery plan');
    const xlsx = await page.request.get(`${e2e.steward.baseUrl}/api/contracts/delivery-plan.xlsx`);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(String(ws.getCell('A2').value)).toBe('Priority 1 – Universal Prevention & Wellbeing');
    expect((ws.getRow(3).values as unknown[]).slice(1, 7).map((v) => String(v).replace(/ \(.*\)$/, ''))).toEqual([
      'Commissioning Intention',
      'Action to be Undertaken',
      'Year 1',
      'Year 2',
      'Year 3',
      'Responsible Service Area',
    ]);

    await page.goto(`${e2e.steward.baseUrl}/contracts/risks`);
    await page.getByRole('cell', { name: 'Workforce – recruitment and retention' }).waitFor();
    await expectAccessible(page, 'risk register');
    await page.goto(`${e2e.steward.baseUrl}/contracts/kpis`);
    await page.getByRole('heading', { level: 1, name: 'KPI returns' }).waitFor();
    await expectAccessible(page, 'KPI returns (staff)');

    // A register with a bad row is refused whole, with the line and the column named by its heading in the file.
    await page.goto(`${e2e.steward.baseUrl}/contracts/register/import`);
    await page.getByRole('heading', { level: 1, name: 'Import a contract register' }).waitFor();
    await expectAccessible(page, 'import page');
    const csv =
      'Contract reference,Title,Provider,Service area,Care group,Contract form,Funding source,Total value (£),Start date,End date\nEB-NEW-1,Befriending,Eastbrook Befriending Network,Prevention,Older people,Grant,BCF,"£96,000",01/04/2026,31/03/2028\nEB-NEW-2,Meals,Eastbrook Community Meals CIC,Prevention,Older people,Block,BCF,lots,01/04/2026,31/03/2028\n';
    await page
      .getByLabel('Contract register (CSV or Excel)')
      .setInputFiles({ name: 'register.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Import register' }).click();
    await page
      .locator('.govuk-error-summary')
      .getByText(/line 3: Total value \(£\): Total value "lots" is not an amount in pounds/)
      .waitFor();
    await expectAccessible(page, 'import page with errors');
    const none = (await (await page.request.get(`${e2e.steward.baseUrl}/api/contracts/contracts?search=EB-NEW`)).json())
      .contracts;
    expect(none).toEqual([]);
    await page.getByLabel('Contract register (CSV or Excel)').setInputFiles({
      name: 'register.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv.replace('lots', '410000')),
    });
    await page.getByRole('button', { name: 'Import register' }).click();
    await page.getByRole('alert').getByText('register.csv imported: 2 contracts added, 0 updated').waitFor();
    expect(errors).toEqual([]);
  });

  it('lets a provider submit a KPI return and answer a draft assessment from its own login', async () => {
    const { page, errors } = await newPage(e2e.browser);
    await signIn(page, e2e.steward.baseUrl, demoProviderEmail(slugify(FEATURED_PROVIDER_NAME)), DEMO_PASSWORD);
    // The server refuses commissioners' lists to a provider.
    expect((await page.request.get(`${e2e.steward.baseUrl}/api/contracts/recommissioning`)).status()).toBe(403);

    await page.goto(`${e2e.steward.baseUrl}/contracts/kpis`);
    await page.getByRole('heading', { level: 1, name: 'Your KPI returns' }).waitFor();
    await expectAccessible(page, 'provider KPI returns');
    const before = (await (await page.request.get(`${e2e.steward.baseUrl}/api/contracts/kpis`)).json()).kpis;
    expect(new Set(before.map((k: { providerName: string }) => k.providerName))).toEqual(
      new Set([FEATURED_PROVIDER_NAME]),
    );
    const occupancy = before.find((k: { name: string }) => k.name === 'Block bed occupancy');
    const open = occupancy.returns.filter((r: { state: string }) => r.state === 'awaited' || r.state === 'overdue');
    const period = open[open.length - 1];

    await page.getByRole('button', { name: 'Submit return' }).first().click();
    await page
      .locator('.govuk-error-summary')
      .getByRole('link', { name: 'Enter the block bed occupancy as a number' })
      .waitFor();
    await expectAccessible(page, 'KPI return with an error');
    await page.getByLabel('Block bed occupancy (%)').fill('93.5');
    await page.getByRole('button', { name: 'Submit return' }).first().click();
    await page.getByRole('alert').getByText(`Return for ${period.label} submitted`).waitFor();
    const after = (await (await page.request.get(`${e2e.steward.baseUrl}/api/contracts/kpis`)).json()).kpis.find(
      (k: { id: string }) => k.id === occupancy.id,
    );
    expect(after.returns.find((r: { periodStart: string }) => r.periodStart === period.periodStart)).toMatchObject({
      value: 93.5,
      rag: 'green',
      state: period.state === 'overdue' ? 'late' : 'on_time',
    });
    // The period offered next is the next one outstanding, never the one just submitted.
    const section = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Block bed occupancy' }) });
    const stillOpen = after.returns.filter((r: { state: string }) => r.state === 'awaited' || r.state === 'overdue');
    const periodSelect = section.getByLabel('Period', { exact: true });
    if (stillOpen.length) {
      expect(await periodSelect.inputValue()).toBe(stillOpen[stillOpen.length - 1].periodStart);
      expect(await periodSelect.locator('option').allTextContents()).not.toContain(
        expect.stringContaining(period.label),
      );
    }
    // A submitted return can be amended, with a reason, and keeps its history.
    await section.getByRole('button', { name: `Amend the return for ${period.label}` }).click();
    await section.getByLabel('Block bed occupancy (%)').last().fill('-10');
    await section.getByRole('button', { name: 'Amend return' }).click();
    // Every problem at once: the value's bound and the missing reason.
    const summary = page.locator('.govuk-error-summary').filter({ hasText: 'Enter why the figure is being amended' });
    await summary.getByRole('link', { name: 'Block bed occupancy must be a percentage from 0 to 100' }).waitFor();
    await expectAccessible(page, 'KPI amendment with errors');
    await section.getByLabel('Block bed occupancy (%)').last().fill('91.5');
    await section.getByLabel('Why are you amending it?').fill('Two respite beds were counted as occupied');
    await section.getByRole('button', { name: 'Amend return' }).click();
    await page.getByRole('alert').getByText(`Return for ${period.label} amended from 93.5 to 91.5`).waitFor();
    await section.getByText(/^Amended returns/).click();
    await section.getByText(/93\.5%.*Two respite beds were counted as occupied/).waitFor();
    await expectAccessible(page, 'amended KPI return');

    await page.goto(`${e2e.steward.baseUrl}/contracts/assessments`);
    await page.getByRole('heading', { level: 1, name: 'Your quality assessments' }).waitFor();
    await expectAccessible(page, 'provider assessments');
    await page.getByRole('row').filter({ hasText: 'With provider for challenge' }).getByRole('link').click();
    await page.getByRole('heading', { level: 2, name: 'Your response' }).waitFor();
    await expectAccessible(page, 'draft assessment');
    await choose(page.getByLabel('Challenge the draft'));
    await page.getByRole('button', { name: 'Send response' }).click();
    await page.locator('.govuk-error-summary').getByRole('link', { name: 'Say what you challenge and why' }).waitFor();
    await page
      .getByLabel('Comments')
      .fill('Two permanent night staff started after the visit; agency use is now below 10%.');
    await page.getByRole('button', { name: 'Send response' }).click();
    await page.getByRole('alert').getByText('Your challenge has been sent to the quality team').waitFor();
    await expect.poll(() => page.getByText('Two permanent night staff started after the visit').count()).toBe(1);
    await expectAccessible(page, 'answered assessment');
    expect(errors).toEqual([]);
  });

  it('lets the quality officer publish the challenged assessment into the market register, and a commissioner review a risk', async () => {
    const { page, errors } = await newPage(e2e.browser);
    await signIn(
      page,
      e2e.steward.baseUrl,
      DEMO_ACCOUNTS.quality_officer.email,
      DEMO_ACCOUNTS.quality_officer.password,
    );
    await page.goto(`${e2e.steward.baseUrl}/contracts/assessments`);
    await page.getByRole('heading', { level: 1, name: 'Quality assessments' }).waitFor();
    await expectAccessible(page, 'assessments (quality officer)');
    await page
      .getByRole('row')
      .filter({ hasText: 'Rosewood Lodge' })
      .filter({ hasText: 'Challenged' })
      .getByRole('link')
      .click();
    await page.getByRole('heading', { level: 2, name: 'Provider’s response' }).waitFor();
    // The officer answers the challenge: revise (here the summary; the ratings stand), then publish.
    await page.getByRole('heading', { level: 2, name: 'Answer the challenge' }).waitFor();
    await page.getByRole('button', { name: 'Revise ratings' }).click();
    await page.getByLabel('Summary').fill('Night staffing evidence reviewed: ratings stand until the next visit.');
    await expectAccessible(page, 'revising a challenged assessment');
    await page.getByRole('button', { name: 'Save revised ratings' }).click();
    await page.getByRole('alert').getByText('Assessment saved with its ratings unchanged').waitFor();
    await page.getByText('Night staffing evidence reviewed').first().waitFor();
    await page.getByRole('button', { name: 'Publish' }).click();
    await page
      .getByRole('alert')
      .getByText('Assessment published: the rating now shows in the market register')
      .waitFor();
    await expectAccessible(page, 'published assessment');
    const published = await (
      await page.request.get(page.url().replace('/contracts/assessments/', '/api/contracts/assessments/'))
    ).json();
    expect(published).toMatchObject({ status: 'published', actionPlanState: 'due' });
    const locations = (
      await (await page.request.get(`${e2e.steward.baseUrl}/api/contracts/assessable-locations`)).json()
    ).locations;
    expect(locations.find((l: { name: string }) => l.name === 'Rosewood Lodge').councilQualityRating).toBe(
      published.overall,
    );

    await page.goto(`${e2e.steward.baseUrl}/contracts/concerns`);
    await page.getByRole('heading', { level: 1, name: 'Provider concerns and safeguarding referrals' }).waitFor();
    await expectAccessible(page, 'provider concerns');
    await page.getByRole('link', { name: 'Sign out' }).click();

    await signIn(page, e2e.steward.baseUrl, DEMO_ACCOUNTS.commissioner.email, DEMO_ACCOUNTS.commissioner.password);
    await page.goto(`${e2e.steward.baseUrl}/contracts/risks`);
    await page
      .getByLabel('Risk', { exact: true })
      .selectOption({ label: 'BCF-5 Move to Place and potential inequity' });
    await choose(page.getByRole('group', { name: /Likelihood/ }).getByLabel('2'));
    await page.getByRole('button', { name: 'Record review' }).click();
    await page.getByRole('alert').getByText('BCF-5 re-scored at 6').waitFor();
    const risks = (await (await page.request.get(`${e2e.steward.baseUrl}/api/contracts/risks`)).json()).risks;
    const bcf5 = risks.find((r: { reference: string }) => r.reference === 'BCF-5');
    expect([bcf5.score, bcf5.trend, bcf5.history.map((h: { score: number }) => h.score)]).toEqual([
      6,
      'falling',
      [9, 9, 6],
    ]);
    await expectAccessible(page, 'risk register after a review');
    expect(errors).toEqual([]);
  });
});
