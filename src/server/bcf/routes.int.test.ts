import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithDatabases } from '../../db/testing.js';
import { createRng } from '../../domain/core/random.js';
import { londonToday } from '../../domain/core/dates.js';
import { defaultPlanYear } from '../../domain/bcf/period.js';
import { loadBcfDemo } from '../../demo/bcf.js';
import { putBorough } from '../../db/core/settings.js';
import { anonymous, createTestApp, signInAs, type TestClient } from '../testing.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describeWithDatabases('bcf routes', (ctx) => {
  let app: FastifyInstance;
  let planId: string;
  let lead: TestClient;
  beforeAll(async () => {
    app = await createTestApp(ctx.database);
    await putBorough(ctx.db, { name: 'Test borough', gssCode: 'E09000099', synthetic: true });
    planId = (
      await loadBcfDemo(ctx.db, { asAt: new Date('2026-11-30T00:00:00Z'), rng: (s) => createRng(1, `bcf/${s}`) })
    ).planId;
    lead = await signInAs(app, 'bcf_lead');
  });
  afterAll(async () => app.close());

  it('shows the joint plan for three places with every funding line, schemes and condition checks', async () => {
    const res = await lead.get(`/api/bcf/plans/${planId}`);
    expect(res.statusCode).toBe(200);
    const plan = res.json();
    expect(plan.places.map((p: { name: string }) => p.name)).toEqual(['Barking and Dagenham', 'Havering', 'Redbridge']);
    expect(plan.years).toEqual(['2026/27', '2027/28']);
    expect(plan.baselineYear).toBe('2025/26');
    expect(new Set(plan.income.map((i: { fundingLine: string }) => i.fundingLine))).toEqual(
      new Set([
        'minimum_nhs',
        'ibcf',
        'dfg',
        'discharge_fund_la',
        'discharge_fund_icb',
        'msif',
        'additional_la',
        'additional_icb',
      ]),
    );
    expect(plan.schemes).toHaveLength(30);
    const havering = plan.places.find((p: { name: string }) => p.name === 'Havering').id;
    expect(
      plan.income.find(
        (i: { placeId: string; fundingLine: string; year: string }) =>
          i.placeId === havering && i.fundingLine === 'msif' && i.year === '2026/27',
      ).amountPence,
    ).toBe(235_500_000); // £2.355m (seed 001)
    const unmet = plan.checks.filter((c: { met: boolean }) => !c.met);
    expect(unmet).toHaveLength(1);
    expect(unmet[0].detail).toContain('£250,000');
    expect(plan.canEdit).toBe(true);
    // The home dashboard's BCF section says the same.
    const dash = (await lead.get('/api/dashboard')).json();
    const bcf = dash.sections.find((x: { area: string }) => x.area === 'bcf');
    expect(bcf.figures.find((f: { key: string }) => f.key === 'bcfChecksNotMet').value).toBe(0); // the gap is next year's
  });

  it('computes the metrics with the seed’s baseline figures and explains them', async () => {
    const res = await lead.get(`/api/bcf/plans/${planId}/metrics`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const byPlace = (name: string) => body.places.find((p: { name: string }) => p.name === name).id;
    const residential = (name: string) =>
      body.metrics.find(
        (m: { placeId: string; definition: { key: string } }) =>
          m.placeId === byPlace(name) && m.definition.key === 'residential_admissions',
      );
    const base = (name: string) => Math.round(residential(name).years[0].actual * 10) / 10;
    expect(base('Havering')).toBe(557.2);
    expect(base('Barking and Dagenham')).toBe(789.6);
    expect(base('Redbridge')).toBe(460.9);
    expect(residential('Havering').years[1].plan).toBeCloseTo(550.1 / 2, 6); // two quarters reported
    const falls = body.metrics.find((m: { definition: { key: string } }) => m.definition.key === 'falls');
    expect(falls.definition.method).toContain('Dobson');
    expect(falls.years[0].lower).toBeLessThan(falls.years[0].actual);
    expect(falls.years[0].upper).toBeGreaterThan(falls.years[0].actual);
    expect(falls.years[0].quartersReported).toBe(4);
  });

  it('lets viewers read but not write, and refuses brokers’ writes and anonymous users', async () => {
    const viewer = await signInAs(app, 'viewer');
    expect((await viewer.get(`/api/bcf/plans/${planId}`)).json().canEdit).toBe(false);
    const plan = (await lead.get(`/api/bcf/plans/${planId}`)).json();
    const scheme = plan.schemes[0];
    const body = { funding: [{ fundingLine: 'minimum_nhs', year: '2026/27', plannedPence: 1 }] };
    expect((await viewer.patch(`/api/bcf/schemes/${scheme.id}/spend`, body)).statusCode).toBe(403);
    const broker = await signInAs(app, 'broker');
    expect((await broker.patch(`/api/bcf/schemes/${scheme.id}/spend`, body)).statusCode).toBe(403);
    expect((await anonymous(app).get(`/api/bcf/plans`)).statusCode).toBe(401);
  });

  it('changes a scheme’s spend, validated, audited, and the checks follow', async () => {
    const plan = (await lead.get(`/api/bcf/plans/${planId}`)).json();
    const scheme = plan.schemes.find((s: { ref: string }) => s.ref === 'HAV-06');
    const bad = await lead.patch(`/api/bcf/schemes/${scheme.id}/spend`, {
      funding: [{ fundingLine: 'minimum_nhs', year: '2031/32', plannedPence: 100 }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toContain('year');
    const neg = await lead.patch(`/api/bcf/schemes/${scheme.id}/spend`, {
      funding: [{ fundingLine: 'minimum_nhs', year: '2026/27', plannedPence: -5 }],
    });
    expect(neg.statusCode).toBe(400);
    const current = scheme.funding.find(
      (f: { fundingLine: string; year: string }) => f.fundingLine === 'minimum_nhs' && f.year === '2026/27',
    );
    const res = await lead.patch(`/api/bcf/schemes/${scheme.id}/spend`, {
      funding: [{ fundingLine: 'minimum_nhs', year: '2026/27', plannedPence: current.plannedPence + 10_000_00 }],
    });
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .funding.find(
          (f: { fundingLine: string; year: string }) => f.fundingLine === 'minimum_nhs' && f.year === '2026/27',
        ).plannedPence,
    ).toBe(current.plannedPence + 10_000_00);
    const after = (await lead.get(`/api/bcf/plans/${planId}`)).json();
    const check = after.checks.find(
      (c: { key: string; placeId: string; year: string }) =>
        c.key === 'balanced_minimum_nhs' && c.placeId === scheme.placeId && c.year === '2026/27',
    );
    expect(check.met).toBe(false);
    expect(check.detail).toBe('£10,000 more planned than the £22,480,000 income');
    // Put it back for the tests that follow.
    await lead.patch(`/api/bcf/schemes/${scheme.id}/spend`, { funding: [current] });
  });

  it('exports the quarterly return to XLSX and re-imports it unchanged', async () => {
    const first = await lead.get(`/api/bcf/plans/${planId}/return.xlsx?quarter=${encodeURIComponent('2026/27 Q2')}`);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe(XLSX);
    // Named by the plan in words and the quarter, never by the plan's id.
    expect(first.headers['content-disposition']).toBe(
      'attachment; filename="bcf-return-barking-dagenham-havering-and-redbridge-joint-better-care-fund-plan-2026-27-to-2027-28-2026-27-q2.xlsx"',
    );
    expect(first.headers['content-disposition']).not.toContain(planId);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(first.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Cover',
      'Income',
      'Expenditure',
      'Metrics',
      'Demand and capacity',
      'Narrative',
      'Risks',
      'Steward',
    ]);
    // Check 13, finding 19: the Cover names the plan in words; its id is only on the very hidden reference sheet.
    expect(wb.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).not.toContain('Steward');
    expect(wb.getWorksheet('Steward')!.state).toBe('veryHidden');
    const coverText = JSON.stringify(wb.getWorksheet('Cover')!.getSheetValues());
    expect(coverText).not.toContain(planId);
    expect(coverText).not.toContain('Plan reference');
    expect(coverText).toContain(
      '"Plan","Barking & Dagenham, Havering and Redbridge Joint Better Care Fund Plan 2026/27 to 2027/28"',
    );
    const before = (await lead.get(`/api/bcf/plans/${planId}`)).json();
    const dcBefore = (await lead.get(`/api/bcf/plans/${planId}/demand-capacity?year=2027/28`)).json();
    const imported = await lead.send('POST', `/api/bcf/plans/${planId}/return`, first.rawPayload, XLSX);
    expect(imported.statusCode).toBe(200);
    expect(imported.json().schemes).toBe(30);
    const after = (await lead.get(`/api/bcf/plans/${planId}`)).json();
    expect(after.schemes).toEqual(before.schemes);
    expect(after.income).toEqual(before.income);
    expect(after.narrative).toEqual(before.narrative);
    expect((await lead.get(`/api/bcf/plans/${planId}/demand-capacity?year=2027/28`)).json().rows).toEqual(
      dcBefore.rows,
    );
    const second = await lead.get(`/api/bcf/plans/${planId}/return.xlsx?quarter=${encodeURIComponent('2026/27 Q2')}`);
    const rows = async (buf: Buffer) => {
      const w = new ExcelJS.Workbook();
      await w.xlsx.load(buf as unknown as ArrayBuffer);
      return w.worksheets.map((ws) =>
        ws
          .getSheetValues()
          .slice(1)
          .map((r) => JSON.stringify(r))
          .filter((r) => !r.includes('Produced on')),
      );
    };
    expect(await rows(second.rawPayload)).toEqual(await rows(first.rawPayload));
    // The unchanged import changed no figure, and the audit log says so.
    const [entry] = await queryRows<{ detail: Record<string, unknown> }>(
      ctx.db,
      sql`select detail from audit_log where action = 'import_return' order by id desc limit 1`,
    );
    expect(entry.detail).toMatchObject({ schemesAdded: [], figuresChanged: 0, before: {}, after: {} });
  });

  it('audits the figures a return changes before → after, and refuses another plan’s workbook in words (check 13, findings 10 and 19)', async () => {
    const file = await lead.get(`/api/bcf/plans/${planId}/return.xlsx?quarter=${encodeURIComponent('2026/27 Q2')}`);
    const load = async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
      return wb;
    };
    const post = async (wb: ExcelJS.Workbook) =>
      lead.send('POST', `/api/bcf/plans/${planId}/return`, Buffer.from(await wb.xlsx.writeBuffer()), XLSX);
    const plan = (await lead.get(`/api/bcf/plans/${planId}`)).json();

    // Change one scheme's Q1 actual spend and one metric plan value.
    const wb = await load();
    const exp = wb.getWorksheet('Expenditure')!;
    const header = (exp.getRow(4).values as unknown[]).slice(1) as string[];
    const col = (name: string) => header.indexOf(name) + 1;
    const row5 = exp.getRow(5);
    const ref = String(row5.getCell(col('Scheme ID')).value);
    const year = String(row5.getCell(col('Year')).value);
    const wasPounds = Number(row5.getCell(col('Q1 actual (£)')).value);
    row5.getCell(col('Q1 actual (£)')).value = wasPounds + 1000;
    const met = wb.getWorksheet('Metrics')!;
    const mHeader = (met.getRow(4).values as unknown[]).slice(1) as string[];
    const mCol = (name: string) => mHeader.indexOf(name) + 1;
    let planRow = 0;
    met.eachRow((r, n) => {
      if (!planRow && n > 4 && typeof r.getCell(mCol('Plan')).value === 'number') planRow = n;
    });
    const mr = met.getRow(planRow);
    const oldPlan = Number(mr.getCell(mCol('Plan')).value);
    mr.getCell(mCol('Plan')).value = oldPlan + 5;
    const res = await post(wb);
    expect(res.statusCode, res.body).toBe(200);
    const [entry] = await queryRows<{ detail: Record<string, Record<string, unknown>> }>(
      ctx.db,
      sql`select detail from audit_log where action = 'import_return' order by id desc limit 1`,
    );
    const pounds = (v: number) => `£${v.toLocaleString('en-GB', { maximumFractionDigits: 2 })}`;
    const spendKey = Object.keys(entry.detail.after).find((k) => k.startsWith(`${ref} ${year} Q1 `))!;
    expect(spendKey).toMatch(/: actual spend$/);
    expect(entry.detail.before[spendKey]).toBe(pounds(wasPounds));
    expect(entry.detail.after[spendKey]).toBe(pounds(wasPounds + 1000));
    const placeName = String(mr.getCell(mCol('Health and Wellbeing Board')).value);
    const metricName = String(mr.getCell(mCol('Metric')).value);
    const planKey = Object.keys(entry.detail.after).find((k) => k.endsWith(': plan'))!;
    expect(planKey.startsWith(`${placeName} ${metricName} `)).toBe(true);
    expect(entry.detail.before[planKey]).toBeCloseTo(oldPlan, 6);
    expect(entry.detail.after[planKey]).toBeCloseTo(oldPlan + 5, 6);
    expect(entry.detail.figuresChanged).toBe(2);
    expect(Object.keys(entry.detail.after)).toHaveLength(2);
    // Put the figures back: the same import with the values restored changes both back.
    row5.getCell(col('Q1 actual (£)')).value = wasPounds;
    mr.getCell(mCol('Plan')).value = oldPlan;
    expect((await post(wb)).statusCode).toBe(200);

    // Another plan's workbook (its id on the hidden sheet, its name on the Cover) is refused in words.
    const other = await load();
    other.getWorksheet('Steward')!.getCell('B5').value = '00000000-0000-4000-8000-000000000009';
    const cover = other.getWorksheet('Cover')!;
    let nameRow = 0;
    cover.eachRow((r, n) => {
      if (r.getCell(1).value === 'Plan') nameRow = n;
    });
    cover.getCell(nameRow, 2).value = 'Eastbrook Better Care Fund plan';
    const refused = await post(other);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toContainEqual(
      expect.objectContaining({
        field: `Cover sheet, row ${nameRow}, Plan`,
        message: `this return is for the plan “Eastbrook Better Care Fund plan”, not “${plan.name}”: download the return from “${plan.name}” and fill that in`,
      }),
    );
    expect(JSON.stringify(refused.json())).not.toContain('00000000-0000-4000-8000-000000000009');

    // An older workbook, with the id on the Cover and no hidden sheet, still imports; one naming no plan is refused.
    const old = await load();
    old.removeWorksheet(old.getWorksheet('Steward')!.id);
    old.getWorksheet('Cover')!.addRow(['Plan reference', planId]);
    const oldRes = await post(old);
    expect(oldRes.statusCode, oldRes.body).toBe(200);
    const lost = await load();
    lost.removeWorksheet(lost.getWorksheet('Steward')!.id);
    expect((await post(lost)).statusCode).toBe(200); // matched by the plan's name on the Cover
    lost.getWorksheet('Cover')!.getCell(nameRow, 2).value = null;
    const unnamed = await post(lost);
    expect(unnamed.statusCode).toBe(422);
    expect(unnamed.json().errors.map((e: { message: string }) => e.message)).toContain(
      `this return is not from the plan “${plan.name}”: download the return from this plan and fill that in`,
    );
  });

  it('refuses a filled return with bad cells whole, naming sheet, row and column', async () => {
    const file = await lead.get(`/api/bcf/plans/${planId}/return.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const exp = wb.getWorksheet('Expenditure')!;
    exp.getCell('K5').value = 'lots';
    exp.getCell('E6').value = 'Handyperson services';
    const inc = wb.getWorksheet('Income')!;
    const original = inc.getCell('E5').value;
    inc.getCell('E5').value = 123.456;
    const res = await lead.send(
      'POST',
      `/api/bcf/plans/${planId}/return`,
      Buffer.from(await wb.xlsx.writeBuffer()),
      XLSX,
    );
    expect(res.statusCode).toBe(422);
    const fields = res.json().errors.map((e: { field: string; message: string }) => `${e.field}: ${e.message}`);
    expect(fields).toContain(
      'Income sheet, row 5, Income (£): enter an amount in pounds and pence, with at most two decimal places',
    );
    expect(fields).toContain('Expenditure sheet, row 5, Planned expenditure (£): enter an amount of £0 or more');
    expect(fields.some((f: string) => f.startsWith('Expenditure sheet, row 6, Sub type: '))).toBe(true);
    // Nothing was written: the income is what it was.
    const plan = (await lead.get(`/api/bcf/plans/${planId}`)).json();
    expect(plan.income.some((i: { amountPence: number }) => i.amountPence === Math.round(Number(original) * 100))).toBe(
      true,
    );
    const garbage = await lead.send('POST', `/api/bcf/plans/${planId}/return`, Buffer.from('not a workbook'), XLSX);
    expect(garbage.statusCode).toBe(422);
  });

  it('holds a filled return to the API’s bounds, in plain words, and still shows a stored figure beyond them (issue 13, findings 1–3, 18)', async () => {
    const file = await lead.get(`/api/bcf/plans/${planId}/return.xlsx?quarter=${encodeURIComponent('2026/27 Q2')}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const exp = wb.getWorksheet('Expenditure')!;
    const header = (exp.getRow(4).values as unknown[]).slice(1) as string[];
    const col = (name: string) => header.indexOf(name) + 1;
    // Finding 1: £5 trillion in a quarter; finding 18: a negative amount; finding 2: 12.5 referrals.
    const row5 = exp.getRow(5);
    const unit = (await lead.get(`/api/bcf/plans/${planId}`))
      .json()
      .schemes.find((s: { ref: string }) => s.ref === String(row5.getCell(col('Scheme ID')).value)).outputUnit;
    row5.getCell(col('Q1 actual (£)')).value = 5_000_000_000_000;
    row5.getCell(col('Q2 actual (£)')).value = -20;
    row5.getCell(col('Q1 outputs')).value = 12.5;
    // Finding 3: actual spend for a quarter that has not ended (2027/28 Q4 ends on 31 March 2028).
    let futureLine = 0;
    exp.eachRow((r, n) => {
      if (!futureLine && n > 5 && r.getCell(col('Year')).value === '2027/28') futureLine = n;
    });
    expect(futureLine).toBeGreaterThan(5);
    exp.getRow(futureLine).getCell(col('Q4 actual (£)')).value = 50;
    // Finding 2: a percentage plan of 150.
    const met = wb.getWorksheet('Metrics')!;
    const mHeader = (met.getRow(4).values as unknown[]).slice(1) as string[];
    const mCol = (name: string) => mHeader.indexOf(name) + 1;
    let pctRow = 0;
    met.eachRow((r, n) => {
      if (!pctRow && r.getCell(mCol('Metric')).value === 'Discharge to normal place of residence') pctRow = n;
    });
    met.getRow(pctRow).getCell(mCol('Plan')).value = 150;
    // Finding 18: a row with only its Plan filled in gives one line.
    const partRow = met.rowCount + 1;
    met.getRow(partRow).getCell(mCol('Plan')).value = 80;
    const res = await lead.send(
      'POST',
      `/api/bcf/plans/${planId}/return`,
      Buffer.from(await wb.xlsx.writeBuffer()),
      XLSX,
    );
    expect(res.statusCode).toBe(422);
    const lines = res.json().errors.map((e: { field: string; message: string }) => `${e.field}: ${e.message}`);
    expect(lines).toContain('Expenditure sheet, row 5, Q1 actual (£): enter an amount of £1,000,000,000 or less');
    expect(lines).toContain('Expenditure sheet, row 5, Q2 actual (£): enter an amount of £0 or more');
    expect(lines).toContain(`Expenditure sheet, row 5, Q1 outputs: enter a whole number of ${unit}`);
    expect(lines).toContain(
      `Expenditure sheet, row ${futureLine}, Q4 actual (£): the quarter 2027/28 Q4 has not ended yet: actual figures can be given once it has`,
    );
    expect(lines).toContain(
      `Metrics sheet, row ${pctRow}, Plan: discharge to normal place of residence is a percentage: enter a plan from 0 to 100`,
    );
    expect(lines.filter((l: string) => l.startsWith(`Metrics sheet, row ${partRow}`))).toEqual([
      `Metrics sheet, row ${partRow}: this row is only part filled in: fill in Health and Wellbeing Board, Metric, Year and Period, or clear the row`,
    ]);
    expect(lines.join('\n')).not.toMatch(/!row|is not a number/);
    // An empty file is called empty.
    const empty = await lead.send('POST', `/api/bcf/plans/${planId}/return`, Buffer.alloc(0), XLSX);
    expect(empty.statusCode).toBe(422);
    expect(empty.json().errors[0].message).toMatch(/^The file is empty/);

    // The API holds the same bounds: outputs whole, a quarter that has ended, a percentage plan 0 to 100.
    const plan = (await lead.get(`/api/bcf/plans/${planId}`)).json();
    const scheme = plan.schemes.find((s: { outputUnit: string }) => s.outputUnit === unit);
    const put = (body: unknown) => lead.put(`/api/bcf/schemes/${scheme.id}/actuals`, body);
    const q = { fundingLine: 'minimum_nhs', year: '2026/27', quarter: 1, actualPence: 5000 };
    expect((await put({ actuals: [{ ...q, outputs: 12.5 }] })).json().errors).toEqual([
      expect.objectContaining({ field: 'actuals.0.outputs', message: `Outputs: enter a whole number of ${unit}` }),
    ]);
    const ahead = await put({ actuals: [{ ...q, year: '2027/28', quarter: 4, outputs: 3 }] });
    expect(ahead.statusCode).toBe(400);
    expect(ahead.json().errors[0].message).toBe(
      'The quarter 2027/28 Q4 has not ended yet: actual figures can be given once it has',
    );
    const pct = await lead.put(`/api/bcf/plans/${planId}/metrics/plans`, {
      plans: [{ placeId: plan.places[0].id, metric: 'discharge_home', year: '2026/27', quarter: 2, value: 150 }],
    });
    expect(pct.statusCode).toBe(400);
    expect(pct.json().errors[0].message).toBe(
      'Discharge to normal place of residence is a percentage: enter a plan from 0 to 100',
    );
    // The Returns download is for a quarter that has ended.
    const q4 = await lead.get(`/api/bcf/plans/${planId}/return.xlsx?quarter=${encodeURIComponent('2027/28 Q4')}`);
    expect(q4.statusCode).toBe(400);

    // A figure stored beyond a bound (as an older import could) never stops the plan from loading: it is shown as
    // stored, to be corrected.
    const [kept] = await queryRows<{ fundingLine: string; pence: string }>(
      ctx.db,
      sql`select funding_line as "fundingLine", actual_pence as pence from bcf_scheme_actuals where scheme_id = ${scheme.id} and quarter = 1 and year = '2026/27' limit 1`,
    );
    await ctx.db.execute(
      sql`update bcf_scheme_actuals set actual_pence = 500000000000000 where scheme_id = ${scheme.id} and quarter = 1 and year = '2026/27' and funding_line = ${kept.fundingLine}`,
    );
    const read = await lead.get(`/api/bcf/plans/${planId}`);
    expect(read.statusCode).toBe(200);
    const stored = read
      .json()
      .schemes.find((s: { id: string }) => s.id === scheme.id)
      .actuals.filter((a: { actualPence: number }) => a.actualPence === 500_000_000_000_000);
    expect(stored).toHaveLength(1);
    // Put the figure back for the tests that follow (a re-import of it would rightly be refused).
    await ctx.db.execute(
      sql`update bcf_scheme_actuals set actual_pence = ${Number(kept.pence)} where scheme_id = ${scheme.id} and quarter = 1 and year = '2026/27' and funding_line = ${kept.fundingLine}`,
    );
  });

  it('adds a scheme that a re-imported return brings with a new Scheme ID, and refuses one without a place', async () => {
    const file = await lead.get(`/api/bcf/plans/${planId}/return.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const exp = wb.getWorksheet('Expenditure')!;
    const header = (exp.getRow(4).values as unknown[]).slice(1) as string[];
    const col = (name: string) => header.indexOf(name) + 1;
    const next = exp.rowCount + 1;
    const row = exp.getRow(next);
    row.getCell(col('Scheme ID')).value = 'HAV-11';
    row.getCell(col('Health and Wellbeing Board')).value = 'Havering';
    row.getCell(col('Scheme name')).value = 'Handyperson service for discharge';
    row.getCell(col('Scheme type')).value = 'DFG Related Schemes';
    row.getCell(col('Sub type')).value = 'Handyperson services';
    row.getCell(col('Commissioner')).value = 'LA';
    row.getCell(col('Provider')).value = 'Local Authority';
    row.getCell(col('Area of spend')).value = 'Social Care';
    row.getCell(col('Source of funding')).value = 'dfg';
    row.getCell(col('Year')).value = '2026/27';
    row.getCell(col('Planned expenditure (£)')).value = 0;
    row.getCell(col('Q1 actual (£)')).value = 1250.5;
    const before = (await lead.get(`/api/bcf/plans/${planId}`)).json();
    const res = await lead.send(
      'POST',
      `/api/bcf/plans/${planId}/return`,
      Buffer.from(await wb.xlsx.writeBuffer()),
      XLSX,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().schemesAdded).toEqual(['HAV-11']);
    const after = (await lead.get(`/api/bcf/plans/${planId}`)).json();
    expect(after.schemes).toHaveLength(before.schemes.length + 1);
    const added = after.schemes.find((s: { ref: string }) => s.ref === 'HAV-11');
    expect(added).toMatchObject({
      name: 'Handyperson service for discharge',
      placeId: after.places.find((p: { name: string }) => p.name === 'Havering').id,
      schemeType: 'DFG Related Schemes',
      subType: 'Handyperson services',
      commissioner: 'LA',
      areaOfSpend: 'social_care',
      funding: [{ fundingLine: 'dfg', year: '2026/27', plannedPence: 0 }],
      actuals: [{ fundingLine: 'dfg', year: '2026/27', quarter: 1, actualPence: 125_050, outputs: null }],
    });
    // Importing the same file again changes the scheme it added, rather than adding it twice.
    const again = await lead.send(
      'POST',
      `/api/bcf/plans/${planId}/return`,
      Buffer.from(await wb.xlsx.writeBuffer()),
      XLSX,
    );
    expect(again.json().schemesAdded).toEqual([]);
    expect((await lead.get(`/api/bcf/plans/${planId}`)).json().schemes).toHaveLength(before.schemes.length + 1);

    // A new scheme needs a place of the plan and a name: refused whole, naming the cells.
    row.getCell(col('Scheme ID')).value = 'XX-01';
    row.getCell(col('Health and Wellbeing Board')).value = 'Newham';
    const bad = await lead.send(
      'POST',
      `/api/bcf/plans/${planId}/return`,
      Buffer.from(await wb.xlsx.writeBuffer()),
      XLSX,
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toContain(
      `Expenditure sheet, row ${next}, Health and Wellbeing Board`,
    );
  });

  it('keeps the plan’s risk log in the risk register: linked risks, risks on the schemes’ contracts, a Risks sheet', async () => {
    const db = ctx.db;
    const [contract] = await queryRows<{ id: string }>(
      db,
      sql`insert into contracts (reference, title, service_area, care_group, contract_form, funding_source,
            total_value_pence, annual_value_pence, start_date, initial_end_date)
          values ('T-CAR-1', 'Carers hub', 'carers', 'carers', 'block', 'bcf', 100000000, 50000000, '2025-04-01', '2027-03-31')
          returning id`,
    );
    await queryRows(
      db,
      sql`insert into risks (reference, title, owner, likelihood, impact, contract_id)
          values ('T-R1', 'Carers hub re-tender late', 'Commissioning manager', 4, 4, ${contract.id}) returning id`,
    );
    const [planRisk] = await queryRows<{ id: string }>(
      db,
      sql`insert into risks (reference, title, owner, likelihood, impact)
          values ('T-R2', 'Workforce recruitment and retention', 'Director', 4, 5) returning id`,
    );
    const plan = (await lead.get(`/api/bcf/plans/${planId}`)).json();
    const carers = plan.schemes.find((s: { ref: string }) => s.ref === 'HAV-06');

    // A viewer reads the log but is offered nothing to link; nobody but editors links.
    const viewer = await signInAs(app, 'viewer');
    expect((await viewer.get(`/api/bcf/plans/${planId}/risks`)).json()).toMatchObject({
      risks: [],
      available: [],
      canEdit: false,
    });
    expect(
      (await viewer.post(`/api/bcf/plans/${planId}/risks`, { riskId: planRisk.id, schemeId: null })).statusCode,
    ).toBe(403);

    // The scheme names the contract: its risk joins the log through it.
    const bogus = await lead.put(`/api/bcf/schemes/${carers.id}/contracts`, {
      contractIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(bogus.statusCode).toBe(400);
    expect(bogus.json().errors[0]).toMatchObject({
      field: 'contractIds.0',
      message: 'Choose a contract from the register',
    });
    const linked = await lead.put(`/api/bcf/schemes/${carers.id}/contracts`, { contractIds: [contract.id] });
    expect(linked.statusCode).toBe(200);
    expect(linked.json().contractIds).toEqual([contract.id]);
    expect((await lead.get(`/api/bcf/plans/${planId}`)).json().contracts).toEqual([
      { id: contract.id, reference: 'T-CAR-1', title: 'Carers hub' },
    ]);
    let log = (await lead.get(`/api/bcf/plans/${planId}/risks`)).json();
    expect(log.risks.map((r: { reference: string }) => r.reference)).toEqual(['T-R1']);
    expect(log.risks[0].links).toEqual([
      { kind: 'contract', schemeId: carers.id, schemeRef: 'HAV-06', contractId: contract.id, contractRef: 'T-CAR-1' },
    ]);
    expect(log.available.map((r: { reference: string }) => r.reference)).toContain('T-R2');

    // Link a register risk to the plan, then move it to a scheme; audited.
    const bad = await lead.post(`/api/bcf/plans/${planId}/risks`, { riskId: planRisk.id, schemeId: contract.id });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('schemeId');
    log = (await lead.post(`/api/bcf/plans/${planId}/risks`, { riskId: planRisk.id, schemeId: null })).json();
    expect(log.risks.map((r: { reference: string; score: number }) => [r.reference, r.score])).toEqual([
      ['T-R2', 20],
      ['T-R1', 16],
    ]);
    expect(log.risks[0].links).toEqual([{ kind: 'plan' }]);
    log = (await lead.post(`/api/bcf/plans/${planId}/risks`, { riskId: planRisk.id, schemeId: carers.id })).json();
    expect(log.risks[0].links).toEqual([{ kind: 'scheme', schemeId: carers.id, schemeRef: 'HAV-06' }]);
    const [audit] = await queryRows<{ n: string }>(
      db,
      sql`select count(*) as n from audit_log where action = 'link_risk' and entity_id = ${planId}`,
    );
    expect(Number(audit.n)).toBe(2);

    // The return's Risks sheet lists the log from the register.
    const file = await lead.get(`/api/bcf/plans/${planId}/return.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Risks')!;
    expect((sheet.getRow(4).values as unknown[]).slice(1, 8)).toEqual([
      'Risk reference',
      'Risk',
      'Linked to',
      'Owner',
      'Likelihood',
      'Impact',
      'Score',
    ]);
    expect((sheet.getRow(5).values as unknown[]).slice(1, 8)).toEqual([
      'T-R2',
      'Workforce recruitment and retention',
      'Scheme HAV-06',
      'Director',
      4,
      5,
      20,
    ]);
    expect(sheet.getRow(6).getCell(3).value).toBe('Contract T-CAR-1 (HAV-06)');

    // Unlinking leaves the risk in the register; the contract's risk stays while the scheme names it.
    log = (await lead.delete(`/api/bcf/plans/${planId}/risks/${planRisk.id}`)).json();
    expect(log.risks.map((r: { reference: string }) => r.reference)).toEqual(['T-R1']);
    expect((await lead.delete(`/api/bcf/plans/${planId}/risks/${planRisk.id}`)).statusCode).toBe(404);
    await lead.put(`/api/bcf/schemes/${carers.id}/contracts`, { contractIds: [] });
    expect((await lead.get(`/api/bcf/plans/${planId}/risks`)).json().risks).toEqual([]);
  });

  it('edits demand and capacity cells and shows the shortfall; records a HICM assessment', async () => {
    const dc = (await lead.get(`/api/bcf/plans/${planId}/demand-capacity?year=2027/28`)).json();
    // With no year asked for, the current plan year, as the plan page and the home page open on (issue 13, B).
    const opened = (await lead.get(`/api/bcf/plans/${planId}/demand-capacity`)).json();
    expect(opened.year).toBe(defaultPlanYear(dc.years, londonToday()));
    expect(opened.months[0]).toBe(`${opened.year.slice(0, 4)}-04`);
    const welfare = dc.rows.find((r: { service: string }) => r.service === 'welfare');
    expect(welfare.shortfall).toBe(Math.max(0, welfare.demand - welfare.capacity));
    const res = await lead.put(`/api/bcf/plans/${planId}/demand-capacity`, {
      cells: [{ placeId: welfare.placeId, service: 'welfare', month: welfare.month, demand: 200, capacity: 150 }],
    });
    expect(res.statusCode).toBe(200);
    const row = res
      .json()
      .rows.find(
        (r: { placeId: string; service: string; month: string }) =>
          r.placeId === welfare.placeId && r.service === 'welfare' && r.month === welfare.month,
      );
    expect(row).toMatchObject({
      demand: 200,
      capacity: 150,
      shortfall: 50,
      demandSource: 'entered',
      capacitySource: 'entered',
    });
    const bad = await lead.put(`/api/bcf/plans/${planId}/demand-capacity`, {
      cells: [{ placeId: welfare.placeId, service: 'welfare', month: '2027-13', demand: 1.5, capacity: 1 }],
    });
    expect(bad.statusCode).toBe(400);

    const hicm = (await lead.get(`/api/bcf/plans/${planId}/hicm`)).json();
    expect(hicm.changes).toHaveLength(9);
    expect(hicm.latest).toHaveLength(27);
    const bd = hicm.places[0].id;
    expect(hicm.latest.find((a: { placeId: string; change: number }) => a.placeId === bd && a.change === 5).level).toBe(
      'plans_in_place',
    );
    const add = await lead.post(`/api/bcf/plans/${planId}/hicm`, {
      placeId: bd,
      change: 5,
      level: 'established',
      evidence: 'Seven-day social work rota agreed',
      assessedOn: '2026-11-01',
      plannedLevel: 'mature',
      plannedBy: '2027-06-30',
    });
    expect(add.statusCode).toBe(200);
    expect(
      add.json().latest.find((a: { placeId: string; change: number }) => a.placeId === bd && a.change === 5).level,
    ).toBe('established');
    const wrong = await lead.post(`/api/bcf/plans/${planId}/hicm`, {
      placeId: bd,
      change: 5,
      level: 'mature',
      evidence: 'x',
      assessedOn: '2026-11-02',
      plannedLevel: 'established',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors.map((e: { field: string }) => e.field)).toContain('plannedLevel');
    // Issue 13, finding 14: an assessment dated before the model (1990) is refused in words.
    const old = await lead.post(`/api/bcf/plans/${planId}/hicm`, {
      placeId: bd,
      change: 1,
      level: 'established',
      evidence: 'Discharge planning starts on admission',
      assessedOn: '1990-06-01',
    });
    expect(old.statusCode).toBe(400);
    expect(old.json().errors).toEqual([
      expect.objectContaining({
        field: 'assessedOn',
        message: 'The date assessed must be in 2015 or later: the High Impact Change Model was first published in 2015',
      }),
    ]);
  });
});
