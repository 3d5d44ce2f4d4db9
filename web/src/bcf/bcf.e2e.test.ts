// Better Care Fund, end to end, as the "Done when" reads: the BCF lead signs in, sees the joint plan for
// three places with every funding line and scheme, the four metrics against plan with their method, the demand
// and capacity table and the HICM grid; changes a scheme's spend; exports the quarterly return to XLSX and
// re-imports it unchanged. Every page is checked with axe-core.
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { DEMO_ACCOUNTS, describeE2E, expectAccessible, newPage, signIn, useSteward } from '../testing/e2e';
import { FUNDING_LINE_LABELS } from '../../../src/domain/bcf/plan';
import { defaultPlanYear, endedQuarters, quarterLabel } from '../../../src/domain/bcf/period';
import { londonToday } from '../../../src/domain/core/dates';

describeE2E('better care fund', () => {
  const e2e = useSteward({ timeout: 900_000 });

  it('lets the BCF lead review the plan, change a scheme’s spend and round-trip the quarterly return', async () => {
    const { page, errors } = await newPage(e2e.browser);
    const base = e2e.steward.baseUrl;
    await signIn(page, base, DEMO_ACCOUNTS.bcf_lead.email, DEMO_ACCOUNTS.bcf_lead.password);
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Better Care Fund' }).click();
    // The default plan is the borough's own (issue 13: the demo opened on a real joint plan of real boroughs).
    await page.getByRole('heading', { level: 1, name: /^Eastbrook Better Care Fund Plan/ }).waitFor();
    const { plans } = await (await page.request.get(`${base}/api/bcf/plans`)).json();
    expect(plans).toHaveLength(2);
    expect(plans[0].places).toEqual(['Eastbrook (demo borough)']);
    expect(plans[1].places).toEqual(['Barking and Dagenham', 'Havering', 'Redbridge']);
    const joint = plans[1];
    await page.getByRole('navigation', { name: 'Other BCF plans' }).getByRole('link', { name: /Joint/ }).click();
    await page.getByRole('heading', { level: 1, name: /Joint Better Care Fund Plan/ }).waitFor();
    await expectAccessible(page, 'BCF plan and spend');

    // The joint plan (demo data built from a published template): three places, every funding line, every scheme.
    const plan = await (await page.request.get(`${base}/api/bcf/plans/${joint.id}`)).json();
    const fundingTable = page.locator('table', { hasText: 'Income, planned and actual spend by place' });
    for (const place of joint.places) await expect.poll(() => fundingTable.getByText(place).count()).toBeGreaterThan(0);
    for (const line of ['minimum_nhs', 'ibcf', 'dfg', 'discharge_fund_la', 'discharge_fund_icb', 'msif'] as const)
      await expect
        .poll(() => fundingTable.getByText(FUNDING_LINE_LABELS[line], { exact: true }).count())
        .toBeGreaterThan(0);
    const schemeRows = page.locator('table', { hasText: 'Schemes with planned and actual spend' }).locator('tbody tr');
    await expect.poll(() => schemeRows.count()).toBe(plan.schemes.length);
    expect(plan.schemes.length).toBe(30);
    await page.locator('figure svg').first().waitFor();

    // The four metrics with their method.
    await page.getByRole('link', { name: 'Metrics', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'BCF metrics' }).waitFor();
    for (const name of [
      'Avoidable admissions',
      'Falls',
      'Discharge to normal place of residence',
      'Residential admissions',
    ])
      await page.getByRole('heading', { level: 2, name }).waitFor();
    await page.getByText('How falls is calculated').click();
    await expect.poll(() => page.getByText(/Dobson method/).count()).toBeGreaterThan(0);
    await expect
      .poll(() => page.getByText(/267 permanent admissions ÷ 47,918 people aged 65\+ × 100,000 = 557\.2/).count())
      .toBe(1);
    await expect.poll(() => page.locator('figure svg').count()).toBeGreaterThanOrEqual(4);
    await expectAccessible(page, 'BCF metrics');

    // Demand and capacity, with the seed's Home Settle and Support service.
    await page.getByRole('link', { name: 'Demand and capacity', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Intermediate care demand and capacity' }).waitFor();
    await page
      .getByText('Home Settle and Support style welfare service (pathway 0, VCS)', { exact: true })
      .first()
      .waitFor();
    await expect.poll(() => page.getByRole('columnheader', { name: 'Shortfall' }).count()).toBeGreaterThan(1);
    // It opens on the current plan year, as the plan page does, and says so (issue 13: it opened on the next year).
    expect(await page.getByTestId('dc-year').innerText()).toMatch(
      new RegExp(`^Showing ${defaultPlanYear(plan.years, londonToday())}, the current plan year\\.`),
    );
    // No internal values in the page or its chart descriptions (issue 13: "capacity null, shortfall null").
    expect(await page.locator('main').innerText()).not.toMatch(/\bnull\b|\bundefined\b|NaN/);
    expect((await page.locator('figure').allTextContents()).join(' ')).not.toMatch(/\bnull\b/);
    await expectAccessible(page, 'BCF demand and capacity');

    // The HICM grid: nine changes by three places.
    await page.getByRole('link', { name: 'High Impact Change Model', exact: true }).click();
    const grid = page.locator('table', { hasText: 'Maturity by change and place' });
    await expect.poll(() => grid.locator('tbody tr').count()).toBe(9);
    await expect.poll(() => grid.getByRole('columnheader', { name: 'Havering' }).count()).toBe(1);
    await expectAccessible(page, 'BCF HICM');

    // Change a scheme's spend.
    const carers = plan.schemes.find((s: { ref: string }) => s.ref === 'HAV-06');
    const line = carers.funding.find(
      (f: { fundingLine: string; year: string }) => f.fundingLine === 'minimum_nhs' && f.year === plan.years[0],
    );
    await page.goto(`${base}/bcf?plan=${plan.id}`);
    await page.getByRole('link', { name: /HAV-06 Carers support/ }).click();
    await page.getByRole('heading', { level: 1, name: 'HAV-06 Carers support' }).waitFor();
    await expectAccessible(page, 'BCF scheme');
    // The scheme names the register's carers contracts; the risk on one of them is in its risk log.
    const contractsTable = page.locator('table', { hasText: 'EB-CAR-001' });
    await expect
      .poll(() => contractsTable.getByRole('link', { name: /EB-CAR-002 Carers' breaks grant/ }).count())
      .toBe(1);
    const riskTable = page.locator('table', { hasText: 'Linked to' });
    await expect.poll(() => riskTable.getByText('Contract EB-CAR-001 (HAV-06)').count()).toBe(1);
    // Link a register risk to the scheme; the banner links to the register.
    await page
      .getByLabel('Risk', { exact: true })
      .selectOption({ label: 'CON-6 Provider returns data incomplete, weakening contract monitoring' });
    await page.getByRole('button', { name: 'Link risk' }).click();
    await page.getByText('Risk CON-6 linked to scheme HAV-06').waitFor();
    await expect.poll(() => riskTable.getByText('Scheme HAV-06', { exact: true }).count()).toBe(1);
    await expectAccessible(page, 'BCF scheme after linking a risk');
    const input = page.getByLabel(`${FUNDING_LINE_LABELS.minimum_nhs}, ${plan.years[0]}`);
    const newPence = line.plannedPence + 25_000_00;
    await input.fill((newPence / 100).toFixed(2));
    await page.getByRole('button', { name: 'Save planned spend' }).click();
    await page.getByText('Planned spend for HAV-06 saved').waitFor();
    const after = await (await page.request.get(`${base}/api/bcf/plans/${plan.id}`)).json();
    const changed = after.schemes.find((s: { ref: string }) => s.ref === 'HAV-06');
    expect(
      changed.funding.find(
        (f: { fundingLine: string; year: string }) => f.fundingLine === 'minimum_nhs' && f.year === plan.years[0],
      ).plannedPence,
    ).toBe(newPence);

    // Export the quarterly return and re-import it unchanged.
    await page.goto(`${base}/bcf/returns?plan=${plan.id}`);
    await page.getByRole('heading', { level: 1, name: 'BCF returns' }).waitFor();
    await expectAccessible(page, 'BCF returns');
    const quarter = await page.getByLabel('Quarter').inputValue();
    const link = page.getByRole('link', { name: `Download the ${quarter} return (Excel XLSX)` });
    const href = await link.getAttribute('href');
    const xlsx = await page.request.get(`${base}${href}`);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    const bytes = await xlsx.body();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    // The plan's id travels on a very hidden sheet, so no user sees it (review 13, finding 19).
    expect(wb.worksheets.filter((w) => w.state === 'veryHidden').map((w) => w.name)).toEqual(['Steward']);
    expect(wb.worksheets.filter((w) => w.state !== 'veryHidden').map((w) => w.name)).toEqual([
      'Cover',
      'Income',
      'Expenditure',
      'Metrics',
      'Demand and capacity',
      'Narrative',
      'Risks',
    ]);
    // The risk log comes from the risk register: the BCF risk log's five on the plan, the carers' hub risk through
    // the contract HAV-06 names.
    const riskRefs = (wb.getWorksheet('Risks')!.getSheetValues() as unknown as (string | number)[][])
      .slice(5)
      .map((r) => r?.[1]);
    expect(riskRefs).toEqual(expect.arrayContaining(['BCF-1', 'BCF-5', 'CON-1', 'CON-2']));
    await page.getByLabel('Filled return (Excel XLSX)').setInputFiles({
      name: 'bcf-return.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: bytes,
    });
    await page.getByRole('button', { name: 'Import return' }).click();
    await page.getByText(/bcf-return\.xlsx imported: 30 schemes/).waitFor();
    const reimported = await (await page.request.get(`${base}/api/bcf/plans/${plan.id}`)).json();
    expect(reimported.schemes).toEqual(after.schemes);
    expect(reimported.income).toEqual(after.income);
    expect(reimported.checks).toEqual(after.checks);
    const again = await (await page.request.get(`${base}${href}`)).body();
    const sheets = async (b: Buffer) => {
      const w = new ExcelJS.Workbook();
      await w.xlsx.load(b as unknown as ArrayBuffer);
      return w.worksheets.map((ws) =>
        ws
          .getSheetValues()
          .slice(1)
          .map((r) => JSON.stringify(r))
          .filter((r) => !r.includes('Produced on')),
      );
    };
    expect(await sheets(again)).toEqual(await sheets(bytes));
    await expectAccessible(page, 'BCF returns after import');

    // The borough's own plan: its admissions and discharges home computed by Steward, recomputed on request.
    await page.getByRole('link', { name: 'Plan and spend', exact: true }).click();
    await page
      .getByRole('navigation', { name: 'Other BCF plans' })
      .getByRole('link', { name: /Eastbrook/ })
      .click();
    await page.getByRole('heading', { level: 1, name: /^Eastbrook Better Care Fund Plan/ }).waitFor();
    await page.getByText('Plan for Eastbrook (demo borough).', { exact: false }).waitFor();
    await page.getByRole('link', { name: 'Metrics', exact: true }).click();
    await page.getByText(/are computed by Steward for every complete quarter/).waitFor();
    await page.getByRole('button', { name: 'Recompute Eastbrook (demo borough)’s figures from Steward' }).click();
    await page.getByText(/^Recomputed \d+ quarterly figures for Eastbrook \(demo borough\)/).waitFor();
    await page.getByText('How residential admissions is calculated').click();
    await expect.poll(() => page.getByText(/Steward placements/).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'BCF metrics of the borough’s own plan');
    // The joint plan's places are not the borough: the page says why nothing is recomputed there.
    await page.goto(`${base}/bcf/metrics?plan=${joint.id}`);
    await page.getByText(/which is not a place of this plan/).waitFor();
    expect(errors).toEqual([]);
  }, 600_000);

  it('asks before removing a scheme’s links, offers ended quarters, dates HICM from 2015, words import problems (issue 13)', async () => {
    const { page, errors } = await newPage(e2e.browser);
    const base = e2e.steward.baseUrl;
    await signIn(page, base, DEMO_ACCOUNTS.bcf_lead.email, DEMO_ACCOUNTS.bcf_lead.password);
    const { plans } = await (await page.request.get(`${base}/api/bcf/plans`)).json();
    const joint = plans[1];
    const plan = await (await page.request.get(`${base}/api/bcf/plans/${joint.id}`)).json();

    // Finding 17: removing a contract link asks first; "No" keeps it, "Yes" removes it.
    const carers = plan.schemes.find((s: { ref: string }) => s.ref === 'HAV-06');
    await page.goto(`${base}/bcf/schemes/${carers.id}?plan=${joint.id}`);
    await page.getByRole('heading', { level: 1, name: 'HAV-06 Carers support' }).waitFor();
    const contractsTable = page.locator('table', { hasText: 'EB-CAR-001' });
    await page.getByRole('button', { name: 'Remove EB-CAR-002' }).click();
    await page.getByRole('heading', { name: 'Remove this contract link?' }).waitFor();
    await expectAccessible(page, 'BCF scheme, confirming a contract unlink');
    await page.getByRole('button', { name: 'No, keep it' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Remove this contract link?' }).count()).toBe(0);
    await expect.poll(() => contractsTable.getByRole('link', { name: /EB-CAR-002/ }).count()).toBe(1);
    let now = await (await page.request.get(`${base}/api/bcf/plans/${joint.id}`)).json();
    expect(now.schemes.find((s: { id: string }) => s.id === carers.id).contractIds).toEqual(carers.contractIds);
    await page.getByRole('button', { name: 'Remove EB-CAR-002' }).click();
    await page.getByRole('button', { name: 'Yes, remove the link' }).click();
    await page.getByText('Contract EB-CAR-002 is no longer linked to HAV-06').waitFor();
    now = await (await page.request.get(`${base}/api/bcf/plans/${joint.id}`)).json();
    expect(now.schemes.find((s: { id: string }) => s.id === carers.id).contractIds).toHaveLength(
      carers.contractIds.length - 1,
    );
    // The same for a risk link.
    await page.getByLabel('Risk', { exact: true }).selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Link risk' }).click();
    await page.getByText(/^Risk .* linked to scheme HAV-06$/).waitFor();
    const removeLink = page.getByRole('button', { name: /^Remove link for / }).first();
    await removeLink.click();
    await page.getByRole('heading', { name: 'Remove this risk link?' }).waitFor();
    await page.getByRole('button', { name: 'Yes, remove the link' }).click();
    await page.getByText(/is no longer linked to this plan \(it stays in the risk register\)/).waitFor();

    // Finding 11: the Returns page offers only quarters that have ended, the latest chosen.
    await page.goto(`${base}/bcf/returns?plan=${joint.id}`);
    await page.getByRole('heading', { level: 1, name: 'BCF returns' }).waitFor();
    const ended = endedQuarters(plan.years, londonToday()).map(quarterLabel);
    expect(await page.getByLabel('Quarter').inputValue()).toBe(ended[0]);
    expect(await page.getByLabel('Quarter').locator('option').allTextContents()).toEqual(ended);

    // Finding 18: problems in a filled return are in words, each linked to the file input.
    const href = await page
      .getByRole('link', { name: `Download the ${ended[0]} return (Excel XLSX)` })
      .getAttribute('href');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await (await page.request.get(`${base}${href}`)).body()) as unknown as ArrayBuffer);
    const exp = wb.getWorksheet('Expenditure')!;
    const header = (exp.getRow(4).values as unknown[]).slice(1) as string[];
    exp.getRow(9).getCell(header.indexOf('Q2 actual (£)') + 1).value = -20;
    await page.getByLabel('Filled return (Excel XLSX)').setInputFiles({
      name: 'bad-return.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await wb.xlsx.writeBuffer()),
    });
    await page.getByRole('button', { name: 'Import return' }).click();
    const problem = page
      .locator('.govuk-error-summary')
      .getByRole('link', { name: 'Expenditure sheet, row 9, Q2 actual (£): enter an amount of £0 or more' });
    await problem.waitFor();
    expect(await problem.getAttribute('href')).toBe('#return-file');
    await expectAccessible(page, 'BCF returns with import problems');

    // Finding 14: an assessment dated 1990 is refused in words; the confirmation names the change.
    await page.goto(`${base}/bcf/hicm?plan=${joint.id}`);
    await page.getByRole('heading', { level: 1, name: /High Impact Change Model/ }).waitFor();
    await page.getByLabel('Place').selectOption({ label: 'Havering' });
    await page.getByLabel('Change', { exact: true }).selectOption({ index: 1 });
    await page.getByLabel('Maturity level', { exact: true }).selectOption({ label: 'Established' });
    await page.getByLabel('Evidence').fill('Discharge planning starts on admission on every ward.');
    await page.getByLabel('Day').fill('1');
    await page.getByLabel('Month').fill('6');
    await page.getByLabel('Year').fill('1990');
    await page.getByRole('button', { name: 'Record assessment' }).click();
    await page
      .locator('.govuk-error-summary')
      .getByText('The date assessed must be in 2015 or later: the High Impact Change Model was first published in 2015')
      .waitFor();
    await page.getByLabel('Year').fill('2026');
    await page.getByRole('button', { name: 'Record assessment' }).click();
    await page.getByText('Assessment of change 1, Early discharge planning, for Havering recorded').waitFor();
    expect(errors).toEqual([]);
  }, 600_000);
});
