// Runs the in-process benchmarks (core and machine) with Vitest so TypeScript sources load as-is.
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['bench/**/*.run.ts'],
    environment: 'node',
    testTimeout: 600_000,
    pool: 'forks',
  },
})
