// Beds by type add up in every row and to the headline totals (issue 13, review 13 finding 5).
import { expect, it } from 'vitest';
import { bedsByType } from '../../domain/mps/marketSections.js';
import { describeWithDatabases } from '../testing.js';
import { recordCareHomeReturn } from './capacity.js';
import { capacitySummary } from './dashboard.js';
import { createLocation, createProvider } from './register.js';

const sys = { system: 'test' } as const;

describeWithDatabases('beds by type', (ctx) => {
  it('counts a return whose types do not add up to its totals as not split, so no row has more vacancies than beds', async () => {
    const p = await createProvider(ctx.db, { name: 'Split Care Ltd', cqcProviderId: '1-555000077' }, sys);
    const home = (name: string, beds: number) =>
      createLocation(
        ctx.db,
        {
          providerId: p.id,
          name,
          serviceTypes: ['care_home_nursing', 'care_home_residential'],
          specialisms: ['dementia'],
          registeredBeds: beds,
          inBorough: true,
        },
        sys,
      );
    const elm = await home('Elm Manor', 60);
    const oak = await home('Oak Lodge', 40);
    const at = { asAt: new Date('2026-11-20T09:00:00Z') };
    // Elm Manor, as in the demo: every bed typed, 15 vacant in all but 6 + 5 + 3 = 14 in the types.
    await recordCareHomeReturn(
      ctx.db,
      sys,
      elm.id,
      {
        maxCapacity: 60,
        occupied: 44,
        vacantReserved: 1,
        vacantAccepting: 15,
        residentialMax: 25,
        residentialOccupied: 18,
        residentialVacantAccepting: 6,
        nursingMax: 20,
        nursingOccupied: 15,
        nursingVacantAccepting: 5,
        dementiaMax: 15,
        dementiaOccupied: 11,
        dementiaVacantAccepting: 3,
      },
      at,
    );
    // Oak Lodge: 20 nursing beds given by type, the other 20 only in the totals.
    await recordCareHomeReturn(
      ctx.db,
      sys,
      oak.id,
      {
        maxCapacity: 40,
        occupied: 35,
        vacantReserved: 1,
        vacantAccepting: 4,
        nursingMax: 20,
        nursingOccupied: 18,
        nursingVacantAccepting: 2,
      },
      at,
    );
    const s = await capacitySummary(ctx.db, { inBorough: true }, new Date('2026-11-23T12:00:00Z'));
    expect(s).toMatchObject({ maxCapacity: 100, occupied: 79, vacantAccepting: 19 });
    const rows = bedsByType(s).map((r) => [r.group, r.maxCapacity, r.occupied, r.vacantAccepting]);
    expect(rows).toEqual([
      ['residential', 0, 0, 0],
      ['nursing', 20, 18, 2],
      ['dementia', 0, 0, 0],
      // Oak Lodge's 20 untyped beds (17 occupied, 2 vacant) and all 60 of Elm Manor's (44 occupied, 15 vacant).
      ['not_split', 80, 61, 17],
    ]);
  });
});
