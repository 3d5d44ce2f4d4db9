// `steward directory …`: the community services directory's batch commands. Export the whole directory in Open
// Referral UK 3.0 (one JSON document, or HSDS tabular CSV files in a folder), import another directory's live
// ORUK API by URL (a file imports with `steward import oruk <file>`), and publish the market register.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { csvOfRecords } from '../domain/core/csv.js';
import { directoryExport, directoryTables } from '../domain/directory/exchange.js';
import { allServiceIds, loadServices } from '../db/directory/records.js';
import { allTaxonomies } from '../db/directory/taxonomies.js';
import { marketCandidates, publishMarketLocations } from '../db/directory/publish.js';
import { formatIssues, ImportRejected, runImport, textSource } from '../importers/framework.js';
import { fetchOrukFeed, orukImporter } from '../importers/oruk.js';
import { openMigrated } from './bootstrap.js';
import { progressBar } from './progress.js';

export function register(program: Command): void {
  const directory = program.command('directory').description('community services directory (Open Referral UK 3.0)');

  directory
    .command('export')
    .description('export the whole directory as ORUK JSON, or with --csv as HSDS CSV files in a folder')
    .requiredOption('-o, --out <path>', 'file (JSON) or folder (CSV) to write')
    .option('--csv', 'write HSDS tabular CSV files instead of one JSON document')
    .action(async (opts: { out: string; csv?: boolean }) => {
      const database = await openMigrated();
      try {
        const taxonomies = await allTaxonomies(database.db);
        const services = await loadServices(database.db, await allServiceIds(database.db));
        if (opts.csv) {
          await mkdir(opts.out, { recursive: true });
          for (const [name, table] of Object.entries(directoryTables(taxonomies, services)))
            await writeFile(path.join(opts.out, name), csvOfRecords(table.rows, table.columns));
        } else {
          await writeFile(opts.out, JSON.stringify(directoryExport(taxonomies, services), null, 2));
        }
        console.log(`${services.length} services and ${taxonomies.length} taxonomies written to ${opts.out}`);
      } finally {
        await database.close();
      }
    });

  directory
    .command('import-url <url>')
    .description("import another directory's live ORUK API (the address that answers /services); all or nothing")
    .action(async (url: string) => {
      const database = await openMigrated();
      const bar = progressBar('Reading feed', 1, 'services');
      try {
        const text = await fetchOrukFeed(url, { onProgress: (done, total) => bar.update(done, total) });
        bar.stop();
        const summary = await runImport(database.db, orukImporter, textSource(url, text), {
          actor: { system: 'import oruk' },
          options: {},
        });
        for (const line of summary.messages) console.log(line);
      } catch (e) {
        bar.stop();
        if (e instanceof ImportRejected) {
          console.error(`${url} was not imported:\n${formatIssues(url, e.issues)}`);
          process.exitCode = 1;
        } else throw e;
      } finally {
        await database.close();
      }
    });

  directory
    .command('publish-market')
    .description('publish (or refresh) every in-borough market register location as a directory entry')
    .action(async () => {
      const database = await openMigrated();
      try {
        const ids = (await marketCandidates(database.db)).map((c) => c.id);
        await database.db.transaction((tx) => publishMarketLocations(tx, ids, { system: 'cli' }));
        console.log(`${ids.length} market register locations published`);
      } finally {
        await database.close();
      }
    });
}
