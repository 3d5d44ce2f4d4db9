// What the need and demand routes share: their OpenAPI tag, who may edit, the area and date query fields, and
// resolving the area (the borough by default) and the scenario a request names.
import { z } from 'zod';
import { isoDateSchema, londonToday } from '../../domain/core/dates.js';
import { DEFAULT_SCENARIO, runModel, type ScenarioParams } from '../../domain/demand/model.js';
import type { Db } from '../../db/client.js';
import type { loadModelInputs } from '../../db/demand/model-inputs.js';
import { getScenario } from '../../db/demand/scenarios.js';
import { getBorough } from '../../db/core/settings.js';
import { invalid, notFound, Problem } from '../problem.js';

/** The OpenAPI tag every need and demand route is listed under. */
export const TAGS = ['demand'];
/** The roles that may change rates and scenarios. */
export const EDITORS = ['admin', 'commissioner'] as const;
/** An ONS GSS area code, like E09000016. */
export const gss = z.string().regex(/^[EWSNK]\d{8}$/, 'Use an ONS GSS code such as E09000016');
export const isoDate = isoDateSchema;

/** The model's query: an area (the borough when left out), a saved scenario (or "default"), the as-at day. */
export const modelQuery = z.object({
  area: gss.optional(),
  /** Saved scenario id, or "default". */
  scenario: z.string().default('default'),
  asAt: isoDate.optional(),
});

/** Today in London (YYYY-MM-DD), the model's default as-at day. */
export const today = () => londonToday();

/**
 * The area asked for, or the borough's GSS code when none is given.
 * @throws Problem 404 naming `area` when no area is given and no borough is set up
 */
export async function areaOrBorough(db: Db, area: string | undefined): Promise<string> {
  if (area) return area;
  const borough = await getBorough(db);
  if (!borough)
    throw new Problem(404, 'Not found', 'No borough is set up and no area was given', [
      { field: 'area', message: 'give an area code', in: 'querystring' },
    ]);
  return borough.gssCode;
}

/**
 * The scenario a request names: "default" (constant rates, no uplift) or a saved scenario's id.
 * @throws a 400 problem naming `scenario` for neither; 404 for no saved scenario with that id
 */
export async function scenarioParams(
  db: Db,
  id: string,
): Promise<{ id: string; name: string; params: ScenarioParams }> {
  if (id === 'default') return { id: 'default', name: 'Default (constant rates, no uplift)', params: DEFAULT_SCENARIO };
  if (!z.string().uuid().safeParse(id).success)
    throw invalid([{ field: 'scenario', message: 'must be "default" or a scenario id', in: 'querystring' }]);
  const s = await getScenario(db, id);
  if (!s) throw notFound('Scenario');
  return { id: s.id, name: s.name, params: s.params };
}

/**
 * Runs the projection model on an area's inputs under a scenario's parameters.
 * @throws Problem 422 naming `params.toYear` when the population or base year does not cover the years asked for
 */
export function run(inputs: Awaited<ReturnType<typeof loadModelInputs>>, params: ScenarioParams) {
  try {
    return runModel(inputs.input, params);
  } catch (err) {
    if (err instanceof Error && /population|base year/.test(err.message)) {
      throw new Problem(422, 'Unprocessable content', err.message, [
        { field: 'params.toYear', message: err.message, in: 'body' },
      ]);
    }
    throw err;
  }
}
