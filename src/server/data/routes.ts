// The "Data" area's API (administrators): every dataset Steward holds with its source, file, when and by whom
// it was imported, rows and age; and the upload of any importer's file, read by the same importer as
// `steward import <kind> <file>` — refused whole with the same line-and-field problems, nothing written.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importCounts, importHistory, latestImports } from '../../db/data/imports.js';
import type { ImportRunRow } from '../../db/data/schema.js';
import { fileFormatWords, fileSource, ImportRejected, runImport } from '../../importers/framework.js';
import { findImporter, importers } from '../../importers/registry.js';
import { checkImporterOptions } from '../../importers/options.js';
import { BCF_EDITORS } from '../../domain/core/auth.js';
import { actorOf, requireRole } from '../auth/guards.js';
import { importRejected, Problem } from '../problem.js';
import { datasetSchema, runSchema, summarySchema } from './schemas.js';

const TAGS = ['data'];
/** Largest upload accepted: a national file (CQC locations, a million placements) fits well within it. */
export const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;
const DAY_MS = 86_400_000;

function toRun(r: ImportRunRow): z.infer<typeof runSchema> {
  return {
    id: r.id,
    kind: r.kind,
    fileName: r.fileName,
    bytes: r.bytes,
    importedAt: r.importedAt.toISOString(),
    importedBy: r.actorLabel.replace(/^system:/, 'command line: '),
    rowsRead: r.rowsRead,
    created: r.created,
    updated: r.updated,
    unchanged: r.unchanged,
    removed: r.removed,
    messages: r.messages,
  };
}

const dataRoutes: FastifyPluginAsyncZod = async (app) => {
  // The upload arrives as raw bytes and streams to a temporary file: never whole in memory.
  app.addContentTypeParser('application/octet-stream', { bodyLimit: MAX_UPLOAD_BYTES }, (_req, payload, done) =>
    done(null, payload),
  );

  app.get(
    '/datasets',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: TAGS,
        summary:
          'Every dataset (one per importer): its latest import, how many imports, and its age; with the recent history',
        response: { 200: z.object({ datasets: z.array(datasetSchema), history: z.array(runSchema) }) },
      },
    },
    async () => {
      const [latest, counts, history] = await Promise.all([
        latestImports(app.db),
        importCounts(app.db),
        importHistory(app.db, 50),
      ]);
      const byKind = new Map(latest.map((r) => [r.kind, r]));
      const now = Date.now();
      const datasets = importers.map((i) => {
        const l = byKind.get(i.kind) ?? null;
        return {
          kind: i.kind,
          label: i.label,
          source: i.source,
          description: i.description,
          files: fileFormatWords(i.formats),
          options: (i.options ?? []).map((o) => ({
            key: o.key,
            label: o.label,
            hint: o.hint,
            choices: o.choices ? o.choices.map((c) => ({ ...c })) : null,
          })),
          imports: counts.get(i.kind) ?? 0,
          latest: l ? toRun(l) : null,
          ageDays: l ? Math.floor((now - l.importedAt.getTime()) / DAY_MS) : null,
        };
      });
      datasets.sort((a, b) => Number(b.latest !== null) - Number(a.latest !== null));
      return { datasets, history: history.map(toRun) };
    },
  );

  app.post(
    '/imports/:kind',
    {
      // Administrators import every dataset; the BCF's editors import the hospital activity its metrics need.
      onRequest: requireRole(...BCF_EDITORS),
      bodyLimit: MAX_UPLOAD_BYTES,
      schema: {
        tags: TAGS,
        summary:
          'Import a file (raw bytes, Content-Type application/octet-stream) with the named importer (administrators; BCF editors: bcf-activity only); refused whole (422) with line-and-field problems, nothing written',
        params: z.object({ kind: z.string() }),
        querystring: z
          .object({ fileName: z.string().min(1).max(200) })
          .catchall(z.string().max(500))
          .describe("the file's name, and the importer's options by key (e.g. trust=RK9), as `steward import -o`"),
        response: { 200: z.object({ summary: summarySchema }) },
      },
    },
    async (request) => {
      if (request.actor?.role !== 'admin' && request.params.kind !== 'bcf-activity')
        throw new Problem(403, undefined, 'Only an administrator imports this dataset', [
          { field: 'kind', message: 'Only an administrator imports this dataset', in: 'params' },
        ]);
      const importer = findImporter(request.params.kind);
      if (!importer)
        throw new Problem(404, 'Not found', `No importer "${request.params.kind}"`, [
          { field: 'kind', message: `must be one of ${importers.map((i) => i.kind).join(', ')}`, in: 'params' },
        ]);
      const { fileName: _name, ...given } = request.query;
      const { options, problems } = checkImporterOptions(importer, given as Record<string, string>);
      if (problems.length)
        throw new Problem(
          422,
          'The file was not imported',
          `${problems.length} option${problems.length === 1 ? ' is' : 's are'} not right; nothing was saved`,
          problems.map((p) => ({ field: p.key, message: p.message, in: 'query' })),
        );
      const body = request.body as Readable | undefined;
      if (!body || typeof (body as Readable).pipe !== 'function')
        throw new Problem(415, undefined, 'Send the file as application/octet-stream');
      const dir = await mkdtemp(path.join(tmpdir(), 'steward-upload-'));
      const fileName = path.basename(request.query.fileName);
      const file = path.join(dir, 'upload');
      try {
        await pipeline(body, createWriteStream(file));
        if ((await stat(file)).size === 0)
          throw new Problem(422, 'The file was not imported', 'The file is empty', [
            { field: 'file', message: 'The file is empty', in: 'body' },
          ]);
        const source = { ...fileSource(file), fileName };
        const actor = actorOf(request);
        const summary = await runImport(app.db, importer, source, { actor: { userId: actor.userId }, options });
        const { kind, rowsRead, created, updated, unchanged, removed, messages } = summary;
        return { summary: { kind, fileName, rowsRead, created, updated, unchanged, removed, messages } };
      } catch (e) {
        if (e instanceof ImportRejected) throw importRejected(e, { fileName });
        throw e;
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
};

export default dataRoutes;
