// Response shapes of the Data area's API (src/server/data/routes.ts), shared with the web app's Data page.
import { z } from 'zod';

/** One import of a file: who, when, rows read and what changed. */
export const runSchema = z.object({
  id: z.string(),
  kind: z.string(),
  fileName: z.string(),
  bytes: z.number().nullable(),
  importedAt: z.string(),
  importedBy: z.string(),
  rowsRead: z.number(),
  created: z.number().nullable(),
  updated: z.number().nullable(),
  unchanged: z.number().nullable(),
  removed: z.number().nullable(),
  messages: z.array(z.string()),
});
/** An option an importer takes, shown as a field of the upload form. */
export const optionSchema = z.object({
  key: z.string().describe('the query parameter (and `steward import -o key=value`)'),
  label: z.string(),
  hint: z.string(),
  choices: z
    .array(z.object({ value: z.string(), text: z.string() }))
    .nullable()
    .describe('allowed values, or null for text'),
});
/** A dataset Steward holds: its source, importer options, and latest import. */
export const datasetSchema = z.object({
  kind: z.string().describe('the importer (`steward import <kind>`)'),
  label: z.string().describe('the dataset’s plain name, e.g. "Population estimates and projections"'),
  /** Who publishes the file, e.g. "Care Quality Commission (CQC) public API". */
  source: z.string(),
  description: z.string(),
  files: z.string().describe('the file it takes in plain words, e.g. "a CSV or Excel (.xlsx) file"'),
  options: z.array(optionSchema).describe('the options its importer takes'),
  imports: z.number().describe('how many times a file of this kind has been imported'),
  latest: runSchema.nullable(),
  ageDays: z.number().nullable().describe('whole days since the latest import'),
});
/** What an upload imported: the shape every import answers with. */
export { importSummarySchema as summarySchema } from '../schemas.js';
