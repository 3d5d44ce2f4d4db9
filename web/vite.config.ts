import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const govukAssets = fileURLToPath(new URL('../node_modules/govuk-frontend/dist/govuk/assets/', import.meta.url));

// GOV.UK Frontend keeps an IE 9–11 hack, `(min-width: 0\\0)`, that Dart Sass turns into an
// invalid media query (U+FFFD) which the CSS minifier rejects. Modern browsers ignore that block, so drop it.
function dropIeMediaHack(): Plugin {
  const hack = /@media[^{}]*\(min-width: 0(?:\uFFFD|\\0)\)\s*\{\s*(?:[^{}]*\{[^{}]*\}\s*)*\}/g;
  return {
    name: 'steward:drop-ie-media-hack',
    transform(code, id) {
      if (!/\.scss(?:$|\?)/.test(id)) return null;
      return { code: code.replace(hack, ''), map: null };
    },
  };
}

// Brotli and gzip copies of every text asset, written once the bundle is on disk (its final bytes: Vite fills in
// placeholders such as the preload helper late) so the server sends them as they are (@fastify/static
// preCompressed) instead of compressing on each request.
function precompress(): Plugin {
  return {
    name: 'steward:precompress',
    apply: 'build',
    enforce: 'post',
    writeBundle(options, bundle) {
      const dir = options.dir ?? '';
      for (const fileName of Object.keys(bundle)) {
        if (!/\.(js|css|svg|html|json|webmanifest)$/.test(fileName)) continue;
        const file = path.join(dir, fileName);
        const source = readFileSync(file);
        if (source.length < 1024) continue;
        writeFileSync(`${file}.br`, brotliCompressSync(source, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(`${file}.gz`, gzipSync(source, { level: 9 }));
      }
    },
  };
}

// The SPA lives in web/ and builds to web/dist, which the Fastify app serves in production.
// In development (`vite --config web/vite.config.ts`) API calls are proxied to the Steward server.
export default defineConfig({
  root: webRoot,
  publicDir: 'public',
  plugins: [react(), dropIeMediaHack(), precompress()],
  resolve: {
    alias: {
      // GOV.UK Frontend's Sass refers to its images through this alias (see src/styles.scss).
      '@govuk-assets': govukAssets,
      // The one CSV writer (src/domain/core/csv.ts) imports csv-stringify's Node build, which uses Node's Buffer
      // when loaded; the browser gets the package's own browser build of the same code.
      'csv-stringify/sync': 'csv-stringify/browser/esm/sync',
    },
  },
  css: {
    preprocessorOptions: {
      scss: { quietDeps: true, silenceDeprecations: ['import'] },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
    // Compiling all of GOV.UK Frontend's Sass is the slow step by design; don't warn about it on every build.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.STEWARD_API ?? 'http://localhost:3000', changeOrigin: false } },
  },
});
