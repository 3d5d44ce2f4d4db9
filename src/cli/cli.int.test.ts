import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, postgresTestUrl } from '../db/testing.js';
import { runSteward } from './testing.js';

const steward = runSteward;

const tmp = mkdtempSync(path.join(os.tmpdir(), 'steward-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const targets: { name: string; env: () => Promise<Record<string, string>> }[] = [
  { name: 'pglite', env: async () => ({ STEWARD_DATA_DIR: path.join(tmp, 'data') }) },
];
if (postgresTestUrl()) {
  let drop: (() => Promise<void>) | null = null;
  afterAll(async () => drop?.());
  targets.push({
    name: 'postgres',
    env: async () => {
      const scratch = await createScratchDatabase(postgresTestUrl());
      drop = scratch.drop;
      return { DATABASE_URL: scratch.url };
    },
  });
}

// Each step starts a fresh `steward` process (TypeScript loaded through tsx): seconds each on a quiet machine,
// far more when the cores are shared, so this test is given minutes rather than the suite's default minute.
const CLI_TEST_TIMEOUT_MS = 300_000;

describe.each(targets)('steward CLI on $name', ({ env: makeEnv }) => {
  it(
    'migrates, adds users with field errors for bad input, and refuses unknown import kinds',
    async () => {
      const env = { ...(await makeEnv()), STEWARD_ADMIN_PASSWORD: 'first admin password' };
      const migrate = await steward(['migrate'], env);
      expect(migrate.stderr).toBe('');
      expect(migrate.stdout).toMatch(/Migrations applied/);

      const added = await steward(
        ['user', 'add', '--email', 'q@council.example', '--name', 'Quality Officer', '--role', 'quality_officer'],
        env,
      );
      expect(added.code).toBe(0);
      expect(added.stdout).toMatch(/^Added q@council\.example \(quality_officer\) with password \S{10,}/);

      const dup = await steward(
        [
          'user',
          'add',
          '--email',
          'Q@council.example',
          '--name',
          'Again',
          '--role',
          'viewer',
          '--password',
          'long enough password',
        ],
        env,
      );
      expect(dup.code).toBe(1);
      expect(dup.stderr).toContain('--email: A user with this email address already exists');

      const weak = await steward(
        [
          'user',
          'add',
          '--email',
          'p@council.example',
          '--name',
          'Provider',
          '--role',
          'provider',
          '--password',
          'short',
        ],
        env,
      );
      expect(weak.code).toBe(1);
      expect(weak.stderr).toContain('--password: Password must be at least 10 characters');
      expect(weak.stderr).toContain('--provider-id: Choose the provider this user acts for');

      const file = path.join(tmp, 'x.csv');
      writeFileSync(file, 'a,b\n');
      const unknown = await steward(['import', 'no-such-kind', file], env);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toMatch(/Unknown import kind "no-such-kind"/);

      // Options are checked before the file is read, with the same words as the Data page's form.
      const badOptions = await steward(
        ['import', 'discharge-delays', file, '-o', 'trust=Plymouth', '-o', 'borough=E06000026'],
        env,
      );
      expect(badOptions.code).toBe(1);
      expect(badOptions.stderr).toContain(
        '-o trust: "Plymouth" is not an NHS trust’s ODS code: use its three letters or digits, like RK9',
      );
      expect(badOptions.stderr).toContain('-o borough: "borough" is not an option of discharge-delays: it takes trust');
      expect(badOptions.stderr).toContain('Nothing was written.');

      const missing = path.join(tmp, 'nonexistent.csv');
      const notFound = await steward(['import', 'discharge-delays', missing], env);
      expect(notFound.code).toBe(1);
      expect(notFound.stderr).toBe(`File not found: ${missing}\nNothing was written.\n`);

      // Every kind by its code, its plain label and the file it takes; the labels start in one column.
      const help = await steward(['import', '--help'], env);
      const kinds = help.stdout
        .split('Kinds (steward import <kind> <file>):\n')[1]
        .split('\n')
        .filter((l) => /^ {2}\S/.test(l));
      expect(kinds.length).toBeGreaterThan(10);
      expect(kinds).toContain('  contracts         Contract register: a CSV or Excel (.xlsx) file');
      const column = (l: string) => l.slice(2).search(/ \S/) + 3;
      const discharge = kinds.find((l) => l.startsWith('  discharge-delays'))!;
      expect(discharge).toContain('Hospital discharge delays: a CSV or Excel (.xlsx) file');
      for (const l of kinds) expect(column(l)).toBe(column(discharge));
      expect(unknown.stderr).toContain('contracts (Contract register)');
    },
    CLI_TEST_TIMEOUT_MS,
  );
});
