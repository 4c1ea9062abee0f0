/**
 * `npm run serve:lan`: serves the production build (dist/) to the classroom's network with the headers
 * Sandpit needs, and prints the addresses students should open.
 *
 *   npm run serve:lan                                  # http on port 8080
 *   npm run serve:lan -- --port 9000
 *   npm run serve:lan -- --cert cert.pem --key key.pem # https: Stop and input() work on students' machines
 *
 * Browsers treat plain http to another machine as insecure: the page then can't be cross-origin isolated.
 * Chromium-based browsers (Chrome, Edge, Chromebooks) still give input(), sleep and a gentle Stop through
 * WebAssembly JSPI; others run programs, but Stop kills them and input() explains why it can't wait. With
 * a certificate (e.g. from mkcert, trusted on the students' machines) every browser gets everything.
 */
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { securityHeaders } from './security-headers.ts';
import { serveStatic } from './static-server.ts';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '8080' }, cert: { type: 'string' }, key: { type: 'string' } },
});
const dist = path.resolve(import.meta.dirname, '../dist');
if (!existsSync(path.join(dist, 'index.html'))) {
  console.error('No build in dist/: run `npm run build` first (npm run serve:lan does).');
  process.exit(1);
}
if ((values.cert === undefined) !== (values.key === undefined)) {
  console.error('--cert and --key go together.');
  process.exit(1);
}
const tls =
  values.cert && values.key ? { cert: readFileSync(values.cert), key: readFileSync(values.key) } : undefined;
const port = Number(values.port);
await serveStatic({ '/': dist }, securityHeaders(), {
  host: '0.0.0.0',
  port,
  compression: 'precompressed',
  ...(tls ? { tls } : {}),
});

const scheme = tls ? 'https' : 'http';
const addresses = Object.values(os.networkInterfaces())
  .flat()
  .filter((entry) => entry !== undefined && entry.family === 'IPv4' && !entry.internal)
  .map((entry) => `${scheme}://${entry?.address}:${port}/`);
console.log('Sandpit is being served. Students open:');
for (const address of addresses.length > 0 ? addresses : [`${scheme}://<this computer's address>:${port}/`])
  console.log(`  ${address}`);
console.log(`On this computer: ${scheme}://localhost:${port}/   (Ctrl+C stops the server)`);
if (!tls)
  console.log(
    'Without --cert/--key, students on Chrome, Edge or a Chromebook get everything; on other browsers programs run, but Stop kills instead of interrupting and input() is unavailable (see docs/deployment.md).',
  );
