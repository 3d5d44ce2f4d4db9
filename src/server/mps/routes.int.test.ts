import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithDatabases } from '../../db/testing.js';
import { queryRows } from '../../db/client.js';
import { loadDemo } from '../../demo/index.js';
import { capacitySummary } from '../../db/market/dashboard.js';
import { listContracts } from '../../db/contracts/contracts.js';
import { listProcurements } from '../../db/contracts/procurements.js';
import { londonToday } from '../../domain/core/dates.js';
import { planBackwards } from '../../domain/contracts/procurement.js';
import { sectionKeys } from '../../domain/mps/outline.js';
import { anonymous, createTestApp, signInAs } from '../testing.js';
import type { z } from 'zod';
import type { draftResponseSchema, publicStatementSchema, sectionDraftSchema } from './schemas.js';

type Draft = z.infer<typeof draftResponseSchema>;
type Public = z.infer<typeof publicStatementSchema>;
type SectionDraft = z.infer<typeof sectionDraftSchema>;

const AS_AT = new Date('2026-11-30T00:00:00Z');

describeWithDatabases('market position statement', (ctx) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    await loadDemo(ctx.db, { seed: 3, asAt: AS_AT });
    app = await createTestApp(ctx.database);
  }, 300_000);
  afterAll(async () => app?.close());

  it('shows the demo’s published edition to anyone, without sign-in, marked noindex while synthetic', async () => {
    const res = await anonymous(app).get('/api/mps/public/statement');
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-robots-tag']).toBe('noindex, nofollow');
    const body = res.json() as Public;
    expect(body.edition.number).toBe(1);
    expect(body.statement.borough.synthetic).toBe(true);
    expect(body.statement.sections.map((s) => s.key)).toEqual(sectionKeys());
    const intro = body.statement.sections.find((s) => s.key === 'introduction')!;
    expect(intro.narrative[0].text).toContain('Market Position Statement');
    expect(body.statement.opportunities.length).toBeGreaterThan(3);
    // Public pages never name a provider or one of its homes.
    const names = await queryRows<{ name: string }>(
      ctx.db,
      sql`select name from providers union select name from locations`,
    );
    const publicText = JSON.stringify(body.statement.opportunities);
    for (const { name } of names) expect(publicText).not.toContain(name);
    // And the staff API stays closed to the public.
    expect((await anonymous(app).get('/api/mps/draft')).statusCode).toBe(401);
    expect((await anonymous(app).post('/api/mps/editions', { title: 'x' })).statusCode).toBe(401);
    expect(
      (await app.inject({ method: 'PUT', url: '/api/mps/sections/carers', payload: { blocks: [] } })).statusCode,
    ).toBe(401);
  });

  it('generates the draft from the other areas’ figures', async () => {
    const commissioner = await signInAs(app, 'commissioner');
    const draft = (await commissioner.get('/api/mps/draft')).json() as Draft;
    const market = draft.statement.sections.find((s) => s.kind === 'market')!;
    const cap = await capacitySummary(ctx.db, { inBorough: true });
    const figure = (key: string) => market.figures.find((f) => f.key === key)?.value;
    expect(figure('care_homes')).toBe(cap.careHomes);
    expect(figure('registered_beds')).toBe(cap.registeredBeds);
    expect(figure('vacant_accepting')).toBe(cap.vacantAccepting);
    // Care homes section: every live care home contract, and its share of the spend chapter.
    const today = londonToday();
    const contracts = (await listContracts(ctx.db, {}, today)).filter((c) => c.status === 'live');
    const careHomes = draft.statement.sections.find((s) => s.key === 'care_homes')!;
    expect(careHomes.kind).toBe('service');
    if (careHomes.kind !== 'service') return;
    const expected = contracts.filter((c) => c.serviceArea === 'care_homes');
    expect(careHomes.provision.contracts).toBe(expected.length);
    expect(careHomes.provision.annualValuePence).toBe(expected.reduce((s, c) => s + c.annualValuePence, 0));
    // Every procurement still under way is an opportunity.
    const open = (await listProcurements(ctx.db, today)).filter((p) => !p.forecast.complete);
    for (const p of open) expect(draft.statement.opportunities.map((o) => o.id)).toContain(`procurement:${p.id}`);
    // Population now is the demand area's figure for this year.
    const area = draft.statement.sections.find((s) => s.kind === 'area')!;
    expect(area.figures.find((f) => f.key === 'population')!.value).toBeGreaterThan(100_000);
    const need = draft.statement.sections.find((s) => s.kind === 'need')!;
    expect(need.kind === 'need' && need.measures.some((m) => m.key === 'dementia_65plus')).toBe(true);
  });

  it('keeps narrative versions, refuses stale edits and unsafe links, and reviews with four eyes', async () => {
    const commissioner = await signInAs(app, 'commissioner');
    const admin = await signInAs(app, 'admin');
    const viewer = await signInAs(app, 'viewer');
    const before = (await commissioner.get('/api/mps/sections/carers')).json() as SectionDraft;
    expect(before.status).toBe('approved');
    const aspirations = before.blocks.find((b) => b.key === 'aspirations')!;

    expect(
      (
        await viewer.put('/api/mps/sections/carers', {
          blocks: [{ blockKey: 'aspirations', text: 'x', baseVersion: aspirations.version }],
        })
      ).statusCode,
    ).toBe(403);
    const unsafe = await commissioner.put('/api/mps/sections/carers', {
      blocks: [{ blockKey: 'aspirations', text: 'See [this](javascript:alert(1))', baseVersion: aspirations.version }],
    });
    expect(unsafe.statusCode).toBe(400);
    expect(unsafe.json().errors[0].field).toBe('blocks.0.text');

    const saved = await commissioner.put('/api/mps/sections/carers', {
      blocks: [
        {
          blockKey: 'aspirations',
          text: `${aspirations.text}\n\n- A new carers' strategy`,
          baseVersion: aspirations.version,
        },
      ],
    });
    expect(saved.statusCode).toBe(200);
    const after = saved.json() as SectionDraft;
    expect(after.status).toBe('draft');
    expect(after.blocks.find((b) => b.key === 'aspirations')!.version).toBe(aspirations.version + 1);
    expect(after.blocks.find((b) => b.key === 'aspirations')!.author).toBe(commissioner.user.name);

    const stale = await admin.put('/api/mps/sections/carers', {
      blocks: [{ blockKey: 'aspirations', text: 'Overwrite', baseVersion: aspirations.version }],
    });
    expect(stale.statusCode).toBe(409);

    const history = (await commissioner.get('/api/mps/sections/carers/blocks/aspirations/history')).json();
    expect(history.versions.map((v: { version: number }) => v.version)).toEqual([
      aspirations.version + 1,
      aspirations.version,
    ]);

    const sent = await commissioner.post('/api/mps/sections/carers/review', { action: 'sent_for_review' });
    expect((sent.json() as SectionDraft).status).toBe('in_review');
    expect((await commissioner.post('/api/mps/sections/carers/review', { action: 'approved' })).statusCode).toBe(403);
    expect((await admin.post('/api/mps/sections/carers/review', { action: 'changes_requested' })).statusCode).toBe(400);
    const approved = await admin.post('/api/mps/sections/carers/review', { action: 'approved' });
    expect((approved.json() as SectionDraft).status).toBe('approved');
  });

  it('publishes frozen editions: a procurement added later shows in the draft, not in the edition', async () => {
    const commissioner = await signInAs(app, 'commissioner');
    await commissioner.put('/api/mps/sections/homecare', {
      blocks: [{ blockKey: 'contacts', text: 'Homecare team: homecare@eastbrook.example', baseVersion: 1 }],
    });
    const refused = await commissioner.post('/api/mps/editions', { title: 'Refresh' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('Homecare');
    const published = await commissioner.post('/api/mps/editions', { title: 'Refresh', acknowledgeUnapproved: true });
    expect(published.statusCode).toBe(201);
    const edition = published.json();
    expect(edition.number).toBe(2);

    // A new procurement for a live supported living contract.
    const today = londonToday();
    const contract = (await listContracts(ctx.db, { serviceArea: 'supported_living' }, today)).find(
      (c) => c.status === 'live',
    )!;
    const created = await commissioner.post('/api/contracts/procurements', {
      contractId: contract.id,
      title: 'Supported living framework (new lots)',
      route: 're_tender',
      leadOfficer: null,
      stages: planBackwards(contract.currentEndDate),
    });
    expect(created.statusCode).toBe(201);
    const id = `procurement:${created.json().id}`;
    const draft = (await commissioner.get('/api/mps/draft')).json() as Draft;
    const opportunity = draft.statement.opportunities.find((o) => o.id === id)!;
    expect(opportunity.title).toBe('Supported living framework (new lots)');
    expect(opportunity.sectionKeys).toContain('supported_living');
    const latest = (await anonymous(app).get('/api/mps/public/opportunities')).json();
    expect(latest.edition.number).toBe(2);
    expect(latest.opportunities.map((o: { id: string }) => o.id)).not.toContain(id);

    const comparison = (await commissioner.get('/api/mps/compare?from=2&to=draft')).json();
    const section = comparison.sections.find((s: { key: string }) => s.key === 'supported_living');
    expect(section.opportunitiesAdded.map((o: { id: string }) => o.id)).toContain(id);
    expect(section.change).toBe('changed');
    const oneToTwo = (await commissioner.get('/api/mps/compare?from=1&to=2')).json();
    const carers = oneToTwo.sections.find((s: { key: string }) => s.key === 'carers');
    expect(carers.blocks.find((b: { key: string }) => b.key === 'aspirations').lines).toContainEqual({
      change: 'added',
      text: "- A new carers' strategy",
    });

    // The edition in the database cannot be changed or deleted.
    await expect(ctx.db.execute(sql`update mps_editions set title = 'Changed' where number = 2`)).rejects.toThrow();
    await expect(ctx.db.execute(sql`delete from mps_editions where number = 1`)).rejects.toThrow();

    const third = await commissioner.post('/api/mps/editions', { title: 'Third', acknowledgeUnapproved: true });
    expect(third.json().statement.opportunities.map((o: { id: string }) => o.id)).toContain(id);
  });

  it('rate limits the public API like the rest of the app, answering problem+json', async () => {
    // Last in this file: it uses up this address's allowance for the list of editions.
    let limited = null;
    for (let i = 0; i < 125 && !limited; i++) {
      const res = await anonymous(app).get('/api/mps/public/editions');
      if (i === 0) expect(res.headers['x-ratelimit-limit']).toBe('120');
      if (res.statusCode === 429) limited = { at: i, res };
    }
    expect(limited?.at).toBeLessThanOrEqual(120);
    expect(limited?.res.headers['content-type']).toContain('application/problem+json');
    expect(limited?.res.json().status).toBe(429);
  });

  it('answers the PDF with problem+json when it cannot be printed here', async () => {
    // The test app serves the API only (no built web app), so there is no print page.
    const res = await anonymous(app).get('/market-position-statement.pdf');
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().title).toBe('PDF not available');
  });
});
