// Response shapes of the administration API, shared with the web app's admin pages.
import { z } from 'zod';

/** The council this Steward serves, as "Your council" shows it. */
export const councilSchema = z.object({
  gssCode: z.string(),
  name: z.string(),
  officialName: z.string(),
  /** county, district, unitary, metropolitan, london_borough; null for the demo borough. */
  tier: z.string().nullable(),
  tierLabel: z.string().nullable(),
  region: z.string().nullable(),
  synthetic: z.boolean(),
  /** A county's districts, whose population is added up to the county's. */
  districts: z.array(z.object({ gssCode: z.string(), name: z.string() })),
});
