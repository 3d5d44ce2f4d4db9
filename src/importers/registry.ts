// Every importer `steward import <kind> <file>` knows. One line per importer.
import type { Importer } from './framework.js';
import { postcodesImporter } from './postcodes.js';
import { populationImporter } from './population.js';
import { contractsImporter } from './contracts.js';
import { cqcImporter } from './cqc.js';
import { capacityImporter } from './capacity.js';
import { orukImporter } from './oruk.js';
import { cqcLocationsImporter } from './cqcLocations.js';
import { placementsImporter } from './placements.js';
import { ratesImporter } from './rates.js';
import { bcfActivityImporter } from './bcfActivity.js';
import { dischargeDelaysImporter } from './dischargeDelays.js';

export const importers: Importer<unknown>[] = [
  postcodesImporter as Importer<unknown>,
  populationImporter as Importer<unknown>,
  contractsImporter as Importer<unknown>,
  cqcImporter as Importer<unknown>,
  capacityImporter as Importer<unknown>,
  orukImporter as Importer<unknown>,
  cqcLocationsImporter as Importer<unknown>,
  placementsImporter as Importer<unknown>,
  ratesImporter as Importer<unknown>,
  bcfActivityImporter as Importer<unknown>,
  dischargeDelaysImporter as Importer<unknown>,
];

export function findImporter(kind: string): Importer<unknown> | undefined {
  return importers.find((i) => i.kind === kind);
}
