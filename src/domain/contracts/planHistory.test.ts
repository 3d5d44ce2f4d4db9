import { describe, expect, it } from 'vitest';
import { describeAssessmentHistoryEntry, describePlanHistoryEntry } from './planHistory.js';

const fact = (entity: string, action: string, detail: Record<string, unknown>, entityId: string | null = 'e1') => ({
  id: 7,
  at: '2026-11-30T16:05:00.000Z',
  who: 'Sam Officer',
  action,
  entity,
  entityId,
  detail,
});

describe('describePlanHistoryEntry', () => {
  it('lists only the action fields an edit changed, naming linked contracts and the RAG', () => {
    const names = new Map([
      ['e1', 'Re-tender the carers hub.'],
      ['c1', 'DP-CAR-1 Carers hub'],
      ['c2', 'DP-CAR-2 Young carers'],
    ]);
    const entry = describePlanHistoryEntry(
      fact('plan_action', 'update', {
        before: {
          text: 'Re-tender the carers hub.',
          owner: 'Head of Commissioning',
          contractIds: ['c1'],
          ragOverride: null,
        },
        after: {
          text: 'Re-tender the carers hub.',
          owner: 'Head of Commissioning',
          contractIds: ['c1', 'c2'],
          ragOverride: 'amber',
        },
      }),
      names,
    );
    expect(entry.summary).toBe('Action saved: Re-tender the carers hub.');
    expect(entry.changes).toEqual([
      { field: 'ragOverride', label: 'RAG (set by hand)', before: null, after: 'Amber' },
      {
        field: 'contractIds',
        label: 'Contracts delivering it',
        before: 'DP-CAR-1 Carers hub',
        after: 'DP-CAR-1 Carers hub, DP-CAR-2 Young carers',
      },
    ]);
  });

  it('describes a retired plan, a completed milestone and an entry no longer named', () => {
    expect(describePlanHistoryEntry(fact('delivery_plan', 'update', { retired: true })).summary).toBe('Plan retired');
    expect(
      describePlanHistoryEntry(
        fact('plan_milestone', 'complete', { completedOn: '2027-03-31' }),
        new Map([['e1', 'Contract awarded']]),
      ).summary,
    ).toBe('Milestone completed on 31 March 2027: Contract awarded');
    expect(describePlanHistoryEntry(fact('plan_intention', 'move_down', {})).summary).toBe(
      'Commissioning intention moved down',
    );
  });
});

describe('describeAssessmentHistoryEntry', () => {
  it('shows a revision of the action plan as the text before and after, and a first submission with its text', () => {
    const revised = describeAssessmentHistoryEntry(
      fact('quality_assessment', 'submit_action_plan', {
        actionPlan: 'Recruit two seniors; agency cover',
        before: 'Recruit two seniors',
      }),
    );
    expect([revised.summary, revised.note, revised.changes]).toEqual([
      'Action plan revised',
      null,
      [
        {
          field: 'actionPlan',
          label: 'Action plan',
          before: 'Recruit two seniors',
          after: 'Recruit two seniors; agency cover',
        },
      ],
    ]);
    const first = describeAssessmentHistoryEntry(
      fact('quality_assessment', 'submit_action_plan', { actionPlan: 'Recruit two seniors', before: null }),
    );
    expect([first.summary, first.note, first.changes]).toEqual(['Action plan submitted', 'Recruit two seniors', []]);
  });

  it('labels revised ratings by their quality domain', () => {
    const entry = describeAssessmentHistoryEntry(
      fact('quality_assessment', 'revise', {
        overall: 'Good',
        before: { staffing: 'Poor' },
        after: { staffing: 'Requires improvement' },
      }),
    );
    expect(entry.changes).toEqual([
      { field: 'staffing', label: 'Suitability of staffing', before: 'Poor', after: 'Requires improvement' },
    ]);
  });
});
