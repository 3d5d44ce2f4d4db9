// A large response checked against its schema and written as JSON a slice at a time, so that no single step
// holds the event loop (issue 14: /api/health answers within 100 ms meanwhile). The five-year discharge history
// is 2 MB: checked and encoded in one go (the route's response schema), it held the loop for 100–600 ms.
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { z } from 'zod';

/** Items checked and encoded per slice, between which other requests are answered. */
const SLICE_ITEMS = 500;

/**
 * `value` as the JSON the route's response schema would send: the same checks (`z.encode`, so Dates become ISO
 * strings and anything off the schema is an error) and the same text, byte for byte (keys in the schema's order),
 * but the array under `key` is checked and written `SLICE_ITEMS` items at a time, the event loop free in between.
 * Send it with content type application/json (Fastify then sends the text as it is).
 * @param schema an object schema whose last key is `key`, an array
 * @throws the ZodError `z.encode` throws when the value does not fit the schema
 */
export async function encodeJsonInSlices<S extends z.ZodObject, K extends keyof z.output<S> & string>(
  schema: S,
  key: K,
  value: z.output<S>,
): Promise<string> {
  const keys = Object.keys(schema.shape);
  if (keys[keys.length - 1] !== key) throw new Error(`encodeJsonInSlices: "${key}" must be the schema's last key`);
  const itemSchema = (schema.shape[key] as unknown as z.ZodArray<z.ZodType>).element;
  const items = value[key] as unknown[];
  const head = JSON.stringify(z.encode(schema.omit({ [key]: true } as never), value as never));
  const parts: string[] = [];
  for (let i = 0; i < items.length; i += SLICE_ITEMS) {
    if (i > 0) await yieldToLoop();
    const slice = z.encode(z.array(itemSchema), items.slice(i, i + SLICE_ITEMS));
    parts.push(JSON.stringify(slice).slice(1, -1));
  }
  const body = `${JSON.stringify(key)}:[${parts.filter((p) => p !== '').join(',')}]`;
  return head === '{}' ? `{${body}}` : `${head.slice(0, -1)},${body}}`;
}
