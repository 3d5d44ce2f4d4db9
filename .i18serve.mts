import { openDatabase, migrateDatabase } from './src/db/client.ts';
import { buildApp } from './src/server/app.ts';
const database = await openDatabase({ dataDir: '/tmp/i18-scratch' });
await migrateDatabase(database);
const app = await buildApp({ database, webDist: '/tmp/steward-web-mps', logger: false });
await app.listen({ port: 3118, host: '127.0.0.1' });
console.log('listening');
