import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { getSetting } from '../db/core/settings.js';
import { publishedDischargeFigures } from '../db/discharge/schema.js';
import { describeWithDatabases } from '../db/testing.js';
import { createTestApp, signInAs } from '../server/testing.js';
import { DISCHARGE_TRUST_SETTING, dischargeDelaysImporter } from './dischargeDelays.js';
import { fileSource, ImportRejected, runImport, textSource } from './framework.js';

const dir = path.join(import.meta.dirname, 'fixtures', 'discharge');
const actor = { system: 'test' };
const value = async (db: Parameters<typeof runImport>[0], org: string, date: string, metric: string) =>
  (
    await db
      .select({ v: publishedDischargeFigures.value })
      .from(publishedDischargeFigures)
      .where(
        and(
          eq(publishedDischargeFigures.orgCode, org),
          eq(publishedDischargeFigures.date, date),
          eq(publishedDischargeFigures.metric, metric),
        ),
      )
  )[0]?.v;

describeWithDatabases('import discharge-delays', (ctx) => {
  it('reads the daily series by trust as published (NA days left out) and names the local trust', async () => {
    const s = await runImport(
      ctx.db,
      dischargeDelaysImporter,
      fileSource(path.join(dir, 'RK9_criteria_to_reside.csv')),
      {
        actor,
        options: { trust: 'rk9' },
      },
    );
    expect(s.rowsRead).toBeGreaterThan(1200);
    // The file gives the trust's code only: its name comes from the NHS trusts reference list, kept on import.
    expect(s.messages.at(-1)).toBe('the flow page shows University Hospitals Plymouth NHS Trust (RK9)');
    const [named] = await ctx.db
      .selectDistinct({ name: publishedDischargeFigures.orgName })
      .from(publishedDischargeFigures)
      .where(eq(publishedDischargeFigures.orgCode, 'RK9'));
    expect(named.name).toBe('University Hospitals Plymouth NHS Trust');
    expect(await value(ctx.db, 'RK9', '2024-01-15', 'nctr')).toBe(220);
    expect(await getSetting(ctx.db, DISCHARGE_TRUST_SETTING)).toBe('RK9');
    const discharged = await runImport(
      ctx.db,
      dischargeDelaysImporter,
      fileSource(path.join(dir, 'RK9_discharged_patients.csv')),
      { actor, options: {} },
    );
    // Rows of the file (one a day), not figures (up to three a row).
    expect(discharged.rowsRead).toBe(1249);
    expect(await value(ctx.db, 'RK9', '2024-01-15', 'discharged_total')).toBe(116);
    expect(await value(ctx.db, 'RK9', '2024-01-15', 'discharged_by_1700')).toBeUndefined();
  });

  it('reads the monthly Discharge Delays (Acute) CSV; re-import replaces, never duplicates', async () => {
    const file = path.join(dir, 'acute-discharge-august-2026_EXTRACT_first49rows.csv');
    const first = await runImport(ctx.db, dischargeDelaysImporter, fileSource(file), { actor, options: {} });
    expect(first.rowsRead).toBe(49);
    expect(await value(ctx.db, 'ENG', '2026-08-01', 'nctr')).toBe(21082);
    const before = await ctx.db.$count(publishedDischargeFigures);
    await runImport(ctx.db, dischargeDelaysImporter, fileSource(file), { actor, options: {} });
    expect(await ctx.db.$count(publishedDischargeFigures)).toBe(before);
  });

  it('serves the local trust’s published daily figures for the flow page', async () => {
    const app = await createTestApp(ctx.database);
    try {
      const broker = await signInAs(app, 'broker');
      const res = await broker.get('/api/discharge/published?days=30');
      expect(res.statusCode).toBe(200);
      const body = res.json() as {
        org: { code: string; name: string | null };
        latestDate: string;
        series: { date: string; nctr: number | null; dischargedTotal: number | null }[];
      };
      expect(body.org).toEqual({ code: 'RK9', name: 'University Hospitals Plymouth NHS Trust' });
      expect(body.series).toHaveLength(30);
      expect(body.series.at(-1)?.date).toBe(body.latestDate);
      const jan15 = await broker.get('/api/discharge/published?days=1500');
      const day = (jan15.json() as typeof body).series.find((p) => p.date === '2024-01-15');
      expect(day).toEqual({ date: '2024-01-15', nctr: 220, dischargedTotal: 116 });
      expect((await app.inject({ method: 'GET', url: '/api/discharge/published' })).statusCode).toBe(401);
    } finally {
      await app.close();
    }
  });

  it('refuses a bad value with its line and column, writing nothing', async () => {
    const text =
      '"nhs_trust22_code","date","do_not_meet_criteria_to_reside"\n"RXX",2024-01-01,12\n"RXX",2024-01-02,lots\n';
    const err = await runImport(ctx.db, dischargeDelaysImporter, textSource('x.csv', text), {
      actor,
      options: {},
    }).catch((e: unknown) => e);
    expect((err as ImportRejected).issues).toEqual([
      { line: 3, field: 'do_not_meet_criteria_to_reside', message: '"lots" is not a number' },
    ]);
    expect(await value(ctx.db, 'RXX', '2024-01-01', 'nctr')).toBeUndefined();
  });

  it('refuses a trust the file holds no figures for, naming the trust it does hold (CLI and Data page alike)', async () => {
    const file = path.join(dir, 'RK9_criteria_to_reside.csv');
    const err = await runImport(ctx.db, dischargeDelaysImporter, fileSource(file), {
      actor,
      options: { trust: 'R0A' },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportRejected);
    expect((err as ImportRejected).issues).toEqual([
      {
        line: null,
        field: 'trust',
        message:
          'This file holds no figures for Manchester University NHS Foundation Trust (R0A); it holds University Hospitals Plymouth NHS Trust (RK9). Choose the trust whose figures it holds, or leave the trust empty',
      },
    ]);
    expect(await getSetting(ctx.db, DISCHARGE_TRUST_SETTING)).toBe('RK9');
  });

  it('counts new, updated and unchanged figures on re-import', async () => {
    const file = path.join(dir, 'RK9_criteria_to_reside.csv');
    // Imported by the first test: every figure is already held, unchanged.
    const again = await runImport(ctx.db, dischargeDelaysImporter, fileSource(file), { actor, options: {} });
    expect([again.created, again.updated, again.unchanged]).toEqual([0, 0, again.rowsRead]);
    expect(again.rowsRead).toBe(1249);
    // The first day as held, the second revised, and a new day after the file's last (31 August 2025).
    const text =
      '"nhs_trust22_code","date","do_not_meet_criteria_to_reside"\n"RK9",2022-04-01,307\n"RK9",2022-04-02,251\n"RK9",2025-09-01,190\n';
    const s = await runImport(ctx.db, dischargeDelaysImporter, textSource('rk9-revised.csv', text), {
      actor,
      options: { trust: 'RK9' },
    });
    expect([s.created, s.updated, s.unchanged]).toEqual([1, 1, 1]);
    expect(await value(ctx.db, 'RK9', '2022-04-02', 'nctr')).toBe(251);
    expect(await value(ctx.db, 'RK9', '2025-09-01', 'nctr')).toBe(190);
  });

  it('refuses impossible patient counts, every one with its line, writing nothing', async () => {
    const text =
      '"nhs_trust22_code","date","do_not_meet_criteria_to_reside"\n"RXY",2025-09-01,200\n"RXY",2025-09-32,12\n"RXY",2025-09-02,-4\n"RXY",2025-09-04,12.5\n"RXY",2025-09-05,99999999\n';
    const err = await runImport(ctx.db, dischargeDelaysImporter, textSource('dd_bad.csv', text), {
      actor,
      options: {},
    }).catch((e: unknown) => e);
    expect((err as ImportRejected).issues.map((i) => [i.line, i.field])).toEqual([
      [3, 'date'],
      [4, 'do_not_meet_criteria_to_reside'],
      [5, 'do_not_meet_criteria_to_reside'],
      [6, 'do_not_meet_criteria_to_reside'],
    ]);
    expect(await value(ctx.db, 'RXY', '2025-09-01', 'nctr')).toBeUndefined();
  });
});
