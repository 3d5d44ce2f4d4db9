// Contracts and delivery: the register, recommissioning, procurements, KPI returns, quality assessments,
// the delivery plan and risks (provider concerns: ./concernRoutes.ts). Thin: parse, authorise, call db/domain, respond.
//
// One module per part: registerRoutes (the contract register), registerImportRoutes (the register's CSV or XLSX
// import), procurementRoutes (recommissioning and procurements), kpiRoutes (KPIs and returns), assessmentRoutes
// (quality assessments), deliveryPlanProgressRoutes (the delivery plan's progress) and riskRoutes (the risk
// register); params.ts holds what they share.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import assessmentRoutes from './assessmentRoutes.js';
import deliveryPlanProgressRoutes from './deliveryPlanProgressRoutes.js';
import kpiRoutes from './kpiRoutes.js';
import procurementRoutes from './procurementRoutes.js';
import registerImportRoutes, { isZip, notAWorkbook } from './registerImportRoutes.js';
import { MEDIA } from '../schemas.js';
import registerRoutes from './registerRoutes.js';
import riskRoutes from './riskRoutes.js';

const contractsRoutes: FastifyPluginAsyncZod = async (app) => {
  // The register import's media types: CSV as text, XLSX as bytes refused at once when not a ZIP archive.
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 20 * 1024 * 1024 }, (_req, body, done) =>
    done(null, body),
  );
  app.addContentTypeParser(MEDIA.xlsx, { parseAs: 'buffer', bodyLimit: 20 * 1024 * 1024 }, (_req, body, done) =>
    done(isZip(body as Buffer) ? null : notAWorkbook(), body),
  );

  await app.register(registerRoutes);
  await app.register(registerImportRoutes);
  await app.register(procurementRoutes);
  await app.register(kpiRoutes);
  await app.register(assessmentRoutes);
  await app.register(deliveryPlanProgressRoutes);
  await app.register(riskRoutes);
};

export default contractsRoutes;
