import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithDatabases } from '../../db/testing.js';
import { locations, providers } from '../../db/market/schema.js';
import { createContract } from '../../db/contracts/contracts.js';
import { createKpi } from '../../db/contracts/kpiDefinitions.js';
import { createAssessment } from '../../db/contracts/assessmentWrites.js';
import { addDays, addMonths, londonToday } from '../../domain/core/dates.js';
import { periodStartFor } from '../../domain/contracts/kpi.js';
import { anonymous, createTestApp, signInAs } from '../testing.js';

const today = londonToday();
const system = { system: 'test' };
const REGISTER_HEADER =
  'Contract reference,Title,Provider,Service area,Care group,Contract form,Funding source,Total value (£),Start date,End date';

describeWithDatabases('contracts routes', (ctx) => {
  let app: FastifyInstance;
  let mine: string;
  let theirs: string;
  let myLocation: string;
  let myKpi: string;
  let theirKpi: string;
  let draft: string;

  beforeAll(async () => {
    app = await createTestApp(ctx.database);
    [{ id: mine }, { id: theirs }] = await ctx.db
      .insert(providers)
      .values([{ name: 'Rosewood Care Homes Ltd' }, { name: 'Bluebird Care Services Ltd' }])
      .returning({ id: providers.id });
    [{ id: myLocation }] = await ctx.db
      .insert(locations)
      .values({ providerId: mine, name: 'Rosewood Lodge', postcodeDistrict: 'EB1', inBorough: true })
      .returning({ id: locations.id });
    const common = {
      locationId: null,
      careGroup: 'older_people',
      contractForm: 'block',
      fundingSource: 'general_fund',
      totalValuePence: 200_000_000,
      annualValuePence: 66_000_000,
      extensionOptionsMonths: [12],
      extensionsTaken: 0,
      breakClauseDates: [],
      noticePeriodMonths: 3,
      socialValue: null,
      leadOfficer: null,
    };
    const c1 = await createContract(ctx.db, system, {
      ...common,
      reference: 'R-001',
      title: 'D2A beds',
      providerId: mine,
      serviceArea: 'care_homes',
      startDate: addMonths(today, -30),
      initialEndDate: addMonths(today, 5),
    });
    const c2 = await createContract(ctx.db, system, {
      ...common,
      reference: 'R-002',
      title: 'Homecare zone',
      providerId: theirs,
      serviceArea: 'homecare',
      startDate: addMonths(today, -20),
      initialEndDate: addMonths(today, 30),
    });
    const kpiBase = {
      name: 'Occupancy',
      measure: 'percent' as const,
      unit: '%',
      target: 92,
      direction: 'higher_is_better' as const,
      frequency: 'monthly' as const,
      tolerance: 4,
      dueDays: null,
      reportingFrom: addMonths(today, -6),
    };
    myKpi = await createKpi(ctx.db, system, { ...kpiBase, contractId: c1 });
    theirKpi = await createKpi(ctx.db, system, { ...kpiBase, contractId: c2 });
    const ratings = {
      involvement_information: 'Good',
      personalised_care: 'Good',
      safeguarding_safety: 'Good',
      staffing: 'Requires improvement',
      management: 'Good',
    } as const;
    draft = await createAssessment(
      ctx.db,
      system,
      {
        locationId: myLocation,
        contractId: c1,
        visitDate: addDays(today, -5),
        ratings,
        summary: 'Night staffing',
        assessorName: null,
      },
      today,
    );
  });
  afterAll(async () => app.close());

  it('imports a register from the web whole, or reports every problem with its line', async () => {
    const commissioner = await signInAs(app, 'commissioner');
    const header = REGISTER_HEADER;
    const bad = await commissioner.send(
      'POST',
      '/api/contracts/import?fileName=register.csv',
      `${header}\nW-1,Meals,Nobody Ltd,Prevention,Older people,Block,BCF,1000,2025-04-01,2027-03-31\nW-2,Hub,Rosewood Care Homes Ltd,Carers,Carers,Grant,BCF,ten,2025-04-01,2027-03-31\n`,
      'text/csv',
    );
    expect(bad.statusCode).toBe(422);
    // Every problem in one go (issue 13): the unknown provider on line 2 as well as the bad value on line 3.
    expect(bad.json().errors).toEqual([
      { field: 'line 2: Provider', message: 'No provider called "Nobody Ltd" in the market register', in: 'body' },
      {
        field: 'line 3: Total value (£)',
        message: 'Total value "ten" is not an amount in pounds (e.g. 1250000 or £1,250,000.00)',
        in: 'body',
      },
    ]);
    // Implausible values are refused with the same bounds as the API (issue 13: £99,999,999,999,999).
    const huge = await commissioner.send(
      'POST',
      '/api/contracts/import?fileName=register.csv',
      `${header}\nW-4,Meals,Bluebird Care Services Ltd,Prevention,Older people,Block,BCF,99999999999999,2025-04-01,1999-03-31\n`,
      'text/csv',
    );
    expect(huge.json().errors.map((e: { field: string; message: string }) => [e.field, e.message])).toEqual([
      ['line 2: End date', 'End date must be on or after 1 January 2000'],
      ['line 2: Total value (£)', 'Total value is more than £1,000,000,000: check the figure (in pounds)'],
    ]);
    // A PNG sent as the register is refused in plain words, not answered 500.
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
    const image = await commissioner.send(
      'POST',
      '/api/contracts/import?fileName=register.png',
      png,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(image.statusCode).toBe(422);
    expect(image.json().errors[0].message).toMatch(/This file is an image|Not a readable XLSX workbook/);
    // The same PNG renamed fake.csv and read by the browser as text (issue 13): refused as an image on the file,
    // in the importers' words, not as "body: Remove the NUL character".
    const asText = await commissioner.send(
      'POST',
      '/api/contracts/import?fileName=fake.csv',
      png.toString('utf8'),
      'text/csv',
    );
    expect(asText.statusCode).toBe(400);
    expect(asText.json()).toMatchObject({
      detail: 'The file was not imported',
      errors: [
        {
          field: 'file',
          message: 'This file is an image, not a CSV or text file: choose the spreadsheet itself and upload it again',
        },
      ],
    });
    const unknown = await commissioner.send(
      'POST',
      '/api/contracts/import?fileName=register.csv',
      `${header}\nW-1,Meals,Nobody Ltd,Prevention,Older people,Block,BCF,1000,2025-04-01,2027-03-31\n`,
      'text/csv',
    );
    expect(unknown.json().errors).toEqual([
      { field: 'line 2: Provider', message: 'No provider called "Nobody Ltd" in the market register', in: 'body' },
    ]);
    const ok = await commissioner.send(
      'POST',
      '/api/contracts/import?fileName=register.csv',
      `${header}\nW-3,Befriending,Bluebird Care Services Ltd,Prevention,Older people,Grant,Public Health grant,"£50,000",01/04/2025,31/03/2030\n`,
      'text/csv',
    );
    expect(ok.json()).toMatchObject({ created: 1, updated: 0 });
    const provider = await signInAs(app, 'provider', { providerId: mine });
    expect((await provider.send('POST', '/api/contracts/import', `${header}\n`, 'text/csv')).statusCode).toBe(403);
  });

  it('documents every contracts route in the OpenAPI document', async () => {
    const doc = (await anonymous(app).get('/api/openapi.json')).json();
    for (const path of [
      '/api/contracts/recommissioning',
      '/api/contracts/kpis/{id}/returns',
      '/api/contracts/assessments/{id}/response',
      '/api/contracts/delivery-plan.xlsx',
      '/api/contracts/risks/{id}/review',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });

  it('shows a commissioner the contracts ending within 12 months', async () => {
    expect((await anonymous(app).get('/api/contracts/recommissioning')).statusCode).toBe(401);
    const commissioner = await signInAs(app, 'commissioner');
    const res = await commissioner.get('/api/contracts/recommissioning?horizon=12');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.entries.map((e: { reference: string }) => e.reference)).toEqual(['R-001']);
    expect(body.entries[0].flags).toEqual(['Decision to make']);
    expect(body.totals[1]).toEqual({ horizon: 12, contracts: 1, annualValuePence: 66_000_000 });
    const provider = await signInAs(app, 'provider', { providerId: mine });
    expect((await provider.get('/api/contracts/recommissioning')).statusCode).toBe(403);
    const dash = (await commissioner.get('/api/dashboard')).json();
    const section = dash.sections.find((s: { area: string }) => s.area === 'contracts');
    expect(section.figures.find((f: { key: string }) => f.key === 'contracts_ending_12m')).toMatchObject({
      value: 1,
      hint: '£660,000 a year',
    });
    expect(
      (await provider.get('/api/dashboard')).json().sections.some((s: { area: string }) => s.area === 'contracts'),
    ).toBe(false);
    const bad = await commissioner.get('/api/contracts/recommissioning?horizon=7');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('horizon');
  });

  it('amends a submitted KPI return with its history, and marks a return council staff entered for the provider', async () => {
    // The instance: a submitted return could not be corrected, and staff entries looked like the provider's.
    const provider = await signInAs(app, 'provider', { providerId: mine });
    const commissioner = await signInAs(app, 'commissioner');
    const twoMonthsAgo = periodStartFor('monthly', addMonths(today, -2));
    const threeMonthsAgo = periodStartFor('monthly', addMonths(today, -3));
    expect(
      (await provider.post(`/api/contracts/kpis/${myKpi}/returns`, { periodStart: twoMonthsAgo, value: 70 }))
        .statusCode,
    ).toBe(201);
    // Amending needs a reason, and the value is checked as on submission: both problems at once.
    const bad = await provider.put(`/api/contracts/kpis/${myKpi}/returns/${twoMonthsAgo}`, { value: -10, reason: ' ' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['reason', 'value']);
    const amended = await provider.put(`/api/contracts/kpis/${myKpi}/returns/${twoMonthsAgo}`, {
      value: 75,
      comment: 'Two visits were logged twice',
      reason: 'Double-counted visits removed',
    });
    expect(amended.statusCode).toBe(204);
    // Only a period with a return can be amended; a stranger cannot amend it.
    expect(
      (await provider.put(`/api/contracts/kpis/${myKpi}/returns/${threeMonthsAgo}`, { value: 75, reason: 'x' }))
        .statusCode,
    ).toBe(404);
    const stranger = await signInAs(app, 'provider', { providerId: theirs });
    expect(
      (await stranger.put(`/api/contracts/kpis/${myKpi}/returns/${twoMonthsAgo}`, { value: 1, reason: 'x' }))
        .statusCode,
    ).toBe(403);
    // Council staff enter the missing month on the provider's behalf.
    expect(
      (await commissioner.post(`/api/contracts/kpis/${myKpi}/returns`, { periodStart: threeMonthsAgo, value: 91 }))
        .statusCode,
    ).toBe(201);
    const rows = (await provider.get('/api/contracts/kpis')).json().kpis[0].returns as {
      periodStart: string;
      value: number;
      enteredByStaff: boolean;
      amendedOn: string | null;
      by: string | null;
      history: { value: number; reason: string; amendedOn: string; enteredByStaff: boolean }[];
    }[];
    const two = rows.find((r) => r.periodStart === twoMonthsAgo)!;
    expect(two).toMatchObject({ value: 75, enteredByStaff: false, amendedOn: today });
    expect(two.history).toEqual([
      expect.objectContaining({
        value: 70,
        reason: 'Double-counted visits removed',
        amendedOn: today,
        enteredByStaff: false,
      }),
    ]);
    const three = rows.find((r) => r.periodStart === threeMonthsAgo)!;
    expect(three).toMatchObject({ value: 91, enteredByStaff: true, amendedOn: null, history: [] });
    expect(three.by).toEqual(expect.any(String));
  });

  it('lets providers see and submit only their own KPI returns', async () => {
    const provider = await signInAs(app, 'provider', { providerId: mine });
    const list = await provider.get('/api/contracts/kpis');
    expect(list.json().kpis.map((k: { id: string }) => k.id)).toEqual([myKpi]);
    const contracts = await provider.get('/api/contracts/contracts');
    expect(contracts.json().contracts.map((c: { reference: string }) => c.reference)).toEqual(['R-001']);

    const lastMonth = periodStartFor('monthly', addMonths(today, -1));
    const ok = await provider.post(`/api/contracts/kpis/${myKpi}/returns`, { periodStart: lastMonth, value: 88.5 });
    expect(ok.statusCode).toBe(201);
    const again = await provider.post(`/api/contracts/kpis/${myKpi}/returns`, { periodStart: lastMonth, value: 90 });
    expect(again.statusCode).toBe(409);
    const other = await provider.post(`/api/contracts/kpis/${theirKpi}/returns`, { periodStart: lastMonth, value: 99 });
    expect(other.statusCode).toBe(403);
    const future = await provider.post(`/api/contracts/kpis/${myKpi}/returns`, {
      periodStart: periodStartFor('monthly', today),
      value: 90,
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].field).toBe('periodStart');
    const after = (await provider.get('/api/contracts/kpis')).json().kpis[0].returns;
    // Monthly returns are due 10 days after the month ends: today's return is late after the 10th.
    const due = addDays(addDays(addMonths(lastMonth, 1), -1), 10);
    expect(after[after.length - 1]).toMatchObject({
      periodStart: lastMonth,
      value: 88.5,
      dueDate: due,
      state: today > due ? 'late' : 'on_time',
      rag: 'amber',
      offTarget: true,
    });
    const viewer = await signInAs(app, 'viewer');
    expect(
      (await viewer.post(`/api/contracts/kpis/${myKpi}/returns`, { periodStart: lastMonth, value: 90 })).statusCode,
    ).toBe(403);
  });

  it('runs the assessment challenge workflow with ownership checks', async () => {
    const provider = await signInAs(app, 'provider', { providerId: mine });
    const stranger = await signInAs(app, 'provider', { providerId: theirs });
    const officer = await signInAs(app, 'quality_officer');
    // A draft is invisible to the provider until it is shared.
    expect((await provider.get('/api/contracts/assessments')).json().assessments).toEqual([]);
    expect((await provider.get(`/api/contracts/assessments/${draft}`)).statusCode).toBe(404);
    const commissioner = await signInAs(app, 'commissioner');
    expect((await commissioner.post(`/api/contracts/assessments/${draft}/share`)).statusCode).toBe(403);
    const shared = await officer.post(`/api/contracts/assessments/${draft}/share`);
    expect(shared.json()).toMatchObject({
      status: 'provider_challenge',
      challengeDeadline: addDays(today, 14),
      challengeDaysLeft: 14,
    });
    expect((await stranger.get(`/api/contracts/assessments/${draft}`)).statusCode).toBe(403);
    expect(
      (await stranger.post(`/api/contracts/assessments/${draft}/response`, { response: 'accept' })).statusCode,
    ).toBe(403);
    expect((await officer.post(`/api/contracts/assessments/${draft}/publish`)).statusCode).toBe(400);
    const noReason = await provider.post(`/api/contracts/assessments/${draft}/response`, { response: 'challenge' });
    expect(noReason.json().errors).toEqual([
      { field: 'comments', message: 'Say what you challenge and why', in: 'body' },
    ]);
    const answered = await provider.post(`/api/contracts/assessments/${draft}/response`, {
      response: 'challenge',
      comments: 'Two night staff recruited since the visit',
    });
    expect(answered.json()).toMatchObject({ providerResponse: 'challenge', providerRespondedOn: today });
    // The same visit entered again is refused as a duplicate, naming the visit date.
    const duplicate = await officer.post('/api/contracts/assessments', {
      locationId: myLocation,
      contractId: null,
      visitDate: addDays(today, -5),
      ratings: {
        involvement_information: 'Good',
        personalised_care: 'Good',
        safeguarding_safety: 'Good',
        staffing: 'Requires improvement',
        management: 'Good',
      },
      summary: 'Night staffing',
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().errors[0]).toMatchObject({ field: 'visitDate' });
    expect(duplicate.json().errors[0].message).toMatch(/already has an assessment for the visit on .* revise that one/);
    // A visit that has not happened, or one before any record Steward keeps, is refused naming the visit date
    // (issue 13: a visit on 1 January 1900 was saved).
    for (const [visitDate, message] of [
      ['1900-01-01', 'Visit date must be on or after 1 January 2000'],
      [addDays(today, 1), 'Visit date must be today or in the past'],
    ]) {
      const wrong = await officer.post('/api/contracts/assessments', {
        locationId: myLocation,
        contractId: null,
        visitDate,
        ratings: { involvement_information: 'Good' },
      });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().errors).toContainEqual(expect.objectContaining({ field: 'visitDate', message }));
    }
    const published = await officer.post(`/api/contracts/assessments/${draft}/publish`);
    expect(published.json()).toMatchObject({
      status: 'published',
      overall: 'Good',
      actionPlanDue: addDays(today, 14),
      actionPlanState: 'due',
    });
    const locs = (await officer.get('/api/contracts/assessable-locations')).json().locations;
    expect(locs).toEqual([
      { id: myLocation, name: 'Rosewood Lodge', providerName: 'Rosewood Care Homes Ltd', councilQualityRating: 'Good' },
    ]);
    const plan = await provider.post(`/api/contracts/assessments/${draft}/action-plan`, {
      actionPlan: 'Recruit two night seniors by March',
    });
    expect(plan.json().actionPlanState).toBe('submitted');
    expect(plan.json().actionPlanAcceptedOn).toBeNull();
    // The provider revises it before it is accepted; the first submission's date stays the submission date.
    const revised = await provider.post(`/api/contracts/assessments/${draft}/action-plan`, {
      actionPlan: 'Recruit two night seniors by March; agency cover on nights until then',
    });
    expect(revised.statusCode).toBe(200);
    expect(revised.json()).toMatchObject({
      actionPlan: 'Recruit two night seniors by March; agency cover on nights until then',
      actionPlanSubmittedOn: plan.json().actionPlanSubmittedOn,
    });
    // The quality team asks for changes, saying what; the provider sees the request until it revises the plan.
    expect(
      (await provider.post(`/api/contracts/assessments/${draft}/action-plan/changes`, { changes: 'x' })).statusCode,
    ).toBe(403);
    const blank = await officer.post(`/api/contracts/assessments/${draft}/action-plan/changes`, { changes: ' ' });
    expect(blank.json().errors).toMatchObject([
      { field: 'changes', message: 'Say what the action plan needs to change' },
    ]);
    const asked = await officer.post(`/api/contracts/assessments/${draft}/action-plan/changes`, {
      changes: 'Name who leads the night recruitment',
    });
    expect(asked.statusCode).toBe(200);
    expect(asked.json()).toMatchObject({
      actionPlanChangesRequested: 'Name who leads the night recruitment',
      actionPlanChangesRequestedOn: today,
      actionPlanAcceptedOn: null,
    });
    expect((await provider.get(`/api/contracts/assessments/${draft}`)).json().actionPlanChangesRequested).toBe(
      'Name who leads the night recruitment',
    );
    const revisedAgain = await provider.post(`/api/contracts/assessments/${draft}/action-plan`, {
      actionPlan: 'Deputy manager recruits two night seniors by March; agency cover on nights until then',
    });
    expect(revisedAgain.json()).toMatchObject({ actionPlanChangesRequested: null, actionPlanChangesRequestedOn: null });
    // Only the quality team accepts it; then it is fixed.
    expect((await provider.post(`/api/contracts/assessments/${draft}/action-plan/accept`)).statusCode).toBe(403);
    const accepted = await officer.post(`/api/contracts/assessments/${draft}/action-plan/accept`);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().actionPlanAcceptedOn).toBe(today);
    expect((await officer.post(`/api/contracts/assessments/${draft}/action-plan/accept`)).statusCode).toBe(400);
    const late = await provider.post(`/api/contracts/assessments/${draft}/action-plan`, { actionPlan: 'Changed' });
    expect(late.statusCode).toBe(400);
    expect(late.json().errors[0].message).toMatch(/accepted and can no longer be changed/);
    const tooLate = await officer.post(`/api/contracts/assessments/${draft}/action-plan/changes`, { changes: 'More' });
    expect(tooLate.json().errors[0]).toMatchObject({
      field: 'status',
      message: 'The action plan has been accepted and can no longer be changed',
    });
    expect(accepted.json().actionPlan).toBe(
      'Deputy manager recruits two night seniors by March; agency cover on nights until then',
    );
    // The assessment's history keeps the action plan's whole trail: each text, the changes asked, the acceptance.
    type Entry = {
      summary: string;
      note: string | null;
      changes: { label: string; before: string | null; after: string | null }[];
    };
    const trail = (await officer.get(`/api/contracts/assessments/${draft}/history`)).json().history as Entry[];
    expect(trail.map((h) => h.summary)).toEqual([
      'Action plan accepted',
      'Action plan revised',
      'Changes to the action plan asked for',
      'Action plan revised',
      'Action plan submitted',
      'Assessment published',
      'Provider challenged the assessment',
      'Shared with the provider for challenge',
      'Assessment recorded as a draft (overall: Good)',
    ]);
    expect(trail[4].note).toBe('Recruit two night seniors by March');
    expect(trail[3].changes).toEqual([
      {
        field: 'actionPlan',
        label: 'Action plan',
        before: 'Recruit two night seniors by March',
        after: 'Recruit two night seniors by March; agency cover on nights until then',
      },
    ]);
    expect(trail[2].note).toBe('Name who leads the night recruitment');
    expect(trail[1].changes[0]).toMatchObject({
      before: 'Recruit two night seniors by March; agency cover on nights until then',
      after: 'Deputy manager recruits two night seniors by March; agency cover on nights until then',
    });
    // The provider sees the same trail from sharing on (not the council's draft); another provider sees none of it.
    expect(
      ((await provider.get(`/api/contracts/assessments/${draft}/history`)).json().history as Entry[]).map(
        (h) => h.summary,
      ),
    ).toEqual(trail.slice(0, -1).map((h) => h.summary));
    expect((await stranger.get(`/api/contracts/assessments/${draft}/history`)).statusCode).toBe(403);
  });

  it('checks risk scores and bands, and exports the delivery plan only when there is one', async () => {
    const commissioner = await signInAs(app, 'commissioner');
    const bad = await commissioner.post('/api/contracts/risks', {
      reference: 'R1',
      title: 'Workforce',
      owner: 'Director',
      likelihood: 6,
      impact: 0,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['likelihood', 'impact']);
    const created = await commissioner.post('/api/contracts/risks', {
      reference: 'R1',
      title: 'Workforce',
      owner: 'Director',
      likelihood: 4,
      impact: 4,
    });
    expect(created.statusCode).toBe(201);
    const list = (await commissioner.get('/api/contracts/risks')).json();
    expect(list.risks[0]).toMatchObject({ score: 16, band: { label: 'High', rag: 'red' }, trend: 'new' });
    const provider = await signInAs(app, 'provider', { providerId: mine });
    expect((await provider.get('/api/contracts/risks')).statusCode).toBe(403);
    expect((await commissioner.get('/api/contracts/delivery-plan.xlsx')).statusCode).toBe(404);
    const gap = await commissioner.put('/api/contracts/risk-bands', {
      bands: [
        { min: 1, max: 4, rag: 'green', label: 'Low' },
        { min: 6, max: 25, rag: 'red', label: 'High' },
      ],
    });
    expect(gap.json().errors[0]).toEqual({
      field: 'bands.1.min',
      message: 'Band High should start at 5 (scores must be covered once, without gaps or overlaps)',
      in: 'body',
    });
  });

  it('serves the cached dashboard figures and the new figure at once after a contract is imported', async () => {
    const commissioner = await signInAs(app, 'commissioner');
    const ending = async () =>
      (await commissioner.get('/api/dashboard'))
        .json()
        .sections.find((s: { area: string }) => s.area === 'contracts')
        .figures.find((f: { key: string }) => f.key === 'contracts_ending_12m').value;
    const before = await ending();
    expect(await ending()).toBe(before); // cached
    const ends = addMonths(today, 6);
    const fmt = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
    const imported = await commissioner.send(
      'POST',
      '/api/contracts/import?fileName=register.csv',
      `${REGISTER_HEADER}
W-9,Meals at home,Bluebird Care Services Ltd,Prevention,Older people,Block,BCF,"£12,000",${fmt(addMonths(today, -24))},${fmt(ends)}
`,
      'text/csv',
    );
    expect(imported.statusCode).toBe(200);
    expect(await ending()).toBe(before + 1);
  });
});
