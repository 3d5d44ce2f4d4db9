// Starts the compute worker from TypeScript sources (tsx, vitest): registers the tsx loader in this thread first.
import { register } from 'tsx/esm/api';

register();
await import('./computeWorker.ts');
