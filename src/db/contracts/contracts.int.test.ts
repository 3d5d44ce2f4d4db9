import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { describeWithDatabases } from '../testing.js';
import { auditLog } from '../core/schema.js';
import { locations, providers } from '../market/schema.js';
import { createContract, decide, getContract, listContracts } from './contracts.js';
import { createProcurement, recommissioning } from './procurements.js';
import { createKpi } from './kpiDefinitions.js';
import { listKpis } from './kpis.js';
import { submitReturn } from './kpiReturns.js';
import { createAssessment, providerRespond, publishAssessment, shareForChallenge } from './assessmentWrites.js';
import { createPlan, getPlan } from './deliveryPlan.js';
import { createRisk, listRisks, putBands, reviewRisk } from './risks.js';
import { contracts } from './schema.js';
import { contractsImporter } from '../../importers/contracts.js';
import { ImportRejected, runImport, textSource } from '../../importers/framework.js';
import { haltonLayout } from '../../domain/contracts/haltonWorkbook.js';
import { deliveryPlanWorkbook } from '../../server/contracts/deliveryPlanXlsx.js';

const system = { system: 'test' };
const base = {
  locationId: null,
  careGroup: 'carers',
  contractForm: 'grant',
  fundingSource: 'bcf',
  totalValuePence: 135_000_000,
  annualValuePence: 45_000_000,
  startDate: '2023-04-01',
  extensionOptionsMonths: [] as number[],
  extensionsTaken: 0,
  breakClauseDates: [] as string[],
  noticePeriodMonths: 3,
  socialValue: null,
  leadOfficer: 'Commissioning officer',
};

describeWithDatabases('contracts repositories', (ctx) => {
  let providerId: string;
  let locationId: string;
  beforeAll(async () => {
    [{ id: providerId }] = await ctx.db
      .insert(providers)
      .values({ name: 'Eastbrook Carers Trust', cqcProviderId: '1-900000001' })
      .returning({ id: providers.id });
    [{ id: locationId }] = await ctx.db
      .insert(locations)
      .values({ providerId, name: 'Oak Lodge', postcodeDistrict: 'EB1', inBorough: true })
      .returning({ id: locations.id });
  });

  it('keeps the register, the recommissioning list and the procurement flag in step', async () => {
    const hub = await createContract(ctx.db, system, {
      ...base,
      reference: 'T-001',
      title: "Carers' hub",
      providerId,
      serviceArea: 'carers',
      initialEndDate: '2026-03-31',
    });
    const meals = await createContract(ctx.db, system, {
      ...base,
      reference: 'T-002',
      title: 'Community meals',
      providerId,
      serviceArea: 'prevention',
      initialEndDate: '2026-09-30',
      extensionOptionsMonths: [12],
    });
    await createContract(ctx.db, system, {
      ...base,
      reference: 'T-003',
      title: 'Advocacy hub',
      providerId,
      serviceArea: 'advocacy',
      initialEndDate: '2028-03-31',
    });
    // A second contract with a reference already used says which (issue 13: it said "Reference already used").
    await expect(
      createContract(ctx.db, system, {
        ...base,
        reference: 'T-003',
        title: 'Advocacy hub again',
        providerId,
        serviceArea: 'advocacy',
        initialEndDate: '2028-03-31',
      }),
    ).rejects.toMatchObject({
      status: 409,
      errors: [{ field: 'reference', message: 'A contract with reference T-003 already exists' }],
    });
    await createProcurement(ctx.db, system, {
      contractId: hub,
      title: "Carers' hub re-tender",
      route: 're_tender',
      leadOfficer: null,
      stages: [
        {
          stage: 'tender_published',
          plannedStart: '2025-09-01',
          plannedEnd: '2025-10-10',
          actualStart: '2025-09-15',
          actualEnd: null,
        },
        { stage: 'go_live', plannedStart: '2026-04-01', plannedEnd: '2026-04-01', actualStart: null, actualEnd: null },
      ],
    });
    const list = await recommissioning(ctx.db, '2025-11-23', 12);
    expect(list.map((e) => [e.reference, e.horizon])).toEqual([
      ['T-001', 6],
      ['T-002', 12],
    ]);
    // Tender started 15 Sep, 39-day plan, still open on 23 Nov: 44 days' slip → go-live 15 May 2026.
    expect(list[0].forecastGoLive).toBe('2026-05-15');
    expect(list[0].flags).toContain('Procurement cannot finish before the contract ends (44 days without cover)');

    await decide(ctx.db, { system: 'test' }, meals, 'extend', 'Performing well');
    const extended = await getContract(ctx.db, meals, '2025-11-23');
    expect(extended.currentEndDate).toBe('2027-09-30');
    expect(extended.extensionsRemaining).toEqual([]);
    await expect(decide(ctx.db, system, meals, 'extend', null)).rejects.toMatchObject({
      status: 400,
      errors: [{ field: 'decision' }],
    });
    expect((await recommissioning(ctx.db, '2025-11-23', 12)).map((e) => e.reference)).toEqual(['T-001']);
    expect((await listContracts(ctx.db, { serviceArea: 'advocacy' }, '2025-11-23')).map((c) => c.reference)).toEqual([
      'T-003',
    ]);
    const audits = await ctx.db.select().from(auditLog).where(eq(auditLog.entity, 'contract'));
    expect(audits.map((a) => a.action).sort()).toEqual(['create', 'create', 'create', 'extend']);
  });

  it('flags late and off-target KPI returns', async () => {
    const [c] = await ctx.db.select({ id: contracts.id }).from(contracts).where(eq(contracts.reference, 'T-001'));
    const kpiId = await createKpi(ctx.db, system, {
      contractId: c.id,
      name: 'Carers assessed within 28 days',
      measure: 'percent',
      unit: '%',
      target: 90,
      direction: 'higher_is_better',
      frequency: 'quarterly',
      tolerance: 5,
      dueDays: null,
      reportingFrom: '2025-04-01',
    });
    await submitReturn(ctx.db, system, kpiId, { periodStart: '2025-04-01', value: 92, comment: null }, '2025-07-10');
    await submitReturn(
      ctx.db,
      system,
      kpiId,
      { periodStart: '2025-07-01', value: 80, comment: 'Two staff vacancies' },
      '2025-10-20',
    );
    await expect(
      submitReturn(ctx.db, system, kpiId, { periodStart: '2025-07-01', value: 81, comment: null }, '2025-10-21'),
    ).rejects.toMatchObject({ status: 409 });
    await expect(
      submitReturn(ctx.db, system, kpiId, { periodStart: '2025-10-01', value: 81, comment: null }, '2025-11-23'),
    ).rejects.toMatchObject({ errors: [{ field: 'periodStart', message: 'The period 2025/26 Q3 has not ended yet' }] });
    const [k] = await listKpis(ctx.db, '2025-11-23', { providerId });
    expect(k.returns.map((r) => [r.label, r.state, r.rag])).toEqual([
      ['2025/26 Q1', 'on_time', 'green'],
      ['2025/26 Q2', 'late', 'red'],
    ]);
    expect([k.late, k.offTarget, k.overdue]).toEqual([1, 1, 0]);
  });

  it('publishes an assessment after the challenge and feeds the market register', async () => {
    const ratings = {
      involvement_information: 'Good',
      personalised_care: 'Good',
      safeguarding_safety: 'Good',
      staffing: 'Requires improvement',
      management: 'Requires improvement',
    } as const;
    const id = await createAssessment(
      ctx.db,
      system,
      {
        locationId,
        contractId: null,
        visitDate: '2025-11-01',
        ratings,
        summary: 'Staffing gaps at night',
        assessorName: null,
      },
      '2025-11-05',
    );
    await expect(publishAssessment(ctx.db, system, id, '2025-11-06')).rejects.toMatchObject({ status: 400 });
    await shareForChallenge(ctx.db, system, id, '2025-11-06');
    await expect(publishAssessment(ctx.db, system, id, '2025-11-10')).rejects.toMatchObject({
      errors: [
        {
          field: 'status',
          message: 'The provider has until 2025-11-20 to challenge; publish after they answer or the window closes',
        },
      ],
    });
    await providerRespond(ctx.db, system, id, 'challenge', 'Night rota has been filled since the visit', '2025-11-12');
    await publishAssessment(ctx.db, system, id, '2025-11-14');
    const [loc] = await ctx.db.select().from(locations).where(eq(locations.id, locationId));
    expect([loc.councilQualityRating, loc.councilQualityRatingDate]).toEqual(['Requires improvement', '2025-11-14']);
  });

  it('keeps each risk score in its history and uses the council bands', async () => {
    const id = await createRisk(
      ctx.db,
      system,
      {
        reference: 'R1',
        title: 'Workforce – recruitment and retention',
        mitigation: 'Workforce academy',
        owner: 'Head of commissioning',
        likelihood: 4,
        impact: 4,
        reviewDate: '2025-12-31',
        contractId: null,
        providerId: null,
        actionId: null,
      },
      '2025-04-01',
    );
    await reviewRisk(
      ctx.db,
      system,
      id,
      { likelihood: 3, impact: 4, note: 'Overseas recruitment helped' },
      '2025-10-01',
    );
    let [r] = await listRisks(ctx.db, '2025-11-23');
    expect(r.history.map((h) => h.score)).toEqual([16, 12]);
    expect([r.score, r.band.label, r.trend, r.reviewOverdue]).toEqual([12, 'Medium', 'falling', false]);
    await putBands(ctx.db, system, [
      { min: 1, max: 3, rag: 'green', label: 'Low' },
      { min: 4, max: 9, rag: 'amber', label: 'Medium' },
      { min: 10, max: 25, rag: 'red', label: 'High' },
    ]);
    [r] = await listRisks(ctx.db, '2025-11-23');
    expect(r.band.label).toBe('High');
    await expect(putBands(ctx.db, system, [{ min: 1, max: 20, rag: 'green', label: 'Low' }])).rejects.toMatchObject({
      status: 400,
    });
  });

  it("exports the delivery plan in Halton's layout", async () => {
    await createPlan(ctx.db, system, {
      title: 'Delivery Plan',
      years: ['2023/24', '2024/25', '2025/26'],
      priorities: [
        {
          number: 2,
          title: 'Independent at Home',
          intentions: [
            {
              text: 'Introduce trusted assessor models.',
              actions: [
                {
                  text: 'Develop Trusted Assessment Model for Domiciliary Care.',
                  yearStatuses: ['Develop & Implement', 'Monitoring & Evaluate', 'Ongoing Monitoring'],
                  responsibleServiceAreas: ['Adults Directorate – Commissioning & Development Team'],
                  milestones: [{ title: 'Model live', dueDate: '2025-06-30', completedOn: '2025-06-20' }],
                },
                {
                  text: 'Develop Care Home Trusted Assessor Role.',
                  yearStatuses: ['Develop & Implement', 'Monitoring & Evaluate', 'Ongoing Monitoring'],
                  responsibleServiceAreas: ['Adults Directorate – Commissioning & Development Team'],
                  milestones: [{ title: 'Role in post', dueDate: '2025-09-30', completedOn: null }],
                },
              ],
            },
          ],
        },
      ],
    });
    const plan = await getPlan(ctx.db);
    if (!plan) throw new Error('plan missing');
    const buf = await deliveryPlanWorkbook(haltonLayout(plan, '2025-11-23'), plan.years.length, {
      asAt: '2025-11-23',
      producedAt: new Date('2025-11-24T16:05:00Z'),
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    // The workbook says when it was made, in UK time (GMT in November), and the day its RAG ratings are as at.
    const about = wb.getWorksheet('About')!;
    expect(about.getCell('B2').value).toBe('23 November 2025');
    expect(about.getCell('B3').value).toBe('24 November 2025 at 16:05 (UK time)');
    const ws = wb.worksheets[0];
    const row = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
    expect(row(1)[0]).toBe('Delivery Plan 2023/24 – 2025/26');
    expect(row(2)[0]).toBe('Priority 2 – Independent at Home');
    expect(row(3)).toEqual([
      'Commissioning Intention',
      'Action to be Undertaken',
      'Year 1 (2023/24)',
      'Year 2 (2024/25)',
      'Year 3 (2025/26)',
      'Responsible Service Area',
      'RAG',
      'Owner',
      'Contracts',
      'Procurements',
    ]);
    expect(row(4).slice(0, 7)).toEqual([
      'Introduce trusted assessor models.',
      'Develop Trusted Assessment Model for Domiciliary Care.',
      'Develop & Implement',
      'Monitoring & Evaluate',
      'Ongoing Monitoring',
      'Adults Directorate – Commissioning & Development Team',
      'Complete',
    ]);
    expect(row(5)[6]).toBe('Red'); // 54 days overdue
    expect(ws.getCell('A5').isMerged).toBe(true);
  });

  it('imports a register whole or not at all', async () => {
    const header =
      'Contract reference,Title,Provider,Service area,Care group,Contract form,Funding source,Total value (£),Start date,End date,Extension options (months),Notice period (months)';
    const good = `${header}\nT-101,Carers breaks,Eastbrook Carers Trust,Carers' support,Carers,Grant,iBCF,"£300,000",01/04/2024,31/03/2027,12+12,3\nT-001,Carers' hub (revised),Eastbrook Carers Trust,Carers,Carers,Grant,BCF,1350000,2023-04-01,2026-03-31,,3\n`;
    const summary = await runImport(ctx.db, contractsImporter, textSource('register.csv', good), {
      actor: system,
      options: {},
    });
    expect([summary.created, summary.updated]).toEqual([1, 1]);
    const [t101] = await listContracts(ctx.db, { search: 'T-101' }, '2025-11-23');
    expect(t101).toMatchObject({
      fundingSource: 'ibcf',
      totalValuePence: 30_000_000,
      maximumEndDate: '2029-03-31',
      providerId,
    });

    const bad = `${header}\nT-102,Sitting service,Nobody Ltd,Carers,Carers,Grant,BCF,1000,2024-04-01,2026-03-31,,3\nT-103,Day care,Eastbrook Carers Trust,Day opportunities,Older people,Spot,BCF,1000,2024-04-01,2026-03-31,,3\n`;
    const err = await runImport(ctx.db, contractsImporter, textSource('bad.csv', bad), {
      actor: system,
      options: {},
    }).catch((e) => e);
    expect(err).toBeInstanceOf(ImportRejected);
    expect(err.issues).toEqual([
      { line: 2, field: 'Provider', message: 'No provider called "Nobody Ltd" in the market register' },
    ]);
    expect(await listContracts(ctx.db, { search: 'T-103' }, '2025-11-23')).toEqual([]);
  });
});
