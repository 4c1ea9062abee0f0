/**
 * `npm run bench`: Sandpit against raw Pyodide (loaded the plain way in a module worker, same browser, same
 * run). Builds the app, serves it with its production headers, drives Chromium, prints a table of medians
 * and ratios, and writes the figures to bench/results/latest.json.
 *
 *   npm run bench                 # 5 runs per figure
 *   BENCH_RUNS=3 npm run bench    # quicker, noisier
 *   npm run bench -- --no-build   # reuse dist/
 *   npm run bench -- --only=school-link   # just the school-link scenario (BENCH_LINK_MBIT, BENCH_LINK_RTT_MS)
 *   npm run bench -- --only=turtle        # just the turtle drawings
 *   npm run bench -- --only=back-to-back  # just the runs started back to back
 */
import { execSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from '../tools/chromium.ts';
import { securityHeaders } from '../tools/security-headers.ts';
import { serveStatic } from '../tools/static-server.ts';
import { firstVisitBytes } from './first-visit-bytes.ts';
import { formatTable, type Row } from './report.ts';
import {
  BACK_TO_BACK_RUNS,
  backToBack,
  coldAndWarmStart,
  CPU_RUNS_PER_PAGE,
  cpuSeconds,
  firstOutput,
  flood,
  floodIntoBuffer,
  FLOOD_LINES,
  idleMemory,
  readyAfterKill,
  targets,
  twentyWidgets,
  type BackToBack,
  type Target,
  type TwentyWidgets,
} from './scenarios.ts';
import { linkOptionsFromEnvironment, schoolLink, type LinkSetup, type LinkVisit } from './school-link.ts';
import { median } from './stats.ts';
import { turtleDrawing, type TurtleDrawing } from './turtle.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.join(ROOT, 'dist');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** Floods, memory and the widget page are slow and steady: fewer runs. */
const FEW_RUNS = Math.min(RUNS, 3);

if (!process.argv.includes('--no-build')) execSync('npx vite build', { cwd: ROOT, stdio: 'inherit' });

const server = await serveStatic(
  {
    '/': DIST,
    '/bench-raw/': path.join(ROOT, 'bench/raw-pyodide'),
    '/pyodide-js/': path.join(ROOT, 'node_modules/pyodide'),
    '/bench-pages/': path.join(ROOT, 'bench/pages'),
  },
  securityHeaders(),
);
// Eager memory measurement: otherwise measureUserAgentSpecificMemory waits for the next garbage collection.
const browser = await chromium.launch({
  executablePath: chromiumExecutable(),
  args: [...CHROMIUM_ARGS, '--enable-blink-features=ForceEagerMeasureMemory'],
});
const pages = targets(server.url);

/**
 * The end of an `--only=<part>` run: closes the browser and server, prints `rows`, writes them with
 * `details` (the samples...) to bench/results/<part>.json, and exits.
 */
async function finishPart(part: string, rows: Row[], details: Record<string, unknown>): Promise<never> {
  await browser.close();
  await server.close();
  console.log(`\n${formatTable(rows)}\n`);
  const file = path.join(ROOT, `bench/results/${part}.json`);
  const results = { measuredAt: new Date().toISOString(), ...details, rows };
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`written to ${path.relative(ROOT, file)}`);
  process.exit(0);
}

/** Runs `measure` RUNS times on each page, alternating, so both see the same machine noise. */
async function sideBySide<T>(
  label: string,
  measure: (browser: Browser, target: Target) => Promise<T>,
  runs = RUNS,
) {
  const samples: Record<'sandpit' | 'raw', T[]> = { sandpit: [], raw: [] };
  for (let run = 0; run < runs; run++) {
    for (const target of [pages.sandpit, pages.raw])
      samples[target.name].push(await measure(browser, target));
    process.stdout.write(`\r${label}: ${run + 1}/${runs}`);
  }
  process.stdout.write('\n');
  return samples;
}

const pick = <T>(samples: T[], key: (sample: T) => number) => median(samples.map(key));
const onlySchoolLink = process.argv.includes('--only=school-link');
const onlyTurtle = process.argv.includes('--only=turtle');
const onlyBackToBack = process.argv.includes('--only=back-to-back');
const MB = 1e6;

/** Turtle drawings of 10 000 and 100 000 segments under tracer(0). */
const TURTLE_SEGMENTS = [10_000, 100_000] as const;
/** Runs started back to back (issue 14: none waits more than 150 ms for an interpreter). */
async function backToBackRows(): Promise<{ rows: Row[]; samples: BackToBack[] }> {
  const samples: BackToBack[] = [];
  for (let run = 0; run < FEW_RUNS; run++) {
    samples.push(await backToBack(browser, pages.sandpit));
    process.stdout.write(`\rback-to-back runs: ${run + 1}/${FEW_RUNS}`);
  }
  process.stdout.write('\n');
  // Each run's wait: its time beyond a run of the same program on a page at rest, measured in that page.
  const waits = samples.flatMap((sample) => sample.runsMs.map((ms) => Math.max(0, ms - sample.spacedMs)));
  const rows: Row[] = [
    {
      figure: 'a run on a page at rest: Run click to its end',
      unit: 'ms',
      sandpit: median(samples.map((sample) => sample.spacedMs)),
      raw: null,
    },
    {
      figure: `${BACK_TO_BACK_RUNS} runs back to back: median wait for an interpreter`,
      unit: 'ms',
      sandpit: median(waits),
      raw: null,
    },
    {
      figure: `${BACK_TO_BACK_RUNS} runs back to back: longest wait for an interpreter`,
      unit: 'ms',
      sandpit: Math.max(...waits),
      raw: null,
      target: { atMost: 150 },
    },
  ];
  return { rows, samples };
}

/**
 * 200 000 printed lines: ours and raw Pyodide's pages showing them, and raw Pyodide printing them into a
 * buffer (issue 14: a flood at most 2x that).
 */
async function floodRows(): Promise<{ rows: Row[]; samples: Record<string, unknown> }> {
  const floods = await sideBySide(`flood of ${FLOOD_LINES} lines`, flood, FEW_RUNS);
  const intoBuffer: number[] = [];
  for (let run = 0; run < FEW_RUNS; run++) {
    intoBuffer.push(await floodIntoBuffer(browser, pages.raw));
    process.stdout.write(`\rflood into a buffer (raw): ${run + 1}/${FEW_RUNS}`);
  }
  process.stdout.write('\n');
  const sandpitMs = pick(floods.sandpit, (s) => s.ms);
  const rows: Row[] = [
    {
      figure: `flood of ${FLOOD_LINES} lines: Run click to last line`,
      unit: 'ms',
      sandpit: sandpitMs,
      raw: pick(floods.raw, (s) => s.ms),
      target: { ratioAtMost: 0.5 }, // issue: 3×; measured 0.20–0.22×
    },
    {
      figure: 'flood: against raw Pyodide printing into a buffer (its page shows the last line)',
      unit: 'ms',
      sandpit: sandpitMs,
      raw: median(intoBuffer),
      target: { ratioAtMost: 2 },
    },
    {
      figure: 'flood: longest frame gap',
      unit: 'ms',
      sandpit: pick(floods.sandpit, (s) => s.maxFrameGapMs),
      raw: pick(floods.raw, (s) => s.maxFrameGapMs),
      target: { atMost: 50 }, // issue: 100 ms; measured 17 ms since the console's fixes, 50 ms before
    },
  ];
  return { rows, samples: { ...floods, rawIntoBuffer: intoBuffer } };
}

if (process.argv.includes('--only=flood')) {
  const { rows, samples } = await floodRows();
  await finishPart('flood', rows, { samples });
}

if (onlyBackToBack) {
  const { rows, samples } = await backToBackRows();
  await finishPart('back-to-back', rows, { samples });
}

const turtle: Record<string, TurtleDrawing[]> = {};
// `--only=school-link` measures that part alone (its rows are all it prints).
for (const segments of onlySchoolLink ? [] : TURTLE_SEGMENTS) {
  turtle[segments] = [];
  for (let run = 0; run < FEW_RUNS; run++) {
    turtle[segments].push(await turtleDrawing(browser, server.url, segments));
    process.stdout.write(`\rturtle, ${segments} segments: ${run + 1}/${FEW_RUNS}`);
  }
  process.stdout.write('\n');
}
const turtleFigure = (segments: number, key: (drawing: TurtleDrawing) => number) =>
  median((turtle[segments] ?? []).map(key));
const turtleRows: Row[] = TURTLE_SEGMENTS.flatMap((segments): Row[] => [
  {
    figure: `turtle, ${segments} segments under tracer(0): Run click to drawing complete`,
    unit: 'ms',
    sandpit: turtleFigure(segments, (d) => d.ms),
    raw: null,
    ...(segments === 10_000 ? { target: { atMost: 1000 } } : {}),
  },
  {
    figure: `turtle, ${segments} segments: the drawing loop inside Python`,
    unit: 's',
    sandpit: turtleFigure(segments, (d) => d.pythonSeconds),
    raw: null,
  },
  {
    figure: `turtle, ${segments} segments: longest frame gap`,
    unit: 'ms',
    sandpit: turtleFigure(segments, (d) => d.maxFrameGapMs),
    raw: null,
    target: { atMost: 50 },
  },
]);
if (onlyTurtle) await finishPart('turtle', turtleRows, { samples: turtle });

const linkOptions = linkOptionsFromEnvironment();
const link = await schoolLink(browser, ROOT, linkOptions, FEW_RUNS);
const linkFigure = (setup: LinkSetup, key: (visit: LinkVisit) => number) => pick(link[setup], key);
const onLink = `at ${linkOptions.mbitPerSecond} Mbit/s, ${linkOptions.rttMs} ms`;
const schoolLinkRows: Row[] = [
  {
    figure: `${onLink}: navigation to Python ready, host compressing nothing (raw: same host)`,
    unit: 'ms',
    sandpit: linkFigure('sandpit-plain', (v) => v.readyMs),
    raw: linkFigure('raw-plain', (v) => v.readyMs),
    target: { ratioAtMost: 0.6 },
  },
  {
    figure: `${onLink}: navigation to Python ready, host compressing nothing (raw: gzipping host)`,
    unit: 'ms',
    sandpit: linkFigure('sandpit-plain', (v) => v.readyMs),
    raw: linkFigure('raw-gzip', (v) => v.readyMs),
    target: { ratioAtMost: 1.0 },
  },
  {
    figure: `${onLink}: navigation to Python ready, serve:lan's precompressed files (raw: gzipping host)`,
    unit: 'ms',
    sandpit: linkFigure('sandpit-precompressed', (v) => v.readyMs),
    raw: linkFigure('raw-gzip', (v) => v.readyMs),
    target: { ratioAtMost: 1.0 },
  },
  {
    figure: `${onLink}: bytes before Python is ready, host compressing nothing (raw: same host)`,
    unit: 'MB',
    sandpit: linkFigure('sandpit-plain', (v) => v.bytesBeforeReady / MB),
    raw: linkFigure('raw-plain', (v) => v.bytesBeforeReady / MB),
    target: { atMost: 8 },
  },
  {
    figure: `${onLink}: bytes before Python is ready, precompressed (raw: gzipping host)`,
    unit: 'MB',
    sandpit: linkFigure('sandpit-precompressed', (v) => v.bytesBeforeReady / MB),
    raw: linkFigure('raw-gzip', (v) => v.bytesBeforeReady / MB),
    target: { atMost: 8 },
  },
  {
    figure: `${onLink}: bytes for the whole first visit, offline cache complete, host compressing nothing`,
    unit: 'MB',
    sandpit: linkFigure('sandpit-plain', (v) => v.bytesWholeVisit / MB),
    raw: null,
    target: { atMost: 15 },
  },
  {
    figure: `${onLink}: bytes for the whole first visit, offline cache complete, precompressed`,
    unit: 'MB',
    sandpit: linkFigure('sandpit-precompressed', (v) => v.bytesWholeVisit / MB),
    raw: null,
    target: { atMost: 15 },
  },
  {
    figure: `${onLink}: second visit (reload), navigation to Python ready`,
    unit: 'ms',
    sandpit: linkFigure('sandpit-plain', (v) => v.secondVisitMs),
    raw: linkFigure('raw-plain', (v) => v.secondVisitMs),
  },
  {
    figure: `${onLink}: second visit (reload), bytes`,
    unit: 'MB',
    sandpit: linkFigure('sandpit-plain', (v) => v.secondVisitBytes / MB),
    raw: linkFigure('raw-plain', (v) => v.secondVisitBytes / MB),
    target: { atMost: 0 },
  },
];
if (onlySchoolLink) await finishPart('school-link', schoolLinkRows, { link: linkOptions, samples: link });

const starts = await sideBySide('start', coldAndWarmStart);
const outputs = await sideBySide('first output', firstOutput);
const kills = await sideBySide('ready after a kill', readyAfterKill);
const backToBackRuns = await backToBackRows();
const cpu = await sideBySide('CPU', cpuSeconds);
const floods = await floodRows();
const memory = await sideBySide('memory', idleMemory, FEW_RUNS);
const bytes = await firstVisitBytes(browser, server.url, DIST);
const widgetPageBytes = await firstVisitBytes(browser, server.url, DIST, {
  path: '/bench-pages/twenty-widgets.html',
  readySelector: 'sandpit-python#w0 [data-testid=status][data-state=ready]',
});
const widgets: TwentyWidgets[] = [];
for (let run = 0; run < FEW_RUNS; run++) {
  widgets.push(await twentyWidgets(browser, server.url));
  process.stdout.write(`\r20 widgets: ${run + 1}/${FEW_RUNS}`);
}
process.stdout.write('\n');
const chromiumVersion = browser.version();
await browser.close();
await server.close();

const MiB = 2 ** 20;
const appAndMonacoGzip = bytes.groups.app.gzip + bytes.groups.monaco.gzip;
// Targets are the issue's, raised where we beat them with room to spare (the figure is in the
// comment): a raised target keeps a regression from hiding under the old, looser one.
const rows: Row[] = [
  ...schoolLinkRows,
  ...turtleRows,
  {
    figure: 'cold start: navigation to Python ready (empty cache)',
    unit: 'ms',
    sandpit: pick(starts.sandpit, (s) => s.coldMs),
    raw: pick(starts.raw, (s) => s.coldMs),
    target: { ratioAtMost: 1.0 },
  },
  {
    figure: 'cold start: navigation to editor shown',
    unit: 'ms',
    sandpit: pick(starts.sandpit, (s) => s.editorMs ?? NaN),
    raw: null,
  },
  {
    figure: 'warm-cache start: navigation to Python ready',
    unit: 'ms',
    sandpit: pick(starts.sandpit, (s) => s.warmMs),
    raw: pick(starts.raw, (s) => s.warmMs),
    target: { ratioAtMost: 1.0 },
  },
  {
    figure: 'first output: Run click to "hi" on screen',
    unit: 'ms',
    sandpit: median(outputs.sandpit),
    raw: median(outputs.raw),
    target: { atMost: 25 }, // issue: 30 ms; measured 18–20 ms
  },
  {
    figure: 'ready after a kill',
    unit: 'ms',
    sandpit: median(kills.sandpit),
    raw: median(kills.raw),
    target: { ratioAtMost: 0.05 }, // issue: 0.15×; measured 0.00× (the spare is already warm)
  },
  ...backToBackRuns.rows,
  {
    figure: "CPU-bound workload, timed inside Python: the page's first run",
    unit: 's',
    sandpit: pick(cpu.sandpit, (s) => s.first),
    raw: pick(cpu.raw, (s) => s.first),
    target: { ratioAtMost: 1.05 },
  },
  {
    figure: `CPU-bound workload: the page's run ${CPU_RUNS_PER_PAGE} (each of ours in a new interpreter)`,
    unit: 's',
    sandpit: pick(cpu.sandpit, (s) => s.last),
    raw: pick(cpu.raw, (s) => s.last),
  },
  ...floods.rows,
  {
    figure: 'memory, idle (page + workers, JS heaps and wasm)',
    unit: 'MiB',
    sandpit: pick(memory.sandpit, (s) => s.totalBytes / MiB),
    raw: pick(memory.raw, (s) => s.totalBytes / MiB),
  },
  {
    figure: 'memory, idle: workers only',
    unit: 'MiB',
    sandpit: pick(memory.sandpit, (s) => s.workerBytes / MiB),
    raw: pick(memory.raw, (s) => s.workerBytes / MiB),
  },
  { figure: 'first visit, gzip: app', unit: 'KiB', sandpit: bytes.groups.app.gzip / 1024, raw: null },
  { figure: 'first visit, gzip: Monaco', unit: 'KiB', sandpit: bytes.groups.monaco.gzip / 1024, raw: null },
  {
    figure: 'first visit, gzip: app + Monaco',
    unit: 'KiB',
    sandpit: appAndMonacoGzip / 1024,
    raw: null,
    target: { atMost: (1.2 * 1000 * 1000) / 1024 }, // issue: 1.5 MB; measured 965 KiB
  },
  { figure: 'first visit, gzip: Pyodide', unit: 'KiB', sandpit: bytes.groups.pyodide.gzip / 1024, raw: null },
  {
    figure: 'first visit, gzip: analysis worker (problems, Format; after Python is ready)',
    unit: 'KiB',
    sandpit: bytes.groups.analysis.gzip / 1024,
    raw: null,
  },
  {
    figure: '20 widgets: memory once loaded (Python ready)',
    unit: 'MiB',
    sandpit: median(widgets.map((w) => w.loadedBytes / MiB)),
    raw: null,
  },
  {
    figure: '20 widgets: memory after each ran once',
    unit: 'MiB',
    sandpit: median(widgets.map((w) => w.usedBytes / MiB)),
    raw: null,
  },
  {
    figure: '20 widgets: most interpreters alive at once',
    unit: 'workers',
    sandpit: Math.max(...widgets.map((w) => w.mostInterpreters)),
    raw: null,
    target: { atMost: 3 },
  },
  {
    figure: '20 widgets: running all twenty, one after another',
    unit: 'ms',
    sandpit: median(widgets.map((w) => w.runAllMs)),
    raw: null,
  },
  {
    figure: '20 widgets: first visit, gzip (no Monaco until a widget is edited)',
    unit: 'KiB',
    sandpit: (widgetPageBytes.groups.app.gzip + widgetPageBytes.groups.monaco.gzip) / 1024,
    raw: null,
  },
];

const machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  os: `${os.type()} ${os.release()}`,
  node: process.version,
  chromium: chromiumVersion,
};
console.log(`\n${formatTable(rows)}\n`);
console.log(
  `machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Chromium ${machine.chromium}, medians of ${RUNS} runs (flood and memory: ${FEW_RUNS})`,
);

const results = {
  measuredAt: new Date().toISOString(),
  runs: RUNS,
  machine,
  rows,
  samples: {
    starts,
    outputs,
    kills,
    backToBack: backToBackRuns.samples,
    cpu,
    floods: floods.samples,
    memory,
    widgets,
    link,
    turtle,
  },
  link: linkOptions,
  firstVisit: bytes.groups,
  widgetPageFirstVisit: widgetPageBytes.groups,
};
await mkdir(path.join(ROOT, 'bench/results'), { recursive: true });
const file = path.join(ROOT, 'bench/results/latest.json');
await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`written to ${path.relative(ROOT, file)}`);
