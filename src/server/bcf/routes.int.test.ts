import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithDatabases } from '../../db/testing.js';
import { createRng } from '../../domain/core/random.js';
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
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(first.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Cover',
      'Income',
      'Expenditure',
      'Metrics',
      'Demand and capacity',
      'Narrative',
    ]);
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
    expect(fields).toContain('Income!row 5 (Income (£)): 123.456 has more than two decimal places of pounds');
    expect(fields).toContain('Expenditure!row 5 (Planned expenditure (£)): "lots" is not a number of 0 or more');
    expect(fields.some((f: string) => f.startsWith('Expenditure!row 6 (Sub type)'))).toBe(true);
    // Nothing was written: the income is what it was.
    const plan = (await lead.get(`/api/bcf/plans/${planId}`)).json();
    expect(plan.income.some((i: { amountPence: number }) => i.amountPence === Math.round(Number(original) * 100))).toBe(
      true,
    );
    const garbage = await lead.send('POST', `/api/bcf/plans/${planId}/return`, Buffer.from('not a workbook'), XLSX);
    expect(garbage.statusCode).toBe(422);
  });

  it('edits demand and capacity cells and shows the shortfall; records a HICM assessment', async () => {
    const dc = (await lead.get(`/api/bcf/plans/${planId}/demand-capacity?year=2027/28`)).json();
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
  });
});
