import { defineConfig } from 'vitest/config'

// `npm run test:pg`: the integration suite on a real PostgreSQL server (issue 13), the shared OMU
// database's backend; `npm run test:unit` runs the same files on real SQLite files.
export default defineConfig({
  test: {
    include: ['test/integration/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // One PostgreSQL server per worker (test/pg/globalSetup.ts): the machine's two cores.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    globalSetup: ['test/pg/globalSetup.ts'],
    env: { OMU_TEST_BACKEND: 'postgres' },
  },
})
