// Sign-in cost (issue 13: "keep sign-in under a second"). Passwords are hashed with scrypt (N=16384, r=8, p=1:
// 16 MiB a hash; see docs/security.md), deliberately slow against guessing, so the figures to watch are the
// hash itself and what a person waits to be signed in.
// Prints: hash and verify time alone (median, p95), a whole sign-in through the HTTP API (median, p95) one at a
// time, and with 8 people signing in at once (each one's wait and sign-ins a second). Embedded database
// (PGlite, in memory), so the figures are the app's, not a network's.
// Run with `npm run bench -- auth`.
import { performance } from 'node:perf_hooks';
import { migrateDatabase, openDatabase } from '../src/db/client.js';
import { hashPassword, verifyPassword } from '../src/db/core/passwords.js';
import { createUser } from '../src/db/core/users.js';
import { createTestApp } from '../src/server/testing.js';

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const ms = (x: number) => `${x.toFixed(0)} ms`;
const PASSWORD = 'correct horse battery staple 47';

const hashes: number[] = [];
let stored = '';
for (let i = 0; i < 20; i++) {
  const t = performance.now();
  stored = await hashPassword(PASSWORD);
  hashes.push(performance.now() - t);
}
const verifies: number[] = [];
for (let i = 0; i < 20; i++) {
  const t = performance.now();
  if (!(await verifyPassword(PASSWORD, stored))) throw new Error('verify failed');
  verifies.push(performance.now() - t);
}
console.log(`scrypt ${stored.split('$').slice(1, 4).join('/')} (N/r/p), 20 runs each`);
console.log(`  hash:   median ${ms(quantile(hashes, 0.5))}, p95 ${ms(quantile(hashes, 0.95))}`);
console.log(`  verify: median ${ms(quantile(verifies, 0.5))}, p95 ${ms(quantile(verifies, 0.95))}`);

const database = await openDatabase({ dataDir: 'memory://' });
await migrateDatabase(database);
const app = await createTestApp(database);
const PEOPLE = 48;
for (let i = 0; i < PEOPLE; i++)
  await createUser(
    database.db,
    { email: `person${i}@bench.steward.test`, name: `Person ${i}`, role: 'commissioner', password: PASSWORD },
    { system: 'bench' },
  );
// Each person from their own address, as in an office behind separate machines (the per-address limit is 10 a
// minute; it is not what is measured here).
const signIn = async (i: number): Promise<number> => {
  const t = performance.now();
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    remoteAddress: `10.0.${i >> 8}.${i & 255}`,
    payload: { email: `person${i}@bench.steward.test`, password: PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in ${i}: ${res.statusCode} ${res.body}`);
  return performance.now() - t;
};
const alone: number[] = [];
for (let i = 0; i < 16; i++) alone.push(await signIn(i));
console.log(
  `Sign-in through the API, one at a time (16): median ${ms(quantile(alone, 0.5))}, p95 ${ms(quantile(alone, 0.95))}`,
);
const started = performance.now();
const together: number[] = [];
for (let batch = 16; batch < PEOPLE; batch += 8) {
  together.push(...(await Promise.all(Array.from({ length: 8 }, (_, k) => signIn(batch + k)))));
}
const seconds = (performance.now() - started) / 1000;
console.log(
  `Sign-in, 8 people at once (${together.length}): each waits median ${ms(quantile(together, 0.5))}, p95 ${ms(quantile(together, 0.95))}; ${(together.length / seconds).toFixed(1)} sign-ins a second`,
);
await app.close();
await database.close();
