/**
 * A static host that sends no headers of ours at all (no COOP/COEP, no CSP), like GitHub Pages or a
 * course platform: the `deploy-headerless` Playwright project's server.
 *
 *   npx tsx test/e2e/support/serve-bare-host.ts --port 4174
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { serveStatic } from '../../../tools/static-server.ts';

const { values } = parseArgs({ options: { port: { type: 'string', default: '4174' } } });
const dist = path.resolve(import.meta.dirname, '../../../dist');
const server = await serveStatic({ '/': dist }, {}, { port: Number(values.port) });
console.log(`bare host: ${server.url}/`);
