import { defineConfig } from 'drizzle-kit'

// The shared OMU database (PostgreSQL 15+, issue 13). The SQLite file's config is drizzle.config.ts.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema-pg/index.ts',
  out: './db/migrations-pg',
})
