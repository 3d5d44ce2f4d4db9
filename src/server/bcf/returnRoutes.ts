// The quarterly return: downloaded as XLSX in the national template and re-imported from one.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { BCF_EDITORS, STAFF_ROLES } from '../../domain/core/auth.js';
import { londonToday } from '../../domain/core/dates.js';
import { InputError } from '../../domain/core/errors.js';
import { parseQuarterLabel, quarterHasEnded, quarterNotEndedMessage } from '../../domain/bcf/period.js';
import { loadPlan } from '../../db/bcf/plans.js';
import { applyReturn, returnSheets } from '../../db/bcf/returns.js';
import { requireRole } from '../auth/guards.js';
import { Problem } from '../problem.js';
import { download, fileNamePart, MEDIA, sendAttachment } from '../schemas.js';
import { readReturnWorkbook, writeReturnWorkbook } from './returnXlsx.js';
import { idParams, importSummarySchema, returnQuerySchema } from './schemas.js';

import { TAGS, who } from './params.js';

const returnRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/plans/:id/return.xlsx',
    {
      onRequest: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary:
          'The plan, or a quarter’s return, as XLSX in the national template’s sheets (Cover, Income, Expenditure, Metrics, Demand and capacity, Narrative)',
        params: idParams,
        querystring: returnQuerySchema,
        response: { 200: download('The BCF plan or quarterly return workbook', MEDIA.xlsx) },
      },
    },
    async (request, reply) => {
      const quarter = request.query.quarter ? parseQuarterLabel(request.query.quarter) : null;
      if (quarter) {
        const plan = await loadPlan(app.db, request.params.id);
        const years = [plan.baselineYear, ...plan.years];
        if (!years.includes(quarter.year))
          throw InputError.field('quarter', `Not a year of this plan (${years.join(', ')})`, 'querystring');
        // A quarter's return reports a quarter that has ended (London time), as KPI returns do.
        if (!quarterHasEnded(quarter, londonToday()))
          throw InputError.field('quarter', quarterNotEndedMessage(quarter), 'querystring');
      }
      const today = londonToday();
      const sheets = await returnSheets(app.db, request.params.id, quarter, today);
      const buf = await writeReturnWorkbook(sheets);
      // The file names the plan in words (its name is the cover sheet's second title line), never by its id.
      const plan = fileNamePart(String(sheets[0].title[1] ?? ''));
      const name = quarter
        ? `bcf-return-${plan}-${quarter.year.replace('/', '-')}-q${quarter.quarter}`
        : `bcf-plan-${plan}-${today}`;
      return sendAttachment(reply, buf, `${name}.xlsx`, MEDIA.xlsx);
    },
  );

  app.post(
    '/plans/:id/return',
    {
      onRequest: requireRole(...BCF_EDITORS),
      schema: {
        tags: TAGS,
        summary:
          'Re-import a filled return (XLSX): validated whole, applied in one transaction; every problem named by sheet, row and column',
        params: idParams,
        querystring: z.object({ fileName: z.string().min(1).max(200).optional() }),
        response: { 200: importSummarySchema },
      },
    },
    async (request) => {
      const body = request.body as unknown;
      if (!Buffer.isBuffer(body)) throw new Problem(415, undefined, 'Send the return as an Excel (XLSX) file');
      if (body.length === 0)
        throw new Problem(422, 'The file was not imported', 'The file is empty', [
          {
            field: 'file',
            message: 'The file is empty: choose the filled return (Excel XLSX) and import it again',
            in: 'body',
          },
        ]);
      let sheets;
      try {
        sheets = await readReturnWorkbook(body);
      } catch (e) {
        throw new Problem(422, 'The file was not imported', e instanceof Error ? e.message : String(e), [
          { field: 'file', message: 'The file is not an Excel (XLSX) workbook', in: 'body' },
        ]);
      }
      try {
        return await applyReturn(
          app.db,
          who(request),
          request.params.id,
          sheets,
          request.query.fileName?.split(/[\\/]/).at(-1) || 'return.xlsx',
        );
      } catch (e) {
        if (e instanceof InputError && e.errors.some((x) => x.in === 'file'))
          throw new Problem(
            422,
            'The file was not imported',
            e.message,
            e.errors.map((x) => ({ field: x.field, message: x.message, in: 'body' })),
          );
        throw e;
      }
    },
  );
};

export default returnRoutes;
