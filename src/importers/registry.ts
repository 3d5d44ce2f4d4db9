// Every importer `steward import <kind> <file>` knows. One line per importer.
import type { AnyImporter, Importer } from './framework.js';
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

export const importers: AnyImporter[] = [
  postcodesImporter as Importer<unknown>,
  populationImporter as Importer<unknown>,
  contractsImporter as Importer<unknown>,
  cqcImporter as Importer<unknown>,
  capacityImporter as Importer<unknown>,
  orukImporter as Importer<unknown>,
  cqcLocationsImporter,
  placementsImporter,
  ratesImporter as Importer<unknown>,
  bcfActivityImporter as Importer<unknown>,
  dischargeDelaysImporter as Importer<unknown>,
];

/** The importer of that kind (`steward import <kind>`), or undefined. */
export function findImporter(kind: string): AnyImporter | undefined {
  return importers.find((i) => i.kind === kind);
}
