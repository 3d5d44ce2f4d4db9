// Answers are checked against their response schema before they are sent. A figure stored outside a bound the
// schema carries (a sum imported before the bound existed, a text longer than a form now allows) must never stop a
// page from loading: such a figure is sent as it is stored, with a warning in the log, so it is shown and can be
// corrected. Anything else that does not match (a missing field, a wrong type) is still a server error.
import type { FastifySerializerCompiler } from 'fastify';
import { isResponseSerializationError, serializerCompiler } from 'fastify-type-provider-zod';

type Issue = { code: string; path: PropertyKey[]; origin?: string; expected?: string; inclusive?: boolean } & Record<
  string,
  unknown
>;

/** A stand-in value that passes the bound an issue names (so the rest of the answer can be checked), or undefined. */
function standIn(issue: Issue, value: unknown): { value: unknown } | undefined {
  if (issue.code === 'invalid_type' && issue.expected === 'int' && typeof value === 'number' && Number.isFinite(value))
    return { value: Math.round(value) };
  if (issue.inclusive === false) return undefined;
  if (issue.code === 'too_big' && issue.origin === 'number' && typeof value === 'number')
    return { value: Number(issue.maximum) };
  if (issue.code === 'too_small' && issue.origin === 'number' && typeof value === 'number')
    return { value: Number(issue.minimum) };
  if (issue.code === 'too_big' && issue.origin === 'string' && typeof value === 'string')
    return { value: value.slice(0, Number(issue.maximum)) };
  return undefined;
}

function at(
  root: unknown,
  path: readonly PropertyKey[],
): { parent: Record<PropertyKey, unknown>; key: PropertyKey } | null {
  if (!path.length) return null;
  let node = root as Record<PropertyKey, unknown> | null;
  for (const k of path.slice(0, -1)) {
    if (!node || typeof node !== 'object') return null;
    node = node[k] as Record<PropertyKey, unknown> | null;
  }
  return node && typeof node === 'object' ? { parent: node, key: path[path.length - 1] } : null;
}

/**
 * Fastify's serializer compiler for Zod response schemas that lets a stored value outside a schema's numeric or
 * length bound through unchanged (reported to `warn` with its path and the bound), so a read degrades safely rather
 * than failing with 500. Every other mismatch still fails as with the library's own compiler.
 */
export function createBoundsTolerantSerializerCompiler(
  warn: (detail: { method: string; url: string; path: string; issue: string }) => void,
): FastifySerializerCompiler<unknown> {
  return (route) => {
    const strict = (serializerCompiler as unknown as FastifySerializerCompiler<unknown>)(route) as (
      d: unknown,
    ) => string;
    return (data: unknown) => {
      try {
        return strict(data);
      } catch (error) {
        if (!isResponseSerializationError(error)) throw error;
        // Swap each value outside its bound for one inside it (rounds, as an int then may also be too big), check
        // the rest, then put the stored values back into the answer.
        const patched: unknown = structuredClone(data);
        const restore: { path: PropertyKey[]; value: unknown }[] = [];
        let last: unknown = error;
        for (let round = 0; round < 4; round++) {
          const issues = (last as { cause: { issues: Issue[] } }).cause.issues;
          for (const issue of issues) {
            const slot = at(patched, issue.path);
            const value = slot?.parent[slot.key];
            const stand = slot ? standIn(issue, value) : undefined;
            if (!slot || !stand) throw error;
            if (!restore.some((r) => r.path.join('.') === issue.path.join('.')))
              restore.push({ path: issue.path, value });
            slot.parent[slot.key] = stand.value;
            warn({
              method: route.method,
              url: route.url,
              path: issue.path.join('.'),
              issue: `${issue.code} ${JSON.stringify({ maximum: issue.maximum, minimum: issue.minimum, expected: issue.expected })}`,
            });
          }
          try {
            const out = JSON.parse(strict(patched)) as unknown;
            for (const r of restore) {
              const slot = at(out, r.path);
              if (slot) slot.parent[slot.key] = r.value;
            }
            return JSON.stringify(out);
          } catch (again) {
            if (!isResponseSerializationError(again)) throw again;
            last = again;
          }
        }
        throw error;
      }
    };
  };
}
