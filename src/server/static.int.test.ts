// The web app's files: sent compressed (the build's Brotli/gzip copies), fingerprinted assets cached for a year,
// the page itself revalidated each time; API answers compressed too (issue 13: 944 kB of JavaScript sent
// uncompressed with max-age=0).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithDatabases } from '../db/testing.js';
import { buildApp } from './app.js';

describeWithDatabases('static files and compression', (ctx) => {
  let app: FastifyInstance;
  let dist: string;
  const js = `console.log(${JSON.stringify('Steward '.repeat(2000))});\n`;
  beforeAll(async () => {
    dist = mkdtempSync(path.join(os.tmpdir(), 'steward-dist-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Steward</title><div id="root"></div>');
    writeFileSync(path.join(dist, 'assets', 'index-AbC123.js'), js);
    writeFileSync(path.join(dist, 'assets', 'index-AbC123.js.br'), brotliCompressSync(js));
    writeFileSync(path.join(dist, 'assets', 'index-AbC123.js.gz'), gzipSync(js));
    app = await buildApp({ database: ctx.database, logger: false, webDist: dist });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('sends fingerprinted assets compressed with a year-long cache, and the page revalidated', async () => {
    const res = await app.inject({ url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.rawPayload.length).toBeLessThan(js.length / 10);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(js);
    const gz = await app.inject({ url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const page = await app.inject({ url: '/market/vacancies' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.body).toContain('<div id="root">');
  });

  it('compresses API answers for browsers that accept it', async () => {
    const res = await app.inject({ url: '/api/openapi.json', headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers['content-encoding']).toBe('gzip');
    const plain = await app.inject({ url: '/api/openapi.json' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(res.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
  });
});

describeWithDatabases('a browser closing the connection early', (ctx) => {
  let app: FastifyInstance;
  let dist: string;
  const lines: { level: number; msg?: string; code?: string }[] = [];
  beforeAll(async () => {
    dist = mkdtempSync(path.join(os.tmpdir(), 'steward-dist-'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Steward</title><div id="root"></div>');
    // An icon with no compressed copy, big enough that it is still being compressed when the browser goes.
    const paths = Array.from({ length: 60_000 }, (_, i) => `<path d="M${i} ${(i * 7919) % 1000}h${i % 97}"/>`);
    writeFileSync(path.join(dist, 'favicon.svg'), `<svg xmlns="http://www.w3.org/2000/svg">${paths.join('')}</svg>`);
    const stream = { write: (line: string) => void lines.push(JSON.parse(line)) };
    app = await buildApp({ database: ctx.database, logger: { level: 'info', stream }, webDist: dist });
    await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('logs GET /favicon.svg closed early by the browser at info level, not as an error', async () => {
    const { port } = app.server.address() as AddressInfo;
    await new Promise<void>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/favicon.svg', headers: { 'accept-encoding': 'gzip' } });
      req.on('response', (res) => {
        expect(res.statusCode).toBe(200);
        req.destroy();
        resolve();
      });
      req.on('error', reject);
    });
    await expect
      .poll(() => lines.some((l) => /closed the connection|closed prematurely/.test(l.msg ?? '')), { timeout: 5000 })
      .toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
  });
});
