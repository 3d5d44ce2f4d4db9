#!/usr/bin/env node
// `npm test`: every test — unit and integration (PGlite, plus PostgreSQL when reachable), then the web app is
// built and the end-to-end tests run in headless Chromium. Ends with one line: `N passed, N failed` (skipped tests are
// counted on the line before). With CI set (as `.ci/run` does), a missing Chromium or PostgreSQL fails the tests that
// need them (web/src/testing/e2e.ts, src/db/testing.ts) instead of skipping them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const outDir = path.join(root, '.steward-test');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');

function run(label, args) {
  process.stdout.write(`\n=== ${label} ===\n`);
  const res = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: process.env });
  return res.status ?? 1;
}

function vitestRun(label, projects, file) {
  const args = [
    vitest,
    'run',
    ...projects.flatMap((p) => ['--project', p]),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${file}`,
  ];
  const status = run(label, args);
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  if (existsSync(file)) {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    passed = r.numPassedTests;
    failed = r.numFailedTests;
    skipped = r.numPendingTests + r.numTodoTests;
    // A file that failed to load has no failed tests of its own: count it.
    const brokenFiles = r.testResults.filter(
      (t) => t.status === 'failed' && t.assertionResults.every((a) => a.status !== 'failed'),
    ).length;
    failed += brokenFiles;
  }
  if (status !== 0 && failed === 0) failed = 1;
  return { passed, failed, skipped };
}

const ci = [process.env.CI, process.env.STEWARD_REQUIRE_ALL].some(
  (v) => v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false',
);
if (ci) {
  const chromium = process.env.STEWARD_CHROMIUM ?? '/usr/bin/chromium';
  process.stdout.write(
    `CI: Chromium ${existsSync(chromium) ? `found at ${chromium}` : `MISSING at ${chromium} (the end-to-end tests will fail)`}; ` +
      'PostgreSQL is required too (the integration tests fail without one).\n',
  );
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const add = (r) => {
  totals.passed += r.passed;
  totals.failed += r.failed;
  totals.skipped += r.skipped;
};

add(vitestRun('unit and integration tests', ['unit', 'int'], path.join(outDir, 'unit-int.json')));
if (
  run('building the web app for end-to-end tests', [
    vite,
    'build',
    '--config',
    'web/vite.config.ts',
    '--logLevel',
    'warn',
  ]) !== 0
) {
  totals.failed += 1;
  process.stdout.write('The web build failed, so the end-to-end tests could not run.\n');
} else {
  add(vitestRun('end-to-end tests (headless Chromium)', ['e2e'], path.join(outDir, 'e2e.json')));
}
if (totals.skipped > 0) process.stdout.write(`\n${totals.skipped} skipped\n`);
else process.stdout.write('\n');
// The last line, always: `N passed, N failed` (CI reads it).
process.stdout.write(`${totals.passed} passed, ${totals.failed} failed\n`);
process.exit(totals.failed > 0 ? 1 : 0);
