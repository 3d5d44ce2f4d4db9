// `steward setup --council <GSS code or name>`: sets up an empty database for a real council (no demo): records the
// council from the reference geography and creates the first administrator.
import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import type { Command } from 'commander';
import { SetupRefused, setUpCouncil } from '../db/core/council.js';
import { InputError } from '../domain/core/errors.js';
import { districtsOf } from '../domain/geography/authorities.js';
import { chooseCouncil, tierInSentence } from '../domain/geography/council.js';
import { openMigrated } from './bootstrap.js';

const print = (line: string) => process.stdout.write(`${line}\n`);

/** Asks on the terminal; `hidden` keeps a password off the screen. */
async function ask(question: string, hidden = false): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _enc, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  try {
    const answer = rl.question(question);
    muted = hidden;
    const value = await answer;
    if (hidden) process.stdout.write('\n');
    return value.trim();
  } finally {
    rl.close();
  }
}

interface SetupOptions {
  council: string;
  adminEmail?: string;
  adminName: string;
  adminPassword?: string;
}

/** The imports a newly set-up council runs, in the README's order ("Use Steward for your council", step 2). */
export const NEXT_IMPORTS: readonly (readonly [string, string])[] = [
  ['steward import cqc-locations <file>  (or: cqc <file>)', 'CQC location records (beds, ratings) or directory CSV'],
  ['steward import population <file>', 'ONS population projections (SNPP) or mid-year estimates'],
  ['steward import rates <file>', 'your usual rates by band'],
  ['steward import placements <file>', 'one row per package from your case-management system'],
  ['steward import capacity <file>', 'care-home returns or the Capacity Tracker extract'],
  ['steward import contracts <file>', 'the contract register'],
  ['steward import discharge-delays <file> -o trust=<ODS code>', 'NHS England discharge delays for your acute trust'],
];

export async function runSetup(opts: SetupOptions): Promise<number> {
  const choice = chooseCouncil(opts.council);
  if (!choice.ok) {
    process.stderr.write(`Not set up: --council: ${choice.message}\n`);
    return 1;
  }
  const { council } = choice;
  const interactive = process.stdin.isTTY === true;
  const email =
    opts.adminEmail ??
    process.env.STEWARD_ADMIN_EMAIL ??
    (interactive ? await ask('First administrator’s email address: ') : undefined);
  const password =
    opts.adminPassword ??
    process.env.STEWARD_ADMIN_PASSWORD ??
    (interactive ? await ask('Their password (at least 10 characters): ', true) : undefined);
  if (!email || !password) {
    process.stderr.write(
      `Not set up: give the first administrator with --admin-email and --admin-password (or STEWARD_ADMIN_EMAIL and STEWARD_ADMIN_PASSWORD)\n`,
    );
    return 1;
  }
  const database = await openMigrated();
  try {
    const { admin } = await setUpCouncil(
      database.db,
      council,
      { email, name: opts.adminName, password },
      { system: 'setup' },
    );
    print(
      `Steward is set up for ${council.officialName} (${council.gssCode}, ${tierInSentence(council)}, ${council.region ?? 'England'}).`,
    );
    const districts = districtsOf(council.gssCode);
    if (districts.length)
      print(
        `Its districts (population files holding only districts are added up to the county): ${districts.map((d) => `${d.name} ${d.gssCode}`).join(', ')}.`,
      );
    print(`First administrator: ${admin.email}`);
    print('Next, import your files in this order (see README "Use Steward for your council"):');
    const width = Math.max(...NEXT_IMPORTS.map(([command]) => command.length));
    for (const [command, what] of NEXT_IMPORTS) print(`  ${command.padEnd(width)}  ${what}`);
    print('Then `npm start` (or `steward serve`) and sign in.');
    return 0;
  } catch (err) {
    if (err instanceof SetupRefused) {
      process.stderr.write(`Not set up: ${err.message}\n`);
      return 1;
    }
    if (err instanceof InputError) {
      const flag: Record<string, string> = {
        email: '--admin-email',
        password: '--admin-password',
        name: '--admin-name',
      };
      process.stderr.write(
        `Not set up:\n${err.errors.map((e) => `  ${flag[e.field] ?? e.field}: ${e.message}`).join('\n')}\n`,
      );
      return 1;
    }
    throw err;
  } finally {
    await database.close();
  }
}

export function register(program: Command): void {
  program
    .command('setup')
    .description(
      'set up an empty database for your council (no demo): records the council, makes the first administrator',
    )
    .requiredOption('--council <code or name>', 'the council’s ONS GSS code (e.g. E06000026) or name (e.g. Plymouth)')
    .option('--admin-email <email>', 'first administrator’s email (asked when omitted)')
    .option('--admin-password <password>', 'first administrator’s password (asked when omitted)')
    .option('--admin-name <name>', 'first administrator’s name', 'Administrator')
    .action(async (opts: SetupOptions) => {
      process.exitCode = await runSetup(opts);
    });
}
