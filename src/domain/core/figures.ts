// Headline ("key") figures, typed by their unit: the home dashboard's sections and the areas' key-figure cards.
// A figure's unit says how to read and check its value; money is integer pence like every amount Steward
// stores or sends, and a share is in percentage points.
import { z } from 'zod';

const base = {
  key: z.string(),
  label: z.string(),
  hint: z.string().optional(),
  /** The page behind the figure, where its inputs and method are shown. */
  href: z.string().optional(),
};

/**
 * A headline figure, by unit (null value: not available yet):
 * - `count`: a whole number of things, 0 or more;
 * - `percent`: percentage points, 0 to 100 (occupancy 87.5);
 * - `pence`: money in whole pence (negative for a shortfall);
 * - `pence_per_week`: a weekly price in whole pence, 0 or more;
 * - `hours`, `days`: elapsed time, 0 or more.
 */
export const keyFigureSchema = z.discriminatedUnion('unit', [
  z.object({ ...base, unit: z.literal('count'), value: z.number().int().min(0).nullable() }),
  z.object({ ...base, unit: z.literal('percent'), value: z.number().min(0).max(100).nullable() }),
  z.object({ ...base, unit: z.literal('pence'), value: z.number().int().nullable() }),
  z.object({ ...base, unit: z.literal('pence_per_week'), value: z.number().int().min(0).nullable() }),
  z.object({ ...base, unit: z.literal('hours'), value: z.number().min(0).nullable() }),
  z.object({ ...base, unit: z.literal('days'), value: z.number().min(0).nullable() }),
]);

/** A headline figure with its unit (see {@link keyFigureSchema}). */
export type KeyFigure = z.infer<typeof keyFigureSchema>;

/** The units a headline figure can have. */
export type FigureUnit = KeyFigure['unit'];
