// Market intelligence API: register, capacity returns (providers update their own), usual rates,
// placements, the market dashboard and the CQC import. Thin: parse, authorise, call db/domain, respond.
//
// One module per part: dashboard, register, returns, self-funder fees, rates, placements and the CQC import;
// params.ts holds what they share. Each is registered here under /market, in this order.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import cqcImportRoutes from './cqcImportRoutes.js';
import dashboardRoutes from './dashboardRoutes.js';
import placementsRoutes from './placementsRoutes.js';
import ratesRoutes from './ratesRoutes.js';
import registerRoutes from './registerRoutes.js';
import returnsRoutes from './returnsRoutes.js';
import selfFunderFeesRoutes from './selfFunderFeesRoutes.js';

const marketRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 20 * 1024 * 1024 }, (_req, body, done) =>
    done(null, body),
  );

  await app.register(dashboardRoutes);
  await app.register(registerRoutes);
  await app.register(returnsRoutes);
  await app.register(selfFunderFeesRoutes);
  await app.register(ratesRoutes);
  await app.register(placementsRoutes);
  await app.register(cqcImportRoutes);
};

export default marketRoutes;
