#!/usr/bin/env node
// `npm run build:server`: compiles the server and command line (src/, without tests) to dist/ with tsc
// (tsconfig.build.json), so production runs JavaScript with plain Node. dist/ is emptied first, so a file
// removed from src/ does not linger.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
rmSync(path.join(root, 'dist'), { recursive: true, force: true });
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const res = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], {
  cwd: root,
  stdio: 'inherit',
});
if (res.status !== 0) {
  console.error('build:server: the TypeScript build failed (see above)');
  process.exit(res.status ?? 1);
}
console.log('build:server: dist/ written');
