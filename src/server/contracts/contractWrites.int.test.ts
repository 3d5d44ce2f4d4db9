// Writing the contract register, KPIs, procurements and risks through the API: each write, its refusals
// (400 naming the fields, 403 for viewers and providers, 404, 409 for a state change not allowed) and its history.
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeWithDatabases } from '../../db/testing.js';
import { providers } from '../../db/market/schema.js';
import { eq } from 'drizzle-orm';
import { deliveryPlans, kpiReturns, kpis, planIntentions, planPriorities } from '../../db/contracts/schema.js';
import { addDays, addMonths, londonToday, longDateText, monthStart } from '../../domain/core/dates.js';
import { createTestApp, signInAs, type TestClient } from '../testing.js';

const today = londonToday();
const fields = (res: { json(): { errors?: { field: string }[] } }) => (res.json().errors ?? []).map((e) => e.field);
const MISSING = '00000000-0000-4000-8000-000000000000';

describeWithDatabases('contract register writes', (ctx) => {
  let app: FastifyInstance;
  let commissioner: TestClient;
  let viewer: TestClient;
  let provider: TestClient;
  let providerId: string;
  let intentionId: string;
  const contract = () => ({
    reference: 'EB-HC-101',
    title: 'Homecare north zone',
    providerId,
    serviceArea: 'homecare',
    careGroup: 'older_people',
    contractForm: 'framework_call_off',
    fundingSource: 'general_fund',
    totalValuePence: 300_000_000,
    annualValuePence: 100_000_000,
    startDate: addMonths(today, -12),
    initialEndDate: addMonths(today, 24),
    extensionOptionsMonths: [12],
    noticePeriodMonths: 6,
    socialValue: 'Local recruitment',
    leadOfficer: 'Sam Patel',
  });

  beforeAll(async () => {
    app = await createTestApp(ctx.database);
    [{ id: providerId }] = await ctx.db
      .insert(providers)
      .values({ name: 'Bluebird Care Services Ltd' })
      .returning({ id: providers.id });
    const [plan] = await ctx.db
      .insert(deliveryPlans)
      .values({ title: 'Delivery plan', years: ['2026/27'] })
      .returning({ id: deliveryPlans.id });
    const [priority] = await ctx.db
      .insert(planPriorities)
      .values({ planId: plan.id, number: 1, title: 'Help people live at home' })
      .returning({ id: planPriorities.id });
    [{ id: intentionId }] = await ctx.db
      .insert(planIntentions)
      .values({ priorityId: priority.id, text: 'Recommission homecare by zone' })
      .returning({ id: planIntentions.id });
    commissioner = await signInAs(app, 'commissioner');
    viewer = await signInAs(app, 'viewer');
    provider = await signInAs(app, 'provider', { providerId });
  });

  it('documents each write with its request and response schemas in the OpenAPI document', async () => {
    const doc = (await commissioner.get('/api/openapi.json')).json();
    for (const [path, method, code] of [
      ['/api/contracts/contracts', 'post', '201'],
      ['/api/contracts/contracts/{id}', 'put', '200'],
      ['/api/contracts/contracts/{id}/extend', 'post', '200'],
      ['/api/contracts/contracts/{id}/variations', 'post', '201'],
      ['/api/contracts/contracts/{id}/end', 'post', '200'],
      ['/api/contracts/kpis', 'post', '201'],
      ['/api/contracts/kpis/{id}/remove', 'post', '200'],
      ['/api/contracts/procurements', 'post', '201'],
      ['/api/contracts/procurements/{id}/stages/{stage}', 'patch', '200'],
      ['/api/contracts/risks', 'post', '201'],
      ['/api/contracts/risks/{id}/review', 'post', '200'],
      ['/api/contracts/risk-bands', 'put', '200'],
    ] as const) {
      const op = doc.paths[path]?.[method];
      expect(op, `${method} ${path}`).toBeDefined();
      expect(op.requestBody.content['application/json'].schema, `${method} ${path} request`).toBeDefined();
      expect(op.responses[code].content['application/json'].schema, `${method} ${path} response`).toBeDefined();
    }
    const variation =
      doc.paths['/api/contracts/contracts/{id}/variations'].post.requestBody.content['application/json'].schema;
    expect(variation.required).toEqual(expect.arrayContaining(['changes', 'reason', 'effectiveFrom']));
    expect(Object.keys(doc.paths['/api/contracts/contracts/{id}/history'].get.responses)).toContain('200');
  });

  describe('contracts', () => {
    let id: string;
    it('adds a contract, refusing bad fields, other roles and a duplicate reference', async () => {
      const bad = await commissioner.post('/api/contracts/contracts', {
        ...contract(),
        title: '',
        totalValuePence: -1,
        initialEndDate: addMonths(today, -24),
      });
      expect(bad.statusCode).toBe(400);
      expect(fields(bad)).toEqual(expect.arrayContaining(['title', 'totalValuePence']));
      // The same words as the web form's own checks.
      const blank = await commissioner.post('/api/contracts/contracts', {
        ...contract(),
        reference: ' ',
        serviceArea: undefined,
        careGroup: 'someone',
      });
      expect(blank.json().errors).toEqual(
        expect.arrayContaining([
          { field: 'reference', message: 'Enter the contract reference', in: 'body' },
          { field: 'serviceArea', message: 'Choose the service area', in: 'body' },
          { field: 'careGroup', message: 'Choose the care group', in: 'body' },
        ]),
      );
      const term = await commissioner.post('/api/contracts/contracts', {
        ...contract(),
        initialEndDate: addMonths(today, -24),
      });
      expect(term.statusCode).toBe(400);
      expect(term.json().errors[0]).toMatchObject({
        field: 'initialEndDate',
        message: 'End date of the initial term must be on or after the start date',
      });
      for (const who of [viewer, provider])
        expect((await who.post('/api/contracts/contracts', contract())).statusCode).toBe(403);
      const created = await commissioner.post('/api/contracts/contracts', contract());
      expect(created.statusCode).toBe(201);
      id = created.json().id;
      const dup = await commissioner.post('/api/contracts/contracts', contract());
      expect(dup.statusCode).toBe(409);
      expect(fields(dup)).toEqual(['reference']);
    });

    it('edits a contract with its changes in the history; 404 for an unknown one', async () => {
      const edited = await commissioner.put(`/api/contracts/contracts/${id}`, {
        ...contract(),
        annualValuePence: 110_000_000,
        leadOfficer: 'Jo Adams',
      });
      expect(edited.statusCode).toBe(200);
      expect((await commissioner.put(`/api/contracts/contracts/${MISSING}`, contract())).statusCode).toBe(404);
      expect((await viewer.put(`/api/contracts/contracts/${id}`, contract())).statusCode).toBe(403);
      const { history } = (await viewer.get(`/api/contracts/contracts/${id}`)).json();
      expect(history.map((h: { summary: string }) => h.summary)).toEqual([
        'Details edited',
        'Contract added to the register',
      ]);
      expect(history[0].changes).toEqual([
        { field: 'annualValuePence', label: 'Annual value', before: '£1,000,000', after: '£1,100,000' },
        { field: 'leadOfficer', label: 'Lead officer', before: 'Sam Patel', after: 'Jo Adams' },
      ]);
      expect(history[0].who).toBe('Test commissioner');
      // A change of provider reads as the providers' names.
      const [{ id: other }] = await ctx.db
        .insert(providers)
        .values({ name: 'Heron Homecare Ltd' })
        .returning({ id: providers.id });
      await commissioner.put(`/api/contracts/contracts/${id}`, {
        ...contract(),
        annualValuePence: 110_000_000,
        leadOfficer: 'Jo Adams',
        providerId: other,
      });
      const moved = (await viewer.get(`/api/contracts/contracts/${id}/history`)).json().history[0];
      expect(moved.changes).toEqual([
        { field: 'providerId', label: 'Provider', before: 'Bluebird Care Services Ltd', after: 'Heron Homecare Ltd' },
      ]);
      await commissioner.put(`/api/contracts/contracts/${id}`, {
        ...contract(),
        annualValuePence: 110_000_000,
        leadOfficer: 'Jo Adams',
      });
      // A provider sees its own contract but not the council's trail of who changed it.
      expect((await provider.get(`/api/contracts/contracts/${id}`)).json().history).toEqual([]);
    });

    it('adds a KPI with target, unit, direction, frequency and due day', async () => {
      const kpi = {
        contractId: id,
        name: 'Visits on time',
        unit: '%',
        target: 95,
        direction: 'higher_is_better',
        frequency: 'monthly',
        dueDays: 10,
        reportingFrom: addMonths(today, -2),
      };
      const bad = await commissioner.post('/api/contracts/kpis', { ...kpi, name: '', frequency: 'weekly' });
      expect(bad.statusCode).toBe(400);
      expect(fields(bad)).toEqual(expect.arrayContaining(['name', 'frequency']));
      expect((await viewer.post('/api/contracts/kpis', kpi)).statusCode).toBe(403);
      expect((await provider.post('/api/contracts/kpis', kpi)).statusCode).toBe(403);
      const unknown = await commissioner.post('/api/contracts/kpis', { ...kpi, contractId: MISSING });
      expect(fields(unknown)).toEqual(['contractId']);
      expect((await commissioner.post('/api/contracts/kpis', kpi)).statusCode).toBe(201);
      const detail = (await commissioner.get(`/api/contracts/contracts/${id}`)).json();
      expect(detail.kpis[0]).toMatchObject({ name: 'Visits on time', target: 95, dueDays: 10 });
      expect(detail.history[0].summary).toBe('KPI added: Visits on time');
    });

    it('edits a KPI and removes KPIs: one without returns is deleted, one with returns retired with them kept', async () => {
      const [kpi] = (await commissioner.get(`/api/contracts/contracts/${id}`)).json().kpis as { id: string }[];
      const lastMonth = monthStart(addMonths(today, -1));
      expect(
        (await provider.post(`/api/contracts/kpis/${kpi.id}/returns`, { periodStart: lastMonth, value: 93 }))
          .statusCode,
      ).toBe(201);
      const edit = {
        name: 'Visits on time',
        unit: '%',
        target: 97.5,
        direction: 'higher_is_better',
        frequency: 'monthly',
        tolerance: 2,
        dueDays: 15,
      };
      // Only commissioners; the same messages as on add; the frequency is fixed once returns are in.
      expect((await viewer.put(`/api/contracts/kpis/${kpi.id}`, edit)).statusCode).toBe(403);
      expect((await provider.put(`/api/contracts/kpis/${kpi.id}`, edit)).statusCode).toBe(403);
      const blank = await commissioner.put(`/api/contracts/kpis/${kpi.id}`, { ...edit, unit: ' ' });
      expect(blank.json().errors).toMatchObject([{ field: 'unit', message: 'Enter the unit, like % or hours' }]);
      const refreq = await commissioner.put(`/api/contracts/kpis/${kpi.id}`, { ...edit, frequency: 'quarterly' });
      expect(fields(refreq)).toEqual(['frequency']);
      expect((await commissioner.put(`/api/contracts/kpis/${MISSING}`, edit)).statusCode).toBe(404);
      expect((await commissioner.put(`/api/contracts/kpis/${kpi.id}`, edit)).statusCode).toBe(204);
      let detail = (await commissioner.get(`/api/contracts/contracts/${id}`)).json();
      // The return already in is judged against the new target: 93 is more than 2 short of 97.5, so red.
      expect(detail.kpis[0]).toMatchObject({ target: 97.5, tolerance: 2, dueDays: 15, retiredOn: null });
      expect(detail.kpis[0].returns.find((r: { periodStart: string }) => r.periodStart === lastMonth)).toMatchObject({
        value: 93,
        rag: 'red',
      });
      expect(detail.history[0]).toMatchObject({ summary: 'KPI edited: Visits on time' });
      expect(detail.history[0].changes).toEqual([
        { field: 'target', label: 'Target', before: '95', after: '97.5' },
        { field: 'tolerance', label: 'Tolerance', before: '0', after: '2' },
        { field: 'dueDays', label: 'Due day (days after the period ends)', before: '10 days', after: '15 days' },
      ]);

      // A KPI added by mistake, with no returns: removed outright, and the removal stays in the history.
      const typo = await commissioner.post('/api/contracts/kpis', {
        ...edit,
        contractId: id,
        name: 'Visits on tiem',
        reportingFrom: today,
      });
      const typoId = typo.json().id as string;
      expect((await provider.post(`/api/contracts/kpis/${typoId}/remove`, { reason: 'Typo' })).statusCode).toBe(403);
      const noReason = await commissioner.post(`/api/contracts/kpis/${typoId}/remove`, { reason: '' });
      expect(noReason.json().errors).toMatchObject([
        { field: 'reason', message: 'Enter why the KPI is being removed' },
      ]);
      const removed = await commissioner.post(`/api/contracts/kpis/${typoId}/remove`, { reason: 'Added twice' });
      expect(removed.json()).toEqual({ outcome: 'deleted' });

      // The KPI with a return is retired: still listed with its return, marked retired, no longer editable.
      const retired = await commissioner.post(`/api/contracts/kpis/${kpi.id}/remove`, {
        reason: 'Replaced by the outcomes framework',
      });
      expect(retired.json()).toEqual({ outcome: 'retired' });
      detail = (await commissioner.get(`/api/contracts/contracts/${id}`)).json();
      expect(detail.kpis.map((k: { name: string }) => k.name)).toEqual(['Visits on time']);
      expect(detail.kpis[0]).toMatchObject({ retiredOn: today, retireReason: 'Replaced by the outcomes framework' });
      expect(detail.kpis[0].returns.filter((r: { value: number | null }) => r.value !== null)).toHaveLength(1);
      expect(
        detail.history.slice(0, 2).map((h: { summary: string; note: string | null }) => [h.summary, h.note]),
      ).toEqual([
        ['KPI retired (its returns are kept): Visits on time', 'Replaced by the outcomes framework'],
        ['KPI removed (it had no returns): Visits on tiem', 'Added twice'],
      ]);
      expect((await commissioner.post(`/api/contracts/kpis/${kpi.id}/remove`, { reason: 'Again' })).statusCode).toBe(
        409,
      );
      expect((await commissioner.put(`/api/contracts/kpis/${kpi.id}`, edit)).statusCode).toBe(409);

      // Retired at the start of last month: the month before is still owed (overdue), last month's return stays
      // but a period ending on or after the retirement is no longer owed, nor accepted.
      await ctx.db.update(kpis).set({ retiredOn: lastMonth }).where(eq(kpis.id, kpi.id));
      const kpiView = (await commissioner.get(`/api/contracts/kpis?contractId=${id}`)).json().kpis[0];
      expect(
        kpiView.returns.map((r: { periodStart: string; state: string; value: number | null }) => [
          r.periodStart,
          r.state === 'overdue' ? 'overdue' : r.value,
        ]),
      ).toEqual([
        [monthStart(addMonths(today, -2)), 'overdue'],
        [lastMonth, 93],
      ]);
      expect(kpiView.overdue).toBe(1);
      await ctx.db.delete(kpiReturns).where(eq(kpiReturns.kpiId, kpi.id));
      expect(
        (await commissioner.get(`/api/contracts/kpis?contractId=${id}`))
          .json()
          .kpis[0].returns.map((r: { periodStart: string }) => r.periodStart),
      ).toEqual([monthStart(addMonths(today, -2))]);
      const late = await provider.post(`/api/contracts/kpis/${kpi.id}/returns`, { periodStart: lastMonth, value: 95 });
      expect(fields(late)).toEqual(['periodStart']);
      expect(late.json().errors[0].message).toBe(
        `This KPI was retired on ${lastMonth}: no return is due for a period ending on or after that day`,
      );
    });

    it('varies break clauses and social value commitments, each kept in the history before and after', async () => {
      const made = await commissioner.post('/api/contracts/contracts', { ...contract(), reference: 'EB-HC-110' });
      const otherId = made.json().id as string;
      const breakDate = addMonths(today, 12);
      const outside = await commissioner.post(`/api/contracts/contracts/${otherId}/variations`, {
        changes: { breakClauseDates: [addMonths(today, 60)] },
        reason: 'Break clause',
        effectiveFrom: today,
      });
      expect(fields(outside)).toEqual(['breakClauseDates']);
      const ok = await commissioner.post(`/api/contracts/contracts/${otherId}/variations`, {
        changes: { breakClauseDates: [breakDate], socialValue: 'Local recruitment and two apprenticeships a year' },
        reason: 'Break clause agreed at the annual review',
        effectiveFrom: today,
      });
      expect(ok.statusCode).toBe(201);
      expect(ok.json().contract).toMatchObject({
        breakClauseDates: [breakDate],
        socialValue: 'Local recruitment and two apprenticeships a year',
      });
      const { history } = (await commissioner.get(`/api/contracts/contracts/${otherId}/history`)).json();
      expect(history[0].summary).toBe(`Varied (variation 1), effective from ${longDateText(today)}`);
      expect(history[0].changes).toEqual([
        { field: 'breakClauseDates', label: 'Break clauses', before: null, after: longDateText(breakDate) },
        {
          field: 'socialValue',
          label: 'Social value commitments',
          before: 'Local recruitment',
          after: 'Local recruitment and two apprenticeships a year',
        },
      ]);
    });

    it('extends, varies and ends a contract, refusing what its state does not allow', async () => {
      const extended = await commissioner.post(`/api/contracts/contracts/${id}/extend`, { note: 'Good value' });
      expect(extended.statusCode).toBe(200);
      expect(extended.json().contract.currentEndDate).toBe(addMonths(addMonths(today, 24), 12));
      const again = await commissioner.post(`/api/contracts/contracts/${id}/extend`, {});
      expect(again.statusCode).toBe(409);
      expect(again.json().detail).toBe('No extension options remain on this contract');
      expect((await viewer.post(`/api/contracts/contracts/${id}/extend`, {})).statusCode).toBe(403);
      expect((await commissioner.post(`/api/contracts/contracts/${MISSING}/extend`, {})).statusCode).toBe(404);

      const nothing = await commissioner.post(`/api/contracts/contracts/${id}/variations`, {
        changes: { annualValuePence: 110_000_000 },
        reason: 'Uplift',
        effectiveFrom: today,
      });
      expect(nothing.statusCode).toBe(400);
      expect(fields(nothing)).toEqual(['changes']);
      const noReason = await commissioner.post(`/api/contracts/contracts/${id}/variations`, {
        changes: { annualValuePence: 1 },
        reason: ' ',
      });
      expect(fields(noReason)).toEqual(expect.arrayContaining(['reason', 'effectiveFrom']));
      const varied = await commissioner.post(`/api/contracts/contracts/${id}/variations`, {
        changes: { annualValuePence: 115_000_000, totalValuePence: 345_000_000, noticePeriodMonths: 6 },
        reason: 'National Living Wage uplift',
        effectiveFrom: today,
      });
      expect(varied.statusCode).toBe(201);
      expect(varied.json()).toMatchObject({ variation: 1, contract: { annualValuePence: 115_000_000 } });

      const outside = await commissioner.post(`/api/contracts/contracts/${id}/end`, {
        endedOn: addMonths(today, -13),
        reason: 'Provider exit',
      });
      expect(outside.statusCode).toBe(400);
      expect(outside.json().errors[0]).toMatchObject({
        field: 'endedOn',
        message: expect.stringMatching(
          /^Last day of the contract must be on or after its start date \(\d{1,2} [A-Z][a-z]+ \d{4}\)$/,
        ),
      });
      expect(
        (await provider.post(`/api/contracts/contracts/${id}/end`, { endedOn: today, reason: 'x' })).statusCode,
      ).toBe(403);
      const lastDay = addDays(today, 30);
      const ended = await commissioner.post(`/api/contracts/contracts/${id}/end`, {
        endedOn: lastDay,
        reason: 'Provider handed back the contract',
      });
      expect(ended.statusCode).toBe(200);
      expect(ended.json().contract).toMatchObject({
        currentEndDate: lastDay,
        endedOn: lastDay,
        extensionsRemaining: [],
        endReason: 'Provider handed back the contract',
      });
      const twice = await commissioner.post(`/api/contracts/contracts/${id}/end`, { endedOn: today, reason: 'Again' });
      expect(twice.statusCode).toBe(409);
      expect(fields(twice)).toEqual(['endedOn']);
      const lateVary = await commissioner.post(`/api/contracts/contracts/${id}/variations`, {
        changes: { annualValuePence: 1 },
        reason: 'Late',
        effectiveFrom: today,
      });
      expect(lateVary.statusCode).toBe(409);

      const { history } = (await commissioner.get(`/api/contracts/contracts/${id}/history`)).json();
      expect(history.slice(0, 3).map((h: { summary: string; note: string | null }) => [h.summary, h.note])).toEqual([
        ['Contract ended early', 'Provider handed back the contract'],
        [`Varied (variation 1), effective from ${longDateText(today)}`, 'National Living Wage uplift'],
        ['Extension option taken', 'Good value'],
      ]);
      expect(history[0].changes).toEqual([
        {
          field: 'currentEndDate',
          label: 'End date',
          before: longDateText(addMonths(today, 36)),
          after: longDateText(lastDay),
        },
      ]);
      expect(history[1].changes.map((c: { field: string }) => c.field)).toEqual([
        'totalValuePence',
        'annualValuePence',
      ]);
      expect((await provider.get(`/api/contracts/contracts/${id}/history`)).statusCode).toBe(403);
    });
  });

  it('shows a register import in each contract’s history, with the fields the file changed', async () => {
    const csv = (value: string) =>
      `Contract reference,Title,Provider,Service area,Care group,Contract form,Funding source,Total value (£),Start date,End date\nEB-IMP-1,Befriending,Bluebird Care Services Ltd,Prevention,Older people,Grant,BCF,"${value}",01/04/2026,31/03/2028\n`;
    const first = await commissioner.send(
      'POST',
      '/api/contracts/import?fileName=register.csv',
      csv('£96,000'),
      'text/csv',
    );
    expect(first.statusCode).toBe(200);
    const { contracts } = (await commissioner.get('/api/contracts/contracts?search=EB-IMP-1')).json();
    const id = contracts[0].id;
    await commissioner.send('POST', '/api/contracts/import?fileName=register-v2.csv', csv('£120,000'), 'text/csv');
    await commissioner.send('POST', '/api/contracts/import?fileName=register-v2.csv', csv('£120,000'), 'text/csv');
    const { history } = (await commissioner.get(`/api/contracts/contracts/${id}/history`)).json();
    expect(history.map((h: { summary: string }) => h.summary)).toEqual([
      'Updated from the register file register-v2.csv',
      'Added from the register file register.csv',
    ]);
    expect(history[0].changes.find((c: { field: string }) => c.field === 'totalValuePence')).toMatchObject({
      before: '£96,000',
      after: '£120,000',
    });
  });

  describe('procurements', () => {
    let contractId: string;
    let procurementId: string;
    beforeAll(async () => {
      const res = await commissioner.post('/api/contracts/contracts', {
        ...contract(),
        reference: 'EB-HC-102',
        initialEndDate: addMonths(today, 10),
      });
      contractId = res.json().id;
    });

    it('starts a procurement from a contract, planned back from its go-live', async () => {
      const noDate = await commissioner.post('/api/contracts/procurements', {
        contractId,
        title: 'Homecare re-tender',
        route: 're_tender',
      });
      expect(noDate.statusCode).toBe(400);
      expect(noDate.json().errors[0]).toMatchObject({ field: 'goLive', message: 'Enter the planned go-live date' });
      expect(
        (
          await viewer.post('/api/contracts/procurements', {
            contractId,
            title: 'x',
            route: 're_tender',
            goLive: today,
          })
        ).statusCode,
      ).toBe(403);
      const goLive = addDays(addMonths(today, 10), 1);
      const res = await commissioner.post('/api/contracts/procurements', {
        contractId,
        title: 'Homecare re-tender',
        route: 're_tender',
        leadOfficer: 'Sam Patel',
        goLive,
      });
      expect(res.statusCode).toBe(201);
      const p = res.json();
      procurementId = p.id;
      expect(p).toMatchObject({ contractId, intentionId: null, forecast: { plannedGoLive: goLive } });
      expect(p.forecast.stages).toHaveLength(9);
      const { history } = (await commissioner.get(`/api/contracts/contracts/${contractId}/history`)).json();
      expect(history[0].summary).toBe('Procurement started: Homecare re-tender');
    });

    it('starts a procurement from a commissioning intention', async () => {
      const unknown = await commissioner.post('/api/contracts/procurements', {
        intentionId: MISSING,
        title: 'Zone model',
        route: 'new_service',
        goLive: addMonths(today, 12),
      });
      expect(fields(unknown)).toEqual(['intentionId']);
      const res = await commissioner.post('/api/contracts/procurements', {
        intentionId,
        title: 'Zone model',
        route: 'new_service',
        goLive: addMonths(today, 12),
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({
        contractId: null,
        intentionId,
        intentionTitle: 'Recommission homecare by zone',
      });
    });

    it('moves a stage on with planned and actual dates, refusing a future actual date', async () => {
      const url = `/api/contracts/procurements/${procurementId}/stages/options_appraisal`;
      const future = await commissioner.patch(url, { actualStart: addDays(today, -3), actualEnd: addDays(today, 3) });
      expect(future.statusCode).toBe(400);
      expect(future.json().errors[0]).toMatchObject({
        field: 'actualEnd',
        message: 'Actual end must be today or in the past',
      });
      const order = await commissioner.patch(url, { actualStart: addDays(today, -3), actualEnd: addDays(today, -5) });
      expect(fields(order)).toEqual(['stages.options_appraisal.actualEnd']);
      expect((await viewer.patch(url, { actualStart: today })).statusCode).toBe(403);
      expect(
        (await commissioner.patch(`/api/contracts/procurements/${MISSING}/stages/award`, { actualStart: today }))
          .statusCode,
      ).toBe(404);
      const ok = await commissioner.patch(url, { actualStart: addDays(today, -10), actualEnd: addDays(today, -1) });
      expect(ok.statusCode).toBe(200);
      const stage = ok.json().forecast.stages.find((s: { stage: string }) => s.stage === 'options_appraisal');
      expect(stage).toMatchObject({ status: 'complete', actualEnd: addDays(today, -1) });
      const { history } = (await commissioner.get(`/api/contracts/contracts/${contractId}/history`)).json();
      expect(history[0].summary).toBe(
        `Procurement stage Options appraisal: actual start ${longDateText(addDays(today, -10))}, actual end ${longDateText(addDays(today, -1))}`,
      );
      const one = await viewer.get(`/api/contracts/procurements/${procurementId}`);
      expect(one.statusCode).toBe(200);
      expect(one.json().history.map((h: { summary: string }) => h.summary)).toEqual([
        `Procurement stage Options appraisal: actual start ${longDateText(addDays(today, -10))}, actual end ${longDateText(addDays(today, -1))}`,
        'Procurement started: Homecare re-tender',
      ]);
      expect((await provider.get(`/api/contracts/procurements/${procurementId}`)).statusCode).toBe(403);
      expect((await viewer.get(`/api/contracts/procurements/${MISSING}`)).statusCode).toBe(404);
    });

    it('keeps the stages in order around go-live, in plain words naming the stage and field', async () => {
      const stage = (name: string) => `/api/contracts/procurements/${procurementId}/stages/${name}`;
      // Evaluation cannot have started before the options appraisal did (10 days ago, the test above).
      const early = await commissioner.patch(stage('evaluation'), { actualStart: addDays(today, -20) });
      expect(early.statusCode).toBe(400);
      expect(early.json().errors).toEqual([
        expect.objectContaining({
          field: 'stages.evaluation.actualStart',
          message: `Evaluation: the actual start (${longDateText(addDays(today, -20))}) is before Options appraisal actually started (${longDateText(addDays(today, -10))}): stages start in order`,
        }),
      ]);
      // Live while the earlier stages are still open; a go-live planned before mobilisation ends.
      const live = await commissioner.patch(stage('go_live'), { actualStart: today });
      expect(fields(live)).toEqual(['stages.go_live.actualStart']);
      expect(live.json().errors[0].message).toMatch(/^Go-live: the service went live on .* but Soft market test, /);
      const one = (await commissioner.get(`/api/contracts/procurements/${procurementId}`)).json().procurement;
      const mobilisation = one.forecast.stages.find((x: { stage: string }) => x.stage === 'mobilisation');
      const before = addDays(mobilisation.plannedEnd, -7);
      const planned = await commissioner.patch(stage('go_live'), { plannedStart: before, plannedEnd: before });
      expect(planned.json().errors).toEqual([
        expect.objectContaining({
          field: 'stages.go_live.plannedStart',
          message: `Go-live: the planned go-live (${longDateText(before)}) is before Mobilisation is planned to end (${longDateText(mobilisation.plannedEnd)}): plan go-live after every earlier stage ends`,
        }),
      ]);
    });

    it('plans a near go-live from today, and refuses one too soon for every stage', async () => {
      const goLive = addDays(today, 70);
      const res = await commissioner.post('/api/contracts/procurements', {
        title: 'Urgent respite',
        route: 'new_service',
        goLive,
      });
      expect(res.statusCode).toBe(201);
      const stages: { stage: string; plannedStart: string; status: string }[] = res.json().forecast.stages;
      expect(stages[0]).toMatchObject({ stage: 'options_appraisal', plannedStart: today });
      expect(stages.filter((x) => x.plannedStart < today)).toEqual([]);
      expect(stages.filter((x) => x.status === 'overdue')).toEqual([]);
      expect(res.json().forecast.plannedGoLive).toBe(goLive);

      const soon = await commissioner.post('/api/contracts/procurements', {
        title: 'Urgent respite',
        route: 'new_service',
        goLive: addDays(today, 5),
      });
      expect(soon.statusCode).toBe(400);
      expect(soon.json().errors).toEqual([
        expect.objectContaining({
          field: 'goLive',
          message: `Planned go-live: ${longDateText(addDays(today, 5))} leaves too little time to plan every stage from today, with the standstill’s 2 weeks: choose ${longDateText(addDays(today, 21))} or later`,
        }),
      ]);
    });
  });

  describe('risks', () => {
    it('adds, reviews and closes a risk, and refuses to review a closed one', async () => {
      const risk = {
        reference: 'CR-01',
        title: 'Homecare workforce',
        owner: 'Head of Commissioning',
        likelihood: 4,
        impact: 3,
      };
      expect((await viewer.post('/api/contracts/risks', risk)).statusCode).toBe(403);
      const created = await commissioner.post('/api/contracts/risks', risk);
      expect(created.statusCode).toBe(201);
      const id = created.json().id;
      const review = `/api/contracts/risks/${id}/review`;
      expect(
        (await commissioner.post(review, { likelihood: 3, impact: 3, note: 'Recruitment drive' })).statusCode,
      ).toBe(200);
      expect((await provider.post(review, { likelihood: 1, impact: 1 })).statusCode).toBe(403);
      expect(
        (await commissioner.post(`/api/contracts/risks/${MISSING}/review`, { likelihood: 1, impact: 1 })).statusCode,
      ).toBe(404);
      const closed = await commissioner.post(review, { likelihood: 1, impact: 3, note: 'Mitigated', status: 'closed' });
      expect(closed.statusCode).toBe(200);
      const list = (await viewer.get('/api/contracts/risks')).json();
      const r = list.risks.find((x: { id: string }) => x.id === id);
      expect(r).toMatchObject({ status: 'closed', score: 3 });
      expect(r.history.map((h: { score: number }) => h.score)).toEqual([12, 9, 3]);
      const late = await commissioner.post(review, { likelihood: 2, impact: 2 });
      expect(late.statusCode).toBe(409);
    });

    it('edits the risk bands, refusing bands that do not cover 1–25 once', async () => {
      const bands = [
        { min: 1, max: 5, rag: 'green', label: 'Low' },
        { min: 6, max: 14, rag: 'amber', label: 'Medium' },
        { min: 15, max: 25, rag: 'red', label: 'High' },
      ];
      expect((await viewer.put('/api/contracts/risk-bands', { bands })).statusCode).toBe(403);
      const gap = await commissioner.put('/api/contracts/risk-bands', { bands: [bands[0], bands[2]] });
      expect(gap.statusCode).toBe(400);
      expect(fields(gap)).toEqual(['bands.1.min']);
      const ok = await commissioner.put('/api/contracts/risk-bands', { bands });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().bands.map((b: { max: number }) => b.max)).toEqual([5, 14, 25]);
    });
  });
});
