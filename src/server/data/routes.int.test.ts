import path from 'node:path';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { importRuns } from '../../db/data/schema.js';
import { locations } from '../../db/market/schema.js';
import { describeWithDatabases } from '../../db/testing.js';
import { createTestApp, signInAs } from '../testing.js';

const fixture = readFileSync(
  path.join(import.meta.dirname, '..', '..', 'importers', 'fixtures', 'cqc-api', 'torbay-6-locations.ndjson'),
);

describeWithDatabases('data routes', (ctx) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await createTestApp(ctx.database);
  });
  afterAll(async () => app.close());

  it('refuses a bad file with line-and-field problems and writes nothing', async () => {
    const admin = await signInAs(app, 'admin');
    const lines = fixture.toString('utf8').trimEnd().split('\n');
    const broken = [...lines.slice(0, 2), lines[2].replace('"numberOfBeds": 21', '"numberOfBeds": -3')].join('\n');
    const res = await admin.send(
      'POST',
      '/api/data/imports/cqc-locations?fileName=torbay.ndjson',
      broken,
      'application/octet-stream',
    );
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      title: 'The file was not imported',
      detail: '1 problem found in torbay.ndjson; nothing was saved',
      errors: [{ field: 'line 3: numberOfBeds', message: '"-3" is not a number of beds' }],
    });
    expect(await ctx.db.$count(locations)).toBe(0);
    expect(await ctx.db.$count(importRuns)).toBe(0);
  });

  it('imports a good file, then lists the dataset with file, who, rows and age', async () => {
    const admin = await signInAs(app, 'admin');
    const res = await admin.send(
      'POST',
      '/api/data/imports/cqc-locations?fileName=torbay.ndjson',
      fixture,
      'application/octet-stream',
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().summary).toMatchObject({
      kind: 'cqc-locations',
      fileName: 'torbay.ndjson',
      rowsRead: 6,
      created: 6,
    });
    const list = await admin.get('/api/data/datasets');
    expect(list.statusCode).toBe(200);
    const body = list.json() as {
      datasets: {
        kind: string;
        label: string;
        source: string;
        imports: number;
        ageDays: number | null;
        latest: unknown;
      }[];
    };
    const cqc = body.datasets.find((d) => d.kind === 'cqc-locations')!;
    expect(cqc).toMatchObject({
      label: 'CQC location records',
      source: 'Care Quality Commission (CQC) public API',
      imports: 1,
      ageDays: 0,
      latest: { fileName: 'torbay.ndjson', rowsRead: 6, importedBy: admin.user.email, created: 6 },
    });
    expect(cqc).toMatchObject({ files: 'a JSON file' });
    expect(body.datasets.find((d) => d.kind === 'placements')).toMatchObject({
      source: "The council's case management system",
      files: 'a CSV or Excel (.xlsx) file',
      imports: 0,
      latest: null,
    });
    // Every dataset names who publishes its file.
    expect(body.datasets.filter((d) => d.source.trim() === '')).toEqual([]);
    // …and a plain name for the Data page (issue 13: it showed the importer's code, "population"), no code in it.
    for (const d of body.datasets) expect(d.label).toMatch(/^[A-Z][^_:]*[a-z)]$/);
    expect(new Set(body.datasets.map((d) => d.label)).size).toBe(body.datasets.length);
  });

  it('is for administrators only, and names an unknown importer', async () => {
    const commissioner = await signInAs(app, 'commissioner');
    const res = await commissioner.send(
      'POST',
      '/api/data/imports/cqc-locations?fileName=x.json',
      fixture,
      'application/octet-stream',
    );
    expect(res.statusCode).toBe(403);
    expect((await commissioner.get('/api/data/datasets')).statusCode).toBe(403);
    const admin = await signInAs(app, 'admin');
    const unknown = await admin.send(
      'POST',
      '/api/data/imports/nonsense?fileName=x.csv',
      'a,b',
      'application/octet-stream',
    );
    expect(unknown.statusCode).toBe(404);
  });

  it('takes the importer options the command line takes, checked with the same words', async () => {
    const admin = await signInAs(app, 'admin');
    const list = (await admin.get('/api/data/datasets')).json() as {
      datasets: { kind: string; options: { key: string; label: string; choices: unknown }[] }[];
    };
    expect(list.datasets.find((d) => d.kind === 'discharge-delays')?.options).toEqual([
      expect.objectContaining({ key: 'trust', label: 'Local acute trust’s ODS code (optional)', choices: null }),
    ]);
    expect(list.datasets.find((d) => d.kind === 'placements')?.options[0].choices).toHaveLength(2);

    const refused = await admin.send(
      'POST',
      '/api/data/imports/cqc-locations?fileName=torbay.ndjson&borough=Torbay&trust=RK9',
      fixture,
      'application/octet-stream',
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      detail: '2 options are not right; nothing was saved',
      errors: [
        {
          field: 'borough',
          in: 'query',
          message: '"Torbay" is not the GSS code of an English council: use a code like E06000026 (Plymouth)',
        },
        { field: 'trust', in: 'query', message: '"trust" is not an option of cqc-locations: it takes borough' },
      ],
    });

    // Torbay's GSS code marks its six locations in-area when they are new, whatever council Steward serves.
    await ctx.db.delete(locations);
    const ok = await admin.send(
      'POST',
      '/api/data/imports/cqc-locations?fileName=torbay.ndjson&borough=e06000027',
      fixture,
      'application/octet-stream',
    );
    expect(ok.statusCode).toBe(200);
    expect(await ctx.db.$count(locations, eq(locations.inBorough, true))).toBe(6);
  });
});
