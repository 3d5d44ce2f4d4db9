#!/usr/bin/env node
// The `steward` command: runs the compiled command line (dist/, written by `npm run build`) with plain Node;
// no TypeScript loader in production. From the TypeScript sources while developing: `npm run steward:dev -- …`.
import { existsSync } from 'node:fs';

const main = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  console.error('steward: not built yet. Run `npm run build` first (`npm start` builds and starts).');
  process.exit(1);
}
await import(main.href);
