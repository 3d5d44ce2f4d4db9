// Every importer `steward import <kind> <file>` knows. One line per importer.
import type { Importer } from './framework.js';

export const importers: Importer<unknown>[] = [];

export function findImporter(kind: string): Importer<unknown> | undefined {
  return importers.find((i) => i.kind === kind);
}
