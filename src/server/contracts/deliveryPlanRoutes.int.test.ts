import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import { describeWithDatabases } from '../../db/testing.js';
import { createTestApp, signInAs, type TestClient } from '../testing.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Halton's Delivery Plan 2023/24 – 2025/26 (seed 004, section 7): Priority 1 and the start of Priority 2, as printed. */
const HALTON = readFileSync(
  new URL('../../importers/fixtures/halton/delivery-plan-2023-26.tsv', import.meta.url),
  'utf8',
);

async function haltonWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Delivery Plan');
  for (const line of HALTON.split('\n')) ws.addRow(line ? line.split('\t') : []);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Every sheet's values as JSON lines (for comparing two exports). */
async function sheetRows(buf: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb.worksheets[0]
    .getSheetValues()
    .slice(1)
    .map((r) => JSON.stringify(r));
}

describeWithDatabases('delivery plans and workplans', (ctx) => {
  let app: FastifyInstance;
  let commissioner: TestClient;
  let viewer: TestClient;
  let procurementId: string;
  let contractId: string;
  beforeAll(async () => {
    app = await createTestApp(ctx.database);
    commissioner = await signInAs(app, 'commissioner');
    viewer = await signInAs(app, 'viewer');
    [{ id: contractId }] = await queryRows<{ id: string }>(
      ctx.db,
      sql`insert into contracts (reference, title, service_area, care_group, contract_form, funding_source,
            total_value_pence, annual_value_pence, start_date, initial_end_date)
          values ('DP-CAR-1', 'Carers hub', 'carers', 'carers', 'block', 'bcf', 100000000, 50000000, '2025-04-01', '2027-03-31')
          returning id`,
    );
    [{ id: procurementId }] = await queryRows<{ id: string }>(
      ctx.db,
      sql`insert into procurements (title, route) values ('Carers hub re-tender', 're_tender') returning id`,
    );
  }, 120_000);
  afterAll(async () => app?.close());

  it('writes a workplan: priority → intention → action with owner, statuses, RAG and what delivers it', async () => {
    const bad = await commissioner.post('/api/delivery-plans', {
      title: '',
      kind: 'workplan',
      careGroup: '',
      years: ['2026/27', '2028/29'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string; message: string }) => [e.field, e.message])).toEqual([
      ['title', 'Enter the plan’s title'],
      ['careGroup', 'Enter the care group or portfolio, for example Age Well'],
      ['years.1', 'The years must follow on from each other'],
    ]);
    expect(
      (
        await viewer.post('/api/delivery-plans', {
          title: 'x',
          kind: 'delivery_plan',
          careGroup: null,
          years: ['2026/27'],
        })
      ).statusCode,
    ).toBe(403);

    const plan = await commissioner.post('/api/delivery-plans', {
      title: 'Age Well workplan',
      kind: 'workplan',
      careGroup: 'Age Well',
      years: ['2026/27', '2027/28', '2028/29'],
    });
    expect(plan.statusCode).toBe(201);
    const planId = plan.json().id;
    const p1 = (await commissioner.post(`/api/delivery-plans/${planId}/priorities`, { title: 'Carers' })).json().id;
    const p2 = (
      await commissioner.post(`/api/delivery-plans/${planId}/priorities`, { title: 'Independent at Home' })
    ).json().id;
    const i1 = (
      await commissioner.post(`/api/delivery-plans/priorities/${p1}/intentions`, {
        text: 'Recommission the carers hub with a stronger offer for young carers.',
      })
    ).json().id;
    const action = {
      text: 'Re-tender the carers hub.',
      owner: 'Commissioning Manager – Age Well',
      responsibleServiceAreas: ['Commissioning & Development Team'],
      yearStatuses: ['Re-Tender', 'Contract Start/ Implementation', 'Ongoing Monitoring'],
      ragOverride: null,
      contractIds: [contractId],
      procurementIds: [procurementId],
    };
    const missing = await commissioner.post(`/api/delivery-plans/intentions/${i1}/actions`, {
      ...action,
      text: ' ',
      yearStatuses: ['Re-Tender'],
      procurementIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'text',
      'yearStatuses',
      'procurementIds.0',
    ]);
    const a1 = (await commissioner.post(`/api/delivery-plans/intentions/${i1}/actions`, action)).json().id;
    const a2 = (
      await commissioner.post(`/api/delivery-plans/intentions/${i1}/actions`, {
        ...action,
        text: 'Review young carers’ assessments.',
        contractIds: [],
        procurementIds: [],
        ragOverride: 'amber',
      })
    ).json().id;

    let view = (await viewer.get(`/api/delivery-plans/${planId}`)).json();
    expect(view.canEdit).toBe(false);
    expect(view.plan).toMatchObject({ title: 'Age Well workplan', kind: 'workplan', careGroup: 'Age Well' });
    expect(view.priorities.map((p: { number: number; title: string }) => `${p.number} ${p.title}`)).toEqual([
      '1 Carers',
      '2 Independent at Home',
    ]);
    const first = view.priorities[0].intentions[0].actions[0];
    expect(first).toMatchObject({
      owner: 'Commissioning Manager – Age Well',
      rag: 'not_assessed',
      contracts: [{ id: contractId, reference: 'DP-CAR-1', title: 'Carers hub' }],
      procurements: [{ id: procurementId, title: 'Carers hub re-tender' }],
    });
    expect(view.priorities[0].intentions[0].actions[1]).toMatchObject({ id: a2, rag: 'amber', ragLabel: 'Amber' });

    // Edit, reorder, retire and restore; each audited.
    expect(
      (await commissioner.put(`/api/delivery-plans/actions/${a1}`, { ...action, ragOverride: 'green' })).statusCode,
    ).toBe(200);
    expect((await commissioner.patch(`/api/delivery-plans/actions/${a2}`, { move: 'up' })).statusCode).toBe(200);
    expect((await commissioner.patch(`/api/delivery-plans/actions/${a2}`, { move: 'up' })).statusCode).toBe(409);
    await commissioner.patch(`/api/delivery-plans/priorities/${p2}`, { move: 'up', title: 'Independent at home' });
    await commissioner.patch(`/api/delivery-plans/priorities/${p1}`, { retired: true });
    view = (await commissioner.get(`/api/delivery-plans/${planId}`)).json();
    expect(view.priorities.map((p: { number: number; title: string }) => `${p.number} ${p.title}`)).toEqual([
      '1 Independent at home',
    ]);
    expect(view.retiredEntries).toMatchObject([{ kind: 'priority', id: p1, text: 'Priority 2 – Carers' }]);
    await commissioner.patch(`/api/delivery-plans/priorities/${p1}`, { retired: false });
    view = (await commissioner.get(`/api/delivery-plans/${planId}`)).json();
    expect(view.priorities[1].intentions[0].actions.map((a: { id: string; rag: string }) => [a.id, a.rag])).toEqual([
      [a2, 'amber'],
      [a1, 'green'],
    ]);
    // The plan's history: every change in words, newest first, naming the entry and each field before → after.
    const history = (await viewer.get(`/api/delivery-plans/${planId}/history`)).json().history as {
      who: string;
      summary: string;
      changes: { label: string; before: string | null; after: string | null }[];
    }[];
    expect(history.map((h) => h.summary)).toEqual([
      'Priority restored: Priority 2 – Carers',
      'Priority retired: Priority 2 – Carers',
      'Priority moved up: Priority 1 – Independent at home',
      'Priority reworded',
      'Action moved up: Review young carers’ assessments.',
      'Action saved: Re-tender the carers hub.',
      'Action added: Review young carers’ assessments.',
      'Action added: Re-tender the carers hub.',
      'Commissioning intention added: Recommission the carers hub with a stronger offer for young carers.',
      'Priority added: Independent at Home',
      'Priority added: Carers',
      'Plan started: Age Well workplan (2026/27, 2027/28, 2028/29)',
    ]);
    expect(history[3].changes).toEqual([
      { field: 'text', label: 'Priority', before: 'Independent at Home', after: 'Independent at home' },
    ]);
    expect(history[5].changes).toEqual([
      { field: 'ragOverride', label: 'RAG (set by hand)', before: null, after: 'Green' },
    ]);
    expect(history.every((h) => h.who.length > 0)).toBe(true);
    expect((await viewer.get('/api/delivery-plans/00000000-0000-4000-8000-000000000000/history')).statusCode).toBe(404);
    const [audit] = await queryRows<{ n: string }>(
      ctx.db,
      sql`select count(*) as n from audit_log where entity like 'plan_%' or entity = 'delivery_plan'`,
    );
    expect(Number(audit.n)).toBeGreaterThanOrEqual(10);

    // Export, re-import as a new plan, export again: the same workbook, links included.
    const out = await viewer.get(`/api/delivery-plans/${planId}/export.xlsx`);
    expect(out.statusCode).toBe(200);
    const rows = await sheetRows(out.rawPayload);
    expect(rows[0]).toContain('Age Well workplan 2026/27 – 2028/29');
    expect(rows[2]).toContain('Year 1 (2026/27)');
    expect(rows.some((r) => r.includes('DP-CAR-1') && r.includes('Carers hub re-tender'))).toBe(true);
    const imported = await commissioner.send(
      'POST',
      '/api/delivery-plans/import?kind=workplan&careGroup=Age%20Well&fileName=age-well.xlsx',
      out.rawPayload,
      XLSX,
    );
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json()).toMatchObject({ priorities: 2, intentions: 1, actions: 2 });
    expect(
      (await viewer.get(`/api/delivery-plans/${imported.json().id}/history`))
        .json()
        .history.map((h: { summary: string }) => h.summary),
    ).toEqual(['Imported from the workbook age-well.xlsx (2 actions)']);
    const again = await viewer.get(`/api/delivery-plans/${imported.json().id}/export.xlsx`);
    expect(await sheetRows(again.rawPayload)).toEqual(rows);
    const list = (await viewer.get('/api/delivery-plans')).json().plans;
    expect(list.filter((p: { title: string }) => p.title === 'Age Well workplan')).toHaveLength(2);
    // A RAG set from the progress page and a renamed plan read before → after too.
    const copied = (await viewer.get(`/api/delivery-plans/${imported.json().id}`)).json();
    const firstAction = copied.priorities.find((p: { intentions: unknown[] }) => p.intentions.length).intentions[0]
      .actions[0];
    expect(
      (await commissioner.patch(`/api/contracts/delivery-plan/actions/${firstAction.id}`, { ragOverride: 'red' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await commissioner.patch(`/api/delivery-plans/${imported.json().id}`, { title: 'Age Well workplan (copy)' }))
        .statusCode,
    ).toBe(200);
    const later = (await viewer.get(`/api/delivery-plans/${imported.json().id}/history`)).json().history;
    expect(later.slice(0, 2).map((h: { summary: string; changes: unknown[] }) => [h.summary, h.changes])).toEqual([
      [
        'Plan details edited',
        [{ field: 'title', label: 'Title', before: 'Age Well workplan', after: 'Age Well workplan (copy)' }],
      ],
      [
        'Action saved: Review young carers’ assessments.',
        [
          {
            field: 'ragOverride',
            label: 'RAG (set by hand)',
            before: 'Amber',
            after: 'Red',
          },
        ],
      ],
    ]);
  });

  it('imports Halton’s delivery plan as printed and exports it again unchanged', async () => {
    const res = await commissioner.send(
      'POST',
      '/api/delivery-plans/import?fileName=halton.xlsx',
      await haltonWorkbook(),
      XLSX,
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ priorities: 2, intentions: 5, actions: 7 });
    const view = (await commissioner.get(`/api/delivery-plans/${res.json().id}`)).json();
    expect(view.plan).toMatchObject({ title: 'Delivery Plan', years: ['2023/24', '2024/25', '2025/26'] });
    const p2 = view.priorities[1];
    expect(p2.title).toBe('Independent at Home');
    expect(p2.intentions[0].actions.map((a: { text: string }) => a.text)).toEqual([
      'Develop Trusted Assessment Model for Domiciliary Care.',
      'Develop Care Home Trusted Assessor Role.',
    ]);
    expect(p2.intentions[0].actions[1].yearStatuses).toEqual([
      'Develop & Implement',
      'Monitoring & Evaluate',
      'Ongoing Monitoring',
    ]);
    const out = await commissioner.get(`/api/delivery-plans/${res.json().id}/export.xlsx`);
    // The download names the plan (review 13, finding 7: every plan downloaded as delivery-plan-<date>.xlsx).
    expect(out.headers['content-disposition']).toBe('attachment; filename="delivery-plan-2023-24-to-2025-26.xlsx"');
    // A second current council delivery plan for the same years is refused, naming the one in place.
    const twice = await commissioner.send('POST', '/api/delivery-plans/import', out.rawPayload, XLSX);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toBe(
      '“Delivery Plan 2023/24 – 2025/26” is already the council’s delivery plan for 2023/24, 2024/25 and 2025/26. Retire it first, or start a care group’s workplan instead',
    );
    expect((await commissioner.patch(`/api/delivery-plans/${res.json().id}`, { retired: true })).statusCode).toBe(200);
    const back = await commissioner.send('POST', '/api/delivery-plans/import', out.rawPayload, XLSX);
    expect(back.statusCode).toBe(201);
    // The first cannot be restored while its replacement is current.
    expect((await commissioner.patch(`/api/delivery-plans/${res.json().id}`, { retired: false })).statusCode).toBe(409);
    const again = await commissioner.get(`/api/delivery-plans/${back.json().id}/export.xlsx`);
    expect(await sheetRows(again.rawPayload)).toEqual(await sheetRows(out.rawPayload));
  });

  it('refuses a workbook with problems whole, naming row and column', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Delivery Plan');
    ws.addRow(['Delivery Plan 2026/27 – 2027/28']);
    ws.addRow(['Priority 1 – Prevention']);
    ws.addRow([
      'Commissioning Intention',
      'Action to be Undertaken',
      'Year 1',
      'Year 2',
      'Responsible Service Area',
      'RAG',
      'Owner',
      'Contracts',
    ]);
    ws.addRow([
      'Grow the VCS offer.',
      'Invest in VCS grants.',
      'Ongoing',
      'Ongoing',
      'Commissioning',
      'Purple',
      '',
      'NO-SUCH-1',
    ]);
    ws.addRow(['', '', 'Ongoing', '', '', '', '', '']);
    const res = await commissioner.send(
      'POST',
      '/api/delivery-plans/import',
      Buffer.from(await wb.xlsx.writeBuffer()),
      XLSX,
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'row 4 (RAG)',
      'row 5 (Action to be Undertaken)',
    ]);
    ws.getCell('F4').value = 'Red';
    ws.spliceRows(5, 1);
    const unknown = await commissioner.send(
      'POST',
      '/api/delivery-plans/import',
      Buffer.from(await wb.xlsx.writeBuffer()),
      XLSX,
    );
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors).toMatchObject([
      { field: 'row 4 (Contracts)', message: '"NO-SUCH-1" is not a contract reference in the register' },
    ]);
    const [{ n }] = await queryRows<{ n: string }>(
      ctx.db,
      sql`select count(*) as n from delivery_plans where title = 'Delivery Plan' and years[1] = '2026/27'`,
    );
    expect(Number(n)).toBe(0);
  });

  it('keeps one current council delivery plan: a second for the same years is refused, naming the first (review 13)', async () => {
    const years = ['2030/31', '2031/32', '2032/33'];
    const first = await commissioner.post('/api/delivery-plans', {
      title: 'Delivery Plan',
      kind: 'delivery_plan',
      careGroup: null,
      years,
    });
    expect(first.statusCode).toBe(201);
    const second = await commissioner.post('/api/delivery-plans', {
      title: 'Test',
      kind: 'delivery_plan',
      careGroup: null,
      years: ['2031/32', '2032/33', '2033/34'],
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().errors).toEqual([
      {
        field: 'kind',
        in: 'body',
        message:
          '“Delivery Plan 2030/31 – 2032/33” is already the council’s delivery plan for 2031/32 and 2032/33. Retire it first, or start a care group’s workplan instead',
      },
    ]);
    // A care group's workplan for the same years is fine, and a workplan cannot be turned into a second plan.
    const workplan = await commissioner.post('/api/delivery-plans', {
      title: 'Test',
      kind: 'workplan',
      careGroup: 'Live Well',
      years,
    });
    expect(workplan.statusCode).toBe(201);
    expect(
      (await commissioner.patch(`/api/delivery-plans/${workplan.json().id}`, { kind: 'delivery_plan' })).statusCode,
    ).toBe(409);
    const titles = (await viewer.get('/api/delivery-plans')).json().plans.map((p: { title: string }) => p.title);
    expect(titles.filter((t: string) => t === 'Test')).toHaveLength(1);
  });
});
