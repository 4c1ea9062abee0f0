/**
 * A teacher's packages: wheels put in the package folder before the build are shipped with it, loaded
 * from our own origin when a program imports them (with what they depend on), precached for offline use,
 * and run as their authors wrote them; a program can't rewrite them.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { build } from 'vite';
import { makeWheel } from '../fixtures/make-wheel.ts';
import { securityHeaders } from '../../tools/security-headers.ts';
import { serveStatic, type StaticServer } from '../../tools/static-server.ts';
import { ScratchPadPage } from './support/scratch-pad.ts';

test.use({ serviceWorkers: 'allow' });
// One build for the whole file.
test.describe.configure({ mode: 'serial' });

const HELPERS = makeWheel({
  name: 'course_helpers',
  version: '1.2',
  files: {
    // `__dict__` is withheld from learners' own code; a package's code may use it.
    'course_helpers/__init__.py':
      'def greet(name):\n    return f"hello {name}"\n\ndef field_names(obj):\n    return sorted(obj.__dict__)\n',
  },
});
const SHAPES = makeWheel({
  name: 'course_shapes',
  version: '0.1',
  files: {
    'course_shapes.py':
      'import course_helpers\n\nclass Point:\n    def __init__(self):\n        self.x, self.y = 1, 2\n\ndef fields():\n    return course_helpers.field_names(Point())\n',
  },
  requires: ['course-helpers'],
});

let dist = '';
let server: StaticServer;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const work = await mkdtemp(path.join(os.tmpdir(), 'sandpit-packages-'));
  const folder = path.join(work, 'packages');
  dist = path.join(work, 'dist');
  await mkdir(folder);
  for (const wheel of [HELPERS, SHAPES]) await writeFile(path.join(folder, wheel.fileName), wheel.bytes);
  process.env['SANDPIT_PACKAGES_DIR'] = folder;
  try {
    await build({
      root: path.resolve(import.meta.dirname, '../..'),
      logLevel: 'error',
      build: { outDir: dist, emptyOutDir: true },
    });
  } finally {
    delete process.env['SANDPIT_PACKAGES_DIR'];
  }
});

test.beforeEach(async () => {
  server = await serveStatic({ '/': dist }, securityHeaders());
});

test.afterEach(async () => {
  await server.close();
});

test('a program imports a package (and the package it depends on) from the build, offline too', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const foreign: string[] = [];
  context.on('request', (request) => {
    if (!request.url().startsWith(`${server.url}/`)) foreign.push(request.url());
  });
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await expect(page.getByTestId('notice')).toContainText('ready to work offline', { timeout: 60_000 });
  const program =
    'import course_shapes\nfrom course_helpers import greet\nprint(greet("class"), course_shapes.fields())\n';
  const pad = new ScratchPadPage(page);
  expect(await pad.runCode(program, 'course_shapes')).toBe("hello class ['x', 'y']\n");

  // Offline, in a fresh page (a fresh interpreter), the wheels come from the service worker's cache.
  await server.close();
  await context.setOffline(true);
  await page.reload();
  expect(await pad.runCode(`${program}# offline\n`, 'offline')).toBe("hello class ['x', 'y']\n");
  expect(foreign).toEqual([]);
  await context.close();
  server = await serveStatic({ '/': dist }, securityHeaders());
});

test("a package's files can't be rewritten by a program, which then imports the package as installed", async ({
  page,
}) => {
  // Installing a package happens inside the run's time limit; on a busy 2-core machine it took over 10 s.
  await page.goto(`${server.url}/?timeout=30`);
  const program = `try:
    with open("/lib/python3.14/site-packages/course_helpers/__init__.py", "w") as f:
        f.write("print('rewritten')\\n")
except PermissionError as refusal:
    print("refused:", refusal.strerror)
import course_helpers
print("imported", course_helpers.__name__)
`;
  const output = await new ScratchPadPage(page).runCode(program, 'rewritten');
  expect(output).toContain("refused: the interpreter's own files can't be changed in the sandbox");
  expect(output).toContain('imported course_helpers');
  expect(output).not.toContain('rewritten\n');
});

test("importing one of Pyodide's packages that the build lacks says so and who can add it", async ({
  page,
}) => {
  // Installing a package happens inside the run's time limit; on a busy 2-core machine it took over 10 s.
  await page.goto(`${server.url}/?timeout=30`);
  const output = await new ScratchPadPage(page).runCode('import numpy\n', 'numpy');
  expect(output).toContain("ModuleNotFoundError: No module named 'numpy'");
  expect(output).toContain("numpy is one of Pyodide's packages, but this Sandpit was built without it");
});
