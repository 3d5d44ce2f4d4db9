// `steward`: the command line. serve, start, migrate, demo, import, user add, and the engines' batch runs.
import { Command, Option } from 'commander';
import { ROLES, type Role } from '../domain/core/auth.js';
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildApp, defaultLogger } from '../server/app.js';
import { openDatabase, serverStatementTimeoutMs } from '../db/client.js';
import { gatherStatistics } from '../db/statistics.js';
import { createUser } from '../db/core/users.js';
import { getBorough } from '../db/core/settings.js';
import { InputError } from '../domain/core/errors.js';
import { DEMO_PASSWORD, DEMO_STAFF } from '../demo/users.js';
import { isDatabaseEmpty, loadDemo } from '../demo/index.js';
import { fileSource, ImportRejected, runImport } from '../importers/framework.js';
import { importers, findImporter } from '../importers/registry.js';
import { checkImporterOptions } from '../importers/options.js';
import { ensureAdmin, openMigrated } from './bootstrap.js';
import { commandLineActor } from './actor.js';
import { progressBar } from './progress.js';
import { importKindsHelp } from './importHelp.js';
import { register as registerSimulate } from './simulate.js';
import { register as registerDirectory } from './directory.js';
import { register as registerSetup } from './setup.js';

const print = (line: string) => process.stdout.write(`${line}\n`);

// Output piped into a command that stops reading (`steward setup … | head -1`): stop quietly, as other tools do.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

const program = new Command()
  .name('steward')
  .description('Steward: commissioning adult social care — market, need and demand, discharge, contracts')
  .showHelpAfterError();

async function serve(opts: { port: string; host: string; demoIfEmpty?: boolean; seed?: string }) {
  let database = await openMigrated();
  print(`Database: ${database.kind} (${database.location})`);
  await ensureAdmin(database, print);
  if (opts.demoIfEmpty && (await isDatabaseEmpty(database.db))) {
    await runDemo(database.db, Number(opts.seed ?? 1));
  }
  if (database.kind === 'postgres' && serverStatementTimeoutMs() > 0) {
    // Requests run under a statement timeout; setting up (migrations, the demo) ran without one.
    await database.close();
    database = await openDatabase({ statementTimeoutMs: serverStatementTimeoutMs() });
  }
  const app = await buildApp({ database, logger: defaultLogger() });
  const port = Number(opts.port);
  await app.listen({ port, host: opts.host });
  const url = `http://${opts.host === '0.0.0.0' ? 'localhost' : opts.host}:${port}/`;
  print('');
  print(`Steward is running at ${url}`);
  print(`API documentation: ${url}api/docs`);
  const borough = await getBorough(database.db);
  if (borough?.synthetic)
    print(`Demo accounts (password "${DEMO_PASSWORD}"): ${DEMO_STAFF.map((u) => u.email).join(', ')}`);
  else if (borough) print(`Serving ${borough.officialName ?? borough.name} (${borough.gssCode})`);
  else
    print('No council set up yet: run `steward setup --council <GSS code or name>`, or use the "Your council" page.');
  print('Press Ctrl+C to stop.');
  const shutdown = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

async function runDemo(db: Parameters<typeof loadDemo>[0], seed: number, asAt?: Date) {
  const bar = progressBar('Loading the demo borough', 100, '%');
  const result = await loadDemo(db, {
    seed,
    asAt,
    onProgress: (_part, i, n, done, total) => bar.update(Math.round((100 * (i + (total ? done / total : 0))) / n), 100),
  });
  bar.stop();
  // The planner's table statistics for the data just loaded (PGlite never gathers them on its own).
  await gatherStatistics(db);
  print(
    `Demo borough loaded (seed ${result.seed}, as at ${result.asAt.toISOString().slice(0, 10)}): ${result.parts.join(', ')}`,
  );
  print(
    `Demo accounts, password "${DEMO_PASSWORD}": ${DEMO_STAFF.map((u) => `${u.email} (${u.role})`).join(', ')}; provider users are listed under Admin › Users.`,
  );
}

const portOption = new Option('-p, --port <port>', 'port to listen on').env('PORT').default('3000');
const hostOption = new Option('--host <host>', 'address to listen on').env('HOST').default('127.0.0.1');

program
  .command('serve')
  .description('start the web app and API (applies migrations first)')
  .addOption(portOption)
  .addOption(hostOption)
  .action((opts) => serve(opts));

program
  .command('start')
  .description('start, loading the demo borough first if the database is empty (what `npm start` runs)')
  .addOption(portOption)
  .addOption(hostOption)
  .option('--seed <n>', 'demo seed', '1')
  .action((opts) => serve({ ...opts, demoIfEmpty: true }));

program
  .command('migrate')
  .description('apply database migrations')
  .action(async () => {
    const database = await openMigrated();
    print(`Migrations applied (${database.kind}: ${database.location})`);
    await database.close();
  });

program
  .command('demo')
  .description('reset the database to the synthetic demo borough (keeps administrator accounts)')
  .option('--seed <n>', 'random seed; the same seed gives the same borough', '1')
  .option('--as-at <date>', 'the demo\'s "today" (YYYY-MM-DD); default today')
  .action(async (opts: { seed: string; asAt?: string }) => {
    const database = await openMigrated();
    await ensureAdmin(database, print);
    const asAt = opts.asAt ? new Date(`${opts.asAt}T00:00:00Z`) : undefined;
    if (asAt && Number.isNaN(asAt.getTime())) throw new Error(`--as-at: "${opts.asAt}" is not a date (YYYY-MM-DD)`);
    await runDemo(database.db, Number(opts.seed), asAt);
    await database.close();
  });

program
  .command('import')
  .description(`import a public data file, validated whole: ${'kinds listed by `steward import --help`'}`)
  .argument('<kind>', 'the kind of file, by its code (listed below)')
  .argument('<file>', 'path to the file')
  .option('-o, --option <key=value...>', 'importer options, e.g. source=ONS vintage=2022')
  .addHelpText('after', () => `\n${importKindsHelp(importers)}`)
  .action(async (kind: string, file: string, opts: { option?: string[] }) => {
    const importer = findImporter(kind);
    if (!importer)
      throw new Error(
        `Unknown import kind "${kind}". Kinds: ${importers.map((i) => `${i.kind} (${i.label})`).join(', ') || '(none)'}; \`steward import --help\` says what file each takes`,
      );
    const given = Object.fromEntries(
      (opts.option ?? []).map((kv) => {
        const [k, ...v] = kv.split('=');
        return [k, v.join('=')];
      }),
    );
    const { options, problems } = checkImporterOptions(importer, given);
    if (problems.length) {
      process.stderr.write(
        `${path.basename(file)} was not imported:\n${problems.map((p) => `  -o ${p.key}: ${p.message}`).join('\n')}\nNothing was written.\n`,
      );
      process.exitCode = 1;
      return;
    }
    if (!existsSync(file) || !statSync(file).isFile()) {
      process.stderr.write(
        `${existsSync(file) ? `Not a file (a folder): ${file}` : `File not found: ${file}`}\nNothing was written.\n`,
      );
      process.exitCode = 1;
      return;
    }
    const database = await openMigrated();
    let bar: ReturnType<typeof progressBar> | null = null;
    const source = fileSource(file, (bytes) => bar?.update(bytes));
    bar = progressBar(`Reading ${source.fileName}`, source.size, 'bytes');
    try {
      const summary = await runImport(database.db, importer, source, {
        actor: commandLineActor(`import ${kind}`),
        options,
      });
      bar.stop();
      print(
        `Imported ${summary.fileName}: ${summary.rowsRead} rows read` +
          ['created', 'updated', 'unchanged', 'removed']
            .filter((k) => summary[k] !== undefined)
            .map((k) => `, ${summary[k]} ${k}`)
            .join(''),
      );
      for (const m of summary.messages) print(`  ${m}`);
    } catch (err) {
      bar.stop();
      if (err instanceof ImportRejected) {
        process.stderr.write(`${err.message}\nNothing was written.\n`);
        process.exitCode = 1;
      } else throw err;
    } finally {
      await database.close();
    }
  });

const user = program.command('user').description('manage user accounts');
user
  .command('add')
  .description('add a user account')
  .requiredOption('--email <email>', 'sign-in email address')
  .requiredOption('--name <name>', 'full name')
  .addOption(new Option('--role <role>', 'role').choices([...ROLES]).makeOptionMandatory())
  .option('--provider-id <uuid>', 'the provider organisation (provider users only)')
  .option('--password <password>', 'password (generated and printed when omitted)')
  .action(async (opts: { email: string; name: string; role: Role; providerId?: string; password?: string }) => {
    const database = await openMigrated();
    const password = opts.password ?? randomBytes(9).toString('base64url');
    try {
      const u = await createUser(database.db, { ...opts, password }, { system: 'user add' });
      print(`Added ${u.email} (${u.role})${opts.password ? '' : ` with password ${password}`}`);
    } catch (err) {
      if (err instanceof InputError) {
        process.stderr.write(
          `Not added:\n${err.errors.map((e) => `  --${e.field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${e.message}`).join('\n')}\n`,
        );
        process.exitCode = 1;
      } else throw err;
    } finally {
      await database.close();
    }
  });

// Area batch commands register here: one line per area.
registerSimulate(program);
registerDirectory(program);
registerSetup(program);

export { program };

program.parseAsync(process.argv).catch((err: Error) => {
  process.stderr.write(`steward: ${err.message}\n`);
  process.exit(1);
});
