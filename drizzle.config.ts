import { defineConfig } from 'drizzle-kit';

// Every area keeps its tables in src/db/<area>/schema.ts; migrations are generated into drizzle/.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/*/schema.ts',
  out: './drizzle',
});
