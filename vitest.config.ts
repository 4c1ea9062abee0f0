import { defineConfig } from 'vitest/config';

/** Unit tests: pure logic, plus the Python bootstrap inside real Pyodide (under Node). */
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
