// Boundaries that hold (issue 12, item 7), checked by `npm run lint` (`depcruise`): the functional core stays
// pure, no module takes part in an import cycle, and the web app never reaches the database layer. Tests beside
// the core's modules may use the test runner and Node (fixture files): the purity rules are about its own code.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment:
        'An import cycle makes load order matter (a module can see another half-initialised) and the layers ' +
        'impossible to read one at a time. Move the shared part into a module both import.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-no-node',
      severity: 'error',
      comment: 'src/domain is the functional core: no Node built-ins (file system, processes, threads, network).',
      from: { path: '^src/domain/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'domain-no-outer-layers',
      severity: 'error',
      comment:
        'src/domain depends on nothing outside it: not the database (src/db), the HTTP server, the command line, ' +
        'importers, demo data or the web app. Pass the data in; return the answer.',
      from: { path: '^src/domain/', pathNot: '\\.test\\.ts$' },
      to: { path: '^(src/(db|server|cli|importers|demo)|web|bench|scripts)/' },
    },
    {
      name: 'domain-only-pure-libraries',
      severity: 'error',
      comment:
        'src/domain may use only libraries that compute (validation, dates, statistics, CSV text, diffs, Markdown ' +
        'parsing, seeded random numbers): no database driver or ORM, web framework, React, spreadsheet or ZIP ' +
        'writer, browser or logger. Add a library here only if it does no I/O.',
      from: { path: '^src/domain/', pathNot: '\\.test\\.ts$' },
      to: {
        dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'],
        pathNot:
          '^node_modules/(zod|date-fns|@date-fns/(tz|utc)|simple-statistics|csv-stringify|csv-parse|diff|markdown-it|pure-rand|fastest-levenshtein)/',
      },
    },
    {
      name: 'web-not-db',
      severity: 'error',
      comment:
        'The web app talks to the server through the API; it never imports the database layer (its types come ' +
        'from the server schemas). End-to-end tests and their harness (web/src/testing) may set up data directly.',
      from: { path: '^web/', pathNot: '(\\.test\\.tsx?$|^web/src/testing/)' },
      to: { path: '^src/db/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve: a typo, or a package missing from package.json.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|web/dist|drizzle|\\.steward-data)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    // Type-only imports are erased when compiled, but a cycle through them still ties the modules' designs
    // together: they count.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
