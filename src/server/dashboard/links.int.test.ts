// Every link a home card gives is a real page of the web app that the signed-in role may open (review of issue 13,
// findings 2 and 9: directory cards linked to /directory/manage, which is no page; the BCF lead's home showed hub
// cards linking to /discharge, which that role cannot open).
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import { describeWithDatabases } from '../../db/testing.js';
import { loadDemo } from '../../demo/index.js';
import { ROLES } from '../../domain/core/auth.js';
import { routeAccess } from '../../../web/src/routes.js';
import { createTestApp, signInAs } from '../testing.js';

const AS_AT = new Date('2026-11-01T00:00:00Z');

describeWithDatabases('home card links', (ctx) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    await loadDemo(ctx.db, { seed: 1, asAt: AS_AT });
    app = await createTestApp(ctx.database);
  }, 300_000);
  afterAll(async () => app?.close());

  it('links every card of every role to a page the web router knows and the role may open', async () => {
    // A provider with discharge requests, so the provider's cards are there to check too.
    const [provider] = await queryRows<{ id: string }>(
      ctx.db,
      sql`select provider_id as id from discharge_requests group by provider_id order by count(*) desc limit 1`,
    );
    expect(provider?.id).toBeTruthy();
    let links = 0;
    const wrong: string[] = [];
    for (const role of ROLES) {
      const client = await signInAs(app, role, role === 'provider' ? { providerId: provider.id } : {});
      const res = await client.get('/api/dashboard');
      expect(res.statusCode, role).toBe(200);
      const sections = res.json().sections as { title: string; figures: { label: string; href?: string }[] }[];
      expect(sections.length, role).toBeGreaterThan(0);
      for (const s of sections)
        for (const f of s.figures) {
          if (!f.href) continue;
          links++;
          const access = routeAccess(f.href, role);
          if (access !== 'open') wrong.push(`${role}: "${s.title} › ${f.label}" links to ${f.href} (${access})`);
        }
    }
    expect(wrong).toEqual([]);
    // Not vacuous: the demo gives every role's home cards with links.
    expect(links).toBeGreaterThan(20);
  });
});
