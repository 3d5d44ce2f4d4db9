// Better Care Fund API: the plan with its funding lines, schemes and national condition checks; the four metrics
// with plan, actual by quarter, RAG and method; the intermediate care demand and capacity table; the HICM grid;
// the quarterly return as XLSX and its re-import. Staff read; the BCF lead, commissioners and admins write.
//
// One module per part: planRoutes (plans, schemes), metricsRoutes, demandCapacityRoutes, hicmRoutes, risksRoutes
// and returnRoutes (the quarterly return); params.ts holds what they share.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import demandCapacityRoutes from './demandCapacityRoutes.js';
import hicmRoutes from './hicmRoutes.js';
import metricsRoutes from './metricsRoutes.js';
import { MEDIA } from '../schemas.js';
import planRoutes from './planRoutes.js';
import returnRoutes from './returnRoutes.js';
import risksRoutes from './risksRoutes.js';

const bcfRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser(MEDIA.xlsx, { parseAs: 'buffer', bodyLimit: 20 * 1024 * 1024 }, (_req, body, done) =>
    done(null, body),
  );

  await app.register(planRoutes);
  await app.register(metricsRoutes);
  await app.register(demandCapacityRoutes);
  await app.register(hicmRoutes);
  await app.register(risksRoutes);
  await app.register(returnRoutes);
};

export default bcfRoutes;
