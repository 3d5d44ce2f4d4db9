// The BCF joint plan's High Impact Change Model self-assessments: the seed's grid as each place's latest
// assessment (mid-June), a year-earlier one showing progress on changes 4 to 6, and the next level planned.
import type { HicmAssessment, MaturityLevel } from '../domain/bcf/hicm.js';
import { DEMO_BCF_PLACES } from './bcfPlaces.js';

/** Each place's level on the nine changes (seed 001). */
const GRID: Record<string, MaturityLevel[]> = {
  bd: [
    'mature',
    'mature',
    'mature',
    'established',
    'plans_in_place',
    'established',
    'established',
    'established',
    'established',
  ],
  hav: [
    'mature',
    'mature',
    'mature',
    'mature',
    'established',
    'established',
    'established',
    'established',
    'established',
  ],
  red: ['mature', 'mature', 'mature', 'mature', 'mature', 'established', 'established', 'established', 'established'],
};

/** The evidence for each of the nine changes (seed 001). */
const EVIDENCE: string[] = [
  'Discharge coordinators on most wards; discharge checklist on admission; daily system MDT calls.',
  'Daily escalation calls; internal and external delays monitored daily; IDH performance dashboard.',
  'MDT board rounds on each ward; daily system calls on people medically optimised.',
  'Home First (assessment at home and care support) and D2A for pathway 3 with a therapy team.',
  'Seven-day working: reviewed in social work teams; hospital social worker six or seven days.',
  'Care home trusted assessors across BHR places: 52 assessments offered a month.',
  'Discharge leaflet with carers group and system partners; choice and control under the Care Act.',
  'Care home trusted assessors; D2A evolving; provider forums; named GP for each home.',
  'Housing and homelessness worked through at the Discharge Improvement Working Group; Home Settle and Support.',
];

/**
 * The assessments of every place (`placeIds` maps place keys to the plan's place ids): the latest on the
 * 15 June on or before `today` (ISO date), the earlier one a year before it.
 */
export function hicmAssessments(today: string, placeIds: Record<string, string>): Omit<HicmAssessment, 'id'>[] {
  const levels: MaturityLevel[] = ['not_yet_established', 'plans_in_place', 'established', 'mature', 'exemplary'];
  const assessed = `${Number(today.slice(0, 4)) - (today.slice(5) < '06-15' ? 1 : 0)}-06-15`;
  const earlier = `${Number(assessed.slice(0, 4)) - 1}-06-15`;
  const rows: Omit<HicmAssessment, 'id'>[] = [];
  for (const p of DEMO_BCF_PLACES) {
    GRID[p.key].forEach((level, i) => {
      const idx = levels.indexOf(level);
      const before = i === 3 || i === 4 || i === 5 ? levels[Math.max(0, idx - 1)] : level;
      rows.push({
        placeId: placeIds[p.key],
        change: i + 1,
        level: before,
        evidence: EVIDENCE[i],
        assessedOn: earlier,
        plannedLevel: levels[Math.min(4, levels.indexOf(before) + 1)],
        plannedBy: assessed,
      });
      rows.push({
        placeId: placeIds[p.key],
        change: i + 1,
        level,
        evidence: EVIDENCE[i],
        assessedOn: assessed,
        plannedLevel: idx < 4 ? levels[idx + 1] : null,
        plannedBy: idx < 4 ? `${Number(assessed.slice(0, 4)) + 1}-06-30` : null,
      });
    });
  }
  return rows;
}
