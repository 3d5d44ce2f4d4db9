// Shared helpers for the benches: percentiles, the machine's load, flags and tables printed against targets.
import os from 'node:os';

/** The p-th percentile (0–1) of `values` by linear interpolation between closest ranks. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return s[lo] + (h - lo) * (s[hi] - s[lo]);
}

/** "load 1.23 / 0.98 / 0.75 (1, 5, 15 min) on 2 cores": printed with every table, since the machine is shared. */
export function machineLoad(): string {
  const [a, b, c] = os.loadavg();
  return `load ${a.toFixed(2)} / ${b.toFixed(2)} / ${c.toFixed(2)} (1, 5, 15 min) on ${os.cpus().length} cores`;
}

/** `--name=value` from the command line (npm run bench -- --name=value), else the environment variable, else fallback. */
export function flag(name: string, env: string | undefined, fallback: string): string {
  const prefix = `--${name}=`;
  const arg = process.argv.find((a) => a.startsWith(prefix));
  if (arg) return arg.slice(prefix.length);
  return env ?? fallback;
}

/** True when `--name` is on the command line. */
export function hasFlag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}

export interface Timed {
  name: string;
  samples: number[];
  target: number;
}

const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '–');

/**
 * Prints one row per measurement: samples, median, p95, max, target and whether p95 is within it, slowest first,
 * then the slowest ten again when there are more than ten. Returns how many are over target.
 */
export function printTable(title: string, rows: readonly Timed[], unit = 'ms'): number {
  console.log(`\n${title} — ${machineLoad()}`);
  const sorted = [...rows].sort((a, b) => percentile(b.samples, 0.95) - percentile(a.samples, 0.95));
  const width = Math.min(90, Math.max(20, ...sorted.map((r) => r.name.length)));
  console.log(
    `${'request / page'.padEnd(width)}  ${'n'.padStart(4)}  ${`median ${unit}`.padStart(11)}  ${`p95 ${unit}`.padStart(9)}  ${`max ${unit}`.padStart(9)}  ${'target'.padStart(7)}  ok`,
  );
  let over = 0;
  for (const r of sorted) {
    const p95 = percentile(r.samples, 0.95);
    const ok = p95 < r.target;
    if (!ok) over++;
    const name = r.name.length > width ? `${r.name.slice(0, width - 1)}…` : r.name;
    console.log(
      `${name.padEnd(width)}  ${String(r.samples.length).padStart(4)}  ${ms(percentile(r.samples, 0.5)).padStart(11)}  ${ms(p95).padStart(9)}  ${ms(Math.max(...r.samples)).padStart(9)}  ${`<${r.target}`.padStart(7)}  ${ok ? 'yes' : 'NO'}`,
    );
  }
  console.log(`${sorted.length - over} of ${sorted.length} within target; ${over} over.`);
  return over;
}
