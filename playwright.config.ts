import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './tools/chromium.ts';
import { CLASSROOM_HOST, DEPLOYMENT_PORTS } from './test/e2e/support/deployments.ts';

// SANDPIT_TEST_PORT lets a second checkout run its suite beside this one (the other ports follow it).
const PORT = Number(process.env.SANDPIT_TEST_PORT ?? DEPLOYMENT_PORTS.isolated);
const HEADERLESS_PORT = PORT + (DEPLOYMENT_PORTS.headerless - DEPLOYMENT_PORTS.isolated);
const INSECURE_PORT = PORT + (DEPLOYMENT_PORTS.insecure - DEPLOYMENT_PORTS.isolated);
const launchOptions = { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS };
/** Chromium reaches the LAN deployment by a host name, so the origin is not secure (not localhost). */
const insecureLaunch = {
  ...launchOptions,
  args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${CLASSROOM_HOST} 127.0.0.1`],
};
const insecureURL = `http://${CLASSROOM_HOST}:${INSECURE_PORT}/`;

/** The same deployment tests against each way Sandpit is served (test/e2e/support/deployments.ts). */
const deploymentProjects = [
  { name: 'deploy-isolated', use: { baseURL: `http://localhost:${PORT}/` } },
  { name: 'deploy-headerless', use: { baseURL: `http://localhost:${HEADERLESS_PORT}/` } },
  { name: 'deploy-insecure', use: { baseURL: insecureURL, launchOptions: insecureLaunch } },
].map((project) => ({
  ...project,
  testMatch: /e2e\/deployments\.spec\.ts$/,
  dependencies: ['functional'],
  // These assert timing bounds too (Stop within a second, sleep on time); a trace's screencast costs frames.
  use: { ...project.use, trace: 'off' as const },
}));

/**
 * End-to-end tests (test/e2e) and the red-team suite (test/security): real Chromium against the real build
 * (`vite build`), served by `vite preview` (cross-origin isolated), a header-less static host, and
 * `serve:lan` reached over plain http.
 */
export default defineConfig({
  testDir: 'test',
  outputDir: 'test-results',
  // Generous: a test that opens pages and runs a dozen programs takes over a minute on a loaded 2-core machine.
  timeout: 180_000,
  expect: { timeout: 30_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}/`,
    browserName: 'chromium',
    launchOptions,
    trace: 'retain-on-failure',
    // The service worker precaches about 47 MiB per browser context; only the offline tests need it
    // (test/e2e/offline.spec.ts allows it), and the others stay free of its background work.
    serviceWorkers: 'block',
  },
  projects: [
    {
      name: 'functional',
      testMatch: /(e2e|security)\/.*\.spec\.ts$/,
      testIgnore: [/\.timing\.spec\.ts$/, /e2e\/deployments\.spec\.ts$/],
    },
    {
      // The red team again where there is no cross-origin isolation (JSPI mode, CSP sent): the same walls.
      name: 'red-team-insecure',
      testMatch: /security\/red-team\.spec\.ts$/,
      use: { baseURL: insecureURL, launchOptions: insecureLaunch },
      metadata: { recordingPort: 4191 },
    },
    ...deploymentProjects,
    {
      // Tests that assert timing bounds (Stop within 1 s, frame gaps under 100 ms, CPU while sleeping) run
      // one at a time with nothing beside them, so parallel tests on a 2-core machine can't starve them:
      // `npm run test:e2e` runs them first, in a pass of their own (tools/run-e2e.sh); a plain
      // `playwright test` runs them after everything else (these dependencies).
      name: 'timing',
      testMatch: /\.timing\.spec\.ts$/,
      dependencies: ['functional', 'red-team-insecure', ...deploymentProjects.map(({ name }) => name)],
      workers: 1,
      // A shared CI machine can steal a frame from any page; a real regression fails both attempts.
      retries: 1,
      fullyParallel: false,
      // Recording a trace screencasts every frame, which costs the page the very time these tests measure.
      use: { trace: 'off' },
    },
  ],
  webServer: [
    {
      command: `npx vite preview --port ${PORT} --strictPort`,
      url: `http://localhost:${PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: `npx tsx test/e2e/support/serve-bare-host.ts --port ${HEADERLESS_PORT}`,
      url: `http://localhost:${HEADERLESS_PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // `npm run serve:lan` without its build step: the suite has built dist/ already.
      command: `npx tsx tools/serve-lan.ts --port ${INSECURE_PORT}`,
      url: `http://127.0.0.1:${INSECURE_PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
