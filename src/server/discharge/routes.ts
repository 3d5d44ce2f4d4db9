// Transfer of Care hub API (/api/discharge). Thin: parse with Zod, check role and ownership, call the
// repositories in src/db/discharge and the pure rules in src/domain/discharge.
// Who may do what:
// - broker, admin: everything on referrals (create, search, send, award, delays, discharge) and the restricted
//   details (name, NHS number);
// - commissioner, quality officer, viewer: read the board, referrals (without restricted details), metrics;
// - provider: only the /provider/* routes, which are scoped to the provider in its session.
//
// One module per audience: hubRoutes (the hub's referrals), metricsRoutes (staff reports) and providerRoutes (the
// provider view); params.ts holds what they share.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import hubRoutes from './hubRoutes.js';
import metricsRoutes from './metricsRoutes.js';
import providerRoutes from './providerRoutes.js';

const dischargeRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(hubRoutes);
  await app.register(metricsRoutes);
  await app.register(providerRoutes);
};

export default dischargeRoutes;
