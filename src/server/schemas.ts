// Building blocks of the API's response schemas, shared by every area. A response schema's output type is what a
// route returns (Dates included); its input type (`z.input`) is what the browser receives as JSON, so the web app
// takes its types from the same schema with `Wire<typeof schema>`.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';

/**
 * An instant: a `Date` in the route, an ISO 8601 string with offset on the wire
 * (`2026-03-27T09:30:00.000Z`). Encoding a response turns the Date into its ISO string.
 */
export const instant = z.codec(z.iso.datetime({ offset: true }), z.date(), {
  decode: (s) => new Date(s),
  encode: (d) => d.toISOString(),
});

/** The JSON the browser receives for a response schema (instants as ISO strings). */
export type Wire<S extends z.ZodType> = z.input<S>;

/** `{ id }` of a record just created or changed. */
export const idResponse = z.object({ id: z.string() });

/** What an import did (src/importers/framework.ts ImportSummary): rows read, created, updated and messages. */
export const importSummarySchema = z.object({
  kind: z.string(),
  fileName: z.string(),
  rowsRead: z.number(),
  created: z.number().optional(),
  updated: z.number().optional(),
  unchanged: z.number().optional(),
  removed: z.number().optional(),
  messages: z.array(z.string()),
});

/** An answer with no body (204). */
export const noContent = z.null().describe('No content');

/** The bytes of a file (a string or a Buffer in the route), binary in the OpenAPI document. */
const file = z
  .custom<string | Uint8Array>((v) => typeof v === 'string' || v instanceof Uint8Array)
  .meta({ type: 'string', format: 'binary' });

/** A file download of the given media types (CSV, Excel, ZIP...), described for the OpenAPI document. */
export function download(description: string, ...mediaTypes: string[]) {
  return {
    description,
    content: Object.fromEntries(
      mediaTypes.map((type) => [type, { schema: file.meta({ description: `${type} file` }) }]),
    ),
  };
}

/**
 * Sends a file as a download: its media type and an attachment disposition with its file name, as every download
 * route declares with `download(...)`.
 * @param fileName the name the browser saves it as, with its extension (ASCII: names are built from labels in slugs)
 */
export function sendAttachment(reply: FastifyReply, body: Buffer | string, fileName: string, mediaType: string) {
  return reply
    .header('content-type', mediaType)
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .send(body);
}

/**
 * Words as part of a file name: "Eastbrook and Westmarsh BCF plan 2025/26" → "eastbrook-and-westmarsh-bcf-plan-2025-26"
 * (lower case ASCII letters and digits joined by hyphens, at most 120 characters, cut at a word). Downloads name what they hold in
 * words, never by an id.
 */
export function fileNamePart(words: string): string {
  const slug = words
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // Long names are cut at a word, never inside one ("…-2027-28", not "…-to-2").
  return slug.length <= 120 ? slug : slug.slice(0, 121).replace(/-[^-]*$/, '');
}

/** Media types of the downloads. */
export const MEDIA = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
  pdf: 'application/pdf',
} as const;
