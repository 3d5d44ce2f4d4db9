// Counts with their nouns, singular for exactly one ("1 care home", "1,468 beds", "2 people"): used by importers'
// and the CLI's messages (src/importers) and by the web app's formatCount (web/src/components/format.ts).

/** Nouns whose plural is not the regular one. */
const IRREGULAR_PLURALS: Record<string, string> = { person: 'people', child: 'children', staff: 'staff' };

/**
 * The plural of an English noun or noun phrase (the last word changes): "care home" → "care homes",
 * "person" → "people", "agency" → "agencies", "KPI" → "KPIs", "box" → "boxes".
 */
export function pluralise(singular: string): string {
  const m = /^(.*?)(\S+)$/.exec(singular);
  if (!m) return singular;
  const [, head, word] = m;
  const irregular = IRREGULAR_PLURALS[word.toLowerCase()];
  if (irregular)
    return head + (word[0] === word[0].toUpperCase() ? irregular[0].toUpperCase() + irregular.slice(1) : irregular);
  if (/[^aeiou]y$/.test(word)) return `${head}${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(word)) return `${head}${word}es`;
  return `${head}${word}s`;
}

/**
 * A whole count with its noun, en-GB thousands separators: `countOf(1, 'location')` → "1 location",
 * `countOf(1468, 'bed')` → "1,468 beds". `plural` overrides the one {@link pluralise} makes.
 */
export function countOf(value: number, singular: string, plural = pluralise(singular)): string {
  return `${value.toLocaleString('en-GB')} ${value === 1 ? singular : plural}`;
}
