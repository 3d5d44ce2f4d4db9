// "Your council": the council this Steward instance serves, read and set by an administrator (the web form for
// `steward setup --council`). Registered at /api/admin/council.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeCouncil, SetupRefused } from '../../db/core/council.js';
import { type BoroughSetting, getBorough } from '../../db/core/settings.js';
import { authorityByCode, districtsOf, TIER_LABELS } from '../../domain/geography/authorities.js';
import { chooseCouncil } from '../../domain/geography/council.js';
import { actorOf, requireRole } from '../auth/guards.js';
import { conflict, invalid } from '../problem.js';
import { councilSchema } from './schemas.js';

type CouncilView = z.infer<typeof councilSchema>;

function view(b: BoroughSetting): CouncilView {
  const a = b.synthetic ? undefined : authorityByCode(b.gssCode);
  return {
    gssCode: b.gssCode,
    name: b.name,
    officialName: b.officialName ?? a?.officialName ?? b.name,
    tier: a?.tier ?? null,
    tierLabel: a ? TIER_LABELS[a.tier] : null,
    region: a?.region ?? null,
    synthetic: b.synthetic,
    districts: a ? districtsOf(a.gssCode).map((d) => ({ gssCode: d.gssCode, name: d.name })) : [],
  };
}

const councilRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['admin'],
        summary: 'The council this Steward serves (null before set-up)',
        response: { 200: z.object({ council: councilSchema.nullable() }) },
      },
    },
    async () => {
      const b = await getBorough(app.db);
      return { council: b ? view(b) : null };
    },
  );

  app.put(
    '/',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags: ['admin'],
        summary: 'Set the council this Steward serves, by GSS code or name',
        description:
          'Only a current English council with adult social care duties (county, unitary, metropolitan district, London borough). Unknown names are refused with the closest matches; abolished councils with their successors; districts with their county. Locations in the council’s area are flagged in-borough. Refused (409) on the demo borough.',
        body: z.object({ council: z.string().max(200) }),
        response: { 200: z.object({ council: councilSchema, inBorough: z.number().int() }) },
      },
    },
    async (request) => {
      const choice = chooseCouncil(request.body.council);
      if (!choice.ok) throw invalid([{ field: 'council', message: choice.message, in: 'body' }]);
      try {
        const { borough, inBorough } = await changeCouncil(app.db, choice.council, {
          userId: actorOf(request).userId,
        });
        return { council: view(borough), inBorough };
      } catch (err) {
        if (err instanceof SetupRefused) throw conflict(err.message);
        throw err;
      }
    },
  );
};

export default councilRoutes;
