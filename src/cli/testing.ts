// Test helper: runs the `steward` command line from its TypeScript sources (tsx), as `bin/steward.js` runs the
// compiled build, in a child process with CI=true (no progress bars).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../db/client.js';

const MAIN = path.join(PROJECT_ROOT, 'src', 'cli', 'main.ts');

/** Runs `steward <args>` with `env` added to this process's environment; resolves with its exit code and output. */
export function runSteward(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
      env: { ...process.env, ...env, CI: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}
