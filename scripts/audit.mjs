#!/usr/bin/env node
// Dependency audit for CI: fails on a high or critical advisory in a production dependency.
// First `npm audit --omit=dev --audit-level=high`; when the registry's audit endpoint cannot be reached
// (offline, or a mirror without it), an offline check of package-lock.json against scripts/audit/advisories.json.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findVulnerable, loadJson } from './audit/offline.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function offline(reason) {
  console.log(`npm audit unavailable (${reason}): checking package-lock.json against scripts/audit/advisories.json`);
  const lock = loadJson(path.join(root, 'package-lock.json'));
  const { advisories } = loadJson(path.join(root, 'scripts/audit/advisories.json'));
  const found = findVulnerable(lock, advisories, 'high');
  for (const f of found) console.log(`${f.severity}: ${f.package}@${f.version} (${f.path}) ${f.id} ${f.title}`);
  console.log(`Offline audit: ${advisories.length} advisories checked, ${found.length} high or critical found`);
  return found.length ? 1 : 0;
}

const run = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], {
  cwd: root,
  encoding: 'utf8',
  timeout: 120_000,
});
let report = null;
try {
  report = JSON.parse(run.stdout || 'null');
} catch {
  report = null;
}
const counts = report?.metadata?.vulnerabilities;
if (!counts) {
  const reason = report?.message || report?.error?.summary || (run.error ? run.error.message : `exit ${run.status}`);
  process.exit(offline(String(reason).split('\n')[0]));
}
const serious = (counts.high ?? 0) + (counts.critical ?? 0);
console.log(
  `npm audit (production): ${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ${counts.moderate ?? 0} moderate, ${counts.low ?? 0} low`,
);
if (serious) spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high'], { cwd: root, stdio: 'inherit' });
process.exit(serious ? 1 : 0);
