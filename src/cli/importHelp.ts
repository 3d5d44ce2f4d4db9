// The "Kinds" section of `steward import --help`: each importer by its code (the argument to type), its plain
// label (as the Data page names it) and the file it takes, then what the file holds and its options.
import { type AnyImporter, fileFormatWords } from '../importers/framework.js';

/**
 * The help text listing every import kind, one block per importer:
 * `  <code>  <label>: <a CSV or Excel (.xlsx) file>` then, indented under the label, the importer's description
 * and each `-o key=…` option with its label and hint. Codes are padded to the longest, so labels form one column.
 * @param importers the importers `steward import` knows (src/importers/registry.ts).
 * @returns the text, starting "Kinds (steward import <kind> <file>):", with no trailing newline.
 */
export function importKindsHelp(importers: readonly AnyImporter[]): string {
  const width = Math.max(0, ...importers.map((i) => i.kind.length));
  const indent = ' '.repeat(width + 4);
  const blocks = importers.map((i) =>
    [
      `  ${i.kind.padEnd(width)}  ${i.label}: ${fileFormatWords(i.formats)}`,
      `${indent}${i.description}`,
      ...(i.options ?? []).map((o) => `${indent}-o ${o.key}=…  ${o.label}: ${o.hint}`),
    ].join('\n'),
  );
  return `Kinds (steward import <kind> <file>):\n${blocks.join('\n')}`;
}
