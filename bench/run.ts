// `npm run bench`: runs every benchmark in bench/ (each file prints its own figures), one after another so
// they don't compete for the cores. `npm run bench -- market` runs only files whose name contains "market";
// `npm run bench -- borough national --scale=0.1,0.3` runs those two with the flag passed on.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const filter = process.argv.slice(2).filter((a) => !a.startsWith('-'));
// Flags (--samples=30, --scale=0.1,0.3,1 ...) go to every bench run; each reads those it knows (bench/lib.ts flag()).
const flags = process.argv.slice(2).filter((a) => a.startsWith('-'));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filter.length === 0 || filter.some((x) => f.includes(x)))
  .sort();

if (files.length === 0) {
  console.log('No benchmarks matched.');
  process.exit(0);
}
let failures = 0;
for (const f of files) {
  console.log(`\n### ${f}`);
  const started = Date.now();
  const res = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, f), ...flags], {
    stdio: 'inherit',
    env: process.env,
  });
  console.log(`(${f} finished in ${((Date.now() - started) / 1000).toFixed(1)} s, exit ${res.status})`);
  if (res.status !== 0) failures++;
}
process.exit(failures ? 1 : 0);
