// Offline advisory check: the production packages of package-lock.json against scripts/audit/advisories.json.
// Used by scripts/audit.mjs when the registry's audit endpoint cannot be reached.
import { readFileSync } from 'node:fs';

/** [major, minor, patch] of a version like 5.3.2 or 5.3.2-beta.1 (pre-release tags ignored). */
export function parseVersion(v) {
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(String(v).trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

function compare(a, b) {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

/** Does `version` fall in a range written '>=a.b.c <x.y.z' (either bound optional)? */
export function inRange(version, range) {
  const v = parseVersion(version);
  if (!v) return false;
  for (const part of range.trim().split(/\s+/)) {
    const m = /^(>=|<=|>|<|=)?(.+)$/.exec(part);
    const bound = parseVersion(m[2]);
    if (!bound) throw new Error(`Unreadable range ${range}`);
    const c = compare(v, bound);
    const op = m[1] ?? '=';
    const ok = op === '>=' ? c >= 0 : op === '>' ? c > 0 : op === '<' ? c < 0 : op === '<=' ? c <= 0 : c === 0;
    if (!ok) return false;
  }
  return true;
}

/** Production packages of an npm v2/v3 lockfile: [{ name, version, path }]. */
export function productionPackages(lock) {
  const out = [];
  for (const [path, info] of Object.entries(lock.packages ?? {})) {
    if (!path || info.dev || info.link) continue;
    const name = info.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    if (info.version) out.push({ name, version: info.version, path });
  }
  return out;
}

/** Advisories of at least `level` ('high' or 'critical') that a lockfile's production packages fall in. */
export function findVulnerable(lock, advisories, level = 'high') {
  const severities = level === 'critical' ? ['critical'] : ['high', 'critical'];
  const found = [];
  for (const pkg of productionPackages(lock)) {
    for (const a of advisories) {
      if (a.package !== pkg.name || !severities.includes(a.severity)) continue;
      if (a.vulnerable.some((r) => inRange(pkg.version, r))) found.push({ ...a, version: pkg.version, path: pkg.path });
    }
  }
  return found;
}

export function loadJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}
