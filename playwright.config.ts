import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './tools/chromium.ts';

// SANDPIT_TEST_PORT lets a second checkout run its suite beside this one.
const PORT = Number(process.env.SANDPIT_TEST_PORT ?? 4173);

/**
 * End-to-end tests (test/e2e) and the red-team suite (test/security): real Chromium against the real build
 * (`vite build`), served by `vite preview`.
 */
export default defineConfig({
  testDir: 'test',
  outputDir: 'test-results',
  timeout: 90_000,
  expect: { timeout: 30_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}/`,
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    // The service worker precaches 17 MiB per browser context; only the offline tests need it
    // (test/e2e/offline.spec.ts allows it), and the others stay free of its background work.
    serviceWorkers: 'block',
  },
  projects: [
    { name: 'functional', testMatch: /(e2e|security)\/.*\.spec\.ts$/, testIgnore: /\.timing\.spec\.ts$/ },
    {
      // Tests that assert timing bounds (Stop within 1 s, frame gaps under 100 ms, CPU while sleeping) run
      // after everything else, one at a time, so parallel tests on a 2-core machine can't starve them.
      name: 'timing',
      testMatch: /\.timing\.spec\.ts$/,
      dependencies: ['functional'],
      workers: 1,
      // A shared CI machine can steal a frame from any page; a real regression fails both attempts.
      retries: 1,
      fullyParallel: false,
      // Recording a trace screencasts every frame, which costs the page the very time these tests measure.
      use: { trace: 'off' },
    },
  ],
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
