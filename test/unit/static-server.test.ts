import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../tools/static-server';

const servers: StaticServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

describe('the static server (bench, serve:lan, tests)', () => {
  it('serves mounted folders with the given headers, index.html for folders, the longest prefix first', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'sandpit-static-'));
    const inner = await mkdtemp(path.join(os.tmpdir(), 'sandpit-static-inner-'));
    await writeFile(path.join(root, 'index.html'), '<p>root</p>');
    await writeFile(path.join(inner, 'app.js'), 'export {};');
    const server = await serveStatic({ '/': root, '/deep/': inner }, { 'X-Test': 'yes' });
    servers.push(server);
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('x-test')).toBe('yes');
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toBe('<p>root</p>');
    const script = await fetch(`${server.url}/deep/app.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript');
    expect((await fetch(`${server.url}/missing.js`)).status).toBe(404);
  });

  it('never serves a file outside its mount', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'sandpit-static-'));
    const server = await serveStatic({ '/': root }, {});
    servers.push(server);
    const escaped = await fetch(`${server.url}/%2e%2e/%2e%2e/etc/passwd`);
    expect(escaped.status).toBe(404);
  });
});
