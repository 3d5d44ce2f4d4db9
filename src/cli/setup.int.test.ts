// `steward setup --council …` on an empty database: refuses unknown councils with the closest matches, records
// the council from the reference geography, makes the first administrator, and refuses a second set-up.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client.js';
import { getBorough } from '../db/core/settings.js';
import { findActiveUserByEmail } from '../db/core/users.js';
import { verifyPassword } from '../db/core/passwords.js';
import { isDatabaseEmpty } from '../demo/index.js';
import { createScratchDatabase, postgresTestUrl } from '../db/testing.js';
import { runSteward } from './testing.js';

const steward = (args: string[], env: Record<string, string>) =>
  runSteward(args, { STEWARD_ADMIN_EMAIL: '', STEWARD_ADMIN_PASSWORD: '', ...env });

const tmp = mkdtempSync(path.join(os.tmpdir(), 'steward-setup-'));
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

const admin = ['--admin-email', 'Head.Of.Commissioning@plymouth.example', '--admin-password', 'plymouth-admin-pw'];

describe.each(targets)('steward setup on $name', ({ env: makeEnv }) => {
  it('refuses an unknown council with the closest matches, sets up Plymouth with its administrator, once', async () => {
    const env = await makeEnv();
    const typo = await steward(['setup', '--council', 'Plymuoth', ...admin], env);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain('--council: "Plymuoth" is not an English council with adult social care duties');
    expect(typo.stderr).toContain('Closest matches: E06000026 Plymouth (unitary authority)');

    const weak = await steward(
      ['setup', '--council', 'E06000026', '--admin-email', 'a@plymouth.example', '--admin-password', 'short'],
      env,
    );
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('--admin-password: Password must be at least 10 characters');

    const ok = await steward(['setup', '--council', 'E06000026', ...admin], env);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(
      'Steward is set up for Plymouth City Council (E06000026, unitary authority, South West).',
    );
    expect(ok.stdout).toContain('First administrator: head.of.commissioning@plymouth.example');
    // The next steps name every import of the README's step 2, discharge delays included.
    for (const kind of ['cqc-locations', 'population', 'rates', 'placements', 'capacity', 'contracts'])
      expect(ok.stdout).toContain(`steward import ${kind} <file>`);
    expect(ok.stdout).toContain('steward import discharge-delays <file> -o trust=<ODS code>');

    const again = await steward(['setup', '--council', 'Devon', ...admin], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already set up for Plymouth (E06000026)');

    const database = await openDatabase(
      env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.STEWARD_DATA_DIR },
    );
    try {
      expect(await getBorough(database.db)).toEqual({
        name: 'Plymouth',
        gssCode: 'E06000026',
        synthetic: false,
        officialName: 'Plymouth City Council',
        tier: 'unitary',
      });
      const user = await findActiveUserByEmail(database.db, 'head.of.commissioning@plymouth.example');
      expect(user?.role).toBe('admin');
      expect(await verifyPassword('plymouth-admin-pw', user!.passwordHash)).toBe(true);
      // `npm start` loads the demo only into an empty database: this one now serves Plymouth.
      expect(await isDatabaseEmpty(database.db)).toBe(false);
    } finally {
      await database.close();
    }
  }, 300_000);
});
