// Capacity planning by simulation: the pure engine and everything around it (runs on the server, in worker threads and in the browser).
export * from './scenario.js';
export * from './compile.js';
export * from './engine.js';
export * from './results.js';
export * from './simulate.js';
export * from './statistics.js';
export * from './queueingTheory.js';
export * from './capacitySearch.js';
export * from './compare.js';
export * from './csv.js';
export * from './calendar.js';
export * from './fit.js';
export * from './variants.js';
