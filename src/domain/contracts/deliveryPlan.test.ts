import { describe, expect, it } from 'vitest';
import { actionRag, byPriority, byServiceArea, currentPlanYear, type DeliveryPlan } from './deliveryPlan.js';
import { haltonLayout } from './haltonWorkbook.js';

const CDT = 'Adults Directorate – Commissioning & Development Team';
const CM = 'Adults Directorate – Care Management';
// Two actions from Halton's Priority 2 under one intention and one from Priority 1.
const plan: DeliveryPlan = {
  title: 'Delivery Plan',
  years: ['2023/24', '2024/25', '2025/26'],
  priorities: [
    { id: 'p2', number: 2, title: 'Independent at Home' },
    { id: 'p1', number: 1, title: 'Universal Prevention & Wellbeing' },
  ],
  intentions: [
    {
      id: 'i2',
      priorityId: 'p2',
      text: 'Research options and implement a plan to introduce trusted assessor models.',
      sortOrder: 1,
    },
    {
      id: 'i1',
      priorityId: 'p1',
      text: 'Work with our partners to develop place-based models of support.',
      sortOrder: 1,
    },
  ],
  actions: [
    {
      id: 'a3',
      intentionId: 'i2',
      text: 'Develop Care Home Trusted Assessor Role.',
      yearStatuses: ['Develop & Implement', 'Monitoring & Evaluate', 'Ongoing Monitoring'],
      responsibleServiceAreas: [CDT],
      milestones: [{ title: 'Role agreed', dueDate: '2025-11-01', completedOn: null }],
      ragOverride: null,
      sortOrder: 2,
    },
    {
      id: 'a2',
      intentionId: 'i2',
      text: 'Develop Trusted Assessment Model for Domiciliary Care.',
      yearStatuses: ['Develop & Implement', 'Monitoring & Evaluate', 'Ongoing Monitoring'],
      responsibleServiceAreas: [CDT, CM],
      milestones: [{ title: 'Model live', dueDate: '2025-10-01', completedOn: null }],
      ragOverride: null,
      sortOrder: 1,
    },
    {
      id: 'a1',
      intentionId: 'i1',
      text: 'Continue to invest in the voluntary and community sector within the Borough.',
      yearStatuses: ['Ongoing', 'Ongoing', 'Ongoing'],
      responsibleServiceAreas: [CDT],
      milestones: [],
      ragOverride: null,
      sortOrder: 1,
    },
  ],
};

describe('delivery plan', () => {
  it('rates actions from their milestones', () => {
    const asAt = '2025-11-23';
    expect(actionRag([], asAt)).toBe('not_assessed');
    expect(actionRag([{ title: 'x', dueDate: '2025-10-01', completedOn: '2025-09-30' }], asAt)).toBe('complete');
    expect(actionRag([{ title: 'x', dueDate: '2025-10-26', completedOn: null }], asAt)).toBe('amber'); // 28 days overdue
    expect(actionRag([{ title: 'x', dueDate: '2025-10-25', completedOn: null }], asAt)).toBe('red'); // 29 days overdue
    expect(actionRag([{ title: 'x', dueDate: '2025-12-07', completedOn: null }], asAt)).toBe('amber'); // due in 14 days
    expect(actionRag([{ title: 'x', dueDate: '2025-12-08', completedOn: null }], asAt)).toBe('green');
  });

  it('groups by priority and by service area with the current year status', () => {
    expect(currentPlanYear(plan.years, '2025-11-23')).toBe(2);
    const groups = byPriority(plan, '2025-11-23');
    expect(groups.map((g) => g.number)).toEqual([1, 2]);
    expect(groups[1].intentions[0].actions.map((a) => [a.id, a.rag, a.currentYearStatus])).toEqual([
      ['a2', 'red', 'Ongoing Monitoring'],
      ['a3', 'amber', 'Ongoing Monitoring'], // 22 days overdue
    ]);
    expect(groups[1].ragCounts).toMatchObject({ red: 1, amber: 1 });
    const areas = byServiceArea(plan, '2025-11-23');
    expect(areas.map((a) => [a.serviceArea, a.actions.map((x) => x.id)])).toEqual([
      [CM, ['a2']],
      [CDT, ['a1', 'a2', 'a3']],
    ]);
  });

  it("lays the plan out in Halton's columns", () => {
    const rows = haltonLayout(plan, '2025-11-23');
    expect(rows.map((r) => r.kind)).toEqual([
      'title',
      'priority',
      'header',
      'action',
      'priority',
      'header',
      'action',
      'action',
    ]);
    expect(rows[0].cells).toEqual(['Delivery Plan 2023/24 – 2025/26']);
    expect(rows[1].cells).toEqual(['Priority 1 – Universal Prevention & Wellbeing']);
    expect(rows[2].cells).toEqual([
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
    const [, , , , , , first, second] = rows;
    expect(first.cells).toEqual([
      plan.intentions[0].text,
      'Develop Trusted Assessment Model for Domiciliary Care.',
      'Develop & Implement',
      'Monitoring & Evaluate',
      'Ongoing Monitoring',
      `${CDT}\n${CM}`,
      'Red',
      '',
      '',
      '',
    ]);
    expect(first.kind === 'action' && first.intentionRowSpan).toBe(2);
    expect(second.cells[0]).toBe('');
  });
});
