import { eq, desc } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { describeWithDatabases } from '../testing.js';
import { careHomeCapacity, homecareCapacity, placements } from '../market/schema.js';
import { auditLog } from '../core/schema.js';
import { referralInputSchema } from '../../domain/discharge/referral.js';
import {
  awardOffer,
  listRequestsForProvider,
  listResponses,
  respondToRequest,
  sendRequests,
  listNotifications,
} from './brokerage.js';
import { searchCandidates } from './candidates.js';
import { seedDischargeMarket, type DischargeFixture } from './fixtures.js';
import { createReferral, getReferral, recordDelay, recordDischarge } from './referrals.js';
import { loadBoard, loadD2a, loadMetrics } from './flow.js';
import { readDischargeHistory } from './history.js';
import { Conflict } from '../../domain/core/errors.js';

const BROKER = { system: 'test-broker' } as const;
const now = new Date('2025-03-10T10:00:00Z');
const at = (h: number) => new Date(now.getTime() + h * 3_600_000);

function referral(personRef: string, extra: Record<string, unknown> = {}) {
  return referralInputSchema.parse({
    personRef,
    ageBand: '85-94',
    postcodeDistrict: 'RM7',
    hospital: 'Queen’s Hospital',
    ward: 'Sunflower',
    medicallyOptimisedAt: '2025-03-09T09:00:00Z',
    pathway: 3,
    serviceNeed: 'care_home_nursing',
    fundingRoute: 'council',
    specialisms: ['dementia'],
    name: 'Test Person',
    nhsNumber: '9434765919',
    ...extra,
  });
}

describeWithDatabases('discharge brokerage', (ctx) => {
  let fx: DischargeFixture;
  beforeAll(async () => {
    // The hub's records are of March 2025, and the referral form's bounds (medically optimised within the last
    // year) are checked against today: so today, for this suite, is the day after its records.
    vi.useFakeTimers({ toFake: ['Date'], now, shouldAdvanceTime: true });
    fx = await seedDischargeMarket(ctx.db, now);
  });
  afterAll(() => {
    vi.useRealTimers();
  });

  it('finds homes with a nursing bed and dementia specialism, nearest and best first, with reasons', async () => {
    const result = await searchCandidates(
      ctx.db,
      { serviceNeed: 'care_home_nursing', specialisms: ['dementia'], postcodeDistrict: 'RM7' },
      now,
    );
    expect(result.candidates.map((c) => c.name)).toEqual(['Rosewood Nursing Home', 'Oakfield House']);
    expect(result.usualRatePence).toBe(71_500);
    const rosewood = result.candidates[0];
    expect(rosewood.distanceKm).toBe(0);
    expect(rosewood.capacity).toBe(1);
    expect(rosewood.reasons.map((r) => r.text)).toContain('1 bed free and accepting admissions');
    expect(result.candidates[1].distanceKm).toBe(10);
    // The Cedars has no dementia specialism; the agency is not a care home.
    expect(result.considered).toBe(2);
  });

  it('finds an agency with enough spare hours for a double-handed package', async () => {
    const ok = await searchCandidates(
      ctx.db,
      {
        serviceNeed: 'homecare',
        specialisms: [],
        postcodeDistrict: 'RM7',
        homecareHoursPerWeek: 14,
        doubleHanded: true,
      },
      now,
    );
    expect(ok.candidates.map((c) => c.name)).toEqual(['Havencare Romford']);
    const tooMuch = await searchCandidates(
      ctx.db,
      {
        serviceNeed: 'homecare',
        specialisms: [],
        postcodeDistrict: 'RM7',
        homecareHoursPerWeek: 20,
        doubleHanded: true,
      },
      now,
    );
    expect(tooMuch.candidates).toEqual([]);
    expect(tooMuch.excluded.capacity).toBe(1);
  });

  it('runs referral → request → offer → award: placement at the agreed price, vacancy down, others told', async () => {
    const ref = await createReferral(ctx.db, referral('HUB-A-0001'), BROKER, at(0));
    await recordDelay(ctx.db, ref.id, 'awaiting_care_home', '', BROKER, at(0));
    const sent = await sendRequests(
      ctx.db,
      ref.id,
      { mode: 'chosen', locationIds: [fx.nursingHome.locationId, fx.secondHome.locationId] },
      BROKER,
      at(1),
    );
    expect(sent).toEqual({ sent: 2, alreadySent: 0 });

    const [forRosewood] = await listRequestsForProvider(ctx.db, fx.nursingHome.providerId);
    expect(forRosewood).toMatchObject({ postcodeDistrict: 'RM7', ageBand: '85-94', status: 'sent' });
    expect(JSON.stringify(forRosewood)).not.toMatch(/Test Person|9434765919|HUB-A-0001|Sunflower/);

    // Another provider cannot answer Rosewood's request: it is "not found" to them.
    await expect(
      respondToRequest(
        ctx.db,
        forRosewood.id,
        fx.secondHome.providerId,
        { response: 'decline', declineReason: 'no_vacancy', note: '' },
        BROKER,
        at(2),
      ),
    ).rejects.toMatchObject({ status: 404 });
    await respondToRequest(
      ctx.db,
      forRosewood.id,
      fx.nursingHome.providerId,
      { response: 'offer', pricePence: 73_550, earliestStart: '2025-03-11', canAssessBy: '2025-03-10', note: '' },
      BROKER,
      at(3),
    );
    const [forOakfield] = await listRequestsForProvider(ctx.db, fx.secondHome.providerId);
    await respondToRequest(
      ctx.db,
      forOakfield.id,
      fx.secondHome.providerId,
      { response: 'offer', pricePence: 80_000, earliestStart: '2025-03-12', canAssessBy: '2025-03-11', note: '' },
      BROKER,
      at(5),
    );

    const afterOffers = await getReferral(ctx.db, ref.id);
    expect(afterOffers!.firstOfferAt).toEqual(at(3));
    expect(afterOffers!.status).toBe('offered');

    const responses = await listResponses(ctx.db, ref.id);
    expect(responses.map((r) => [r.locationName, r.pricePence])).toEqual([
      ['Rosewood Nursing Home', 73_550],
      ['Oakfield House', 80_000],
    ]);

    const award = await awardOffer(ctx.db, forRosewood.id, BROKER, at(6));
    expect(award).toMatchObject({ weeklyPricePence: 73_550, vacancyAfter: { vacantAccepting: 0 }, notified: 2 });
    const [placement] = await ctx.db.select().from(placements).where(eq(placements.id, award.placementId!));
    expect(placement).toMatchObject({
      personRef: 'HUB-A-0001',
      serviceType: 'care_home_nursing',
      band: 'standard_nursing',
      weeklyPricePence: 73_550,
      funding: 'council',
      contractType: 'framework',
      purpose: 'long_term',
      origin: 'discharge',
      originRef: ref.id,
      startDate: '2025-03-11',
    });
    const [latest] = await ctx.db
      .select()
      .from(careHomeCapacity)
      .where(eq(careHomeCapacity.locationId, fx.nursingHome.locationId))
      .orderBy(desc(careHomeCapacity.asAt))
      .limit(1);
    expect(latest).toMatchObject({
      vacantAccepting: 0,
      occupied: 39,
      nursingVacantAccepting: 0,
      nursingOccupied: 39,
      source: 'system',
    });
    const oak = await listNotifications(ctx.db, fx.secondHome.providerId);
    expect(oak.map((n) => n.kind)).toEqual(['not_selected', 'request']);
    expect((await listResponses(ctx.db, ref.id)).map((r) => r.status)).toEqual(['awarded', 'not_selected']);

    // A second award on the same referral is refused.
    await expect(awardOffer(ctx.db, forOakfield.id, BROKER, at(7))).rejects.toMatchObject({ status: 409 });

    // The home is now full, so it no longer appears for a new person.
    const again = await searchCandidates(
      ctx.db,
      { serviceNeed: 'care_home_nursing', specialisms: ['dementia'], postcodeDistrict: 'RM7' },
      at(8),
    );
    expect(again.candidates.map((c) => c.name)).toEqual(['Oakfield House']);

    vi.setSystemTime(at(31)); // the discharge is recorded after the person left, never ahead of them
    const discharged = await recordDischarge(ctx.db, ref.id, 'care_home', BROKER, at(30));
    vi.setSystemTime(now);
    expect(discharged.status).toBe('discharged');
    expect(discharged.delays[0].to).toEqual(at(30));
    const board = await loadBoard(ctx.db, at(31));
    expect(board[3].entries.map((e) => e.referralId)).not.toContain(ref.id);

    const audit = await ctx.db.select().from(auditLog).where(eq(auditLog.entityId, ref.id));
    expect(audit.map((a) => a.action).sort()).toEqual(['award', 'create', 'discharge', 'send_request', 'update']);
    expect(JSON.stringify(audit)).not.toMatch(/Test Person|9434765919/);
  });

  it('lets only one of two brokers take the last bed, under real concurrency', async () => {
    // On PostgreSQL the database is a connection pool: each transaction below runs on its own connection at
    // the same time, so only the row locks keep them apart. (PGlite has one connection and queues them.)
    // Oakfield has residential beds: set them to exactly one left.
    await ctx.db.insert(careHomeCapacity).values({
      locationId: fx.secondHome.locationId,
      asAt: at(40),
      maxCapacity: 60,
      occupied: 59,
      vacantReserved: 0,
      vacantAccepting: 1,
      residentialMax: 30,
      residentialOccupied: 29,
      residentialVacantAccepting: 1,
      nursingMax: 30,
      nursingOccupied: 30,
      nursingVacantAccepting: 0,
      source: 'provider',
    });
    const offers: string[] = [];
    for (const person of ['HUB-C-0001', 'HUB-C-0002']) {
      const r = await createReferral(
        ctx.db,
        referral(person, { serviceNeed: 'care_home_residential', specialisms: [] }),
        BROKER,
        at(41),
      );
      await sendRequests(ctx.db, r.id, { mode: 'chosen', locationIds: [fx.secondHome.locationId] }, BROKER, at(41));
      const mine = (await listRequestsForProvider(ctx.db, fx.secondHome.providerId)).find((q) => q.status === 'sent')!;
      await respondToRequest(
        ctx.db,
        mine.id,
        fx.secondHome.providerId,
        { response: 'offer', pricePence: 70_100, earliestStart: '2025-03-13', canAssessBy: '2025-03-12', note: '' },
        BROKER,
        at(42),
      );
      offers.push(mine.id);
    }
    const results = await Promise.allSettled([
      awardOffer(ctx.db, offers[0], BROKER, at(43)),
      awardOffer(ctx.db, offers[1], BROKER, at(43)),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toBeInstanceOf(Conflict);
    expect(lost[0].reason.status).toBe(409);
    expect(lost[0].reason.message).toMatch(/No bed is vacant/);
    const [latest] = await ctx.db
      .select()
      .from(careHomeCapacity)
      .where(eq(careHomeCapacity.locationId, fx.secondHome.locationId))
      .orderBy(desc(careHomeCapacity.asAt))
      .limit(1);
    expect(latest.vacantAccepting).toBe(0);
    expect(latest.residentialVacantAccepting).toBe(0);
    const made = await ctx.db.select().from(placements).where(eq(placements.locationId, fx.secondHome.locationId));
    expect(made).toHaveLength(1);
  });

  it('awards homecare against spare hours and D2A against a free block bed', async () => {
    const hc = await createReferral(
      ctx.db,
      referral('HUB-D-0001', {
        pathway: 1,
        serviceNeed: 'homecare',
        homecareHoursPerWeek: 7,
        callsPerDay: 2,
        doubleHanded: true,
        specialisms: [],
        fundingRoute: 'discharge_fund',
      }),
      BROKER,
      at(50),
    );
    await sendRequests(ctx.db, hc.id, { mode: 'framework', locationIds: [] }, BROKER, at(50));
    const [q] = await listRequestsForProvider(ctx.db, fx.agency.providerId);
    await respondToRequest(
      ctx.db,
      q.id,
      fx.agency.providerId,
      { response: 'offer', pricePence: 2_426, earliestStart: '2025-03-13', canAssessBy: '2025-03-12', note: '' },
      BROKER,
      at(51),
    );
    const award = await awardOffer(ctx.db, q.id, BROKER, at(52));
    expect(award).toMatchObject({ weeklyPricePence: 33_964, vacancyAfter: { hoursAvailable: 16 } }); // 14 h × £24.26
    const [latest] = await ctx.db
      .select()
      .from(homecareCapacity)
      .where(eq(homecareCapacity.locationId, fx.agency.locationId))
      .orderBy(desc(homecareCapacity.asAt))
      .limit(1);
    expect(Number(latest.newHoursAvailable)).toBe(16);

    const d2a = await createReferral(
      ctx.db,
      referral('HUB-D-0002', { serviceNeed: 'd2a_bed', specialisms: [], fundingRoute: 'discharge_fund' }),
      BROKER,
      at(53),
    );
    const found = await searchCandidates(
      ctx.db,
      { serviceNeed: 'd2a_bed', specialisms: [], postcodeDistrict: 'RM7' },
      at(53),
    );
    expect(found.candidates.map((c) => [c.name, c.capacity])).toEqual([['The Cedars', 2]]);
    await sendRequests(ctx.db, d2a.id, { mode: 'chosen', locationIds: [fx.d2aHome.locationId] }, BROKER, at(53));
    const [dq] = await listRequestsForProvider(ctx.db, fx.d2aHome.providerId);
    await respondToRequest(
      ctx.db,
      dq.id,
      fx.d2aHome.providerId,
      { response: 'offer', pricePence: 95_000, earliestStart: '2025-03-12', canAssessBy: '2025-03-12', note: '' },
      BROKER,
      at(54),
    );
    const window = { from: '2025-03-01', to: '2025-03-20' };
    expect((await loadD2a(ctx.db, { ...window, now: at(72) })).occupiedNow).toBe(0); // cached for this version
    const d2aAward = await awardOffer(ctx.db, dq.id, BROKER, at(55));
    expect(d2aAward.vacancyAfter).toEqual({ blockBedsFree: 1 });
    vi.setSystemTime(at(61));
    await recordDischarge(ctx.db, d2a.id, 'd2a_bed', BROKER, at(60));
    vi.setSystemTime(now);
    const report = await loadD2a(ctx.db, { ...window, now: at(72) });
    expect(report.bedsContracted).toBe(2);
    expect(report.occupiedNow).toBe(1); // the write is seen at once
    expect(report.current[0]).toMatchObject({ personRef: 'HUB-D-0002', daysIn: 0.5, overLimit: false });
    // Same data version, a later moment: today's occupants are worked out again, not taken from the cache.
    const later = await loadD2a(ctx.db, { ...window, now: at(96) });
    expect(later.current[0]).toMatchObject({ personRef: 'HUB-D-0002', daysIn: 1.5 });
    expect(later.occupancy).toEqual(report.occupancy);
  });

  it('reports metrics and the simulation history from what was recorded', async () => {
    const m = await loadMetrics(ctx.db, { period: 'month', from: '2025-03-01', to: '2025-04-01', asAt: at(80) });
    const march = m.rows[0];
    expect(march.referrals[3]).toBe(4);
    expect(march.referrals[1]).toBe(1);
    expect(march.discharges).toEqual({ 0: 0, 1: 0, 2: 0, 3: 2 });
    expect(march.requestsSent).toBe(5);
    const rosewood = m.acceptance.find((a) => a.providerName === 'Rosewood Care Ltd')!;
    expect(rosewood).toMatchObject({ received: 1, offers: 1, awarded: 1, acceptanceRate: 1 });

    const h = await readDischargeHistory(ctx.db, { from: '2025-03-08', to: '2025-03-12', asAt: at(80) });
    expect(h.arrivals.map((a) => a.date)).toEqual(['2025-03-08', '2025-03-09', '2025-03-10', '2025-03-11']);
    expect(h.arrivals[1].byPathway).toEqual({ 0: 0, 1: 1, 2: 0, 3: 4 });
    const d2a = h.episodes.find((e) => e.service === 'p3_d2a_bed')!;
    expect(d2a).toMatchObject({ waiting: false, endedAt: null, lengthOfStayDays: null });
    expect(d2a.waitDays).toBeCloseTo((at(60).getTime() - new Date('2025-03-09T09:00:00Z').getTime()) / 86_400_000, 6);
    expect(h.episodes.filter((e) => e.waiting)).toHaveLength(3);
  });

  it('refuses a discharge time in the future, before the referral or before medically optimised, writing nothing', async () => {
    // Medically optimised 9 March 09:00; referred at 10 March 10:00 (`now`).
    const ref = await createReferral(ctx.db, referral('HUB-T-0001'), BROKER, now);
    const refused = async (when: Date) =>
      recordDischarge(ctx.db, ref.id, 'usual_residence', BROKER, when).then(
        () => null,
        (e: { status?: number; errors?: { field: string; message: string }[] }) => ({
          status: e.status,
          errors: e.errors,
        }),
      );
    expect(await refused(at(2))).toEqual({
      status: 400,
      errors: [{ field: 'dischargedAt', message: 'The time they left hospital cannot be in the future' }],
    });
    expect(await refused(at(-1))).toEqual({
      status: 400,
      errors: [
        {
          field: 'dischargedAt',
          message: 'The time they left hospital must be after the referral was made (10 March 2025 at 10:00)',
        },
      ],
    });
    // A referral made after the person was medically optimised, backdated: before MO is refused too.
    const late = await createReferral(
      ctx.db,
      referral('HUB-T-0002', { medicallyOptimisedAt: '2025-03-10T09:30:00Z' }),
      BROKER,
      at(-2),
    );
    const beforeMo = await recordDischarge(ctx.db, late.id, 'usual_residence', BROKER, at(-1)).catch(
      (e: { errors?: { message: string }[] }) => e.errors?.[0]?.message,
    );
    expect(beforeMo).toBe(
      'The time they left hospital must be after they were medically optimised (10 March 2025 at 09:30)',
    );
    expect((await getReferral(ctx.db, ref.id))!.status).not.toBe('discharged');
    expect((await getReferral(ctx.db, late.id))!.status).not.toBe('discharged');
    // Inside the minute of the referral, and now: accepted.
    const done = await recordDischarge(ctx.db, ref.id, 'usual_residence', BROKER, new Date(now.getTime() + 20_000));
    expect(done.status).toBe('discharged');
  });
});
