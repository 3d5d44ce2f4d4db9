// Shared start-up steps: open the database (PGlite or DATABASE_URL), apply migrations, make sure an
// administrator exists.
import { randomBytes } from 'node:crypto';
import { type Database, migrateDatabase, openDatabase } from '../db/client.js';
import { countUsers, createUser } from '../db/core/users.js';

export async function openMigrated(): Promise<Database> {
  const database = await openDatabase();
  await migrateDatabase(database);
  return database;
}

/**
 * The first start creates an administrator: STEWARD_ADMIN_EMAIL / STEWARD_ADMIN_PASSWORD when set, otherwise
 * admin@steward.local with a generated password that is printed once.
 */
export async function ensureAdmin(database: Database, print: (line: string) => void): Promise<void> {
  if ((await countUsers(database.db, 'admin')) > 0) return;
  const email = process.env.STEWARD_ADMIN_EMAIL ?? 'admin@steward.local';
  const fromEnv = process.env.STEWARD_ADMIN_PASSWORD;
  const password = fromEnv ?? randomBytes(9).toString('base64url');
  await createUser(database.db, { email, name: 'Administrator', role: 'admin', password }, { system: 'first-start' });
  print(
    `Created the first administrator: ${email}${fromEnv ? ' (password from STEWARD_ADMIN_PASSWORD)' : ` with password ${password}  (shown once; change it or set STEWARD_ADMIN_PASSWORD)`}`,
  );
}
