// Whether the test run must have everything it can use (a PostgreSQL server, Chromium) rather than skip what is
// missing: in CI (`CI` set, as `.ci/run` does) or with STEWARD_REQUIRE_ALL. No vitest import: the global setup reads it.

/** True when `CI` or `STEWARD_REQUIRE_ALL` is set to anything but '', '0' or 'false'. */
export function postgresRequired(env: NodeJS.ProcessEnv = process.env): boolean {
  return [env.CI, env.STEWARD_REQUIRE_ALL].some(
    (v) => v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false',
  );
}
