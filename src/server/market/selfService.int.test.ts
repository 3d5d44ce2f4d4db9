import type { FastifyInstance } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithDatabases } from '../../db/testing.js';
import { auditLog } from '../../db/core/schema.js';
import { recordCareHomeReturn } from '../../db/market/capacity.js';
import { setUsualRate } from '../../db/market/rates.js';
import { createLocation, createProvider } from '../../db/market/register.js';
import { locations } from '../../db/market/schema.js';
import { addDays, londonToday } from '../../domain/core/dates.js';
import { createTestApp, signInAs, type TestClient } from '../testing.js';

const sys = { system: 'test' } as const;
const today = londonToday();
type Field = { field: string; message: string };
const fields = (r: { json(): { errors?: Field[] } }) => (r.json().errors ?? []).map((e) => e.field).sort();

describeWithDatabases('providers’ self-service: bed status, nil and no-change returns, self-funder fees', (ctx) => {
  let app: FastifyInstance;
  let group = '';
  let other = '';
  const homes: string[] = [];
  let theirHome = '';
  let agency = '';
  let provider: TestClient;
  let otherProvider: TestClient;
  let commissioner: TestClient;
  let viewer: TestClient;

  beforeAll(async () => {
    app = await createTestApp(ctx.database);
    group = (await createProvider(ctx.db, { name: 'Oakleaf Care Group' }, sys)).id;
    other = (await createProvider(ctx.db, { name: 'Beta Homes Ltd' }, sys)).id;
    for (const [i, name] of ['Oakleaf House', 'Oakleaf Court', 'Oakleaf Gardens'].entries())
      homes.push(
        (
          await createLocation(
            ctx.db,
            {
              providerId: group,
              name,
              postcodeDistrict: `EB${i + 1}`,
              serviceTypes: ['care_home_residential'],
              registeredBeds: 40,
              inBorough: true,
            },
            sys,
          )
        ).id,
      );
    theirHome = (
      await createLocation(
        ctx.db,
        {
          providerId: other,
          name: 'Beta Lodge',
          serviceTypes: ['care_home_nursing'],
          registeredBeds: 50,
          inBorough: true,
        },
        sys,
      )
    ).id;
    agency = (
      await createLocation(
        ctx.db,
        { providerId: group, name: 'Oakleaf at Home', serviceTypes: ['homecare'], inBorough: true },
        sys,
      )
    ).id;
    await recordCareHomeReturn(ctx.db, sys, homes[1], {
      maxCapacity: 40,
      occupied: 30,
      vacantReserved: 1,
      vacantAccepting: 9,
      residentialMax: 40,
      residentialOccupied: 30,
      residentialVacantAccepting: 9,
    });
    provider = await signInAs(app, 'provider', { providerId: group });
    otherProvider = await signInAs(app, 'provider', { providerId: other });
    commissioner = await signInAs(app, 'commissioner');
    viewer = await signInAs(app, 'viewer');
  });
  afterAll(async () => app.close());

  const bedReturn = (extra: Record<string, unknown> = {}) => ({
    maxCapacity: 40,
    occupied: 30,
    vacantReserved: 0,
    vacantAccepting: 4,
    vacantClosed: 3,
    closedReason: 'infection_outbreak',
    heldForAssessment: 2,
    ...extra,
  });

  it('one login for every home of the group: the provider sees and updates all its homes, and no one else’s', async () => {
    const view = await provider.get(`/api/market/providers/${group}`);
    expect(
      view
        .json()
        .locations.map((l: { name: string }) => l.name)
        .sort(),
    ).toEqual(['Oakleaf Court', 'Oakleaf Gardens', 'Oakleaf House', 'Oakleaf at Home']);
    for (const home of homes)
      expect((await provider.post(`/api/market/locations/${home}/capacity`, bedReturn())).statusCode).toBe(201);
    expect((await provider.get(`/api/market/providers/${other}`)).statusCode).toBe(403);
    const theirs = await provider.post(`/api/market/locations/${theirHome}/capacity`, bedReturn({ maxCapacity: 50 }));
    expect(theirs.statusCode).toBe(403);
    expect((await provider.post(`/api/market/locations/${theirHome}/nil-return`, {})).statusCode).toBe(403);
    expect((await provider.post(`/api/market/locations/${theirHome}/no-change`, {})).statusCode).toBe(403);
  });

  it('keeps bed status beside the counts and shows commissioners the closed and held beds', async () => {
    const saved = await provider.post(
      `/api/market/locations/${homes[0]}/capacity`,
      bedReturn({ closedReason: 'other', closedNote: 'Lift out of order on the first floor' }),
    );
    expect(saved.statusCode).toBe(201);
    expect(saved.json()).toMatchObject({
      vacantClosed: 3,
      closedReason: 'other',
      closedNote: 'Lift out of order on the first floor',
      heldForAssessment: 2,
      nilReturn: false,
    });
    const picture = await commissioner.get(`/api/market/locations/${homes[0]}`);
    expect(picture.json().careHome).toMatchObject({ vacantClosed: 3, closedReason: 'other', heldForAssessment: 2 });
    const status = await commissioner.get('/api/market/bed-status');
    expect(status.statusCode).toBe(200);
    expect(status.json().find((r: { locationId: string }) => r.locationId === homes[0])).toMatchObject({
      name: 'Oakleaf House',
      vacantAccepting: 4,
      vacantClosed: 3,
      closedReason: 'other',
      closedNote: 'Lift out of order on the first floor',
      heldForAssessment: 2,
      freshness: 'current',
    });
    expect((await viewer.get('/api/market/bed-status')).statusCode).toBe(200);
    expect((await provider.get('/api/market/bed-status')).statusCode).toBe(403);
    const audit = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'care_home_capacity'), eq(auditLog.entityId, saved.json().id)));
    expect(audit[0].detail).toMatchObject({ vacantClosed: 3, closedReason: 'other', heldForAssessment: 2 });
  });

  it('refuses bed figures beyond the beds, closures without a reason, and reasons without closures, naming fields', async () => {
    const url = `/api/market/locations/${homes[0]}/capacity`;
    const over = await provider.post(url, bedReturn({ heldForAssessment: 5 }));
    expect([over.statusCode, fields(over)]).toEqual([400, ['occupied']]);
    expect(over.json().errors[0].message).toBe(
      'occupied (30) plus vacant beds (12) cannot exceed maximum capacity (40)',
    );
    const noReason = await provider.post(url, bedReturn({ closedReason: null }));
    expect([noReason.statusCode, fields(noReason)]).toEqual([400, ['closedReason']]);
    const noWords = await provider.post(url, bedReturn({ closedReason: 'other', closedNote: ' ' }));
    expect([noWords.statusCode, fields(noWords)]).toEqual([400, ['closedNote']]);
    const noClosure = await provider.post(url, bedReturn({ vacantClosed: 0 }));
    expect([noClosure.statusCode, fields(noClosure)]).toEqual([400, ['closedReason']]);
    const bad = await provider.post(
      url,
      bedReturn({ vacantClosed: -1, heldForAssessment: 2.5, closedReason: 'flood' }),
    );
    expect([bad.statusCode, fields(bad)]).toEqual([400, ['closedReason', 'heldForAssessment', 'vacantClosed']]);
    const beyond = await provider.post(url, bedReturn({ vacantClosed: 2001 }));
    expect([beyond.statusCode, fields(beyond)]).toEqual([400, ['vacantClosed']]);
  });

  it('files a nil return (no vacancies to report: occupied beds kept, nothing invented) and a no-change return (the last one, dated today)', async () => {
    const split = { residentialMax: 40, residentialOccupied: 30, residentialVacantAccepting: 4 };
    expect((await provider.post(`/api/market/locations/${homes[1]}/capacity`, bedReturn(split))).statusCode).toBe(201);
    const nil = await provider.post(`/api/market/locations/${homes[1]}/nil-return`, {});
    expect([nil.statusCode, nil.json()]).toEqual([201, { careHome: true, homecareAreas: 0 }]);
    const after = (await commissioner.get(`/api/market/locations/${homes[1]}`)).json().careHome;
    // 30 occupied as reported; the 10 beds that were vacant, closed or held are no longer counted as anything.
    expect(after).toMatchObject({
      maxCapacity: 40,
      occupied: 30,
      vacantAccepting: 0,
      vacantReserved: 0,
      vacantClosed: 0,
      closedReason: null,
      heldForAssessment: 0,
      residentialMax: 40,
      residentialOccupied: 30,
      residentialVacantAccepting: 0,
      nilReturn: true,
      source: 'provider',
    });
    // The figures the provider will see pre-filled next time pass the same checks as a typed return.
    const {
      id: _i,
      asAt: _a,
      createdAt: _c,
      nilReturn: _n,
      noChange: _nc,
      source: _s,
      reportedBy: _r,
      ...again
    } = after;
    expect((await provider.post(`/api/market/locations/${homes[1]}/capacity`, again)).statusCode).toBe(201);
    // A home that never reported: how many beds are occupied is not known, so there is nothing to base it on.
    const fresh = (
      await createLocation(
        ctx.db,
        {
          providerId: group,
          name: 'Oakleaf Grange',
          serviceTypes: ['care_home_residential'],
          registeredBeds: 25,
          inBorough: true,
        },
        sys,
      )
    ).id;
    const unknown = await provider.post(`/api/market/locations/${fresh}/nil-return`, {});
    expect([unknown.statusCode, fields(unknown)]).toEqual([409, ['nilReturn']]);
    expect((await commissioner.get(`/api/market/locations/${fresh}`)).json().careHome).toBeNull();
    // Homecare with no return: nothing to base it on.
    const nothing = await provider.post(`/api/market/locations/${agency}/nil-return`, {});
    expect([nothing.statusCode, fields(nothing)]).toEqual([409, ['nilReturn']]);

    // No change copies the last return, bed status and all, with today's date.
    await provider.post(`/api/market/locations/${homes[0]}/capacity`, bedReturn({ closedReason: 'staffing' }));
    const before = (await commissioner.get(`/api/market/locations/${homes[0]}`)).json().careHome;
    const same = await provider.post(`/api/market/locations/${homes[0]}/no-change`, {});
    expect(same.statusCode).toBe(201);
    const copied = (await commissioner.get(`/api/market/locations/${homes[0]}`)).json().careHome;
    expect(copied).toMatchObject({
      occupied: before.occupied,
      vacantAccepting: before.vacantAccepting,
      vacantClosed: 3,
      closedReason: 'staffing',
      heldForAssessment: 2,
      noChange: true,
    });
    expect(copied.asAt >= before.asAt).toBe(true);
    expect(copied.id).not.toBe(before.id);
  });

  it('keeps self-funder fees by band and shows them beside the usual rate', async () => {
    await setUsualRate(ctx.db, sys, {
      band: 'standard_residential',
      effectiveFrom: addDays(today, -100),
      amountPence: 70_100,
    });
    const url = `/api/market/locations/${homes[0]}/self-funder-fees`;
    const set = await provider.put(url, {
      effectiveFrom: today,
      fees: [
        { band: 'standard_residential', weeklyFeePence: 115_800 },
        { band: 'enhanced_residential', weeklyFeePence: 129_500 },
      ],
    });
    expect(set.statusCode).toBe(200);
    const fees = (await commissioner.get(`/api/market/locations/${homes[0]}`)).json().selfFunderFees;
    expect(fees).toEqual([
      {
        band: 'enhanced_residential',
        weeklyFeePence: 129_500,
        effectiveFrom: today,
        usualRatePence: null,
        aboveUsualRatePence: null,
      },
      {
        band: 'standard_residential',
        weeklyFeePence: 115_800,
        effectiveFrom: today,
        usualRatePence: 70_100,
        aboveUsualRatePence: 45_700,
      },
    ]);
    // The register's "from" fee (published in the directory) is the lowest in force.
    const [loc] = await ctx.db.select().from(locations).where(eq(locations.id, homes[0]));
    expect(loc.selfFunderWeeklyFeePence).toBe(115_800);
    const audit = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'self_funder_fees'), eq(auditLog.entityId, homes[0])));
    expect(audit).toHaveLength(1);

    // Refusals: another provider's home (403), a viewer (403), bad bands and fees (400 naming the fields).
    const theirs = await otherProvider.put(url, {
      effectiveFrom: today,
      fees: [{ band: 'standard_residential', weeklyFeePence: 1 }],
    });
    expect(theirs.statusCode).toBe(403);
    expect(
      (await viewer.put(url, { effectiveFrom: today, fees: [{ band: 'standard_residential', weeklyFeePence: 1 }] }))
        .statusCode,
    ).toBe(403);
    expect((await otherProvider.get(url)).statusCode).toBe(403);
    const bad = await provider.put(url, {
      effectiveFrom: today,
      fees: [
        { band: 'homecare_hourly', weeklyFeePence: 2_500 },
        { band: 'standard_nursing', weeklyFeePence: 0 },
      ],
    });
    expect([bad.statusCode, fields(bad)]).toEqual([400, ['fees.0.band', 'fees.1.weeklyFeePence']]);
    const twice = await provider.put(url, {
      effectiveFrom: today,
      fees: [
        { band: 'standard_nursing', weeklyFeePence: 140_000 },
        { band: 'standard_nursing', weeklyFeePence: 141_000 },
      ],
    });
    expect([twice.statusCode, fields(twice)]).toEqual([400, ['fees.1.band']]);
    const notHome = await provider.put(`/api/market/locations/${agency}/self-funder-fees`, {
      effectiveFrom: today,
      fees: [{ band: 'standard_residential', weeklyFeePence: 100_000 }],
    });
    expect([notHome.statusCode, fields(notHome)]).toEqual([400, ['locationId']]);
  });

  it('bounds fees set ahead to a year, shows them as upcoming (not in force yet), and keeps who recorded each fee', async () => {
    const url = `/api/market/locations/${homes[2]}/self-funder-fees`;
    // Far ahead (issue 16: 01/01/2030 was "saved" and then nowhere to be seen): refused with the fees, in one round.
    const far = await provider.put(url, {
      effectiveFrom: addDays(today, 367),
      fees: [{ band: 'standard_nursing', weeklyFeePence: 0 }],
    });
    expect([far.statusCode, fields(far)]).toEqual([400, ['effectiveFrom', 'fees.0.weeklyFeePence']]);
    const latest = addDays(today, 366);
    const [y, m, d] = latest.split('-').map(Number);
    const dmy = new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    expect(far.json().errors.find((e: Field) => e.field === 'effectiveFrom').message).toBe(
      `The date the fees apply from must be on or before ${dmy}`,
    );
    expect((await provider.get(url)).json()).toEqual({ fees: [], upcoming: [], history: [] });

    // In force today, then a rise announced for a year ahead by council staff on the home's behalf.
    expect(
      (
        await provider.put(url, {
          effectiveFrom: today,
          fees: [{ band: 'standard_residential', weeklyFeePence: 98_000 }],
        })
      ).statusCode,
    ).toBe(200);
    const ahead = await commissioner.put(url, {
      effectiveFrom: latest,
      fees: [{ band: 'standard_residential', weeklyFeePence: 104_500 }],
    });
    expect(ahead.statusCode).toBe(200);
    const seen = (await provider.get(url)).json();
    expect(
      seen.fees.map((f: { weeklyFeePence: number; effectiveFrom: string }) => [f.weeklyFeePence, f.effectiveFrom]),
    ).toEqual([[98_000, today]]);
    expect(
      seen.upcoming.map((f: { weeklyFeePence: number; effectiveFrom: string }) => [f.weeklyFeePence, f.effectiveFrom]),
    ).toEqual([[104_500, latest]]);
    expect(
      seen.history.map((h: { weeklyFeePence: number; effectiveFrom: string; recordedBy: string }) => [
        h.effectiveFrom,
        h.weeklyFeePence,
        h.recordedBy,
      ]),
    ).toEqual([
      [latest, 104_500, 'Council staff on the provider’s behalf'],
      [today, 98_000, 'Test provider'],
    ]);
    // The location's page carries the same, and the register's "from" fee is still today's.
    const picture = (await commissioner.get(`/api/market/locations/${homes[2]}`)).json();
    expect(picture.selfFunderFeesUpcoming).toEqual(seen.upcoming);
    expect(picture.selfFunderFeeHistory).toEqual(seen.history);
    const [loc] = await ctx.db.select().from(locations).where(eq(locations.id, homes[2]));
    expect(loc.selfFunderWeeklyFeePence).toBe(98_000);
  });

  it('shows who filed each capacity return, nil and no-change returns and why beds were closed', async () => {
    const url = `/api/market/locations/${homes[0]}`;
    await commissioner.post(`${url}/capacity`, bedReturn({ closedReason: 'other', closedNote: 'Lift out of order' }));
    const hist = (await commissioner.get(url)).json().history.careHome;
    const last = hist[hist.length - 1];
    expect(last).toMatchObject({
      vacantClosed: 3,
      closedReasonText: 'Another reason: Lift out of order',
      filedBy: 'Council staff on the provider’s behalf',
      source: 'staff',
    });
    // Filed by the provider's own user: named. A nil return and a no-change one are marked as such.
    await provider.post(`${url}/nil-return`, {});
    await provider.post(`${url}/no-change`, {});
    const after = (await provider.get(url)).json().history.careHome.slice(-2);
    expect(
      after.map((r: { nilReturn: boolean; noChange: boolean; filedBy: string; closedReasonText: string | null }) => [
        r.nilReturn,
        r.noChange,
        r.filedBy,
        r.closedReasonText,
      ]),
    ).toEqual([
      [true, false, 'Test provider', null],
      [true, true, 'Test provider', null],
    ]);
  });
});
