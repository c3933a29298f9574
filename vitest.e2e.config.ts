import { defineConfig } from 'vitest/config'

// The e2e suite: real Chromium (Debian's /usr/bin/chromium) against the real services. One file at
// a time so two browsers never compete for this machine's two cores.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
