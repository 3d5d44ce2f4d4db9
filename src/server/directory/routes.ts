// Steward's directory API (/api/directory): the public search behind the "Find community services" page, public
// and provider suggestions, and the curator's tools (entries, review dates, suggestions, history, duplicates,
// publishing from the market register and contracts, import and export). Thin: parse, authorise, call db/domain.
//
// One module per audience: publicRoutes (search, suggestions, export), entriesRoutes, suggestionsRoutes and
// curationRoutes (duplicates, publishing, import) for curators; params and serviceInput hold what they share.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import curationRoutes from './curationRoutes.js';
import entriesRoutes from './entriesRoutes.js';
import publicRoutes from './publicRoutes.js';
import suggestionsRoutes from './suggestionsRoutes.js';

export { prepareService } from './serviceInput.js';

const directoryRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(publicRoutes);
  await app.register(entriesRoutes);
  await app.register(suggestionsRoutes);
  await app.register(curationRoutes);
};

export default directoryRoutes;
