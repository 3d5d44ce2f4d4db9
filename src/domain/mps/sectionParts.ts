// Pieces every section of the Market Position Statement is built from: figures, narrative blocks, chapter titles.
import { CHAPTERS, sectionDefinition } from './outline.js';
import type { Figure } from './statement.js';
import type { StatementInputs } from './inputs.js';

/** A headline figure of a section: its key, label, value (null when unknown) in `unit`, and an optional hint. */
export const fig = (
  key: string,
  label: string,
  value: number | null,
  unit: Figure['unit'],
  hint: string | null = null,
) => ({
  key,
  label,
  value,
  unit,
  hint,
});

/** A section's narrative blocks as the outline defines them, with the commissioners' text ("" when none yet). */
export function narrativeOf(inputs: StatementInputs, key: string) {
  const def = sectionDefinition(key)!;
  return def.blocks.map((b) => ({ key: b.key, heading: b.heading, text: inputs.narrative[key]?.[b.key] ?? '' }));
}

/** The key and titles of the outline's chapter `key` (which must be a chapter of CHAPTERS). */
export function chapter(key: string) {
  const c = CHAPTERS.find((x) => x.key === key)!;
  return { key: c.key, title: c.title, shortTitle: c.shortTitle };
}
