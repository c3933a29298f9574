import { defineConfig } from 'vitest/config'
import { PG_WORKERS } from './test/pg/workers'

// `npm run test:pg`: the integration suite on a real PostgreSQL server (issue 13), the shared OMU
// database's backend; `npm run test:unit` runs the same files on real SQLite files.
export default defineConfig({
  test: {
    include: ['test/integration/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: PG_WORKERS,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    globalSetup: ['test/pg/globalSetup.ts'],
    env: { OMU_TEST_BACKEND: 'postgres' },
  },
})
