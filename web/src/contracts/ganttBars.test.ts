import { describe, expect, it } from 'vitest';
import { forecastProcurement } from '../../../src/domain/contracts/procurement';
import { ganttBars } from './ProcurementsPage';
import type { Procurement } from './types';

describe('procurement Gantt bars', () => {
  it('draws a planned and an actual-or-forecast bar per stage in use, ending after the last day', () => {
    const forecast = forecastProcurement(
      [
        {
          stage: 'tender_published',
          plannedStart: '2025-09-01',
          plannedEnd: '2025-10-10',
          actualStart: '2025-09-15',
          actualEnd: null,
        },
        {
          stage: 'evaluation',
          plannedStart: '2025-10-13',
          plannedEnd: '2025-11-07',
          actualStart: null,
          actualEnd: null,
          notApplicable: true,
        },
        { stage: 'go_live', plannedStart: '2026-04-01', plannedEnd: '2026-04-01', actualStart: null, actualEnd: null },
      ],
      '2026-03-31',
      '2025-11-23',
    );
    const p: Procurement = {
      id: 'p',
      title: "Carers' Hub re-tender",
      route: 're_tender',
      leadOfficer: null,
      contractId: 'c',
      intentionId: null,
      intentionTitle: null,
      contractReference: 'EB-CAR-001',
      contractEndDate: '2026-03-31',
      forecast,
    };
    const bars = ganttBars([p]);
    expect(
      bars.map((b) => [b.stage, b.kind, b.start.toISOString().slice(0, 10), b.end.toISOString().slice(0, 10)]),
    ).toEqual([
      ['Tender published', 'Planned', '2025-09-01', '2025-10-11'],
      ['Tender published', 'Actual or forecast', '2025-09-15', '2025-11-24'],
      ['Go-live', 'Planned', '2026-04-01', '2026-04-02'],
      ['Go-live', 'Actual or forecast', '2026-05-15', '2026-05-16'],
    ]);
  });
});
