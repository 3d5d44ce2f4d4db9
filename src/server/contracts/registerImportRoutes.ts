// The register import from the web: the same importer as `steward import contracts`, for a CSV or XLSX file.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ImportRejected, runImport, textSource } from '../../importers/framework.js';
import { contractsImporter } from '../../importers/contracts.js';
import { loggableError, pgErrorOf } from '../../db/errors.js';
import { actorOf, requireRole } from '../auth/guards.js';
import { importRejected, Problem } from '../problem.js';
import { importSummarySchema } from '../schemas.js';
import { COMMISSIONING, TAGS, who } from './params.js';

/** XLSX files are zip archives: they start with the local file header "PK\\x03\\x04". */
export function isZip(body: Buffer): boolean {
  return body.length >= 4 && body[0] === 0x50 && body[1] === 0x4b && body[2] === 0x03 && body[3] === 0x04;
}

/** 422: the upload is not a readable XLSX workbook. */
export function notAWorkbook(): Problem {
  return new Problem(
    422,
    'The file was not imported',
    'The file is not a readable Excel (XLSX) workbook: it may be damaged, or be another kind of file. Save it again from Excel as .xlsx, or send the register as CSV.',
    [{ field: 'file', message: 'Not a readable XLSX workbook', in: 'body' }],
  );
}

const registerImportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/import',
    {
      onRequest: requireRole(...COMMISSIONING),
      schema: {
        tags: TAGS,
        summary: 'Import a contract register (text/csv or XLSX); refused whole with line-and-column errors',
        querystring: z.object({ fileName: z.string().max(200).default('contract-register.csv') }),
        response: { 200: importSummarySchema },
      },
    },
    async (request) => {
      const body = request.body as unknown;
      if (typeof body !== 'string' && !Buffer.isBuffer(body))
        throw new Problem(415, undefined, 'Send the register as text/csv or as an Excel (XLSX) file');
      const fileName =
        Buffer.isBuffer(body) && !/\.xlsx$/i.test(request.query.fileName)
          ? `${request.query.fileName}.xlsx`
          : request.query.fileName;
      try {
        return await runImport(app.db, contractsImporter, textSource(fileName, body), {
          actor: who(actorOf(request)),
          options: {},
        });
      } catch (e) {
        if (e instanceof ImportRejected) throw importRejected(e);
        // A damaged workbook (or a file that only looks like one) fails inside the XLSX reader: say so plainly.
        if (Buffer.isBuffer(body) && !(e instanceof Problem) && !pgErrorOf(e)) {
          request.log.warn({ error: loggableError(e) }, 'unreadable XLSX upload');
          throw notAWorkbook();
        }
        throw e;
      }
    },
  );
};

export default registerImportRoutes;
